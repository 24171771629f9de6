/**
 * Workflow steps on newsroom articles that waited for the server, as the desk shows them: waiting,
 * then accepted or refused with the server's sentence, until the person dismisses the answer.
 */
import type { ArticleStatus } from '../model/article';
import { TRANSITIONS, type WorkflowAction } from '../workflow/transitions';

export type WorkflowNoticeState = 'waiting' | 'accepted' | 'refused';

export type WorkflowNotice = {
  id: number;
  articleId: string;
  headline: string;
  action: WorkflowAction;
  /** The status the person saw when they asked, and where the step leads. */
  from: ArticleStatus;
  to: ArticleStatus;
  note: string;
  state: WorkflowNoticeState;
  /** The server's sentence when it refused. */
  reason?: string;
  askedAt: string;
  decidedAt?: string;
};

/** What the step did, said of the article: "Submitted — waiting for the newsroom server". */
const DONE: Record<WorkflowAction, string> = {
  submit: 'Submitted',
  withdraw: 'Withdrawn',
  'start-edit': 'Taken for editing',
  return: 'Returned to the writer',
  approve: 'Approved',
  reopen: 'Reopened for editing',
  export: 'Marked exported',
  spike: 'Spiked',
  restore: 'Restored from spike',
};

const titled = (headline: string) => (headline.trim() ? `“${headline.trim()}”` : 'an untitled article');

export function workflowNoticeSentence(notice: Pick<WorkflowNotice, 'action' | 'state' | 'headline' | 'reason'>): string {
  const step = `“${TRANSITIONS[notice.action].label}”`;
  switch (notice.state) {
    case 'waiting':
      return `${DONE[notice.action]} — waiting for the newsroom server`;
    case 'accepted':
      return `The server accepted ${step} for ${titled(notice.headline)}.`;
    case 'refused':
      return `The server refused ${step} for ${titled(notice.headline)}: ${notice.reason ?? 'it gave no reason.'}`;
  }
}
