import type { Migration } from './types';

/**
 * Replies to a suggestion (tracked change) are a comment thread linked to the suggestion's id, which
 * lives on the body's nodes (shared/model/suggestions.ts). Null for an ordinary comment.
 */
export const migration: Migration = {
  version: 14,
  name: 'comment threads can answer a suggestion (suggestion_id)',
  sql: `
    ALTER TABLE comment_threads ADD COLUMN suggestion_id TEXT;
  `,
};
