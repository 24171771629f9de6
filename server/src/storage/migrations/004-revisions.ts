import type { Migration } from './types';

/**
 * Revisions kept on the server, so an article's history survives losing a desk. The content is the
 * article's plain JSON (shared/model `ArticleFields`, as `readArticleDoc` reads it), not its Yjs
 * state: a desk diffs and restores from JSON directly, the server can compare two snapshots by
 * their text to skip duplicates, and a Yjs state would carry every deleted character and every
 * comment of the article's life in each snapshot.
 *
 * `number` counts per article from 1 and is never reused. `reason` says why it was taken: a workflow
 * step (submitted, approved, returned, exported), a desk's request (requested, before-restore,
 * restored) or the periodic one while the article is edited (periodic). Workflow-step and restored
 * snapshots are kept as long as the article; the others are bounded (revisions.ts).
 */
export const migration: Migration = {
  version: 4,
  name: 'article revisions: numbered snapshots of each article’s content, who, when and why',
  sql: `
    CREATE TABLE article_revisions (
      id {{SERIAL}},
      article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      account_name TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('submitted', 'approved', 'returned', 'exported', 'requested', 'periodic', 'before-restore', 'restored')),
      restored_from INTEGER,
      headline TEXT NOT NULL,
      content TEXT NOT NULL,
      UNIQUE (article_id, number)
    );
    CREATE INDEX article_revisions_by_article ON article_revisions (article_id, number);
  `,
};
