/** Editorial review: the desk's profile and settings, workflow transitions, comments and revisions. */
import { z } from 'zod';
import type { Article } from '../../model/article';
import type { CommentThread, Profile, ReviewSettings, Revision, RevisionSummary, TransitionRecord } from '../../model/review';
import type { WritingSettings } from '../../editor/typography';
import { languageTagSchema } from '../../language/languageTag';
import type { WorkflowNotice } from '../../sync/workflowNotices';
import { ROLES, WORKFLOW_ACTIONS } from '../../workflow/transitions';
import { channel, emptyRequest, idSchema as id } from '../channel';

const point = z.object({ path: z.array(z.number().int().min(0).max(100_000)).min(1).max(16), offset: z.number().int().min(0).max(1_000_000) }).strict();
/** Where a comment points: a Slate range and its quote (also how a bundle carries it). */
export const commentAnchorSchema = z.object({ anchor: point, focus: point, quote: z.string().min(1).max(5_000) }).strict();
const anchor = commentAnchorSchema;
const text = z.string().trim().min(1).max(5_000);
/** A suggestion's id, as the body's nodes carry it (shared/model/suggestions.ts). */
const suggestionId = z.string().min(1).max(100);
const revisionId = z.number().int().min(1);

export type WorkflowTransitionResult = Article & { workflowStep?: WorkflowNotice };

/** `language`: the BCP 47 tag new articles take (the desk's default language). */
export const writingSettingsSchema = z
  .object({
    smartTypography: z.boolean(),
    language: languageTagSchema,
    editorsSuggest: z.boolean().optional(),
    checkSpelling: z.boolean().optional(),
    checkStyle: z.boolean().optional(),
  })
  .strict();

export const reviewChannels = {
  /** The person at this desk, or null on first run. */
  'profile:get': channel<Profile | null>()(emptyRequest),
  'profile:set': channel<Profile>()(z.object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) }).strict()),
  'reviewSettings:get': channel<ReviewSettings>()(emptyRequest),
  'reviewSettings:set': channel<ReviewSettings>()(z.object({ headlineMaxLength: z.number().int().min(10).max(300) }).strict()),
  /** Smart typography on or off, and the language new articles take. */
  'writingSettings:get': channel<WritingSettings>()(emptyRequest),
  'writingSettings:set': channel<WritingSettings>()(writingSettingsSchema),

  /**
   * Moves an article through the workflow as the desk's profile (a newsroom article: as the account,
   * decided by the server); CONFLICT when baseVersion is stale. A newsroom article's step that must
   * wait for the server comes back with the article as it was and `workflowStep` saying so.
   */
  'workflow:transition': channel<WorkflowTransitionResult>()(
    z.object({ id, baseVersion: z.number().int().min(0), action: z.enum(WORKFLOW_ACTIONS), note: z.string().max(5_000).optional() }).strict(),
  ),
  'workflow:history': channel<TransitionRecord[]>()(z.object({ id }).strict()),

  'comments:list': channel<CommentThread[]>()(z.object({ articleId: id }).strict()),
  'comments:create': channel<CommentThread>()(z.object({ articleId: id, anchor, text, suggestionId: suggestionId.optional() }).strict()),
  'comments:reply': channel<CommentThread>()(z.object({ threadId: id, text }).strict()),
  'comments:resolve': channel<CommentThread>()(z.object({ threadId: id, resolved: z.boolean() }).strict()),
  /** Anchors moved by edits in the open editor; null marks a thread orphaned. */
  'comments:anchors': channel<null>()(
    z.object({ articleId: id, anchors: z.array(z.object({ threadId: id, anchor: anchor.nullable() }).strict()).max(2_000) }).strict(),
  ),

  'revisions:list': channel<RevisionSummary[]>()(z.object({ articleId: id }).strict()),
  'revisions:get': channel<Revision>()(z.object({ id: revisionId }).strict()),
  'revisions:create': channel<RevisionSummary>()(z.object({ articleId: id, label: z.string().trim().max(200) }).strict()),
  /** Saves the revision's text as the article's next version; the replaced text stays in the history. */
  'revisions:restore': channel<Article>()(z.object({ articleId: id, revisionId, baseVersion: z.number().int().min(0) }).strict()),
} as const;
