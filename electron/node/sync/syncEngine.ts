/**
 * The desk's side of a newsroom server, offline first (one engine per desk database). It keeps a
 * replica of every article the account may see (store/syncStore.ts), lets the desk edit them with or
 * without a connection, and syncs over one WebSocket with one Hocuspocus provider per loaded article.
 *
 * The session token lives only in this object's memory: the caller decides where it is kept
 * (Electron's safeStorage, or nowhere in the browser host).
 *
 * What "acknowledged" means, and why the state is never a stale "up to date": see articleReplica.ts
 * and `connectionState`.
 */
import { randomUUID } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { z } from 'zod';
import { ARTICLE_STATUSES, emptyArticleFields, type ArticleFields, type ArticleStatus } from '../../../shared/model/article';
import { articleToDoc, docToArticleFields, fieldsMap } from '../../../shared/sync/articleDoc';
import { articleDocumentName, isArticleId } from '../../../shared/sync/documentName';
import { inspectMessage } from '../../../shared/sync/protocolMessages';
import { updateProblem } from '../../../shared/sync/updatePolicy';
import { commentChangeProblem } from '../../../shared/sync/articleComments';
import { checkServerAddress, type ServerAddress } from '../../../shared/sync/serverAddress';
import type { ArticleSyncState, ConnectionState } from '../../../shared/sync/syncState';
import type { WorkflowNotice } from '../../../shared/sync/workflowNotices';
import type { RequestableReason, ServerRevision, ServerRevisionWithContent } from '../../../shared/sync/serverRevisions';
import { presenceColor, presenceStateSchema, type Peer, type PresenceCursor } from '../../../shared/sync/presence';
import { planTransition, type WorkflowAction } from '../../../shared/workflow/transitions';
import { createArticleStore, type ArticleStore } from '../store/articleStore';
import type { Db } from '../store/database';
import { createSyncStore, type ServerAccount, type SyncStore } from '../store/syncStore';
import { createWorkflowQueueStore, type QueuedStep, type WorkflowQueueStore } from '../store/workflowQueueStore';
import { ArticleReplica } from './articleReplica';
import { createServerApi, ServerApiError, type ServerApi, type ServerArticle, type ServerStep } from './serverApi';

export type { ArticleSyncState, ConnectionState };

export type SyncEngineOptions = {
  /** Reconnection delays (ms); the defaults back off from 1 s to 30 s. */
  reconnect?: { minDelay: number; maxDelay: number };
  /**
   * Records a workflow step the server accepted in the desk's own history and status (their owners
   * are the review stores). Runs inside the transaction that records the server's answer.
   */
  recordAcceptedStep?: (articleId: string, step: ServerStep) => void;
  /** How long a provider may wait on the server before its handshake starts over (HANDSHAKE_PATIENCE_MS). */
  handshakePatienceMs?: number;
};

export type { ServerStep };

/** What became of a workflow step asked for on a newsroom article. */
export type TransitionOutcome = { kind: 'decided'; article: ServerArticle } | { kind: 'waiting'; notice: WorkflowNotice };

/**
 * The provider takes its listeners off a socket before closing it; `ws` reports closing one that is
 * still connecting as an 'error' event, which with no listener left is an uncaught exception (seen
 * when a server closes a new socket at once, 1011). This one always keeps a listener; the provider
 * has seen what it needed through its own.
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/** WebSocket close codes of the newsroom server (server/README.md). */
const CLOSE_SESSION_ENDED = 4401;
const CLOSE_RESTART = 1012;
/** The server could not do its part (its database unreachable): its sentence says so, and the desk comes back. */
const CLOSE_SERVER_ERROR = 1011;
/** How many articles a refresh downloads at once. */
const VISIT_CONCURRENCY = 4;
const VISIT_TIMEOUT_MS = 20_000;
/** How long a step asked for online waits for the article's last edits to reach the server before it is queued instead. */
const STEP_WAITS_FOR_EDITS_MS = 3_000;
/** How long a snapshot request waits for the article's edits to reach the server. */
const REVISION_WAITS_FOR_EDITS_MS = 10_000;
export const OFFLINE_REVISIONS = 'The versions kept on the newsroom server need a connection: the desk is offline.';
/** The server refuses messages over 8 MB (server/README.md); it sends none larger either. */
const MAX_SERVER_MESSAGE_BYTES = 64 * 1024 * 1024;

const accessNoticeSchema = z.object({ type: z.literal('access'), access: z.enum(['read', 'write']), reason: z.string().max(500) });

type Loaded = {
  replica: ArticleReplica;
  provider?: HocuspocusProvider;
  /** Opened by the desk (an editor window), as opposed to loaded to sync in the background. */
  openCount: number;
  refused?: string;
  /** The POST creating an offline article on the server is under way. */
  creating?: boolean;
  access?: 'read' | 'write';
  accessReason?: string;
  /** A background load is let go a moment after it is done (see RELEASE_AFTER_MS). */
  releaseTimer?: ReturnType<typeof setTimeout>;
  /** When the provider was attached or last heard from the server, and how long it may wait now. */
  heardAt?: number;
  patience?: number;
  /** Handshakes started over because the server never answered (see watchHandshakes). */
  restarts: number;
  /** Where this desk's cursor is while an editor has the article open (shown to the others). */
  cursor?: PresenceCursor | null;
};

/**
 * How long a loaded article stays connected after it is done (synced, nothing pending, nobody has it
 * open). Letting go at once churned providers: a new article synced in the background was released
 * just before its editor opened it, and the provider's close and the new one's sign-in reached
 * Hocuspocus 3.4 together, which can drop the sign-in (the desk then waited ~30 s for the socket).
 */
const RELEASE_AFTER_MS = 2_000;
const CREATE_RETRY_MS = 1_000;
const REFUSAL_RETRY_MS = 2_000;

/**
 * A connected provider that still waits on its sign-in, handshake or an acknowledgement, and has heard
 * nothing from the server for this long, starts over: detached, then attached again a moment later
 * (the handshake sends whatever the server lacks). Hocuspocus 3.4 can drop a sign-in that reaches it
 * together with a close of the same document on the socket, and the article then sat "not yet on the
 * server" until the socket itself reconnected. The wait doubles for each new try on an article, up to
 * HANDSHAKE_PATIENCE_MAX_MS, so a slow link sending a long article is not cut off again and again.
 */
