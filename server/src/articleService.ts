/** The article operations of the API: list what an account may see, create, move through the workflow, its history. */
import * as Y from 'yjs';
import { emptyArticleFields, type ArticleFields, type ArticleStatus } from '../../shared/model/article';
import { articleToDoc, readArticleDoc } from '../../shared/sync/articleDoc';
import { articleDocumentName } from '../../shared/sync/documentName';
import { planTransition, STATUS_LABEL, type WorkflowAction } from '../../shared/workflow/transitions';
import { articleAccess, type Access } from './access';
import { notify } from './notify';
import { updateProblem } from '../../shared/sync/updatePolicy';
import type { Account } from './storage/accounts';
import type { ServerArticle } from './storage/articles';
import { isUniqueViolation } from './storage/driver';
import { storageOn, type Storage } from './storage/storage';
import type { WorkflowLogEntry } from './storage/workflowLog';
import { STEP_REVISION_REASON, storedContent } from './revisionService';

/** Who holds an article, with the names the desks show (null: nobody assigned). */
export type AssignmentView = {
  writerId: string | null;
  writerName: string | null;
  editorId: string | null;
  editorName: string | null;
  assignedByName: string;
  assignedAt: string;
};

export type ArticleView = Omit<ServerArticle, 'assignment'> & {
  documentName: string;
  ownerName: string;
  access: Exclude<Access, 'none'>;
  assignment: AssignmentView | null;
};

type Names = Map<string, string>;

const assignmentView = (article: ServerArticle, names: Names): AssignmentView | null => {
  const a = article.assignment;
  if (!a) return null;
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? ''));
  return {
    writerId: a.writerId,
    writerName: name(a.writerId),
    editorId: a.editorId,
    editorName: name(a.editorId),
    assignedByName: name(a.assignedById) ?? '',
    assignedAt: a.assignedAt,
  };
};

const view = (article: ServerArticle, account: Account, names: Names): ArticleView | undefined => {
  const access = articleAccess(account, article);
  if (access === 'none') return undefined;
  const { assignment: _a, ...rest } = article;
  return {
    ...rest,
    documentName: articleDocumentName(article.id),
    ownerName: names.get(article.ownerId) ?? '',
    access,
    assignment: assignmentView(article, names),
  };
};

async function accountNames(storage: Storage): Promise<Names> {
  return new Map((await storage.accounts.list()).map((a) => [a.id, a.name]));
}

export async function listVisibleArticles(storage: Storage, account: Account): Promise<ArticleView[]> {
  const articles = await storage.articles.list(account.role === 'editor' ? undefined : account.id);
  const names = await accountNames(storage);
  return articles.flatMap((a) => view(a, account, names) ?? []);
}

export async function visibleArticle(storage: Storage, account: Account, id: string): Promise<ArticleView | undefined> {
  const article = await storage.articles.byId(id);
  if (!article) return undefined;
  return view(article, account, await accountNames(storage));
}

export type CreateResult = { ok: true; created: boolean; article: ArticleView } | { ok: false; status: 400 | 409; reason: string };

/** What a new article starts from: its JSON (the server builds the document), or a desk's own document. */
export type NewArticleContent = { fields: ArticleFields } | { state: Uint8Array } | undefined;

/** The initial document and its headline, or why the content is refused. */
function initialDocument(content: NewArticleContent, account: Account): { state: Uint8Array; headline: string } | { reason: string } {
  if (content === undefined || 'fields' in content) {
    const fields = content?.fields ?? emptyArticleFields();
    return { state: Y.encodeStateAsUpdate(articleToDoc(fields)), headline: fields.headline };
  }
  const problem = updateProblem(content.state, account);
  if (problem) return { reason: problem };
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, content.state);
  } catch {
    return { reason: 'The article’s document could not be read: it was refused and nothing was stored.' };
  }
  const read = readArticleDoc(doc);
  if (!read.ok) return { reason: read.reason };
  return { state: Y.encodeStateAsUpdate(doc), headline: read.fields.headline };
}

/**
 * Creates an article owned by `account`. Its document is either built here from the JSON the desk
 * sends, or is the desk's own Yjs document (an article created offline, already edited there: the
 * same document, so its later updates merge instead of duplicating the content). Idempotent by the
 * desk's id: creating it again returns the article as it is (the desk retries after a lost reply).
 */
export async function createArticle(storage: Storage, account: Account, input: { id: string; content: NewArticleContent }, now: Date): Promise<CreateResult> {
  const at = now.toISOString();
  const initial = initialDocument(input.content, account);
  if ('reason' in initial) return { ok: false, status: 400, reason: initial.reason };
  const { state } = initial;
  const article: ServerArticle = { id: input.id, ownerId: account.id, status: 'draft', headline: initial.headline, createdAt: at, updatedAt: at };
  try {
    await storage.db.transaction(async (tx) => {
      const s = storageOn(tx);
      await s.articles.add(article);
      await s.documents.create(article.id, state, at);
    });
    return { ok: true, created: true, article: view(article, account, new Map([[account.id, account.name]]))! };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await visibleArticle(storage, account, input.id);
    if (existing) return { ok: true, created: false, article: existing };
    return { ok: false, status: 409, reason: 'An article with this id already exists on the server, and this account may not see it.' };
  }
}

