/**
 * The newsroom server's HTTP API, on the same port as the WebSocket:
 *
 *   GET  /api/health                      {name:'newsroom-server', protocol:1}: tells a desk it reached a newsroom server
 *   POST /api/sign-in   {name,password}   {token, account}
 *   POST /api/sign-out                    revokes the session and closes its connections
 *   GET  /api/session                     {account}
 *   GET  /api/articles                    {articles}: those the account may see, with its access
 *   POST /api/articles  {id, fields?|state?}  creates a draft (idempotent by id): 201 created, 200 already there
 *   GET  /api/articles/:id                {article}
 *   POST /api/articles/:id/transition {action, note?, from?, requestId?}  {article, step, replayed}
 *   GET  /api/articles/:id/history        {history}: the article's workflow steps, oldest first
 *   GET  /api/articles/:id/revisions      {revisions}: snapshots of its content (no content), newest first
 *   GET  /api/articles/:id/revisions/:n   {revision}: one snapshot with its content
 *   POST /api/articles/:id/revisions {reason?, restoredFrom?}  {revision, created}: a snapshot now (write access)
 *   GET  /api/library?after=N[&kinds=author,disclosure,style-rule]  {entries, sequence}: library entries changed after
 *                                          sequence N (any account); without kinds, authors and disclosure templates only
 *   POST /api/library   {kind, id, data}  creates an entry (editors): 201 created, 200 the same request again, 409 taken
 *   PUT  /api/library/:kind/:id {baseVersion, data}          a new version (editors); 409 {error, entry} when stale
 *   POST /api/library/:kind/:id/archive {baseVersion, archived}  archives or restores (editors); 409 when stale
 *   GET  /api/dictionary?after=N          {words, sequence, more}: newsroom dictionary words added after sequence N (any account)
 *   POST /api/dictionary {word}           adds a word (any signed-in account): 201 added, 200 already there
 *   POST /api/articles/:id/assignment {writerId, editorId}  {article}: editors give an article to a writer and an editor
 *   GET  /api/accounts                    {accounts}: the enabled accounts (id, name, role) to assign and mention
 *   GET  /api/notifications               {notifications, unread}: the account's own, newest first (at most 100)
 *   POST /api/notifications/read {ids}|{all:true}  {unread}: marks the account's own notifications read
 *
 * Requests other than sign-in carry `Authorization: Bearer <token>`. Errors are `{error: sentence}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ARTICLE_STATUSES, articleFieldsWithoutLanguageSchema, FIELD_LIMITS, type ArticleFields } from '../../../shared/model/article';
import { isArticleId } from '../../../shared/sync/documentName';
import { WORKFLOW_ACTIONS } from '../../../shared/workflow/transitions';
import { FIRST_LIBRARY_KINDS, LIBRARY_KINDS, libraryEntryIdSchema } from '../../../shared/library/newsroomLibrary';
import { changeLibraryEntry, createLibraryEntry, type LibraryResult } from '../libraryService';
import { addDictionaryWord, DICTIONARY_PAGE } from '../dictionaryService';
import { assignArticle } from '../assignment';
import { NOTIFICATIONS_MAX } from '../../../shared/sync/notifications';
import { articleHistory, createArticle, listVisibleArticles, transitionArticle, visibleArticle } from '../articleService';
import { authenticateToken, signIn } from '../auth/signIn';
import { getRevision, listRevisions, requestRevision } from '../revisionService';
import { REQUESTABLE_REASONS } from '../../../shared/sync/serverRevisions';
import { PASSWORD_MAX_LENGTH } from '../auth/password';
import { LIMITS } from '../limits';
import type { Account } from '../storage/accounts';
import type { Storage } from '../storage/storage';
import { HttpError, parseWith, readJson, sendError, sendJson } from './body';

export const PROTOCOL_VERSION = 1;

export type ApiDeps = {
  storage: Storage;
  /** Open connections, on this instance and (scaled out) every other. */
  connections: { accessChanged(articleId: string): Promise<void>; sessionEnded(tokenHash: string, reason: string): void };
  /** Take the client's address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  log: (line: string) => void;
};

const signInSchema = z.object({ name: z.string().trim().min(1).max(100), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict();
const createSchema = z
  .object({
    id: z.string().refine(isArticleId, 'must be a lower-case uuid'),
    // A desk from before article languages sends none: English, as it exported.
    fields: articleFieldsWithoutLanguageSchema.optional(),
    /** A desk's own Yjs document (base64 of Y.encodeStateAsUpdate), for an article it created offline. */
    state: z
      .base64()
      .max(Math.ceil((LIMITS.maxRequestBytes * 4) / 3))
      .optional(),
  })
  .strict()
  .refine((input) => !(input.fields && input.state), { message: 'send either fields or state, not both', path: ['state'] });
