/** The `articles` table: what the server decides about each article, and who holds it (its workflow log is workflowLog.ts). */
import type { ArticleStatus } from '../../../shared/model/article';
import type { SqlDriver } from './driver';

export type ServerArticle = {
  id: string;
  ownerId: string;
  status: ArticleStatus;
  headline: string;
  createdAt: string;
  updatedAt: string;
  /** Who holds it: the writer and the editor an editor assigned it to (null: nobody), by whom and when. */
  assignment?: Assignment;
};

export type Assignment = { writerId: string | null; editorId: string | null; assignedById: string; assignedAt: string };

type Row = {
  id: string;
  owner_id: string;
  status: ArticleStatus;
  headline: string;
  created_at: string;
  updated_at: string;
  assigned_writer_id: string | null;
  assigned_editor_id: string | null;
  assigned_by_id: string | null;
  assigned_at: string | null;
};

const toArticle = (row: Row): ServerArticle => ({
  id: row.id,
  ownerId: row.owner_id,
  status: row.status,
  headline: row.headline,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  ...(row.assigned_by_id !== null && row.assigned_at !== null
    ? { assignment: { writerId: row.assigned_writer_id, editorId: row.assigned_editor_id, assignedById: row.assigned_by_id, assignedAt: row.assigned_at } }
    : {}),
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

    /** All articles, or those a writer owns or is assigned to; newest change first. */
    async list(writerId?: string): Promise<ServerArticle[]> {
      const rows = writerId
        ? await db.all<Row>('SELECT * FROM articles WHERE owner_id = ? OR assigned_writer_id = ? ORDER BY updated_at DESC, id', [writerId, writerId])
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

    /** Gives the article to a writer and an editor (either may be null: nobody); the caller checks who may. */
    async assign(id: string, assignment: Assignment): Promise<boolean> {
      const changed = await db.run('UPDATE articles SET assigned_writer_id = ?, assigned_editor_id = ?, assigned_by_id = ?, assigned_at = ? WHERE id = ?', [
        assignment.writerId,
        assignment.editorId,
        assignment.assignedById,
        assignment.assignedAt,
        id,
      ]);
      return changed.changes > 0;
    },

    /** After its document is stored: the last change, and the headline for listings (kept when unreadable). */
    async touch(id: string, headline: string | undefined, now: string): Promise<void> {
      if (headline === undefined) await db.run('UPDATE articles SET updated_at = ? WHERE id = ?', [now, id]);
      else await db.run('UPDATE articles SET headline = ?, updated_at = ? WHERE id = ?', [headline, now, id]);
    },
  };
}
