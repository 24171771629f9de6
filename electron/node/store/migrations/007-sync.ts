import type { Migration } from './types';

/**
 * The desk's replica of a newsroom server's articles (electron/node/sync). Per article, the merged
 * Yjs state this desk knows, and the updates not yet folded into it: local ones wait there until
 * the server acknowledges them, so a desk closed offline still has them; remote ones are kept until
 * the next fold. The article's JSON stays in `articles`, derived from the document.
 */
export const migration: Migration = {
  version: 7,
  name: 'newsroom server replica: documents, unacknowledged updates, servers',
  sql: `
    CREATE TABLE sync_servers (
      url TEXT PRIMARY KEY,
      account_id TEXT,
      account_name TEXT,
      account_role TEXT CHECK (account_role IN ('writer', 'editor')),
      allow_insecure INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE sync_documents (
      article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      server_url TEXT NOT NULL,
      account_id TEXT NOT NULL,
      state BLOB NOT NULL,
      -- 0 while an article made on this desk has not been created on the server yet.
      on_server INTEGER NOT NULL,
      server_status TEXT,
      access TEXT CHECK (access IN ('read', 'write')),
      access_reason TEXT,
      problem TEXT,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX sync_documents_by_server ON sync_documents (server_url, account_id);

    CREATE TABLE sync_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      article_id TEXT NOT NULL REFERENCES sync_documents(article_id) ON DELETE CASCADE,
      origin TEXT NOT NULL CHECK (origin IN ('local', 'remote')),
      data BLOB NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX sync_updates_by_article ON sync_updates (article_id, seq);
  `,
};
