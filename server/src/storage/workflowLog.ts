/** The `article_workflow_log` table: the audit log of every workflow step the server accepted. */
import type { ArticleStatus } from '../../../shared/model/article';
import type { Role, WorkflowAction } from '../../../shared/workflow/transitions';
import type { SqlDriver } from './driver';

export type WorkflowLogEntry = {
  id: number;
  articleId: string;
  action: WorkflowAction;
  from: ArticleStatus;
  to: ArticleStatus;
  accountId: string;
  /** The name and role the account had when it acted. */
  accountName: string;
  role: Role;
  note: string;
  at: string;
  /** The desk's id for the request, when it sent one (a step queued offline). */
  requestId?: string;
};

type Row = {
  id: number;
  article_id: string;
  action: WorkflowAction;
  from_status: ArticleStatus;
  to_status: ArticleStatus;
  account_id: string;
  account_name: string;
  account_role: Role;
  note: string;
  at: string;
  request_id: string | null;
};

const toEntry = (row: Row): WorkflowLogEntry => ({
  id: Number(row.id),
  articleId: row.article_id,
  action: row.action,
  from: row.from_status,
  to: row.to_status,
  accountId: row.account_id,
  accountName: row.account_name,
  role: row.account_role,
  note: row.note,
  at: row.at,
  ...(row.request_id !== null ? { requestId: row.request_id } : {}),
});

export function workflowLogTable(db: SqlDriver) {
  return {
    /** Written in the transaction that moves the article (articleService.transitionArticle). */
    async append(entry: Omit<WorkflowLogEntry, 'id'>): Promise<WorkflowLogEntry> {
      const row = await db.get<Row>(
        `INSERT INTO article_workflow_log (article_id, action, from_status, to_status, account_id, account_name, account_role, note, at, request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [entry.articleId, entry.action, entry.from, entry.to, entry.accountId, entry.accountName, entry.role, entry.note, entry.at, entry.requestId ?? null],
      );
      return toEntry(row!);
    },

    /** The article's steps, oldest first. */
    async forArticle(articleId: string): Promise<WorkflowLogEntry[]> {
      return (await db.all<Row>('SELECT * FROM article_workflow_log WHERE article_id = ? ORDER BY id', [articleId])).map(toEntry);
    },

    async byRequest(requestId: string): Promise<WorkflowLogEntry | undefined> {
      const row = await db.get<Row>('SELECT * FROM article_workflow_log WHERE request_id = ?', [requestId]);
      return row && toEntry(row);
    },
  };
}
