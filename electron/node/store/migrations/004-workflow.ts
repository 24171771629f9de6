import type { Migration } from './types';

export const migration: Migration = {
  version: 4,
  name: 'editorial review: settings and profile, workflow log, comment threads, revisions',
  sql: `
      -- Small JSON values: the profile of the person at this desk, checklist limits.
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE workflow_transitions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL CHECK (actor_role IN ('writer', 'editor')),
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
      );
      CREATE INDEX workflow_transitions_by_article ON workflow_transitions (article_id, id);

      -- A thread is anchored to a range of the body; anchor_json is NULL once its text is deleted (orphaned).
      CREATE TABLE comment_threads (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        anchor_json TEXT,
        quote TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX comment_threads_by_article ON comment_threads (article_id);
      CREATE TABLE comment_messages (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
        actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL CHECK (actor_role IN ('writer', 'editor')),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX comment_messages_by_thread ON comment_messages (thread_id, created_at);

      -- Full snapshots of the editable fields; restoring adds a revision, nothing is overwritten.
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('status', 'auto', 'manual', 'restore')),
        label TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        article_version INTEGER NOT NULL,
        fields_json TEXT NOT NULL,
        actor_name TEXT NOT NULL DEFAULT '',
        actor_role TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX revisions_by_article ON revisions (article_id, id);
    `,
};
