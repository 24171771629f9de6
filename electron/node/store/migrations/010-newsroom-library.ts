import type { Migration } from './types';

/**
 * The newsroom's shared libraries on this desk: entries fetched from a newsroom server are marked with
 * its address (read-only for writers, changed on the server first by editors), and the last change
 * sequence fetched from each server is kept so the next fetch asks only for what changed after it.
 * Entries this desk made before joining stay its own (no address).
 */
export const migration: Migration = {
  version: 10,
  name: 'newsroom library entries: the server an author or disclosure template comes from, and the last change fetched',
  sql: `
    ALTER TABLE authors ADD COLUMN newsroom_url TEXT;
    ALTER TABLE disclosure_templates ADD COLUMN newsroom_url TEXT;
    CREATE TABLE newsroom_library_sync (
      server_url TEXT PRIMARY KEY,
      sequence INTEGER NOT NULL DEFAULT 0,
      fetched_at TEXT NOT NULL
    );
  `,
};
