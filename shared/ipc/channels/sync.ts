/**
 * The desk's newsroom server (electron/node/sync): settings, sign-in, the connection state, and the
 * Yjs updates of an open synced article. The renderer keeps its own Y.Doc per open article, bound to
 * the editor, and exchanges updates with the main process's copy (the one that talks to the server):
 * `sync:push` sends its own, `sync:pull` is a long poll for the rest. Bytes travel as base64.
 */
import { z } from 'zod';
import type { ArticleSyncState, SyncStatus } from '../../sync/syncState';
import type { WorkflowNotice } from '../../sync/workflowNotices';
import { REQUESTABLE_REASONS, type ServerRevision, type ServerRevisionList, type ServerRevisionWithContent } from '../../sync/serverRevisions';
import { cursorSchema, type Peer } from '../../sync/presence';
import type { NewsroomNotification } from '../../sync/notifications';
import { channel, emptyRequest, idSchema } from '../channel';

/** Base64 of at most ~9 MB: the server refuses messages over 8 MB. */
const base64 = (maxChars: number) =>
  z
    .string()
    .max(maxChars)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
export const MAX_UPDATE_BASE64 = 12_000_000;
/** Held requests answer by then at the latest, so no transport times them out. */
export const MAX_WAIT_MS = 30_000;
const waitMs = z.number().int().min(0).max(MAX_WAIT_MS);

/** `seq` counts the changes the main process's document took from elsewhere: pass it back to `sync:pull` as `after`. */
export type SyncedArticle = { synced: false } | { synced: true; state: string; seq: number; article: ArticleSyncState; status: SyncStatus };
/** `presence.revision` is passed back as `presence` to hear of the next change of who is here. */
/**
 * The article's state once the push is kept on this desk, and the revision it is as of: an answer
 * that arrives after a pull answered from a later revision is older news (the two requests race).
 */
export type PushResult = { article: ArticleSyncState; revision: number };
export type PullResult = { update: string; seq: number; article: ArticleSyncState; status: SyncStatus; presence: { revision: number; peers: Peer[] } };

/** The inbox: the newest notifications first, and how many are unread. */
export type Inbox = { notifications: NewsroomNotification[]; unread: number };
export type NewsroomAccount = { id: string; name: string; role: 'writer' | 'editor' };

const accountId = z.string().min(1).max(100);

export const syncChannels = {
  /** The state now, or (with `after`) once it moves past that revision or `waitMs` passes. */
  'sync:status': channel<SyncStatus>()(z.object({ after: z.number().int().min(0).optional(), waitMs: waitMs.optional() }).strict()),
  /** Sets the server address; plain ws:// beyond this computer only with `allowInsecure`. */
  'sync:configure': channel<SyncStatus>()(z.object({ server: z.string().trim().min(1).max(500), allowInsecure: z.boolean().optional() }).strict()),
  /** The password goes to the server and nowhere else; the desk keeps only the session token. */
  'sync:signIn': channel<SyncStatus>()(z.object({ name: z.string().trim().min(1).max(200), password: z.string().min(1).max(1_000) }).strict()),
  'sync:signOut': channel<SyncStatus>()(emptyRequest),
  /** "Work offline": keep every change here until it is turned off. */
  'sync:setOffline': channel<SyncStatus>()(z.object({ offline: z.boolean() }).strict()),
  /** Fetches the newsroom's article list and brings every local copy up to date. */
  'sync:refresh': channel<SyncStatus>()(emptyRequest),
  /** The article's document state when it is a newsroom article; `{synced: false}` for a desk-only one. */
  'sync:open': channel<SyncedArticle>()(z.object({ articleId: idSchema }).strict()),
  'sync:close': channel<null>()(z.object({ articleId: idSchema }).strict()),
  /** The renderer's own changes; refused with a sentence when the article may not take them. */
  'sync:push': channel<PushResult>()(z.object({ articleId: idSchema, update: base64(MAX_UPDATE_BASE64).min(4) }).strict()),
  /** What the renderer lacks (given its state vector): at once when there is some, else when it comes or `waitMs` passes. */
  'sync:pull': channel<PullResult>()(
    z
      .object({
        articleId: idSchema,
        stateVector: base64(1_000_000),
        after: z.number().int().min(0),
        revision: z.number().int().min(0),
        presence: z.number().int().min(0).optional(),
        waitMs,
      })
      .strict(),
  ),
  /** Where this desk's cursor is in an open article (null: the editor does not have it), for the others. */
  'sync:presence': channel<null>()(z.object({ articleId: idSchema, cursor: cursorSchema.nullable() }).strict()),
  /** Workflow steps waiting for the server and its answers not yet dismissed (one article's, or all). */
  'sync:workflowNotices': channel<WorkflowNotice[]>()(z.object({ articleId: idSchema.optional() }).strict()),
  /** The person has seen the server's answer to a step; returns what is left to show. */
  'sync:dismissWorkflowNotice': channel<WorkflowNotice[]>()(z.object({ id: z.number().int().min(1) }).strict()),
  /** The revisions the newsroom server keeps of a newsroom article, newest first; offline, why not. */
  'sync:revisions': channel<ServerRevisionList>()(z.object({ articleId: idSchema }).strict()),
  /** One of them with its content (to compare or restore). */
  'sync:revision': channel<ServerRevisionWithContent>()(z.object({ articleId: idSchema, number: z.number().int().min(1).max(2_000_000_000) }).strict()),
  /**
   * A snapshot of the article's text as the server has it, once this desk's edits are there: "Save a
   * version" (requested), the text a restore replaces (before-restore), the restore done (restored, naming it).
   */
  'sync:requestRevision': channel<ServerRevision>()(
    z.object({ articleId: idSchema, reason: z.enum(REQUESTABLE_REASONS), restoredFrom: z.number().int().min(1).max(2_000_000_000).optional() }).strict(),
  ),
  /** The newsroom's notifications for this account, as kept on this computer (offline too). */
  'sync:notifications': channel<Inbox>()(emptyRequest),
  /** Marks notifications read here at once; the server is told when the desk can reach it. */
  'sync:markNotificationsRead': channel<Inbox>()(
    z.union([z.object({ ids: z.array(z.number().int().min(1)).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()]),
  ),
  /** The newsroom's enabled accounts (names, roles, ids), from the server: whom an editor may assign. */
  'sync:accounts': channel<NewsroomAccount[]>()(emptyRequest),
  /** Editors: gives a newsroom article to a writer and an editor (null: nobody); the server decides. */
  'sync:assign': channel<SyncStatus>()(z.object({ articleId: idSchema, writerId: accountId.nullable(), editorId: accountId.nullable() }).strict()),
} as const;