const HANDSHAKE_PATIENCE_MS = 5_000;
const HANDSHAKE_PATIENCE_MAX_MS = 120_000;
/** Between the old provider's close and the new one's sign-in: not together (the race above). */
const HANDSHAKE_RESTART_GAP_MS = 1_000;

export class SyncEngine {
  private readonly store: SyncStore;
  private readonly articles: ArticleStore;
  private readonly steps: WorkflowQueueStore;
  /** The run sending waiting workflow steps, and whether another was asked for meanwhile. */
  private sendingSteps: Promise<void> | undefined;
  private stepsAgain = false;
  private address: ServerAddress | undefined;
  private api: ServerApi | undefined;
  private token: string | undefined;
  private account: ServerAccount | undefined;
  private socket: HocuspocusProviderWebsocket | undefined;
  private sessionEnded: string | undefined;
  private lastClose: string | undefined;
  private readonly loaded = new Map<string, Loaded>();
  /** Articles with pending changes that are not loaded (closed while offline). */
  private readonly pendingOnDisk = new Set<string>();
  private busy = 0;
  private readonly listeners = new Set<() => void>();
  private closed = false;
  private paused = false;
  private retryStart: ReturnType<typeof setTimeout> | undefined;

  constructor(
    db: Db,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.store = createSyncStore(db);
    this.articles = createArticleStore(db);
    this.steps = createWorkflowQueueStore(db);
    this.handshakeWatch = setInterval(() => this.watchHandshakes(), Math.min(1_000, this.handshakePatience / 4));
    this.handshakeWatch.unref?.();
  }

  private readonly handshakeWatch: ReturnType<typeof setInterval>;
  private get handshakePatience(): number {
    return this.options.handshakePatienceMs ?? HANDSHAKE_PATIENCE_MS;
  }

  /** Starts over the handshake of a provider the server has left waiting (see HANDSHAKE_PATIENCE_MS). */
  private watchHandshakes(): void {
    if (!this.online || this.closed) return;
    const now = Date.now();
    for (const entry of this.loaded.values()) {
      const provider = entry.provider;
      // A read-only article's changes stay unacknowledged on purpose (the server refuses them).
      if (!provider || entry.refused !== undefined || entry.access === 'read') continue;
      if (provider.isSynced && provider.unsyncedChanges === 0) {
        entry.patience = undefined;
        continue;
      }
      const patience = entry.patience ?? this.handshakePatience;
      if (now - (entry.heardAt ?? now) < patience) continue;
      entry.patience = Math.min(patience * 2, HANDSHAKE_PATIENCE_MAX_MS);
      entry.restarts++;
      this.detachProvider(entry);
      setTimeout(() => {
        if (this.loaded.get(entry.replica.articleId) === entry && !this.closed) void this.ensureProvider(entry);
      }, HANDSHAKE_RESTART_GAP_MS).unref?.();
      this.notify();
    }
  }

  // ---- Presence --------------------------------------------------------------------

  private readonly presenceListeners = new Set<(articleId: string) => void>();

  /** Called when who is on an article, or where their cursor is, changes; returns an unsubscribe. */
  onPresence(listener: (articleId: string) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** This desk's cursor in an article open in an editor (null: no cursor there). */
  setPresence(articleId: string, cursor: PresenceCursor | null): void {
    const entry = this.loaded.get(articleId);
    if (!entry || entry.openCount === 0) return;
    entry.cursor = cursor;
    this.announce(entry);
  }

  /** Who else has the article open here and now, with their cursors; what other desks said is checked first. */
  peers(articleId: string): Peer[] {
    const awareness = this.loaded.get(articleId)?.provider?.awareness;
    if (!awareness) return [];
    const peers: Peer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const parsed = presenceStateSchema.safeParse(state);
      if (!parsed.success) continue;
      const { user, cursor } = parsed.data;
      peers.push({ clientId, name: user.name, color: user.color, ...(cursor ? { cursor } : {}) });
    }
    return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
  }

  /** Tells the others this desk has the article open (and where its cursor is), or that it left. */
  private announce(entry: Loaded): void {
    const awareness = entry.provider?.awareness;
    if (!awareness || !this.account) return;
    if (entry.openCount === 0) {
      if (awareness.getLocalState() !== null) awareness.setLocalState(null);
      return;
    }
    awareness.setLocalState({ user: { name: this.account.name, color: presenceColor(this.account.id) }, cursor: entry.cursor ?? null });
  }

  /** How many times an article's handshake was started over because the server never answered. */
  handshakeRestarts(articleId: string): number {
    return this.loaded.get(articleId)?.restarts ?? 0;
  }

  // ---- Configuration and session ------------------------------------------------

  /**
   * Points the engine at a server. With a token (kept by the caller from an earlier sign-in) it
   * connects; the account is the one stored with the server, or asked of the server once online.
   * Returns a sentence when the address is refused.
   */
  configure(options: { server: string; token?: string; allowInsecure?: boolean }): { ok: true; url: string } | { ok: false; reason: string } {
    let verdict = checkServerAddress(options.server);
    let allowInsecure = false;
    if (!verdict.ok && verdict.insecureUrl) {
      allowInsecure = options.allowInsecure ?? this.store.server(verdict.insecureUrl)?.allowInsecure ?? false;
      if (allowInsecure) verdict = checkServerAddress(options.server, [verdict.insecureUrl]);
    }
    if (!verdict.ok) return verdict;
    // Another server's articles are not this one's: let go of them (their pending edits stay on disk).
    if (this.address && this.address.url !== verdict.address.url) this.unloadAll();
    else this.disconnect();
    this.address = verdict.address;
    this.api = createServerApi(verdict.address.http, () => this.token);
    const stored = this.store.server(verdict.address.url);
    this.store.putServer({ url: verdict.address.url, allowInsecure, ...(stored?.account ? { account: stored.account } : {}) });
    this.account = stored?.account;
    this.token = options.token;
    this.sessionEnded = undefined;
    if (this.token) void this.start();
    this.notify();
    return { ok: true, url: verdict.address.url };
  }

