/**
 * The newsroom server's HTTP API as the desk uses it (server/README.md, "the protocol"). Every
 * failure becomes a ServerApiError whose message is one sentence for the user: the server's own
 * `{error}` when it sent one. Answers are checked with zod and size-limited before they are used.
 */
import {
  dictionaryFetchAnswerSchema,
  newsroomWordSchema,
  type DictionaryFetchAnswer,
  type NewsroomWordEntry,
} from '../../../shared/language/newsroomDictionary';
import { z } from 'zod';
import { ARTICLE_STATUSES, FIELD_LIMITS, type ArticleStatus } from '../../../shared/model/article';
import { ROLES, WORKFLOW_ACTIONS } from '../../../shared/workflow/transitions';
import type { ServerAccount } from '../store/syncStore';
import {
  serverRevisionContentSchema,
  serverRevisionSchema,
  type RequestableReason,
  type ServerRevision,
  type ServerRevisionWithContent,
} from '../../../shared/sync/serverRevisions';
import {
  LIBRARY_KINDS,
  libraryFetchAnswerSchema,
  newsroomLibraryEntrySchema,
  type LibraryFetchAnswer,
  type LibraryKind,
  type NewsroomLibraryEntry,
} from '../../../shared/library/newsroomLibrary';
import { NOTIFICATIONS_MAX, notificationSchema, type NewsroomNotification } from '../../../shared/sync/notifications';

export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 15_000;

export type ServerApiProblem = 'offline' | 'session-ended' | 'refused' | 'not-a-newsroom-server';

export class ServerApiError extends Error {
  constructor(
    readonly problem: ServerApiProblem,
    message: string,
    readonly status?: number,
    /** The server's whole answer to a refusal (a 409 about a library entry carries the current entry). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ServerApiError';
  }
}

const accountSchema = z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200), role: z.enum(['writer', 'editor']) });
const serverArticleSchema = z.object({
  id: z.string(),
  status: z.string().max(40),
  ownerName: z.string().max(200),
  headline: z.string().max(10_000),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  access: z.enum(['read', 'write']),
  /** Who holds it (a server before assignment sends none). */
  assignment: z
    .object({
      writerId: z.string().max(100).nullable(),
      writerName: z.string().max(200).nullable(),
      editorId: z.string().max(100).nullable(),
      editorName: z.string().max(200).nullable(),
    })
    .nullable()
    .optional(),
});
export type ServerArticle = z.infer<typeof serverArticleSchema>;

/** One entry of the server's workflow audit log. */
const serverStepSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  from: z.enum(ARTICLE_STATUSES),
  to: z.enum(ARTICLE_STATUSES),
  accountName: z.string().max(200),
  role: z.enum(ROLES),
  note: z.string().max(FIELD_LIMITS.note),
  at: z.string().max(40),
});
export type ServerStep = z.infer<typeof serverStepSchema>;

export type ServerApi = ReturnType<typeof createServerApi>;

