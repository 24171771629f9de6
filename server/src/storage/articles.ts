/** The `articles` table: what the server decides about each article (its workflow log is workflowLog.ts). */
import type { ArticleStatus } from '../../../shared/model/article';
import type { SqlDriver } from './driver';

export type ServerArticle = {
  id: string;
  ownerId: string;
  status: ArticleStatus;
  headline: string;
  createdAt: string;
  updatedAt: string;
};

type Row = { id: string; owner_id: string; status: ArticleStatus; headline: string; created_at: string; updated_at: string };

const toArticle = (row: Row): ServerArticle => ({
  id: row.id,
  ownerId: row.owner_id,
  status: row.status,
  headline: row.headline,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function articlesTable(db: SqlDriver) {
  return {
    async add(article: ServerArticle): Promise<void> {
      await db.run('INSERT INTO articles (id, owner_id, status, headline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
        article.id,
        article.ownerId,
        article.status,
        article.headline,
        article.createdAt,
        article.updatedAt,
      ]);
    },

    async byId(id: string): Promise<ServerArticle | undefined> {
      const row = await db.get<Row>('SELECT * FROM articles WHERE id = ?', [id]);
      return row && toArticle(row);
    },

    /** All articles, or those of one owner; newest change first. */
    async list(ownerId?: string): Promise<ServerArticle[]> {
      const rows = ownerId
        ? await db.all<Row>('SELECT * FROM articles WHERE owner_id = ? ORDER BY updated_at DESC, id', [ownerId])
        : await db.all<Row>('SELECT * FROM articles ORDER BY updated_at DESC, id');
      return rows.map(toArticle);
    },

    /**
     * Moves an article only if it is still in `from` (two editors acting at once: one wins). The
     * caller logs the step in the same transaction (articleService.transitionArticle).
     */
    async moveStatus(change: { id: string; from: ArticleStatus; to: ArticleStatus; now: string }): Promise<boolean> {
      const moved = await db.run('UPDATE articles SET status = ?, updated_at = ? WHERE id = ? AND status = ?', [change.to, change.now, change.id, change.from]);
      return moved.changes > 0;
    },

    /** After its document is stored: the last change, and the headline for listings (kept when unreadable). */
    async touch(id: string, headline: string | undefined, now: string): Promise<void> {
      if (headline === undefined) await db.run('UPDATE articles SET updated_at = ? WHERE id = ?', [now, id]);
      else await db.run('UPDATE articles SET headline = ?, updated_at = ? WHERE id = ?', [headline, now, id]);
    },
  };
}