  async signIn(name: string, password: string): Promise<{ token: string; account: ServerAccount }> {
    const api = this.requireApi();
    await api.checkHealth();
    const session = await api.signIn(name, password);
    const record = this.store.server(this.address!.url);
    if (this.account && this.account.id !== session.account.id) this.unloadAll();
    this.store.putServer({ url: this.address!.url, allowInsecure: record?.allowInsecure ?? false, account: session.account });
    this.token = session.token;
    this.account = session.account;
    this.sessionEnded = undefined;
    await this.start();
    return session;
  }

  /** Ends the session on the server (when it answers) and here; the local copies and pending edits stay. */
  async signOut(): Promise<void> {
    const api = this.api;
    try {
      if (api && this.token) await api.signOut();
    } finally {
      this.disconnect();
      this.token = undefined;
      this.sessionEnded = 'Signed out. Your articles and any changes not yet sent stay on this computer.';
      this.notify();
    }
  }

  currentAccount(): ServerAccount | undefined {
    return this.account;
  }

  /** The server's API and who is signed in, while connected (notifications, assignment); undefined otherwise. */
  onlineApi(): { api: ServerApi; serverUrl: string; account: ServerAccount } | undefined {
    const kind = this.connectionState().kind;
    if (!this.api || !this.address || !this.account || (kind !== 'syncing' && kind !== 'up-to-date')) return undefined;
    return { api: this.api, serverUrl: this.address.url, account: this.account };
  }

  /** Where the desk signs in and as whom (kept offline too): whose inbox this desk shows. */
  inboxOwner(): { serverUrl: string; accountId: string } | undefined {
    return this.address && this.account ? { serverUrl: this.address.url, accountId: this.account.id } : undefined;
  }

  private requireApi(): ServerApi {
    if (!this.api || !this.address) throw new ServerApiError('refused', 'Set the newsroom server’s address first.');
    return this.api;
  }

  /** Learns the account (once), connects, creates what was made offline and sends what is pending. */
  private async start(): Promise<void> {
    if (!this.token || this.closed) return;
    if (!this.account) {
      try {
        this.account = await this.requireApi().session();
        const record = this.store.server(this.address!.url);
        this.store.putServer({ url: this.address!.url, allowInsecure: record?.allowInsecure ?? false, account: this.account });
      } catch (error) {
        this.handleApiError(error);
        // Offline with no account remembered yet: try again later, as the socket would.
        if (error instanceof ServerApiError && error.problem === 'offline' && !this.closed) {
          clearTimeout(this.retryStart);
          this.retryStart = setTimeout(() => void this.start(), this.options.reconnect?.maxDelay ?? 30_000);
        }
        return;
      }
    }
    for (const replica of this.store.replicasOf(this.address!.url, this.account.id)) {
      if (!this.loaded.has(replica.articleId) && (!replica.onServer || this.store.pendingCount(replica.articleId) > 0))
        this.pendingOnDisk.add(replica.articleId);
    }
    // A new session may open what the last one was refused (another account, a changed role).
    for (const entry of this.loaded.values()) entry.refused = undefined;
    this.connectSocket();
    this.notify();
  }

  private connectSocket(): void {
    if (this.socket || !this.address || this.closed || this.paused) return;
    const { minDelay, maxDelay } = this.options.reconnect ?? { minDelay: 1_000, maxDelay: 30_000 };
    const socket = new HocuspocusProviderWebsocket({
      url: this.address.ws,
      WebSocketPolyfill: QuietWebSocket as never,
      delay: minDelay,
      minDelay,
      maxDelay,
      factor: 2,
      jitter: true,
      maxAttempts: 0,
    });
    this.socket = socket;
    socket.on('status', ({ status }: { status: WebSocketStatus }) => {
      // After the socket has recorded its open event: a provider attached earlier never signs in.
      // The wait for the server starts again with the connection (see watchHandshakes).
      if (status === WebSocketStatus.Connected) for (const entry of this.loaded.values()) entry.heardAt = Date.now();
      if (status === WebSocketStatus.Connected)
        setTimeout(() => {
          void this.sendPending();
          void this.sendWaitingSteps();
        }, 0);
      this.notify();
    });
    socket.on('close', ({ event }: { event: { code: number; reason: string } }) => {
      if (event.code === CLOSE_SESSION_ENDED) return this.endSession(event.reason || 'Your session has ended: sign in again.');
      // Kept through the failed attempts that follow (they close too), until a connection succeeds.
      if (event.code === CLOSE_RESTART) this.lastClose = 'The newsroom server is restarting; the desk reconnects by itself.';
      if (event.code === CLOSE_SERVER_ERROR) this.lastClose = event.reason || 'The newsroom server could not take changes just now; they stay on this desk.';
      this.notify();
    });
    socket.on('connect', () => {
      // Messages queued while offline are whole updates, sent before the providers sign in; the
      // handshake after signing in sends everything the server lacks anyway, so they only cost (and,
      // after a long offline stretch, trip the server's pre-sign-in limit).
      (socket as unknown as { messageQueue: unknown[] }).messageQueue.length = 0;
      this.lastClose = undefined;
    });
  }

  /** Works offline on purpose ("Work offline"): edits are kept here until `resume`. */
  pause(): void {
    this.paused = true;
    this.disconnect();
    this.notify();
  }

  resume(): void {
    this.paused = false;
    if (this.token && this.account) this.connectSocket();
    this.notify();
  }

  private disconnect(): void {
    clearTimeout(this.retryStart);
    for (const entry of this.loaded.values()) this.detachProvider(entry);
    if (this.socket) {
      (this.socket.webSocket as unknown as WebSocket | null)?.on?.('error', () => {});
      this.socket.destroy();
      this.socket = undefined;
    }
  }

  private endSession(reason: string): void {
    this.sessionEnded = reason;
    this.token = undefined;
    this.disconnect();
    this.notify();
  }

