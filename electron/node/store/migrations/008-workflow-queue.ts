import type { Migration } from './types';

/**
 * Workflow steps on newsroom articles asked for while the server could not be reached: kept here
 * until the desk connects, sent in order (`id`), and then kept with the server's answer until the
 * person has seen it. The article's status changes only when the server accepts.
 */
export const migration: Migration = {
  version: 8,
  name: 'newsroom workflow steps waiting for the server, and their answers',
  sql: `
    CREATE TABLE sync_workflow_steps (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      -- Sent with the step: the server answers a step it already applied instead of applying it twice.
      request_id TEXT NOT NULL UNIQUE,
      article_id TEXT NOT NULL REFERENCES sync_documents(article_id) ON DELETE CASCADE,
      server_url TEXT NOT NULL,
      account_id TEXT NOT NULL,
      action TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      -- The status the person saw (after the steps queued before this one), and where the step leads.
      from_status TEXT NOT NULL,
      to_status TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('waiting', 'accepted', 'refused')),
      -- The server's sentence when it refused.
      reason TEXT,
      asked_at TEXT NOT NULL,
      decided_at TEXT,
      -- Set when the person dismissed the answer.
      seen_at TEXT
    );
    CREATE INDEX sync_workflow_steps_by_account ON sync_workflow_steps (server_url, account_id, state, id);
    CREATE INDEX sync_workflow_steps_by_article ON sync_workflow_steps (article_id, id);
  `,
};
