import type { Migration } from './types';

export const migration: Migration = {
  version: 2,
  name: 'image assets stored in the database (offline, never hot-linked)',
  sql: `
      CREATE TABLE assets (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX assets_by_hash ON assets (sha256);
    `,
};
