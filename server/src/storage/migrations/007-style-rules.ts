import type { Migration } from './types';

/**
 * House-style rules join the newsroom's shared libraries as a third kind of entry (data: the rule as
 * shared/language/style/rules.ts checks it), so they get the libraries' versions, editors-only changes,
 * refusal of stale changes, archiving and change sequence. The kind check is widened by rebuilding the
 * table, which both SQLite and PostgreSQL do with the same statements.
 */
export const migration: Migration = {
  version: 7,
  name: 'shared libraries: house-style rules as a kind of entry',
  sql: `
    CREATE TABLE library_entries_next (
      kind TEXT NOT NULL CHECK (kind IN ('author', 'disclosure', 'style-rule')),
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      data_json TEXT NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0,
      updated_by TEXT NOT NULL REFERENCES accounts(id),
      updated_by_name TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      sequence BIGINT NOT NULL UNIQUE,
      PRIMARY KEY (kind, id)
    );
    INSERT INTO library_entries_next (kind, id, version, data_json, archived, updated_by, updated_by_name, updated_at, sequence)
      SELECT kind, id, version, data_json, archived, updated_by, updated_by_name, updated_at, sequence FROM library_entries;
    DROP TABLE library_entries;
    ALTER TABLE library_entries_next RENAME TO library_entries;
  `,
};