const transitionSchema = z
  .object({
    action: z.enum(WORKFLOW_ACTIONS),
    note: z.string().max(FIELD_LIMITS.note).default(''),
    /** The status the desk saw when the person asked: a step queued offline is not applied to an article that moved on. */
    from: z.enum(ARTICLE_STATUSES).optional(),
    /** The desk's id for the step (a lower-case uuid): sent again, it is answered, not applied twice. */
    requestId: z.string().refine(isArticleId, 'must be a lower-case uuid').optional(),
  })
  .strict();

const revisionRequestSchema = z
  .object({
    /** requested ("Save a version"), before-restore (the text a restore replaces), restored (after it, naming what it brought back). */
    reason: z.enum(REQUESTABLE_REASONS).default('requested'),
    restoredFrom: z.number().int().min(1).max(2_000_000_000).optional(),
  })
  .strict();
const libraryFetchSchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    kinds: z
      .string()
      .max(100)
      .transform((k) => k.split(','))
      .pipe(z.array(z.enum(LIBRARY_KINDS)).min(1))
      .optional(),
  })
  .strict();
const dictionaryFetchSchema = z.object({ after: z.coerce.number().int().min(0).default(0) }).strict();
const dictionaryAddSchema = z.object({ word: z.string().min(1).max(100) }).strict();
/** The data is checked against the kind's own schema by the library service. */
const libraryCreateSchema = z.object({ kind: z.enum(LIBRARY_KINDS), id: libraryEntryIdSchema, data: z.unknown() }).strict();
const libraryBaseVersion = z.number().int().min(1);
const libraryUpdateSchema = z.object({ baseVersion: libraryBaseVersion, data: z.unknown() }).strict();
const libraryArchiveSchema = z.object({ baseVersion: libraryBaseVersion, archived: z.boolean() }).strict();
const accountId = z.string().min(1).max(100);
const assignmentSchema = z.object({ writerId: accountId.nullable(), editorId: accountId.nullable() }).strict();
const readSchema = z.union([
  z
    .object({
      ids: z
        .array(z.number().int().min(1))
        .min(1)
        .max(NOTIFICATIONS_MAX * 5),
    })
    .strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

const publicAccount = (account: Account) => ({ id: account.id, name: account.name, role: account.role });

export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(request.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  return (forwarded || request.socket.remoteAddress || 'unknown').slice(0, 100);
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

export function createApiHandler(deps: ApiDeps) {
  const { storage } = deps;

  async function requireAccount(request: IncomingMessage): Promise<{ account: Account; tokenHash: string }> {
    const auth = await authenticateToken(storage, bearer(request));
    if (!auth.ok) throw new HttpError(401, auth.reason);
    return auth;
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://server');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const is = (m: string, p: string) => method === m && path === p;

    if (is('GET', '/api/health')) return sendJson(response, 200, { name: 'newsroom-server', protocol: PROTOCOL_VERSION });

    if (is('POST', '/api/sign-in')) {
      const input = parseWith(signInSchema, await readJson(request, LIMITS.maxSmallRequestBytes));
      const result = await signIn(storage, { ...input, address: clientAddress(request, deps.trustProxy), now: new Date() });
      if (!result.ok) return sendError(response, result.status, result.reason);
      return sendJson(response, 200, { token: result.token, account: publicAccount(result.account) });
    }

    if (is('POST', '/api/sign-out')) {
      const { tokenHash } = await requireAccount(request);
      await storage.sessions.revoke(tokenHash, new Date().toISOString());
      deps.connections.sessionEnded(tokenHash, 'You signed out.');
      response.writeHead(204).end();
      return;
    }

    if (is('GET', '/api/session')) return sendJson(response, 200, { account: publicAccount((await requireAccount(request)).account) });

    if (is('GET', '/api/articles')) {
      const { account } = await requireAccount(request);
      return sendJson(response, 200, { articles: await listVisibleArticles(storage, account) });
    }

    if (is('POST', '/api/articles')) {
      const { account } = await requireAccount(request);
      const input = parseWith(createSchema, await readJson(request, LIMITS.maxRequestBytes));
      const content =
        input.state !== undefined ? { state: Buffer.from(input.state, 'base64') } : input.fields ? { fields: input.fields as ArticleFields } : undefined;
      const result = await createArticle(storage, account, { id: input.id, content }, new Date());
      if (!result.ok) return sendError(response, result.status, result.reason);
      return sendJson(response, result.created ? 201 : 200, { article: result.article, created: result.created });
    }

    if (is('GET', '/api/dictionary')) {
      await requireAccount(request);
      const { after } = parseWith(dictionaryFetchSchema, Object.fromEntries(url.searchParams));
      return sendJson(response, 200, await storage.dictionary.addedAfter(after, DICTIONARY_PAGE));
    }

    if (is('POST', '/api/dictionary')) {
      const { account } = await requireAccount(request);
      const input = parseWith(dictionaryAddSchema, await readJson(request, LIMITS.maxSmallRequestBytes));
      const result = await addDictionaryWord(storage, account, input.word, new Date());
      if (!result.ok) return sendError(response, result.status, result.reason);
      return sendJson(response, result.status, { word: result.word });
    }

    if (is('GET', '/api/library')) {
      await requireAccount(request);
      const { after, kinds } = parseWith(libraryFetchSchema, Object.fromEntries(url.searchParams));
      return sendJson(response, 200, await storage.libraries.changedAfter(after, kinds ?? FIRST_LIBRARY_KINDS));
    }

    if (is('POST', '/api/library')) {
      const { account } = await requireAccount(request);
      const input = parseWith(libraryCreateSchema, await readJson(request, LIMITS.maxRequestBytes));
      return sendLibraryResult(response, await createLibraryEntry(storage, account, input, new Date()));
    }

    const entry = /^\/api\/library\/(author|disclosure|style-rule)\/([^/]{1,64})(\/archive)?$/.exec(path);
    if (entry) {
      const kind = entry[1] as (typeof LIBRARY_KINDS)[number];
      const id = decodeURIComponent(entry[2]!);
      if (!libraryEntryIdSchema.safeParse(id).success) throw new HttpError(404, 'There is no such library entry: the id is not valid.');
      const { account } = await requireAccount(request);
      if (!entry[3] && method === 'PUT') {
        const input = parseWith(libraryUpdateSchema, await readJson(request, LIMITS.maxRequestBytes));
        const change = { baseVersion: input.baseVersion, change: { data: input.data } };
        return sendLibraryResult(response, await changeLibraryEntry(storage, account, { kind, id, ...change }, new Date()));
      }
      if (entry[3] && method === 'POST') {
        const input = parseWith(libraryArchiveSchema, await readJson(request, LIMITS.maxSmallRequestBytes));
        const change = { baseVersion: input.baseVersion, change: { archived: input.archived } };
        return sendLibraryResult(response, await changeLibraryEntry(storage, account, { kind, id, ...change }, new Date()));
      }
      throw new HttpError(405, 'This address does not accept that method.');
    }

    if (is('GET', '/api/accounts')) {
      await requireAccount(request);
      const accounts = (await storage.accounts.list()).filter((a) => !a.disabled).map(publicAccount);
      return sendJson(response, 200, { accounts });
    }

    if (is('GET', '/api/notifications')) {
      const { account } = await requireAccount(request);
      const [notifications, unread] = await Promise.all([storage.notifications.forAccount(account.id), storage.notifications.unreadCount(account.id)]);
      return sendJson(response, 200, { notifications, unread });
    }

    if (is('POST', '/api/notifications/read')) {
      const { account } = await requireAccount(request);
      const input = parseWith(readSchema, await readJson(request, LIMITS.maxSmallRequestBytes));
      await storage.notifications.markRead(account.id, 'all' in input ? 'all' : input.ids, new Date().toISOString());
      return sendJson(response, 200, { unread: await storage.notifications.unreadCount(account.id) });
    }

    const one = /^\/api\/articles\/([^/]{1,64})(\/transition|\/history|\/assignment|\/revisions(?:\/(\d{1,9}))?)?$/.exec(path);
    if (one) {
      const id = decodeURIComponent(one[1]!);
      if (!isArticleId(id)) throw new HttpError(404, 'There is no such article: the id is not valid.');
      const { account } = await requireAccount(request);
      if (!one[2] && method === 'GET') {
        const article = await visibleArticle(storage, account, id);
        if (!article) throw new HttpError(404, 'There is no such article, or this account may not see it.');
        return sendJson(response, 200, { article });
      }
      if (one[2] === '/history' && method === 'GET') {
        const history = await articleHistory(storage, account, id);
        if (!history) throw new HttpError(404, 'There is no such article, or this account may not see it.');
        return sendJson(response, 200, { history });
      }
      if (one[2]?.startsWith('/revisions') && one[3] !== undefined && method === 'GET') {
        const result = await getRevision(storage, account, id, Number(one[3]));
        if (!result.ok) return sendError(response, result.status, result.reason);
        return sendJson(response, 200, { revision: result.value });
      }
      if (one[2] === '/revisions' && method === 'GET') {
        const result = await listRevisions(storage, account, id);
        if (!result.ok) return sendError(response, result.status, result.reason);
        return sendJson(response, 200, { revisions: result.value });
      }
      if (one[2] === '/revisions' && method === 'POST') {
        const input = parseWith(revisionRequestSchema, await readJson(request, LIMITS.maxSmallRequestBytes));
        const result = await requestRevision(storage, account, id, input, new Date());
        if (!result.ok) return sendError(response, result.status, result.reason);
        return sendJson(response, result.value.created ? 201 : 200, result.value);
      }
      if (one[2] === '/transition' && method === 'POST') {
        const input = parseWith(transitionSchema, await readJson(request, LIMITS.maxSmallRequestBytes));
        const result = await transitionArticle(storage, account, { id, ...input }, new Date());
        if (!result.ok) return sendError(response, result.status, result.reason);
        await deps.connections.accessChanged(id);
        return sendJson(response, 200, { article: result.article, step: result.step, replayed: result.replayed });
      }
      if (one[2] === '/assignment' && method === 'POST') {
        const input = parseWith(assignmentSchema, await readJson(request, LIMITS.maxSmallRequestBytes));
        const result = await assignArticle(storage, account, { id, ...input }, new Date());
        if (!result.ok) return sendError(response, result.status, result.reason);
        // A writer given the article may open it now; one it was taken from may no longer.
        await deps.connections.accessChanged(id);
        return sendJson(response, 200, { article: result.article });
      }
      throw new HttpError(405, 'This address does not accept that method.');
    }

    throw new HttpError(404, 'There is no such address on this newsroom server.');
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof HttpError) {
        // A refused body is not read to its end: close the connection after answering.
        if (error.status === 413) response.setHeader('connection', 'close');
        return sendError(response, error.status, error.message);
      }
      deps.log(`API ${request.method} ${request.url?.slice(0, 200)} failed: ${(error as Error)?.message ?? error}`);
      if (storageUnreachable(error))
        return sendError(response, 503, 'The newsroom server cannot reach its database right now; nothing was changed. Try again in a moment.');
      sendError(response, 500, 'The server hit an unexpected error; nothing was changed. Try again.');
    });
  };
}

/** A refusal carries the current entry when there is one (409: someone changed it first). */
function sendLibraryResult(response: ServerResponse, result: LibraryResult): void {
  if (result.ok) return sendJson(response, result.status, { entry: result.entry });
  sendJson(response, result.status, { error: result.reason, ...(result.entry ? { entry: result.entry } : {}) });
}

/** A connection to PostgreSQL that failed or was cut (socket errors, SQLSTATE class 08, shutdown 57P0x). */
function storageUnreachable(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03'].includes(code) ||
    code.startsWith('08') ||
    /Connection terminated/i.test((error as Error)?.message ?? '')
  );
}