  private handleApiError(error: unknown): void {
    if (error instanceof ServerApiError && error.problem === 'session-ended') this.endSession(error.message);
    else if (error instanceof ServerApiError) this.lastClose = error.message;
    this.notify();
  }

  private get online(): boolean {
    return this.socket?.status === WebSocketStatus.Connected;
  }

  // ---- The newsroom's articles --------------------------------------------------

  /**
   * Lists the articles this account may see, keeps a local row and replica of each, and brings
   * every replica up to date with the server (those open in the desk stay connected).
   */
  async refreshArticles(): Promise<ServerArticle[]> {
    const api = this.requireApi();
    this.busy++;
    this.notify();
    try {
      let list: ServerArticle[];
      try {
        list = await api.listArticles();
      } catch (error) {
        this.handleApiError(error);
        throw error;
      }
      const account = this.account!;
      for (const article of list) {
        if (!isArticleId(article.id)) continue;
        const status = isStatus(article.status) ? article.status : 'draft';
        const known = this.store.replica(article.id);
        if (!known) {
          this.articles.transaction(() => {
            if (!this.articles.hasArticle(article.id)) {
              this.articles.insertArticleAs(
                article.id,
                { ...emptyArticleFields(), headline: article.headline.slice(0, 300) },
                {
                  status,
                  version: 1,
                  createdAt: article.createdAt,
                  updatedAt: article.updatedAt,
                },
              );
            }
            this.store.addReplica({
              articleId: article.id,
              serverUrl: this.address!.url,
              accountId: account.id,
              state: Y.encodeStateAsUpdate(new Y.Doc()),
              onServer: true,
              serverStatus: article.status,
              access: article.access,
            });
          });
        } else {
          this.store.setServerView(article.id, { status: article.status, access: article.access });
        }
        const holder = article.assignment;
        this.store.setAssignment(article.id, {
          writerId: holder?.writerId ?? null,
          writerName: holder?.writerName ?? null,
          editorId: holder?.editorId ?? null,
          editorName: holder?.editorName ?? null,
        });
        this.followServerStatus(article.id, status);
      }
      await forEachLimited(
        list.filter((a) => isArticleId(a.id) && !this.loaded.get(a.id)?.openCount),
        VISIT_CONCURRENCY,
        (a) => this.visit(a.id),
      );
      return list;
    } finally {
      this.busy--;
      this.notify();
    }
  }

  // ---- Workflow steps: the server decides, the desk queues what it cannot send yet -------------

  /**
   * A workflow step on a newsroom article. Sent to the server (the authority) when the desk is
   * connected, nothing of the article's is waiting and its last edits reached the server; otherwise
   * kept in order with the others (`queueTransition`). Refusals are thrown with the server's sentence.
   */
  async transition(id: string, action: WorkflowAction, note: string): Promise<TransitionOutcome> {
    // Signed out, a step is refused rather than kept: the person may sign in as someone else.
    if (!this.token) throw new ServerApiError('session-ended', 'Sign in to the newsroom server to move its articles through the workflow.');
    if (!this.online || this.steps.lastWaiting(id)) return { kind: 'waiting', notice: this.queueTransition(id, action, note) };
    await this.editsReachServer(id, STEP_WAITS_FOR_EDITS_MS);
    if (!this.online || !this.readyForSteps(id)) return { kind: 'waiting', notice: this.queueTransition(id, action, note) };
    const from = this.expectedStatus(id);
    const requestId = randomUUID();
    let answer: { article: ServerArticle; step?: ServerStep };
    try {
      answer = await this.requireApi().transition(id, action, note, { from, requestId });
    } catch (error) {
      this.handleApiError(error);
      // The server may have taken it and the answer been lost: the same request id makes sending it again safe.
      if (error instanceof ServerApiError && error.problem === 'offline') return { kind: 'waiting', notice: this.queueTransition(id, action, note, requestId) };
      if (error instanceof ServerApiError && error.problem === 'refused') void this.learnServerStatus(id);
      throw error;
    }
    // Another database opened meanwhile: the server has the step; this desk learns it at its next list refresh.
    if (this.closed) return { kind: 'decided', article: answer.article };
    this.articles.transaction(() => this.takeAccepted(id, answer, { action, note, from }));
    this.notify();
    return { kind: 'decided', article: answer.article };
  }

  /**
   * Keeps a step to send when the desk connects, checked first against the same table the server
   * uses, from the status the person expects (after the steps already waiting) and the account's role.
   */
  queueTransition(id: string, action: WorkflowAction, note: string, requestId?: string): WorkflowNotice {
    const account = this.account;
    if (!this.address || !account) throw new ServerApiError('refused', 'Sign in to the newsroom server before moving its articles through the workflow.');
    const from = this.expectedStatus(id);
    const plan = planTransition(from, action, account.role);
    if (!plan.ok) throw new ServerApiError('refused', plan.reason);
    if (plan.needsNote && !note.trim()) throw new ServerApiError('refused', 'Add a note for the writer saying what to change.');
    const step = this.steps.enqueue({
      articleId: id,
      serverUrl: this.address.url,
      accountId: account.id,
      action,
      note: note.trim(),
      from,
      to: plan.to,
      ...(requestId ? { requestId } : {}),
    });
    this.notify();
    if (this.online) void this.sendWaitingSteps();
    return this.steps.notice(step.id)!;
  }

  /** The status the person now expects the article to have: where its waiting steps lead, else its own. */
  expectedStatus(id: string): ArticleStatus {
    return this.steps.lastWaiting(id)?.to ?? this.articles.getArticle(id).status;
  }

  /** Steps waiting for the server and answers not yet dismissed, for the signed-in account. */
  workflowNotices(articleId?: string): WorkflowNotice[] {
    return this.address && this.account ? this.steps.notices(this.address.url, this.account.id, articleId) : [];
  }

  workflowCounts(): { waiting: number; decided: number } {
    return this.address && this.account ? this.steps.counts(this.address.url, this.account.id) : { waiting: 0, decided: 0 };
  }

