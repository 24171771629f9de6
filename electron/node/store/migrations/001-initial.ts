import type { Migration } from './types';

export const migration: Migration = {
  version: 1,
  name: 'articles, authors, disclosure templates, trash, full-text search',
  sql: `
      CREATE TABLE authors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        job_title TEXT NOT NULL DEFAULT '',
        bio_json TEXT NOT NULL DEFAULT '[]',
        email TEXT NOT NULL DEFAULT '',
        photo_asset_id TEXT NOT NULL DEFAULT '',
        read_more_url TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE disclosure_templates (
        id TEXT PRIMARY KEY,
        current_version INTEGER NOT NULL DEFAULT 1,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- Every version stays readable: editing a template adds a row here.
      CREATE TABLE disclosure_template_versions (
        template_id TEXT NOT NULL REFERENCES disclosure_templates(id),
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        text_json TEXT NOT NULL,
        policy_url TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        PRIMARY KEY (template_id, version)
      );

      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        headline TEXT NOT NULL DEFAULT '',
        dek TEXT NOT NULL DEFAULT '',
        slug TEXT NOT NULL DEFAULT '',
        slug_locked INTEGER NOT NULL DEFAULT 0,
        section TEXT NOT NULL DEFAULT '',
        dateline TEXT NOT NULL DEFAULT '',
        seo_title TEXT NOT NULL DEFAULT '',
        seo_description TEXT NOT NULL DEFAULT '',
        planned_length INTEGER NOT NULL DEFAULT 0,
        deadline TEXT NOT NULL DEFAULT '',
        ai_declaration_json TEXT NOT NULL DEFAULT '{"uses":[],"tools":"","note":""}',
        body_json TEXT NOT NULL,
        body_text TEXT NOT NULL DEFAULT '',
        word_count INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'in-edit', 'approved', 'exported', 'spiked')),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX articles_by_updated ON articles (updated_at DESC);

      CREATE TABLE article_authors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES authors(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, author_id)
      );
      CREATE INDEX article_authors_by_author ON article_authors (author_id);

      CREATE TABLE article_tags (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
      );
      CREATE INDEX article_tags_by_tag ON article_tags (tag);

      CREATE TABLE trash (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        trashed_at TEXT NOT NULL
      );

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, dek, body_text,
        content = 'articles', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
      );
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
    `,
};
