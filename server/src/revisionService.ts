/**
 * Revisions of newsroom articles: snapshots of the content as the server stores it, taken at the
 * workflow steps the server performs (in the step's transaction), when a desk asks, and periodically
 * while an article is edited (collab/newsroomExtension.ts, after each store). The policy:
 *
 * - a step snapshot (submitted, approved, returned, exported) and a "restored" one are always taken
 *   and always kept: they record what happened;
 * - a periodic one only when the last snapshot is older than the interval (10 minutes) and the
 *   content differs from it; a requested or "before restore" one only when the content differs
 *   (otherwise the newest is the answer);
 * - storage/revisions.ts bounds the unpinned ones per article.
 */
import * as Y from 'yjs';
import type { ArticleFields } from '../../shared/model/article';
import { readArticleDoc } from '../../shared/sync/articleDoc';
import type { RequestableReason } from '../../shared/sync/serverRevisions';
import type { WorkflowAction } from '../../shared/workflow/transitions';
import { articleAccess, readOnlyReason } from './access';
import type { Account } from './storage/accounts';
import type { RevisionMeta, RevisionReason, RevisionWithContent } from './storage/revisions';
import type { Storage } from './storage/storage';

/** Between periodic snapshots of an article being edited (NEWSROOM_REVISION_INTERVAL_MS changes it). */
export const PERIODIC_REVISION_MS = 10 * 60 * 1000;

/** The workflow steps that keep a snapshot of the text as it was when they were taken. */
export const STEP_REVISION_REASON: Partial<Record<WorkflowAction, RevisionReason>> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  export: 'exported',
};

/**
 * The article's content as stored: the state and every acknowledged update since (so on any instance
 * it holds every change a desk was told reached the server). Undefined when it does not read as an article.
 */
export async function storedContent(storage: Storage, articleId: string): Promise<ArticleFields | undefined> {
  const stored = await storage.documents.load(articleId);
  const doc = new Y.Doc();
  try {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(doc, update.data);
      } catch {
        // Skipped as loading the document skips it (newsroomExtension.onLoadDocument).
      }
    }
    const read = readArticleDoc(doc);
    return read.ok ? read.fields : undefined;
  } finally {
    doc.destroy();
  }
}

const NOT_VISIBLE = 'There is no such article, or this account may not see it.';

export type RevisionsResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 403 | 404 | 409; reason: string };

/** Whether the account may see the article (its revisions are read by whoever may read it). */
async function maySee(storage: Storage, account: Account, articleId: string): Promise<boolean> {
  const article = await storage.articles.byId(articleId);
  return article !== undefined && articleAccess(account, article) !== 'none';
}

export async function listRevisions(storage: Storage, account: Account, articleId: string): Promise<RevisionsResult<RevisionMeta[]>> {
  if (!(await maySee(storage, account, articleId))) return { ok: false, status: 404, reason: NOT_VISIBLE };
  return { ok: true, value: await storage.revisions.list(articleId) };
}

export async function getRevision(storage: Storage, account: Account, articleId: string, number: number): Promise<RevisionsResult<RevisionWithContent>> {
  if (!(await maySee(storage, account, articleId))) return { ok: false, status: 404, reason: NOT_VISIBLE };
  const revision = await storage.revisions.get(articleId, number);
  if (!revision) return { ok: false, status: 404, reason: `The article has no revision ${number}: it may have been dropped as an old periodic snapshot.` };
  return { ok: true, value: revision };
}

/**
 * A snapshot a desk asks for, of the content as the server has it now (the desk sends its edits
 * first). Needs write access: only someone who may change the text saves or restores versions of it.
 */
export async function requestRevision(
  storage: Storage,
  account: Account,
  articleId: string,
  input: { reason: RequestableReason; restoredFrom?: number },
  now: Date,
): Promise<RevisionsResult<{ revision: RevisionMeta; created: boolean }>> {
  const article = await storage.articles.byId(articleId);
  const access = article ? articleAccess(account, article) : 'none';
  if (!article || access === 'none') return { ok: false, status: 404, reason: NOT_VISIBLE };
  if (access === 'read') return { ok: false, status: 403, reason: `No version can be saved or restored: ${readOnlyReason(account, article)}` };
  if ((input.reason === 'restored') !== (input.restoredFrom !== undefined))
    return { ok: false, status: 400, reason: 'A restored snapshot names the revision it restored, and only a restored one does.' };
  if (input.restoredFrom !== undefined && !(await storage.revisions.get(articleId, input.restoredFrom)))
    return { ok: false, status: 404, reason: `The article has no revision ${input.restoredFrom} to have restored.` };
  const content = await storedContent(storage, articleId);
  if (!content) return { ok: false, status: 409, reason: 'The article’s stored text could not be read as an article, so no version was saved.' };
  const added = await storage.revisions.add(
    {
      articleId,
      createdAt: now.toISOString(),
      accountId: account.id,
      accountName: account.name,
      reason: input.reason,
      ...(input.restoredFrom !== undefined ? { restoredFrom: input.restoredFrom } : {}),
      headline: content.headline,
      content,
    },
    // A restore is an event worth its line; a plain request of unchanged text is answered with the newest.
    { unlessUnchanged: input.reason !== 'restored' },
  );
  if (added) return { ok: true, value: { revision: added, created: true } };
  return { ok: true, value: { revision: (await storage.revisions.list(articleId))[0]!, created: false } };
}

/**
 * After a document was stored: a periodic snapshot when the last one is older than `intervalMs`
 * and the content changed since it. `editor` is the account whose change was stored last.
 */
export async function periodicRevision(
  storage: Storage,
  articleId: string,
  content: ArticleFields,
  editor: { id: string; name: string },
  now: Date,
  intervalMs: number,
): Promise<RevisionMeta | undefined> {
  const latest = await storage.revisions.latest(articleId);
  if (latest && now.getTime() - Date.parse(latest.createdAt) < intervalMs) return undefined;
  return storage.revisions.add(
    { articleId, createdAt: now.toISOString(), accountId: editor.id, accountName: editor.name, reason: 'periodic', headline: content.headline, content },
    { unlessUnchanged: true },
  );
}
