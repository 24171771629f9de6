import type { Migration } from './types';

/**
 * The newsroom dictionary: words every desk of the newsroom accepts when checking spelling (names,
 * places, house terms). One row per word whatever its case (`word_key`, lower-cased); `sequence` is
 * newsroom-wide and set on every addition (under a lock, see dictionary.ts), so a desk fetches what
 * was added after the last number it saw.
 */
export const migration: Migration = {
  version: 6,
  name: 'newsroom dictionary: words for spelling, with who added them and a change sequence',
  sql: `
    CREATE TABLE dictionary_words (
      word_key TEXT PRIMARY KEY,
      word TEXT NOT NULL,
      added_by TEXT NOT NULL REFERENCES accounts(id),
      added_by_name TEXT NOT NULL,
      added_at TEXT NOT NULL,
      sequence BIGINT NOT NULL UNIQUE
    );
  `,
};