/** `base` is the checked http(s) address (shared/sync/serverAddress.ts); `token()` the session held in memory. */
export function createServerApi(base: string, token: () => string | undefined) {
  async function request(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json', ...(token() ? { authorization: `Bearer ${token()}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServerApiError('offline', `The newsroom server does not answer (${(error as Error).message}). Your changes are kept on this computer.`);
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_RESPONSE_BYTES) throw new ServerApiError('not-a-newsroom-server', 'The server sent far more than a newsroom server would.');
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ServerApiError(
        'not-a-newsroom-server',
        `The server at ${base} did not answer like a newsroom server (HTTP ${response.status}).`,
        response.status,
      );
    }
    if (response.status >= 400) {
      const sentence = z.object({ error: z.string().max(1_000) }).safeParse(json);
      const message = sentence.success ? sentence.data.error : `The newsroom server refused the request (HTTP ${response.status}).`;
      // A server error (its database unreachable, a proxy with no instance behind it) passes: like offline.
      throw new ServerApiError(response.status === 401 ? 'session-ended' : response.status >= 500 ? 'offline' : 'refused', message, response.status, json);
    }
    return { status: response.status, json };
  }

  function parse<T>(schema: z.ZodType<T>, json: unknown): T {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ServerApiError('not-a-newsroom-server', `The server at ${base} answered something a newsroom server would not.`);
    return parsed.data;
  }

  return {
    async checkHealth(): Promise<void> {
      const { json } = await request('GET', '/api/health');
      const health = z.object({ name: z.literal('newsroom-server'), protocol: z.literal(1) }).safeParse(json);
      if (!health.success) throw new ServerApiError('not-a-newsroom-server', `${base} is not a newsroom server this desk can use.`);
    },

    async signIn(name: string, password: string): Promise<{ token: string; account: ServerAccount }> {
      const { json } = await request('POST', '/api/sign-in', { name, password });
      return parse(z.object({ token: z.string().min(20).max(200), account: accountSchema }), json);
    },

    async signOut(): Promise<void> {
      await request('POST', '/api/sign-out');
    },

    async session(): Promise<ServerAccount> {
      return parse(z.object({ account: accountSchema }), (await request('GET', '/api/session')).json).account;
    },

    async listArticles(): Promise<ServerArticle[]> {
      return parse(z.object({ articles: z.array(serverArticleSchema).max(100_000) }), (await request('GET', '/api/articles')).json).articles;
    },

    /**
     * A workflow action, judged by the server against the shared transition table and the account's
     * role. `from` (the status the person saw) makes a step queued offline fail rather than apply to an
     * article that moved on; `requestId` makes sending it again after a lost answer safe.
     */
    async transition(
      id: string,
      action: string,
      note: string,
      options: { from?: ArticleStatus; requestId?: string } = {},
    ): Promise<{ article: ServerArticle; step?: ServerStep }> {
      const { json } = await request('POST', `/api/articles/${encodeURIComponent(id)}/transition`, { action, note, ...options });
      return parse(z.object({ article: serverArticleSchema, step: serverStepSchema.optional() }), json);
    },

    async article(id: string): Promise<ServerArticle> {
      return parse(z.object({ article: serverArticleSchema }), (await request('GET', `/api/articles/${encodeURIComponent(id)}`)).json).article;
    },

    /** The article's workflow steps as the server logged them, oldest first. */
    async history(id: string): Promise<ServerStep[]> {
      const { json } = await request('GET', `/api/articles/${encodeURIComponent(id)}/history`);
      return parse(z.object({ history: z.array(serverStepSchema).max(100_000) }), json).history;
    },

    /** The snapshots the server keeps of the article, newest first, without their content. */
    async revisions(id: string): Promise<ServerRevision[]> {
      const { json } = await request('GET', `/api/articles/${encodeURIComponent(id)}/revisions`);
      return parse(z.object({ revisions: z.array(serverRevisionSchema).max(100_000) }), json).revisions;
    },

    async revision(id: string, number: number): Promise<ServerRevisionWithContent> {
      const { json } = await request('GET', `/api/articles/${encodeURIComponent(id)}/revisions/${number}`);
      return parse(z.object({ revision: serverRevisionContentSchema }), json).revision as ServerRevisionWithContent;
    },

    /** A snapshot of the text as the server has it now (`created: false`: unchanged since the newest, which is the answer). */
    async requestRevision(id: string, reason: RequestableReason, restoredFrom?: number): Promise<{ revision: ServerRevision; created: boolean }> {
      const { json } = await request('POST', `/api/articles/${encodeURIComponent(id)}/revisions`, {
        reason,
        ...(restoredFrom !== undefined ? { restoredFrom } : {}),
      });
      return parse(z.object({ revision: serverRevisionSchema, created: z.boolean() }), json);
    },

    /** The newsroom's library entries (every kind this desk knows, house-style rules too) changed after sequence `after`, and the newest sequence. */
    async library(after: number): Promise<LibraryFetchAnswer> {
      try {
        return parse(libraryFetchAnswerSchema, (await request('GET', `/api/library?after=${after}&kinds=${LIBRARY_KINDS.join(',')}`)).json);
      } catch (error) {
        // A server from before the house style refuses `kinds`: its authors and templates still come.
        if (!(error instanceof ServerApiError && error.status === 400)) throw error;
        return parse(libraryFetchAnswerSchema, (await request('GET', `/api/library?after=${after}`)).json);
      }
    },

    /**
     * An editor's change to the newsroom's library: a new entry (`baseVersion` undefined), new data, or
     * an archive state. Refused with the server's sentence; a 409 carries the current entry.
     */
    async changeLibrary(kind: LibraryKind, id: string, change: { baseVersion?: number; data?: unknown; archived?: boolean }): Promise<NewsroomLibraryEntry> {
      const path = `/api/library/${kind}/${encodeURIComponent(id)}`;
      const { json } =
        change.baseVersion === undefined
          ? await request('POST', '/api/library', { kind, id, data: change.data })
          : change.archived !== undefined
            ? await request('POST', `${path}/archive`, { baseVersion: change.baseVersion, archived: change.archived })
            : await request('PUT', path, { baseVersion: change.baseVersion, data: change.data });
      return parse(z.object({ entry: newsroomLibraryEntrySchema }), json).entry;
    },

    /** Newsroom dictionary words added after sequence `after` (a page; `more` asks for the next). */
    async dictionary(after: number): Promise<DictionaryFetchAnswer> {
      return parse(dictionaryFetchAnswerSchema, (await request('GET', `/api/dictionary?after=${after}`)).json);
    },

    /** Adds a word to the newsroom dictionary (any signed-in account); one already there is answered as it is. */
    async addDictionaryWord(word: string): Promise<NewsroomWordEntry> {
      return parse(z.object({ word: newsroomWordSchema }), (await request('POST', '/api/dictionary', { word })).json).word;
    },

    /** Editors only: gives the article to a writer and an editor (null: nobody). */
    async assign(id: string, writerId: string | null, editorId: string | null): Promise<ServerArticle> {
      const { json } = await request('POST', `/api/articles/${encodeURIComponent(id)}/assignment`, { writerId, editorId });
      return parse(z.object({ article: serverArticleSchema }), json).article;
    },

    /** The newsroom's enabled accounts (to assign and mention). */
    async accounts(): Promise<ServerAccount[]> {
      return parse(z.object({ accounts: z.array(accountSchema).max(10_000) }), (await request('GET', '/api/accounts')).json).accounts;
    },

    /** The account's newest notifications and how many are unread. */
    async notifications(): Promise<{ notifications: NewsroomNotification[]; unread: number }> {
      const schema = z.object({ notifications: z.array(notificationSchema).max(NOTIFICATIONS_MAX), unread: z.number().int().min(0) });
      return parse(schema, (await request('GET', '/api/notifications')).json);
    },

    async markNotificationsRead(ids: readonly number[] | 'all'): Promise<void> {
      await request('POST', '/api/notifications/read', ids === 'all' ? { all: true } : { ids });
    },

    /** Creates an article made offline from the desk's own document (idempotent by id). */
    async createArticle(id: string, state: Uint8Array): Promise<ServerArticle> {
      const { json } = await request('POST', '/api/articles', { id, state: Buffer.from(state).toString('base64') });
      return parse(z.object({ article: serverArticleSchema }), json).article;
    },
  };
}
