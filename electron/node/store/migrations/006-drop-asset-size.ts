import type { Migration } from './types';

/**
 * `assets.byte_size` repeated the length of `data` and nothing read it. The assets table is
 * written by the asset store alone (see ../README.md); a derived column it kept up to date for
 * no reader was one more thing for a second writer to get wrong.
 */
export const migration: Migration = {
  version: 6,
  name: 'drop the unread assets.byte_size',
  sql: `
    ALTER TABLE assets DROP COLUMN byte_size;
  `,
};
