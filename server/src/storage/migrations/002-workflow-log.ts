import type { Migration } from './types';

/**
 * The workflow's audit log replaces `article_transitions`: it names who acted as they were then
 * (an account renamed or given another role later does not rewrite what it did), and carries the
 * desk's id for a step it queued offline, so a step sent again after a lost answer is applied once.
 * Rows moved over from 001 take the account's current name and role: the only ones known.
 */
export const migration: Migration = {
  version: 2,
  name: 'workflow audit log: who (id, name, role), when, from, to, action, note, the desk’s request id',
  sql: `
    CREATE TABLE article_workflow_log (
      id {{SERIAL}},
      article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      action TEXT NOT NULL,
      from_status TEXT NOT NULL,
      to_status TEXT NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      account_name TEXT NOT NULL,
      account_role TEXT NOT NULL CHECK (account_role IN ('writer', 'editor')),
      note TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      request_id TEXT UNIQUE
    );
    CREATE INDEX article_workflow_log_by_article ON article_workflow_log (article_id, id);

    INSERT INTO article_workflow_log (article_id, action, from_status, to_status, account_id, account_name, account_role, note, at)
      SELECT t.article_id, t.action, t.from_status, t.to_status, t.account_id, a.name, a.role, t.note, t.at
      FROM article_transitions t JOIN accounts a ON a.id = t.account_id
      ORDER BY t.id;
    DROP TABLE article_transitions;
  `,
};
