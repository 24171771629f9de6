/**
 * The `article_revisions` table: numbered snapshots of each article's content (its plain JSON), who
 * took them, when and why. Only this module writes it.
 *
 * Bounds: snapshots of workflow steps and restores are kept as long as the article. The others
 * (periodic, requested, before-restore) are kept up to KEPT_OTHERS per article, the oldest dropped
 * first, so an article edited for days holds at most a few hundred snapshots. Numbers are never reused.
 */
import type { ArticleFields } from '../../../shared/model/article';
import type { SqlDriver } from './driver';

import type { RevisionReason } from '../../../shared/sync/serverRevisions';

export type { RevisionReason };

/** Snapshots that record an event of the article's life: never dropped. */
export const PINNED_REASONS: readonly RevisionReason[] = ['submitted', 'approved', 'returned', 'exported', 'restored'];

/** How many of the other snapshots (periodic, requested, before-restore) an article keeps. */
export const KEPT_OTHERS = 100;

export type RevisionMeta = {
  number: number;
  createdAt: string;
  accountId: string;
  accountName: string;
  reason: RevisionReason;
  /** The number of the revision a restore brought back. */
  restoredFrom?: number;
  headline: string;
};

export type RevisionWithContent = RevisionMeta & { content: ArticleFields };

export type NewRevision = Omit<RevisionMeta, 'number'> & { articleId: string; content: ArticleFields };

type Row = {
  number: number;
  created_at: string;
  account_id: string;
  account_name: string;
  reason: RevisionReason;
  restored_from: number | null;
  headline: string;
  content?: string;
};

const META_COLUMNS = 'number, created_at, account_id, account_name, reason, restored_from, headline';

const toMeta = (row: Row): RevisionMeta => ({
  number: Number(row.number),
  createdAt: row.created_at,
  accountId: row.account_id,
  accountName: row.account_name,
  reason: row.reason,
  ...(row.restored_from !== null ? { restoredFrom: Number(row.restored_from) } : {}),
  headline: row.headline,
});

export function revisionsTable(db: SqlDriver) {
  return {
    /** Newest first, without content. */
    async list(articleId: string): Promise<RevisionMeta[]> {
      return (await db.all<Row>(`SELECT ${META_COLUMNS} FROM article_revisions WHERE article_id = ? ORDER BY number DESC`, [articleId])).map(toMeta);
    },

    async get(articleId: string, number: number): Promise<RevisionWithContent | undefined> {
      const row = await db.get<Row>(`SELECT ${META_COLUMNS}, content FROM article_revisions WHERE article_id = ? AND number = ?`, [articleId, number]);
      return row && { ...toMeta(row), content: JSON.parse(row.content!) as ArticleFields };
    },

    /** The newest snapshot with its content as stored (JSON text), to tell whether anything changed since. */
    async latest(articleId: string): Promise<(RevisionMeta & { contentJson: string }) | undefined> {
      const row = await db.get<Row>(`SELECT ${META_COLUMNS}, content FROM article_revisions WHERE article_id = ? ORDER BY number DESC LIMIT 1`, [articleId]);
      return row && { ...toMeta(row), contentJson: row.content! };
    },

    /**
     * Adds a snapshot with the next number and drops the oldest unpinned ones beyond KEPT_OTHERS.
     * `unlessUnchanged`: skipped (undefined) when the newest snapshot holds exactly this content. One
     * transaction; on PostgreSQL the article's row is locked so two snapshots at once number in turn.
     */
    async add(revision: NewRevision, options: { unlessUnchanged?: boolean } = {}): Promise<RevisionMeta | undefined> {
      const json = JSON.stringify(revision.content);
      return db.transaction(async (tx) => {
        if (tx.dialect === 'postgres') await tx.get('SELECT id FROM articles WHERE id = ? FOR UPDATE', [revision.articleId]);
        const last = await tx.get<{ number: number; content: string }>(
          'SELECT number, content FROM article_revisions WHERE article_id = ? ORDER BY number DESC LIMIT 1',
          [revision.articleId],
        );
        if (options.unlessUnchanged && last?.content === json) return undefined;
        const row = await tx.get<Row>(
          `INSERT INTO article_revisions (article_id, number, created_at, account_id, account_name, reason, restored_from, headline, content)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${META_COLUMNS}`,
          [
            revision.articleId,
            Number(last?.number ?? 0) + 1,
            revision.createdAt,
            revision.accountId,
            revision.accountName,
            revision.reason,
            revision.restoredFrom ?? null,
            revision.headline,
            json,
          ],
        );
        const pinned = PINNED_REASONS.map(() => '?').join(', ');
        await tx.run(
          `DELETE FROM article_revisions WHERE article_id = ? AND reason NOT IN (${pinned}) AND number NOT IN (
             SELECT number FROM article_revisions WHERE article_id = ? AND reason NOT IN (${pinned}) ORDER BY number DESC LIMIT ${KEPT_OTHERS})`,
          [revision.articleId, ...PINNED_REASONS, revision.articleId, ...PINNED_REASONS],
        );
        return toMeta(row!);
      });
    },
  };
}
