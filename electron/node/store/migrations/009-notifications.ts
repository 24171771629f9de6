import type { Migration } from './types';

/**
 * The newsroom's notifications for the signed-in account, kept on the desk so the inbox works
 * offline; a read mark made offline waits here (`read_pending`) until the server has it. And who
 * holds each newsroom article (the assigned writer and editor, as the server last listed them).
 */
export const migration: Migration = {
  version: 9,
  name: 'newsroom notifications, and who holds each newsroom article',
  sql: `
    CREATE TABLE notifications (
      server_url TEXT NOT NULL,
      account_id TEXT NOT NULL,
      -- The server's id.
      id INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('assigned', 'returned', 'mentioned', 'approved')),
      article_id TEXT NOT NULL,
      article_headline TEXT NOT NULL DEFAULT '',
      actor_name TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      read_at TEXT,
      -- 1 while this desk marked it read and the server has not been told yet.
      read_pending INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (server_url, account_id, id)
    );

    ALTER TABLE sync_documents ADD COLUMN assigned_writer_id TEXT;
    ALTER TABLE sync_documents ADD COLUMN assigned_writer_name TEXT;
    ALTER TABLE sync_documents ADD COLUMN assigned_editor_id TEXT;
    ALTER TABLE sync_documents ADD COLUMN assigned_editor_name TEXT;
  `,
};
