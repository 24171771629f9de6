/** The `notifications` table: what each account is told (notify.ts decides who), and what they have read. */
import { NOTIFICATIONS_MAX, type NewsroomNotification, type NotificationKind } from '../../../shared/sync/notifications';
import type { SqlDriver } from './driver';

type Row = {
  id: number | string;
  kind: NotificationKind;
  article_id: string;
  headline: string | null;
  actor_name: string;
  text: string;
  created_at: string;
  read_at: string | null;
};

const toNotification = (row: Row): NewsroomNotification => ({
  id: Number(row.id),
  kind: row.kind,
  articleId: row.article_id,
  articleHeadline: row.headline ?? '',
  actorName: row.actor_name,
  text: row.text,
  createdAt: row.created_at,
  readAt: row.read_at,
});

export type NewNotification = { accountId: string; kind: NotificationKind; articleId: string; actorName: string; text: string; at: string };

export function notificationsTable(db: SqlDriver) {
  return {
    async add(n: NewNotification): Promise<void> {
      await db.run('INSERT INTO notifications (account_id, kind, article_id, actor_name, text, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        n.accountId,
        n.kind,
        n.articleId,
        n.actorName,
        n.text,
        n.at,
      ]);
    },

    /** The account's newest notifications, with the article's headline now. */
    async forAccount(accountId: string, limit = NOTIFICATIONS_MAX): Promise<NewsroomNotification[]> {
      const rows = await db.all<Row>(
        `SELECT n.id, n.kind, n.article_id, a.headline, n.actor_name, n.text, n.created_at, n.read_at
         FROM notifications n LEFT JOIN articles a ON a.id = n.article_id
         WHERE n.account_id = ? ORDER BY n.id DESC LIMIT ?`,
        [accountId, limit],
      );
      return rows.map(toNotification);
    },

    async unreadCount(accountId: string): Promise<number> {
      const row = await db.get<{ count: number | string }>('SELECT COUNT(*) AS count FROM notifications WHERE account_id = ? AND read_at IS NULL', [accountId]);
      return Number(row?.count ?? 0);
    },

    /** Marks the account's own notifications read (these ids, or all); others' ids are ignored. */
    async markRead(accountId: string, ids: readonly number[] | 'all', at: string): Promise<void> {
      if (ids === 'all') {
        await db.run('UPDATE notifications SET read_at = ? WHERE account_id = ? AND read_at IS NULL', [at, accountId]);
        return;
      }
      if (ids.length === 0) return;
      await db.run(`UPDATE notifications SET read_at = ? WHERE account_id = ? AND read_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`, [
        at,
        accountId,
        ...ids,
      ]);
    },
  };
}
