import type { Migration } from './types';

/**
 * Search as you type from the first letter: the full-text index gains a
 * one-letter prefix index (rebuilt once from the articles), and the library's
 * filters and the trash get indexes so they stay fast at 100,000 articles.
 */
export const migration: Migration = {
  version: 5,
  name: 'one-letter prefix search; indexes for library filters',
  sql: `
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      headline, dek, body_text,
      content = 'articles', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    );
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
      INSERT INTO articles_fts (rowid, headline, dek, body_text)
      VALUES (new.rowid, new.headline, new.dek, new.body_text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
      INSERT INTO articles_fts (articles_fts, rowid, headline, dek, body_text)
      VALUES ('delete', old.rowid, old.headline, old.dek, old.body_text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, dek, body_text ON articles BEGIN
      INSERT INTO articles_fts (articles_fts, rowid, headline, dek, body_text)
      VALUES ('delete', old.rowid, old.headline, old.dek, old.body_text);
      INSERT INTO articles_fts (rowid, headline, dek, body_text)
      VALUES (new.rowid, new.headline, new.dek, new.body_text);
    END;
    CREATE INDEX articles_by_status ON articles (status, updated_at DESC);
    CREATE INDEX articles_by_section ON articles (section COLLATE NOCASE, updated_at DESC);
    CREATE INDEX trash_by_time ON trash (trashed_at DESC);
  `,
};
