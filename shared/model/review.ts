/** Editorial review as it crosses process boundaries: who is working, the workflow log, comments and revisions. */
import type { ArticleFields, ArticleStatus } from './article';
import type { CommentAnchor } from '../comments/anchors';
import type { ChecklistSettings } from '../rules/checklist';
import type { Role, WorkflowAction } from '../workflow/transitions';

/** The person at this desk. There is no login; every action is attributed to the profile. */
export type Profile = { name: string; role: Role };

export type ReviewSettings = ChecklistSettings;

export type TransitionRecord = {
  id: number;
  action: WorkflowAction;
  from: ArticleStatus;
  to: ArticleStatus;
  by: string;
  role: Role;
  note: string;
  at: string;
};

export type CommentMessage = { id: string; by: string; role: Role; text: string; at: string };

export type CommentThread = {
  id: string;
  articleId: string;
  /** Undefined when the commented text was deleted: the thread is orphaned but kept. */
  anchor: CommentAnchor | undefined;
  quote: string;
  resolved: boolean;
  resolvedBy: string;
  resolvedAt: string;
  messages: CommentMessage[];
  createdAt: string;
  /** Replies to a suggestion (tracked change) of this id, rather than a comment on the text. */
  suggestionId?: string;
};

export const REVISION_KINDS = ['status', 'auto', 'manual', 'restore'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export type RevisionSummary = {
  id: number;
  articleId: string;
  kind: RevisionKind;
  label: string;
  status: ArticleStatus;
  articleVersion: number;
  by: string;
  role: Role | '';
  at: string;
};

export type Revision = RevisionSummary & { fields: ArticleFields };
