import type { Migration } from './types';

/**
 * Who holds an article: the writer and the editor an editor assigned it to (who assigned it, when),
 * kept on the article's row, so every listing carries it. And each account's notifications: assigned
 * to you, returned to you, mentioned in a comment, approved; read once the person has seen them.
 */
export const migration: Migration = {
  version: 3,
  name: 'article assignment (writer, editor, by whom, when) and notifications',
  sql: `
    ALTER TABLE articles ADD COLUMN assigned_writer_id TEXT REFERENCES accounts(id);
    ALTER TABLE articles ADD COLUMN assigned_editor_id TEXT REFERENCES accounts(id);
    ALTER TABLE articles ADD COLUMN assigned_by_id TEXT REFERENCES accounts(id);
    ALTER TABLE articles ADD COLUMN assigned_at TEXT;
    CREATE INDEX articles_by_assigned_writer ON articles (assigned_writer_id);

    CREATE TABLE notifications (
      id {{SERIAL}},
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('assigned', 'returned', 'mentioned', 'approved')),
      article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      actor_name TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      read_at TEXT
    );
    CREATE INDEX notifications_by_account ON notifications (account_id, id);
  `,
};
