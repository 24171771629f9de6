/**
 * The `library_entries` table: the newsroom's authors, AI-use disclosure templates and house-style rules. Every change
 * takes the next newsroom-wide sequence number under a lock (PostgreSQL: an advisory lock; SQLite
 * writes one at a time anyway), so numbers are handed out in commit order and a desk that fetched
 * "after N" never misses a change that committed later with a smaller number.
 */
import { LIBRARY_KINDS, type LibraryKind, type NewsroomLibraryEntry } from '../../../shared/library/newsroomLibrary';
import type { SqlDriver } from './driver';

type Row = {
  kind: LibraryKind;
  id: string;
  version: number;
  data_json: string;
  archived: number;
  updated_by: string;
  updated_by_name: string;
  updated_at: string;
  sequence: number | string;
};

const toEntry = (row: Row): NewsroomLibraryEntry =>
  ({
    kind: row.kind,
    id: row.id,
    version: Number(row.version),
    data: JSON.parse(row.data_json) as unknown,
    archived: Number(row.archived) === 1,
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    sequence: Number(row.sequence),
  }) as NewsroomLibraryEntry;

export type LibraryAuthor = { id: string; name: string };

/** What a change asks for: new data (a new version), a new archive state, or both. */
export type LibraryChange = { data?: unknown; archived?: boolean };

export type LibraryWriteResult =
  { ok: true; entry: NewsroomLibraryEntry } | { ok: false; problem: 'missing' | 'exists' } | { ok: false; problem: 'stale'; current: NewsroomLibraryEntry };

export function librariesTable(db: SqlDriver) {
  async function nextSequence(tx: SqlDriver): Promise<number> {
    if (tx.dialect === 'postgres') await tx.exec('SELECT pg_advisory_xact_lock(727005)');
    const row = await tx.get<{ n: number | string | null }>('SELECT MAX(sequence) AS n FROM library_entries');
    return Number(row?.n ?? 0) + 1;
  }

  const byId = async (tx: SqlDriver, kind: LibraryKind, id: string) => {
    const row = await tx.get<Row>('SELECT * FROM library_entries WHERE kind = ? AND id = ?', [kind, id]);
    return row && toEntry(row);
  };

  return {
    /**
     * Entries of those kinds changed after `after`, oldest change first, and the newest sequence number
     * of any kind (a desk that reads fewer kinds skips the others' changes for good).
     */
    async changedAfter(after: number, kinds: readonly LibraryKind[] = LIBRARY_KINDS): Promise<{ entries: NewsroomLibraryEntry[]; sequence: number }> {
      return db.transaction(async (tx) => {
        const rows = await tx.all<Row>(`SELECT * FROM library_entries WHERE sequence > ? AND kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY sequence`, [
          after,
          ...kinds,
        ]);
        const latest = await tx.get<{ n: number | string | null }>('SELECT MAX(sequence) AS n FROM library_entries');
        return { entries: rows.map(toEntry), sequence: Number(latest?.n ?? 0) };
      });
    },

    byId: (kind: LibraryKind, id: string) => byId(db, kind, id),

    /** A new entry at version 1; refused when the id is taken (a desk sent it twice, or two desks chose it). */
    async create(entry: { kind: LibraryKind; id: string; data: unknown; by: LibraryAuthor; now: string }): Promise<LibraryWriteResult> {
      return db.transaction(async (tx) => {
        const sequence = await nextSequence(tx);
        if (await byId(tx, entry.kind, entry.id)) return { ok: false, problem: 'exists' } as const;
        await tx.run(
          `INSERT INTO library_entries (kind, id, version, data_json, archived, updated_by, updated_by_name, updated_at, sequence)
           VALUES (?, ?, 1, ?, 0, ?, ?, ?, ?)`,
          [entry.kind, entry.id, JSON.stringify(entry.data), entry.by.id, entry.by.name, entry.now, sequence],
        );
        return { ok: true, entry: (await byId(tx, entry.kind, entry.id))! } as const;
      });
    },

    /**
     * Changes an entry only if it is still at `baseVersion`; new data is a new version, archiving
     * alone keeps the version (the words did not change). Unchanged data is not a new version.
     */
    async change(request: {
      kind: LibraryKind;
      id: string;
      baseVersion: number;
      change: LibraryChange;
      by: LibraryAuthor;
      now: string;
    }): Promise<LibraryWriteResult> {
      return db.transaction(async (tx) => {
        const sequence = await nextSequence(tx);
        const current = await byId(tx, request.kind, request.id);
        if (!current) return { ok: false, problem: 'missing' } as const;
        if (current.version !== request.baseVersion) return { ok: false, problem: 'stale', current } as const;
        const { data, archived } = request.change;
        const newData = data !== undefined && JSON.stringify(data) !== JSON.stringify(current.data);
        const newArchived = archived !== undefined && archived !== current.archived;
        if (!newData && !newArchived) return { ok: true, entry: current } as const;
        await tx.run(
          `UPDATE library_entries SET version = ?, data_json = ?, archived = ?, updated_by = ?, updated_by_name = ?, updated_at = ?, sequence = ?
           WHERE kind = ? AND id = ?`,
          [
            current.version + (newData ? 1 : 0),
            JSON.stringify(newData ? data : current.data),
            (newArchived ? archived : current.archived) ? 1 : 0,
            request.by.id,
            request.by.name,
            request.now,
            sequence,
            request.kind,
            request.id,
          ],
        );
        return { ok: true, entry: (await byId(tx, request.kind, request.id))! } as const;
      });
    },
  };
}
