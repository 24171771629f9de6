import type { Migration } from './types';

export const migration: Migration = {
  version: 1,
  name: 'accounts, sessions, sign-in attempts, articles and their Yjs documents',
  sql: `
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- Names are unique regardless of case: 'Mara' and 'mara' are one person.
      name_key TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('writer', 'editor')),
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    -- Only a hash of each token is kept: a copy of the database signs nobody in.
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      address TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE INDEX sessions_by_account ON sessions (account_id);

    CREATE TABLE sign_in_attempts (
      id {{SERIAL}},
      name_key TEXT NOT NULL,
      address TEXT NOT NULL,
      succeeded INTEGER NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX sign_in_attempts_by_name ON sign_in_attempts (name_key, at);
    CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (address, at);

    -- What the server decides about an article; its content lives in article_documents.
    CREATE TABLE articles (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL REFERENCES accounts(id),
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'in-edit', 'approved', 'exported', 'spiked')),
      headline TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX articles_by_owner ON articles (owner_id);

    CREATE TABLE article_transitions (
      id {{SERIAL}},
      article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      action TEXT NOT NULL,
      from_status TEXT NOT NULL,
      to_status TEXT NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      note TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL
    );
    CREATE INDEX article_transitions_by_article ON article_transitions (article_id, id);

    -- The Yjs state as last stored in full, plus every update accepted since, each written
    -- before it is acknowledged; storing the state deletes the updates it contains.
    CREATE TABLE article_documents (
      article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      state {{BYTES}} NOT NULL,
      stored_at TEXT NOT NULL
    );
    CREATE TABLE article_document_updates (
      seq {{SERIAL}},
      article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      data {{BYTES}} NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX article_document_updates_by_article ON article_document_updates (article_id, seq);
  `,
};
