import type { Migration } from './types';

/**
 * The newsroom's shared libraries: authors and AI-use disclosure templates. The data is the JSON the
 * desks' own libraries hold (checked with the same schema before it is stored); `version` moves with
 * every change of it, so a desk's change based on an older one is refused, never silently applied.
 * Entries are archived, never deleted: an article may still show one. `sequence` is newsroom-wide and
 * set on every change (under a lock, see libraries.ts), so a desk fetches what changed after the last
 * number it saw.
 */
export const migration: Migration = {
  version: 5,
  name: 'shared libraries: authors and AI-use disclosure templates, versioned, archived, with a change sequence',
  sql: `
    CREATE TABLE library_entries (
      kind TEXT NOT NULL CHECK (kind IN ('author', 'disclosure')),
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
  `,
};
