/**
 * The `article_documents` and `article_document_updates` tables: each article's Yjs state.
 * An accepted update is appended before it is acknowledged; storing the full state later deletes
 * the appended updates it already contains. Loading applies the state, then every update left.
 *
 * Several server instances may share these tables (scaled out through Redis): storing combines the
 * new state with the stored one under a row lock, so a state taken on an instance that lags behind
 * never replaces what another stored.
 */
import type { SqlDriver } from './driver';

export type StoredDocument = { state: Uint8Array | undefined; updates: { seq: number; data: Uint8Array }[] };

export function documentsTable(db: SqlDriver) {
  return {
    async load(articleId: string): Promise<StoredDocument> {
      // Updates first: another instance storing in between moves updates into the state, and
      // reading in this order sees them in one place or the other (the other order can miss them).
      const updates = await db.all<{ seq: number; data: Uint8Array }>('SELECT seq, data FROM article_document_updates WHERE article_id = ? ORDER BY seq', [
        articleId,
      ]);
      const doc = await db.get<{ state: Uint8Array }>('SELECT state FROM article_documents WHERE article_id = ?', [articleId]);
      return { state: doc?.state, updates: updates.map((u) => ({ seq: Number(u.seq), data: u.data })) };
    },

    /** Appends one accepted update; returns its sequence number. */
    async append(articleId: string, data: Uint8Array, now: string): Promise<number> {
      const row = await db.get<{ seq: number }>('INSERT INTO article_document_updates (article_id, data, at) VALUES (?, ?, ?) RETURNING seq', [
        articleId,
        data,
        now,
      ]);
      return Number(row!.seq);
    },

    /** Creates an article's document with its first content. */
    async create(articleId: string, state: Uint8Array, now: string): Promise<void> {
      await db.run('INSERT INTO article_documents (article_id, state, stored_at) VALUES (?, ?, ?)', [articleId, state, now]);
    },

    /**
     * Stores `combine(stored state)` and deletes the appended updates it contains (`containedSeqs`).
     * The stored state is read under a lock (PostgreSQL: FOR UPDATE; SQLite's transactions are
     * exclusive), so concurrent stores from several instances each combine with the latest.
     */
    async store(articleId: string, combine: (stored: Uint8Array | undefined) => Uint8Array, containedSeqs: readonly number[], now: string): Promise<void> {
      await db.transaction(async (tx) => {
        const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
        const stored = await tx.get<{ state: Uint8Array }>(`SELECT state FROM article_documents WHERE article_id = ?${lock}`, [articleId]);
        const state = combine(stored?.state);
        await tx.run(
          'INSERT INTO article_documents (article_id, state, stored_at) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET state = excluded.state, stored_at = excluded.stored_at',
          [articleId, state, now],
        );
        // In chunks: both databases limit the number of parameters.
        for (let i = 0; i < containedSeqs.length; i += 500) {
          const chunk = containedSeqs.slice(i, i + 500);
          await tx.run(`DELETE FROM article_document_updates WHERE article_id = ? AND seq IN (${chunk.map(() => '?').join(', ')})`, [articleId, ...chunk]);
        }
      });
    },
  };
}
