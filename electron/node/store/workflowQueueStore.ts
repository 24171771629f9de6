/**
 * Workflow steps on newsroom articles waiting for the server (table `sync_workflow_steps`, see
 * migrations/008-workflow-queue.ts). Only this module writes it. The sync engine sends the waiting
 * steps in order when it connects and records each answer here; the article's status and history
 * change through their own owners (workflowStore, articleStore) only when the server accepts.
 */
import { randomUUID } from 'node:crypto';
import type { ArticleStatus } from '../../../shared/model/article';
import type { WorkflowNotice } from '../../../shared/sync/workflowNotices';
import type { WorkflowAction } from '../../../shared/workflow/transitions';
import type { Clock } from './articleStore';
import type { Db } from './database';

export type QueuedStep = {
  id: number;
  requestId: string;
  articleId: string;
  action: WorkflowAction;
  note: string;
  from: ArticleStatus;
  to: ArticleStatus;
};

type StepRow = {
  id: number;
  request_id: string;
  article_id: string;
  action: WorkflowAction;
  note: string;
  from_status: ArticleStatus;
  to_status: ArticleStatus;
  state: WorkflowNotice['state'];
  reason: string | null;
  asked_at: string;
  decided_at: string | null;
  headline: string | null;
};

const toStep = (row: StepRow): QueuedStep => ({
  id: row.id,
  requestId: row.request_id,
  articleId: row.article_id,
  action: row.action,
  note: row.note,
  from: row.from_status,
  to: row.to_status,
});

const toNotice = (row: StepRow): WorkflowNotice => ({
  id: row.id,
  articleId: row.article_id,
  headline: row.headline ?? '',
  action: row.action,
  from: row.from_status,
  to: row.to_status,
  note: row.note,
  state: row.state,
  ...(row.reason !== null ? { reason: row.reason } : {}),
  askedAt: row.asked_at,
  ...(row.decided_at !== null ? { decidedAt: row.decided_at } : {}),
});

/** The steps still to tell the person about: waiting ones, and answers not yet dismissed. */
const SHOWN = `s.server_url = @serverUrl AND s.account_id = @accountId AND (s.state = 'waiting' OR s.seen_at IS NULL)`;
const WITH_HEADLINE = `SELECT s.*, a.headline FROM sync_workflow_steps s LEFT JOIN articles a ON a.id = s.article_id`;

export function createWorkflowQueueStore(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  const stmt = {
    insert: db.prepare(
      `INSERT INTO sync_workflow_steps (request_id, article_id, server_url, account_id, action, note, from_status, to_status, state, asked_at)
       VALUES (@requestId, @articleId, @serverUrl, @accountId, @action, @note, @from, @to, 'waiting', @now)`,
    ),
    byId: db.prepare<[number], StepRow>(`${WITH_HEADLINE} WHERE s.id = ?`),
    waiting: db.prepare<{ serverUrl: string; accountId: string }, StepRow>(
      `${WITH_HEADLINE} WHERE s.server_url = @serverUrl AND s.account_id = @accountId AND s.state = 'waiting' ORDER BY s.id`,
    ),
    lastWaitingOf: db.prepare<[string], StepRow>(`${WITH_HEADLINE} WHERE s.article_id = ? AND s.state = 'waiting' ORDER BY s.id DESC LIMIT 1`),
    decide: db.prepare(`UPDATE sync_workflow_steps SET state = ?, reason = ?, decided_at = ? WHERE id = ? AND state = 'waiting'`),
    notices: db.prepare<{ serverUrl: string; accountId: string }, StepRow>(`${WITH_HEADLINE} WHERE ${SHOWN} ORDER BY s.id`),
    noticesOf: db.prepare<{ serverUrl: string; accountId: string; articleId: string }, StepRow>(
      `${WITH_HEADLINE} WHERE ${SHOWN} AND s.article_id = @articleId ORDER BY s.id`,
    ),
    counts: db.prepare<{ serverUrl: string; accountId: string }, { waiting: number; decided: number }>(
      `SELECT coalesce(sum(s.state = 'waiting'), 0) AS waiting, coalesce(sum(s.state <> 'waiting'), 0) AS decided FROM sync_workflow_steps s WHERE ${SHOWN}`,
    ),
    dismiss: db.prepare(
      `UPDATE sync_workflow_steps SET seen_at = @now WHERE id = @id AND server_url = @serverUrl AND account_id = @accountId AND state <> 'waiting' AND seen_at IS NULL`,
    ),
  };

  return {
    /** Keeps a step to send when the desk connects; `requestId` when it was already sent once (its answer was lost). */
    enqueue(step: Omit<QueuedStep, 'id' | 'requestId'> & { requestId?: string; serverUrl: string; accountId: string }): QueuedStep {
      const id = Number(stmt.insert.run({ ...step, requestId: step.requestId ?? randomUUID(), now: now() }).lastInsertRowid);
      return toStep(stmt.byId.get(id)!);
    },

    /** The steps to send for one server and account, in the order they were asked for. */
    waiting(serverUrl: string, accountId: string): QueuedStep[] {
      return stmt.waiting.all({ serverUrl, accountId }).map(toStep);
    },

    /** The article's last step still waiting: the status the person now expects it to have. */
    lastWaiting(articleId: string): QueuedStep | undefined {
      const row = stmt.lastWaitingOf.get(articleId);
      return row && toStep(row);
    },

    /** Records the server's answer (once: a step already decided keeps its first answer). */
    decide(id: number, answer: { state: 'accepted' } | { state: 'refused'; reason: string }): boolean {
      return stmt.decide.run(answer.state, answer.state === 'refused' ? answer.reason : null, now(), id).changes === 1;
    },

    notice(id: number): WorkflowNotice | undefined {
      const row = stmt.byId.get(id);
      return row && toNotice(row);
    },

    notices(serverUrl: string, accountId: string, articleId?: string): WorkflowNotice[] {
      const rows = articleId ? stmt.noticesOf.all({ serverUrl, accountId, articleId }) : stmt.notices.all({ serverUrl, accountId });
      return rows.map(toNotice);
    },

    counts(serverUrl: string, accountId: string): { waiting: number; decided: number } {
      return stmt.counts.get({ serverUrl, accountId })!;
    },

    /** The person has seen the answer; a step still waiting stays. */
    dismiss(id: number, serverUrl: string, accountId: string): boolean {
      return stmt.dismiss.run({ id, serverUrl, accountId, now: now() }).changes === 1;
    },
  };
}

export type WorkflowQueueStore = ReturnType<typeof createWorkflowQueueStore>;
