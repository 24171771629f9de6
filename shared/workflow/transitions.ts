/**
 * The editorial workflow as a table: which action moves an article from which
 * status to which, and who may take it. Pure, so the UI offers exactly what the
 * store will accept and both are tested against the same rules.
 */
import type { ArticleStatus } from '../model/article';

export const ROLES = ['writer', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'start-edit', 'return', 'approve', 'reopen', 'export', 'spike', 'restore'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

type Rule = {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  roles: readonly Role[];
  /** The writer needs to know why: a note is required. */
  needsNote?: true;
  /** Refused while the pre-export checklist has errors. */
  needsCleanChecklist?: true;
  label: string;
};

const LIVE: readonly ArticleStatus[] = ['draft', 'submitted', 'in-edit', 'approved', 'exported'];

/** Statuses whose text is settled: saving is refused until an editor reopens (or restores) the article. */
export const LOCKED_STATUSES: readonly ArticleStatus[] = ['approved', 'exported', 'spiked'];
export const isLockedStatus = (status: ArticleStatus) => LOCKED_STATUSES.includes(status);

export const TRANSITIONS: Record<WorkflowAction, Rule> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['writer', 'editor'], label: 'Submit for review' },
  withdraw: { from: ['submitted'], to: 'draft', roles: ['writer'], label: 'Withdraw submission' },
  'start-edit': { from: ['submitted'], to: 'in-edit', roles: ['editor'], label: 'Start editing' },
  return: { from: ['submitted', 'in-edit'], to: 'draft', roles: ['editor'], needsNote: true, label: 'Return to writer' },
  approve: { from: ['in-edit'], to: 'approved', roles: ['editor'], needsCleanChecklist: true, label: 'Approve' },
  // Exported too: a correction after publication goes back through edit and approval.
  reopen: { from: ['approved', 'exported'], to: 'in-edit', roles: ['editor'], label: 'Reopen for editing' },
  export: { from: ['approved'], to: 'exported', roles: ['editor'], needsCleanChecklist: true, label: 'Mark exported' },
  spike: { from: LIVE, to: 'spiked', roles: ['editor'], label: 'Spike' },
  restore: { from: ['spiked'], to: 'draft', roles: ['writer', 'editor'], label: 'Restore from spike' },
};

/** Writers may spike only their own unsubmitted drafts. */
const WRITER_SPIKE_FROM: readonly ArticleStatus[] = ['draft'];

export type TransitionPlan =
  | { ok: true; action: WorkflowAction; from: ArticleStatus; to: ArticleStatus; needsNote: boolean; needsCleanChecklist: boolean }
  | { ok: false; reason: string };

export const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'in-edit': 'In edit',
  approved: 'Approved',
  exported: 'Exported',
  spiked: 'Spiked',
};

function roleMay(rule: Rule, action: WorkflowAction, from: ArticleStatus, role: Role): boolean {
  if (action === 'spike' && role === 'writer') return WRITER_SPIKE_FROM.includes(from);
  return rule.roles.includes(role);
}

/** Whether `role` may take `action` on an article in `from`, and where it leads. */
export function planTransition(from: ArticleStatus, action: WorkflowAction, role: Role): TransitionPlan {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return { ok: false, reason: `“${rule.label}” is not possible for an article that is ${STATUS_LABEL[from].toLowerCase()}.` };
  }
  if (!roleMay(rule, action, from, role)) {
    return { ok: false, reason: `A ${role} cannot ${rule.label.toLowerCase()} an article that is ${STATUS_LABEL[from].toLowerCase()}.` };
  }
  return { ok: true, action, from, to: rule.to, needsNote: rule.needsNote === true, needsCleanChecklist: rule.needsCleanChecklist === true };
}

/** The actions to offer `role` on an article in `status`, in workflow order. */
export function allowedActions(status: ArticleStatus, role: Role): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => planTransition(status, action, role).ok);
}
