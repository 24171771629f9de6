import type { Migration } from './types';

/**
 * Spelling: the newsroom dictionary (words every article may use; those fetched from a newsroom
 * server carry its address, this desk's own have none) and the words a writer told the checker to
 * ignore in one article, which go with the article (deleted with it, carried in its bundle).
 */
export const migration: Migration = {
  version: 12,
  name: 'spelling: the newsroom dictionary and the words ignored in each article',
  sql: `
    CREATE TABLE newsroom_words (
      word TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL,
      newsroom_url TEXT
    );
    CREATE TABLE article_ignored_words (
      article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      word TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (article_id, word)
    );
    CREATE TABLE newsroom_words_sync (
      server_url TEXT PRIMARY KEY,
      sequence INTEGER NOT NULL DEFAULT 0,
      fetched_at TEXT NOT NULL
    );
  `,
};