  /** The person has seen the server's answer. False when there is no such answer (or it is still waiting). */
  dismissWorkflowNotice(id: number): boolean {
    const dismissed = !!this.address && !!this.account && this.steps.dismiss(id, this.address.url, this.account.id);
    if (dismissed) this.notify();
    return dismissed;
  }

  /** The article's workflow steps as the server logged them (throws ServerApiError when it cannot be asked). */
  async serverHistory(id: string): Promise<ServerStep[]> {
    if (!this.online) throw new ServerApiError('offline', 'The desk is offline.');
    try {
      return await this.requireApi().history(id);
    } catch (error) {
      this.handleApiError(error);
      throw error;
    }
  }

  // ---- Revisions the server keeps (server/README.md): read through the API, never stored here ----

  /** The article's revisions on the server, newest first (throws ServerApiError when it cannot be asked). */
  async serverRevisions(id: string): Promise<ServerRevision[]> {
    return this.askServer((api) => api.revisions(id));
  }

  async serverRevision(id: string, number: number): Promise<ServerRevisionWithContent> {
    return this.askServer((api) => api.revision(id, number));
  }

  /**
   * Asks the server for a snapshot of the article's text, once this desk's edits are there: the
   * snapshot is of what the server has, so "Save a version" and a restore's "restored" line must not
   * go before the words they are about.
   */
  async requestServerRevision(id: string, reason: RequestableReason, restoredFrom?: number): Promise<ServerRevision> {
    if (!this.online) throw new ServerApiError('offline', OFFLINE_REVISIONS);
    await this.editsReachServer(id, REVISION_WAITS_FOR_EDITS_MS);
    if (!this.readyForSteps(id))
      throw new ServerApiError('offline', 'Your latest edits have not reached the newsroom server yet, so no version was saved. Try again in a moment.');
    return (await this.askServer((api) => api.requestRevision(id, reason, restoredFrom))).revision;
  }

  private async askServer<T>(ask: (api: ServerApi) => Promise<T>): Promise<T> {
    if (!this.online) throw new ServerApiError('offline', OFFLINE_REVISIONS);
    try {
      return await ask(this.requireApi());
    } catch (error) {
      this.handleApiError(error);
      throw error;
    }
  }

  /**
   * Sends the waiting steps in order, one at a time, while connected; asked for again while a run is
   * under way, it runs once more after it. Each answer is recorded in one transaction with what it
   * changes on this desk, so a desk that stops between the two sends the step again, and the server
   * answers it from its log (the request id) instead of applying it twice.
   */
  private sendWaitingSteps(): Promise<void> {
    if (this.sendingSteps) {
      this.stepsAgain = true;
      return this.sendingSteps;
    }
    const run = async () => {
      do {
        this.stepsAgain = false;
        await this.sendStepsOnce();
      } while (this.stepsAgain && !this.closed);
    };
    const sending: Promise<void> = run().finally(() => {
      if (this.sendingSteps === sending) this.sendingSteps = undefined;
    });
    this.sendingSteps = sending;
    return sending;
  }

  private async sendStepsOnce(): Promise<void> {
    if (!this.address || !this.account || !this.token || !this.online) return;
    /** Articles whose next step cannot go yet: their later steps wait behind it. */
    const held = new Set<string>();
    for (const step of this.steps.waiting(this.address.url, this.account.id)) {
      if (this.closed || !this.token) return;
      if (held.has(step.articleId)) continue;
      if (!this.readyForSteps(step.articleId)) {
        held.add(step.articleId);
        continue;
      }
      let answer: { article: ServerArticle; step?: ServerStep };
      try {
        answer = await this.requireApi().transition(step.articleId, step.action, step.note, { from: step.from, requestId: step.requestId });
      } catch (error) {
        // The database closed meanwhile: the step is still waiting there, and the server answers it again next time.
        if (this.closed) return;
        if (error instanceof ServerApiError && error.problem === 'refused' && error.status !== undefined && error.status < 500) {
          held.add(step.articleId);
          this.refuseSteps(step, error.message);
          await this.learnServerStatus(step.articleId);
          continue;
        }
        // Offline again, the session ended, or the server failing: everything waits for the next connection.
        this.handleApiError(error);
        return;
      }
      if (this.closed) return;
      this.articles.transaction(() => {
        if (this.steps.decide(step.id, { state: 'accepted' })) this.takeAccepted(step.articleId, answer, step);
      });
      this.notify();
    }
  }

  /** A refused step, and the article's later steps with it: each was asked of the status this one would have led to. */
  private refuseSteps(step: QueuedStep, reason: string): void {
    this.articles.transaction(() => {
      this.steps.decide(step.id, { state: 'refused', reason });
      for (const later of this.steps.waiting(this.address!.url, this.account!.id)) {
        if (later.articleId !== step.articleId) continue;
        this.steps.decide(later.id, { state: 'refused', reason: 'Not sent: the step before it was refused.' });
      }
    });
    this.notify();
  }

  /** The server's status for an article, after it refused a step on it: the desk's copy follows. */
  private async learnServerStatus(id: string): Promise<void> {
    let article: ServerArticle;
    try {
      article = await this.requireApi().article(id);
    } catch {
      return; // The next list refresh brings it.
    }
    if (this.closed) return;
    this.store.setServerView(id, { status: article.status, access: article.access });
    this.followServerStatus(id, article.status);
    this.notify();
  }

  /** An accepted step: the server's status and access, and the step in the desk's own history. */
  private takeAccepted(
    id: string,
    answer: { article: ServerArticle; step?: ServerStep },
    asked: { action: WorkflowAction; note: string; from: ArticleStatus },
  ): void {
    const { article } = answer;
    this.store.setServerView(id, { status: article.status, access: article.access });
    const entry = this.loaded.get(id);
    if (entry) {
      entry.access = article.access;
      if (article.access === 'write') entry.accessReason = undefined;
    }
    const to = isStatus(article.status) ? article.status : asked.from;
    const account = this.account!;
    const step = answer.step ?? { ...asked, to, accountName: account.name, role: account.role, at: new Date().toISOString() };
    this.options.recordAcceptedStep?.(id, step);
    // An answer from the log (sent again) may find the article moved on since: the status is the server's now.
    this.followServerStatus(id, article.status);
  }

