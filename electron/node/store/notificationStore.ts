/**
 * The newsroom's notifications for the signed-in account (table `notifications`, see
 * migrations/009-notifications.ts). Only this module writes it. The desk fills it from the server
 * (`keepFromServer`) and the inbox reads it, online or not; a read mark is kept here at once and
 * flagged until the server has it (`pendingReads`, `readsSent`), so it survives going offline.
 */
import { NOTIFICATIONS_MAX, type NewsroomNotification } from '../../../shared/sync/notifications';
import type { Clock } from './articleStore';
import type { Db } from './database';

type Row = {
  id: number;
  kind: NewsroomNotification['kind'];
  article_id: string;
  article_headline: string;
  actor_name: string;
  text: string;
  created_at: string;
  read_at: string | null;
};

const toNotification = (row: Row): NewsroomNotification => ({
  id: row.id,
  kind: row.kind,
  articleId: row.article_id,
  articleHeadline: row.article_headline,
  actorName: row.actor_name,
  text: row.text,
  createdAt: row.created_at,
  readAt: row.read_at,
});

type Who = { serverUrl: string; accountId: string };

export function createNotificationStore(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  const stmt = {
    upsert: db.prepare(
      `INSERT INTO notifications (server_url, account_id, id, kind, article_id, article_headline, actor_name, text, created_at, read_at)
       VALUES (@serverUrl, @accountId, @id, @kind, @articleId, @articleHeadline, @actorName, @text, @createdAt, @readAt)
       ON CONFLICT (server_url, account_id, id) DO UPDATE SET article_headline = excluded.article_headline,
         -- A mark made here and not yet sent wins over the server's older view.
         read_at = CASE WHEN notifications.read_pending = 1 THEN notifications.read_at ELSE excluded.read_at END`,
    ),
    // Beyond the newest NOTIFICATIONS_MAX, only marks still to send are kept.
    trim: db.prepare<Who & { max: number }>(
      `DELETE FROM notifications WHERE server_url = @serverUrl AND account_id = @accountId AND read_pending = 0 AND id NOT IN
         (SELECT id FROM notifications WHERE server_url = @serverUrl AND account_id = @accountId ORDER BY id DESC LIMIT @max)`,
    ),
    list: db.prepare<Who & { max: number }, Row>(
      `SELECT * FROM notifications WHERE server_url = @serverUrl AND account_id = @accountId ORDER BY id DESC LIMIT @max`,
    ),
    unread: db.prepare<Who, { n: number }>(
      `SELECT count(*) AS n FROM notifications WHERE server_url = @serverUrl AND account_id = @accountId AND read_at IS NULL`,
    ),
    markOne: db.prepare<Who & { id: number; now: string }>(
      `UPDATE notifications SET read_at = @now, read_pending = 1 WHERE server_url = @serverUrl AND account_id = @accountId AND id = @id AND read_at IS NULL`,
    ),
    markAll: db.prepare<Who & { now: string }>(
      `UPDATE notifications SET read_at = @now, read_pending = 1 WHERE server_url = @serverUrl AND account_id = @accountId AND read_at IS NULL`,
    ),
    pending: db.prepare<Who, { id: number }>(
      `SELECT id FROM notifications WHERE server_url = @serverUrl AND account_id = @accountId AND read_pending = 1 ORDER BY id`,
    ),
    sent: db.prepare<Who & { id: number }>(`UPDATE notifications SET read_pending = 0 WHERE server_url = @serverUrl AND account_id = @accountId AND id = @id`),
  };

  return {
    /** What the server answered (its newest first), merged with the marks this desk has not sent yet. */
    keepFromServer: db.transaction((who: Who, list: readonly NewsroomNotification[]) => {
      for (const n of list) stmt.upsert.run({ ...who, ...n });
      stmt.trim.run({ ...who, max: NOTIFICATIONS_MAX });
    }),

    list(who: Who): NewsroomNotification[] {
      return stmt.list.all({ ...who, max: NOTIFICATIONS_MAX }).map(toNotification);
    },

    unreadCount(who: Who): number {
      return stmt.unread.get(who)!.n;
    },

    /** Marks these (or all) read here now; the server is told by `pendingReads`/`readsSent`. */
    markRead: db.transaction((who: Who, ids: readonly number[] | 'all') => {
      const at = now();
      if (ids === 'all') stmt.markAll.run({ ...who, now: at });
      else for (const id of ids) stmt.markOne.run({ ...who, id, now: at });
    }),

    /** Read marks made here that the server does not have yet. */
    pendingReads(who: Who): number[] {
      return stmt.pending.all(who).map((r) => r.id);
    },

    readsSent: db.transaction((who: Who, ids: readonly number[]) => {
      for (const id of ids) stmt.sent.run({ ...who, id });
    }),
  };
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;