/** A step as the API shows it: the audit log entry without the desk's request id. */
export type WorkflowStep = Omit<WorkflowLogEntry, 'requestId' | 'articleId'>;

const publicStep = ({ requestId: _r, articleId: _a, ...step }: WorkflowLogEntry): WorkflowStep => step;

export type TransitionResult =
  { ok: true; article: ArticleView; step: WorkflowStep; replayed: boolean } | { ok: false; status: 404 | 409 | 403 | 400; reason: string };

export type TransitionRequest = {
  id: string;
  action: WorkflowAction;
  note: string;
  /** The status the desk saw when the person asked (a step queued offline): refused if the article has left it. */
  from?: ArticleStatus;
  /** The desk's id for the step: sent again after a lost answer, it gets the first answer instead of a second move. */
  requestId?: string;
};

/**
 * Moves an article through the workflow table of shared/workflow and logs the step (who, with
 * their name and role then, when, from, to, the note) in the same transaction. The pre-export
 * checklist is not run here: it needs the libraries and comments, which stay on the desks for now.
 */
export async function transitionArticle(storage: Storage, account: Account, input: TransitionRequest, now: Date): Promise<TransitionResult> {
  const article = await visibleArticle(storage, account, input.id);
  if (!article) return { ok: false, status: 404, reason: 'There is no such article, or this account may not see it.' };
  const replay = await replayOf(storage, account, input);
  if (replay) return replay;
  if (input.from !== undefined && input.from !== article.status) {
    return {
      ok: false,
      status: 409,
      reason: `Someone moved the article meanwhile: it is ${STATUS_LABEL[article.status].toLowerCase()} now, not ${STATUS_LABEL[input.from].toLowerCase()}. This step was not applied.`,
    };
  }
  const plan = planTransition(article.status, input.action, account.role);
  if (!plan.ok) return { ok: false, status: 403, reason: plan.reason };
  if (plan.needsNote && input.note.trim() === '') return { ok: false, status: 400, reason: 'Say why in a note: the writer needs to know what to change.' };
  const at = now.toISOString();
  // The text the step is about (desks send their edits before the step), kept with the step.
  const revisionReason = STEP_REVISION_REASON[input.action];
  const content = revisionReason ? await storedContent(storage, article.id) : undefined;
  let step: WorkflowLogEntry | undefined;
  try {
    step = await storage.db.transaction(async (tx) => {
      const s = storageOn(tx);
      if (!(await s.articles.moveStatus({ id: article.id, from: plan.from, to: plan.to, now: at }))) return undefined;
      if (revisionReason && content) {
        await s.revisions.add({
          articleId: article.id,
          createdAt: at,
          accountId: account.id,
          accountName: account.name,
          reason: revisionReason,
          headline: content.headline,
          content,
        });
      }
      await notifyStep(s, article, account, input, at);
      return s.workflowLog.append({
        articleId: article.id,
        action: input.action,
        from: plan.from,
        to: plan.to,
        accountId: account.id,
        accountName: account.name,
        role: account.role,
        note: input.note.trim(),
        at,
        ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
      });
    });
  } catch (error) {
    // The same request twice at once: the other one moved the article and logged it.
    if (!isUniqueViolation(error)) throw error;
  }
  if (!step) {
    const raced = await replayOf(storage, account, input);
    if (raced) return raced;
    return { ok: false, status: 409, reason: 'Someone changed the article’s status meanwhile: reload and try again.' };
  }
  return { ok: true, article: (await visibleArticle(storage, account, article.id))!, step: publicStep(step), replayed: false };
}

/** A return or an approval tells the writers who hold the article (its owner and its assigned writer). */
async function notifyStep(s: Storage, article: ArticleView, account: Account, input: TransitionRequest, at: string): Promise<void> {
  const kind = input.action === 'return' ? 'returned' : input.action === 'approve' ? 'approved' : undefined;
  if (!kind) return;
  await notify(s, { accountIds: [article.ownerId, article.assignment?.writerId], actor: account, kind, articleId: article.id, text: input.note.trim(), at });
}

/** The answer to a request the log already has (its answer was lost on the way), or undefined. */
async function replayOf(storage: Storage, account: Account, input: TransitionRequest): Promise<TransitionResult | undefined> {
  if (input.requestId === undefined) return undefined;
  const logged = await storage.workflowLog.byRequest(input.requestId);
  if (!logged) return undefined;
  if (logged.articleId !== input.id || logged.accountId !== account.id || logged.action !== input.action) {
    return { ok: false, status: 409, reason: 'This request id was already used for another step; nothing was changed.' };
  }
  const article = await visibleArticle(storage, account, input.id);
  if (!article) return { ok: false, status: 404, reason: 'There is no such article, or this account may not see it.' };
  return { ok: true, article, step: publicStep(logged), replayed: true };
}

/** The article's workflow steps, oldest first; undefined when the account may not see the article. */
export async function articleHistory(storage: Storage, account: Account, id: string): Promise<WorkflowStep[] | undefined> {
  if (!(await visibleArticle(storage, account, id))) return undefined;
  return (await storage.workflowLog.forArticle(id)).map(publicStep);
}