  /**
   * Whether the article's waiting steps may go: its own edits reached the server first (a writer's
   * submit applied before their last offline words would make the article read-only to them, and the
   * words would be refused), unless the server already refuses those edits anyway.
   */
  private readyForSteps(id: string): boolean {
    const record = this.store.replica(id);
    if (!record) return true;
    const entry = this.loaded.get(id);
    if (entry?.refused !== undefined || (entry?.provider?.isAuthenticated && entry.access === 'read')) return true;
    if (entry) return !entry.replica.pending && (!entry.provider || (entry.provider.isSynced && entry.provider.unsyncedChanges === 0));
    return record.onServer && this.store.pendingCount(id) === 0;
  }

  /** Waits (up to `ms`) until the article's edits are on the server, or the desk goes offline. */
  private async editsReachServer(id: string, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.readyForSteps(id) && this.online && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        const off = this.onChange(done);
        function done() {
          clearTimeout(timer);
          off();
          resolve();
        }
      });
    }
  }

  /** The desk's copy of an article takes the server's status (through the replica when it is loaded). */
  private followServerStatus(id: string, status: string): void {
    if (!isStatus(status) || !this.articles.hasArticle(id)) return;
    const entry = this.loaded.get(id);
    if (entry) entry.replica.derive(status);
    else {
      const local = this.articles.getArticle(id);
      if (local.status !== status) this.articles.replaceArticle(id, local, status);
    }
  }

  /** An article's edits were acknowledged (or its access learnt): steps waiting behind them may go now. */
  private stepsMayGo(id: string): void {
    if (this.online && this.steps.lastWaiting(id)) void this.sendWaitingSteps();
  }

  /** Brings the article's JSON row up to date with its document now (before something reads the row). */
  settle(id: string): void {
    this.loaded.get(id)?.replica.deriveIfPending();
  }

  /** Whether this article is one of the signed-in newsroom's (a replica this engine keeps). */
  isNewsroomArticle(id: string): boolean {
    const record = this.store.replica(id);
    return record !== undefined && record.serverUrl === this.address?.url && record.accountId === this.account?.id;
  }

  /**
   * Makes a new article on this desk, online or not; it is created on the server when the desk connects.
   * `prepare` adds to the new document before it is stored (an import's comments, written under the
   * signed-in account), so the article and what it brings land as one state.
   */
  createArticle(fields: Partial<ArticleFields> = {}, prepare?: (doc: Y.Doc, account: ServerAccount) => void): string {
    if (!this.address || !this.account) throw new ServerApiError('refused', 'Sign in to the newsroom server once before creating its articles.');
    const id = randomUUID();
    const doc = articleToDoc({ ...emptyArticleFields(), ...fields });
    prepare?.(doc, this.account);
    const at = new Date().toISOString();
    this.articles.transaction(() => {
      this.articles.insertArticleAs(id, docToArticleFields(doc), { status: 'draft', version: 1, createdAt: at, updatedAt: at });
      this.store.addReplica({
        articleId: id,
        serverUrl: this.address!.url,
        accountId: this.account!.id,
        state: Y.encodeStateAsUpdate(doc),
        onServer: false,
        serverStatus: 'draft',
        access: 'write',
      });
    });
    doc.destroy();
    this.pendingOnDisk.add(id);
    if (this.online) void this.sendPending();
    this.notify();
    return id;
  }

  // ---- Open articles and edits -------------------------------------------------

  /** The article's live document, connected while the desk is online. Pair with `closeArticle`. */
  openArticle(id: string): Y.Doc {
    const entry = this.load(id);
    entry.openCount++;
    void this.ensureProvider(entry);
    this.announce(entry);
    return entry.replica.doc;
  }

  closeArticle(id: string): void {
    const entry = this.loaded.get(id);
    if (!entry || entry.openCount === 0) return;
    entry.openCount--;
    if (entry.openCount === 0) {
      entry.cursor = undefined;
      this.announce(entry);
    }
    this.releaseIfDone(entry);
  }

  /** Applies a Yjs update made elsewhere (the renderer's editor). A malformed one is refused and changes nothing. */
  applyUpdate(id: string, update: Uint8Array, origin: unknown = null): { ok: true } | { ok: false; reason: string } {
    const entry = this.requireLoaded(id);
    // Applied to a scratch document first, so a broken one changes nothing; then judged as the server
    // judges it: a change it would refuse would otherwise be stored here and resent on every connection.
    const probe = new Y.Doc();
    try {
      Y.applyUpdate(probe, update);
      Y.decodeUpdate(update);
    } catch {
      return { ok: false, reason: 'The change could not be read and was not applied; the article is as it was.' };
    } finally {
      probe.destroy();
    }
    const problem = updateProblem(update, this.account) ?? commentChangeProblem(entry.replica.doc, update);
    if (problem) {
      // Comments get the policy's own sentence (whose name, what may not change); the rest one plain line.
      const said = /comment/i.test(problem) ? problem : 'The change does not fit an article and was not applied; the article is as it was.';
      return { ok: false, reason: said };
    }
    Y.applyUpdate(entry.replica.doc, update, origin);
    return { ok: true };
  }

  /**
   * Edits the article's document in one transaction (a local edit: stored, then sent). For code in
   * this process; what comes from the renderer arrives as updates through `applyUpdate`, which judges them.
   */
  edit(id: string, change: (doc: Y.Doc) => void): void {
    const entry = this.requireLoaded(id);
    entry.replica.doc.transact(() => change(entry.replica.doc));
  }

  /**
   * Edits a newsroom article's document from this process whether or not a window has it open (its
   * synced library blocks following the library): stored, then sent like any edit, at once when
   * online and when the desk next connects otherwise. `change` says whether it changed anything.
   */
  editInBackground(id: string, change: (doc: Y.Doc) => boolean): boolean {
    const entry = this.load(id);
    let changed = false;
    entry.replica.doc.transact(() => {
      changed = change(entry.replica.doc);
    });
    if (changed) void this.ensureProvider(entry);
    this.releaseIfDone(entry);
    this.notify();
    return changed;
  }

  /** Reads a newsroom article's document as this desk has it, whether or not a window has it open. */
  readDocument<T>(id: string, read: (doc: Y.Doc) => T): T {
    const entry = this.load(id);
    try {
      return read(entry.replica.doc);
    } finally {
      this.releaseIfDone(entry);
    }
  }

  /** The access to the article as the server last said (undefined before it said). */
  knownAccess(id: string): 'read' | 'write' | undefined {
    const loaded = this.loaded.get(id);
    if (loaded?.refused) return 'read';
    return loaded?.access ?? this.store.replica(id)?.access;
  }

  /** The newsroom's library through the server's API, for `librarySync.ts`. */
  libraryApi(): { serverUrl: string; paused: boolean; api: ServerApi; failed: (error: unknown) => void } | undefined {
    if (!this.address || !this.api || !this.token || !this.account) return undefined;
    // Requests go over HTTP whatever the socket's state (it may still be connecting); "work offline" sends nothing.
    return { serverUrl: this.address.url, paused: this.paused, api: this.api, failed: (error) => this.handleApiError(error) };
  }

  private requireLoaded(id: string): Loaded {
    const entry = this.loaded.get(id);
    if (!entry || entry.openCount === 0) throw new ServerApiError('refused', 'Open the article before editing it.');
    return entry;
  }

  private load(id: string): Loaded {
    const existing = this.loaded.get(id);
    if (existing) return existing;
    const record = this.store.replica(id);
    if (!record) throw new ServerApiError('refused', 'This article is not one of the newsroom server’s articles on this desk.');
    const entry: Loaded = { openCount: 0, restarts: 0, replica: undefined as never, ...(record.access ? { access: record.access } : {}) };
    entry.replica = new ArticleReplica(id, record, this.store, this.articles, () => this.onReplicaChange(entry));
    this.loaded.set(id, entry);
    // A desk that stopped between storing an update and writing the JSON row catches up here.
    if (fieldsMap(entry.replica.doc).size > 0) entry.replica.derive();
    this.pendingOnDisk.delete(id);
    return entry;
  }

  private onReplicaChange(entry: Loaded): void {
    this.releaseIfDone(entry);
    this.notify();
  }

  /** Creates the article on the server first when it was made offline, then attaches its provider. */
  private async ensureProvider(entry: Loaded): Promise<void> {
    if (entry.provider || entry.creating || entry.refused || !this.socket || !this.token) return;
    const { replica } = entry;
    if (!replica.onServer) {
      entry.creating = true;
      try {
        await this.requireApi().createArticle(replica.articleId, Y.encodeStateAsUpdate(replica.doc));
        replica.markOnServer();
      } catch (error) {
        if (error instanceof ServerApiError && error.problem === 'refused') replica.setProblem(error.message);
        this.handleApiError(error);
        // A request that failed while the socket stays up (a busy server, a dropped request) is tried
        // again soon, not only at the next reconnection: the article would sit "not yet on the server".
        if (!(error instanceof ServerApiError && (error.problem === 'refused' || error.problem === 'session-ended')))
          setTimeout(() => {
            if (this.loaded.get(replica.articleId) === entry && !this.closed) void this.ensureProvider(entry);
          }, CREATE_RETRY_MS).unref?.();
        return;
      } finally {
        entry.creating = false;
      }
      if (entry.provider || !this.socket || this.loaded.get(replica.articleId) !== entry) return;
    }
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: articleDocumentName(replica.articleId),
      document: replica.doc,
      token: () => this.token ?? '',
    });
    // y-protocols only logs an update it cannot apply, and other broken messages throw inside the
    // socket's message event: judge each server message here first, so one from a server speaking
    // something else is dropped, said, and changes nothing.
    const onMessage = provider.onMessage.bind(provider);
    provider.onMessage = (event) => {
      entry.heardAt = Date.now();
      const problem = serverMessageProblem(event.data);
      if (problem) return replica.setProblem(problem);
      try {
        onMessage(event);
      } catch {
        replica.setProblem(UNREADABLE_CHANGE);
      }
    };
    replica.remoteOrigin = provider;
    entry.provider = provider;
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0 && provider.isSynced) replica.acknowledged();
      this.notify();
      this.stepsMayGo(replica.articleId);
    });
    provider.on('synced', () => {
      if (provider.unsyncedChanges === 0) replica.acknowledged();
      replica.derive();
      this.notify();
      this.stepsMayGo(replica.articleId);
    });
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      entry.refused = undefined;
      entry.access = scope === 'readonly' ? 'read' : 'write';
      if (entry.access === 'write') entry.accessReason = undefined;
      this.notify();
      this.stepsMayGo(replica.articleId);
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      if (payload.length > 2_000) return;
      let notice: z.infer<typeof accessNoticeSchema>;
      try {
        notice = accessNoticeSchema.parse(JSON.parse(payload));
      } catch {
        return;
      }
      entry.access = notice.access;
      entry.accessReason = notice.access === 'read' ? notice.reason : undefined;
      this.store.setServerView(replica.articleId, { ...this.serverViewOf(replica.articleId), access: notice.access, accessReason: entry.accessReason });
      this.notify();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => void this.refused(entry, reason));
    // Others' presence only: this desk's own cursor moves with every keystroke.
    provider.awareness?.on('change', (_changes: unknown, origin: unknown) => {
      if (origin === 'local') return;
      for (const listener of this.presenceListeners) listener(replica.articleId);
    });
    entry.heardAt = Date.now();
    provider.attach();
    this.announce(entry);
    this.notify();
  }

  private serverViewOf(id: string): { status?: string } {
    const status = this.store.replica(id)?.serverStatus;
    return status ? { status } : {};
  }

  /** A refusal is the session's (signed out, revoked) or this article's alone; the server tells which. */
  private async refused(entry: Loaded, reason: string): Promise<void> {
    try {
      await this.requireApi().session();
    } catch (error) {
      if (error instanceof ServerApiError && error.problem === 'session-ended') return this.endSession(error.message);
      // The server cannot say whose refusal it was (it cannot reach its database, it is going away):
      // not the article's, so it is asked again in a moment rather than given up.
      if (error instanceof ServerApiError && error.problem === 'offline') {
        this.lastClose = reason;
        this.detachProvider(entry);
        setTimeout(() => {
          if (this.loaded.get(entry.replica.articleId) === entry && !this.closed) void this.ensureProvider(entry);
        }, REFUSAL_RETRY_MS).unref?.();
        return this.notify();
      }
    }
    entry.refused = reason;
    entry.accessReason = reason;
    this.detachProvider(entry);
    this.notify();
    this.stepsMayGo(entry.replica.articleId);
  }

  private detachProvider(entry: Loaded): void {
    const provider = entry.provider;
    if (!provider) return;
    entry.provider = undefined;
    entry.replica.remoteOrigin = undefined;
    provider.destroy();
  }

  /** A background load ends once its article is acknowledged and nobody has it open. */
  private isDone(entry: Loaded): boolean {
    return entry.refused !== undefined || (entry.provider?.isSynced === true && entry.provider.unsyncedChanges === 0 && !entry.replica.pending);
  }

  private releaseIfDone(entry: Loaded): void {
    if (entry.openCount > 0 || this.closed || entry.releaseTimer || !this.isDone(entry)) return;
    entry.releaseTimer = setTimeout(() => {
      entry.releaseTimer = undefined;
      if (this.closed || entry.openCount > 0 || this.loaded.get(entry.replica.articleId) !== entry || !this.isDone(entry)) return;
      this.detachProvider(entry);
      entry.replica.unload();
      this.loaded.delete(entry.replica.articleId);
      this.notify();
    }, RELEASE_AFTER_MS);
    entry.releaseTimer.unref?.();
  }

  /** Loads and connects every article with changes waiting, so they are sent without being opened. */
  private async sendPending(): Promise<void> {
    for (const id of this.pendingOnDisk) {
      try {
        void this.ensureProvider(this.load(id));
      } catch {
        this.pendingOnDisk.delete(id);
      }
    }
    for (const entry of this.loaded.values()) void this.ensureProvider(entry);
    this.notify();
  }

  /** Brings one article's replica up to date in the background, then lets it go. */
  private async visit(id: string): Promise<void> {
    const entry = this.load(id);
    await this.ensureProvider(entry);
    const started = Date.now();
    while (this.loaded.get(id) === entry && entry.openCount === 0 && !this.closed && Date.now() - started < VISIT_TIMEOUT_MS) {
      if (!entry.provider && !this.online) break;
      if (this.isDone(entry)) return this.releaseIfDone(entry);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private unloadAll(): void {
    this.disconnect();
    for (const entry of this.loaded.values()) entry.replica.unload();
    this.loaded.clear();
    this.pendingOnDisk.clear();
  }

  // ---- State -----------------------------------------------------------------

  /**
   * "up-to-date" only while the socket is connected, every loaded article's provider has finished
   * its handshake with nothing unacknowledged, and no article has changes waiting. A server that went
   * away (SIGKILL, a 1012 restart) closes the socket, which makes the state "offline" at once; after
   * reconnecting, each provider counts its handshake as unacknowledged until the server answers.
   */
  connectionState(): ConnectionState {
    if (this.sessionEnded) return { kind: 'signed-out', reason: this.sessionEnded };
    if (!this.address || !this.token) return { kind: 'not-configured' };
    const pending = new Set(this.pendingOnDisk);
    for (const [id, entry] of this.loaded) if (entry.replica.pending) pending.add(id);
    if (!this.online) return { kind: 'offline', pending: pending.size, ...(this.lastClose ? { reason: this.lastClose } : {}) };
    // Online, an article also counts until its provider has finished the handshake with nothing unacknowledged.
    for (const [id, entry] of this.loaded) {
      if (entry.provider && !(entry.provider.isSynced && entry.provider.unsyncedChanges === 0)) pending.add(id);
    }
    if (pending.size > 0 || this.busy > 0) return { kind: 'syncing', pending: pending.size };
    return { kind: 'up-to-date' };
  }

  articleState(id: string): ArticleSyncState {
    const entry = this.loaded.get(id);
    const record = this.store.replicaView(id);
    const pending = entry ? entry.replica.pending : record ? !record.onServer || this.store.pendingCount(id) > 0 : false;
    const access = entry?.access ?? record?.access;
    const accessReason = entry?.accessReason ?? record?.accessReason;
    const problem = entry?.replica.problem ?? record?.problem;
    const holder = record?.holder && Object.fromEntries(Object.entries(record.holder).filter(([, v]) => v !== null));
    return {
      saved: pending ? 'saved-locally' : 'on-the-server',
      ...(access ? { access } : {}),
      ...(accessReason ? { accessReason } : {}),
      ...(problem ? { problem } : {}),
      ...(holder ? { holder } : {}),
    };
  }

  /** Called on every change of state (connection, acknowledgement, access); returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Writes what is waiting (derived JSON, folds) without closing anything. */
  flush(): void {
    for (const entry of this.loaded.values()) {
      entry.replica.derive();
      entry.replica.fold();
    }
  }

  /** Writes what is waiting and disconnects; pending edits stay in the database for next time. */
  close(): void {
    this.closed = true;
    clearInterval(this.handshakeWatch);
    this.disconnect();
    for (const entry of this.loaded.values()) entry.replica.unload();
    this.loaded.clear();
    this.listeners.clear();
  }
}

const isStatus = (value: unknown): value is ArticleStatus => typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value);

const UNREADABLE_CHANGE = 'The server sent a change this desk could not read; it was ignored, and your copy is as it was.';

/** Why a message from the server must not reach the document, or undefined when it may. */
function serverMessageProblem(data: unknown): string | undefined {
  if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return UNREADABLE_CHANGE;
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.byteLength > MAX_SERVER_MESSAGE_BYTES) return 'The server sent a change far larger than an article; it was ignored.';
  try {
    const message = inspectMessage(bytes);
    if (message.update) Y.decodeUpdate(message.update);
  } catch {
    return UNREADABLE_CHANGE;
  }
  return undefined;
}

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
