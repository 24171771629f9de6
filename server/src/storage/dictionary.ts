/**
 * The `dictionary_words` table: the newsroom dictionary. Each addition takes the next newsroom-wide
 * sequence number under a lock (PostgreSQL: an advisory lock; SQLite writes one at a time anyway),
 * so a desk that fetched "after N" never misses a word that committed later with a smaller number.
 */
import type { SqlDriver } from './driver';

export type NewsroomWord = { word: string; addedBy: { id: string; name: string }; addedAt: string; sequence: number };

type Row = { word: string; added_by: string; added_by_name: string; added_at: string; sequence: number | string };

const toWord = (row: Row): NewsroomWord => ({
  word: row.word,
  addedBy: { id: row.added_by, name: row.added_by_name },
  addedAt: row.added_at,
  sequence: Number(row.sequence),
});

export function dictionaryTable(db: SqlDriver) {
  const byKey = async (tx: SqlDriver, key: string) => {
    const row = await tx.get<Row>('SELECT * FROM dictionary_words WHERE word_key = ?', [key]);
    return row && toWord(row);
  };

  return {
    /** Words added after `after`, oldest first (at most `limit`), and the newest sequence number among them or overall. */
    async addedAfter(after: number, limit: number): Promise<{ words: NewsroomWord[]; sequence: number; more: boolean }> {
      return db.transaction(async (tx) => {
        const rows = await tx.all<Row>('SELECT * FROM dictionary_words WHERE sequence > ? ORDER BY sequence LIMIT ?', [after, limit + 1]);
        const more = rows.length > limit;
        const words = rows.slice(0, limit).map(toWord);
        const latest = await tx.get<{ n: number | string | null }>('SELECT MAX(sequence) AS n FROM dictionary_words');
        return { words, sequence: more ? words[words.length - 1]!.sequence : Math.max(after, Number(latest?.n ?? 0)), more };
      });
    },

    async count(): Promise<number> {
      const row = await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM dictionary_words');
      return Number(row?.n ?? 0);
    },

    /** Adds a word; one already there in any case is answered as it is (created: false). */
    async add(entry: { word: string; by: { id: string; name: string }; now: string }): Promise<{ word: NewsroomWord; created: boolean }> {
      const key = entry.word.toLowerCase();
      return db.transaction(async (tx) => {
        if (tx.dialect === 'postgres') await tx.exec('SELECT pg_advisory_xact_lock(727006)');
        const existing = await byKey(tx, key);
        if (existing) return { word: existing, created: false };
        const row = await tx.get<{ n: number | string | null }>('SELECT MAX(sequence) AS n FROM dictionary_words');
        const sequence = Number(row?.n ?? 0) + 1;
        await tx.run('INSERT INTO dictionary_words (word_key, word, added_by, added_by_name, added_at, sequence) VALUES (?, ?, ?, ?, ?, ?)', [
          key,
          entry.word,
          entry.by.id,
          entry.by.name,
          entry.now,
          sequence,
        ]);
        return { word: (await byKey(tx, key))!, created: true };
      });
    },
  };
}
