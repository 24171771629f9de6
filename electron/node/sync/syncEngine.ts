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
import { checkServerAddress, type ServerAddress } from '../../../shared/sync/serverAddress';
import type { ArticleSyncState, ConnectionState } from '../../../shared/sync/syncState';
import { createArticleStore, type ArticleStore } from '../store/articleStore';
import type { Db } from '../store/database';
import { createSyncStore, type ServerAccount, type SyncStore } from '../store/syncStore';
import { ArticleReplica } from './articleReplica';
import { createServerApi, ServerApiError, type ServerApi, type ServerArticle } from './serverApi';

export type { ArticleSyncState, ConnectionState };

export type SyncEngineOptions = {
  /** Reconnection delays (ms); the defaults back off from 1 s to 30 s. */
  reconnect?: { minDelay: number; maxDelay: number };
};

/** WebSocket close codes of the newsroom server (server/README.md). */
const CLOSE_SESSION_ENDED = 4401;
const CLOSE_RESTART = 1012;
/** How many articles a refresh downloads at once. */
const VISIT_CONCURRENCY = 4;
const VISIT_TIMEOUT_MS = 20_000;
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
};

export class SyncEngine {
  private readonly store: SyncStore;
  private readonly articles: ArticleStore;
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
      WebSocketPolyfill: WebSocket as never,
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
      if (status === WebSocketStatus.Connected) setTimeout(() => void this.sendPending(), 0);
      this.notify();
    });
    socket.on('close', ({ event }: { event: { code: number; reason: string } }) => {
      if (event.code === CLOSE_SESSION_ENDED) return this.endSession(event.reason || 'Your session has ended: sign in again.');
      // Kept through the failed attempts that follow (they close too), until a connection succeeds.
      if (event.code === CLOSE_RESTART) this.lastClose = 'The newsroom server is restarting; the desk reconnects by itself.';
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
        const entry = this.loaded.get(article.id);
        if (entry) entry.replica.derive(article.status);
        else if (this.articles.hasArticle(article.id) && this.articles.getArticle(article.id).status !== status) {
          const local = this.articles.getArticle(article.id);
          this.articles.replaceArticle(article.id, local, status);
        }
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

  /** A workflow action, asked of the server (the authority); its answer becomes the local status and access. */
  async transition(id: string, action: string, note: string): Promise<ServerArticle> {
    let article: ServerArticle;
    try {
      article = await this.requireApi().transition(id, action, note);
    } catch (error) {
      this.handleApiError(error);
      throw error;
    }
    this.store.setServerView(id, { status: article.status, access: article.access });
    const entry = this.loaded.get(id);
    if (entry) {
      entry.access = article.access;
      if (article.access === 'write') entry.accessReason = undefined;
    }
    this.notify();
    return article;
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

  /** Makes a new article on this desk, online or not; it is created on the server when the desk connects. */
  createArticle(fields: Partial<ArticleFields> = {}): string {
    if (!this.address || !this.account) throw new ServerApiError('refused', 'Sign in to the newsroom server once before creating its articles.');
    const id = randomUUID();
    const doc = articleToDoc({ ...emptyArticleFields(), ...fields });
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
    return entry.replica.doc;
  }

  closeArticle(id: string): void {
    const entry = this.loaded.get(id);
    if (!entry || entry.openCount === 0) return;
    entry.openCount--;
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
    if (updateProblem(update)) return { ok: false, reason: 'The change does not fit an article and was not applied; the article is as it was.' };
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
    const entry: Loaded = { openCount: 0, replica: undefined as never, ...(record.access ? { access: record.access } : {}) };
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
    });
    provider.on('synced', () => {
      if (provider.unsyncedChanges === 0) replica.acknowledged();
      replica.derive();
      this.notify();
    });
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      entry.refused = undefined;
      entry.access = scope === 'readonly' ? 'read' : 'write';
      if (entry.access === 'write') entry.accessReason = undefined;
      this.notify();
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
    provider.attach();
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
    }
    entry.refused = reason;
    entry.accessReason = reason;
    this.detachProvider(entry);
    this.notify();
  }

  private detachProvider(entry: Loaded): void {
    const provider = entry.provider;
    if (!provider) return;
    entry.provider = undefined;
    entry.replica.remoteOrigin = undefined;
    provider.destroy();
  }

  /** A background load ends once its article is acknowledged and nobody has it open. */
  private releaseIfDone(entry: Loaded): void {
    if (entry.openCount > 0 || this.closed) return;
    const done = entry.refused !== undefined || (entry.provider?.isSynced === true && entry.provider.unsyncedChanges === 0 && !entry.replica.pending);
    if (!done) return;
    queueMicrotask(() => {
      if (entry.openCount > 0 || this.loaded.get(entry.replica.articleId) !== entry) return;
      this.detachProvider(entry);
      entry.replica.unload();
      this.loaded.delete(entry.replica.articleId);
      this.notify();
    });
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
      this.releaseIfDone(entry);
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
    const record = this.store.replica(id);
    const pending = entry ? entry.replica.pending : record ? !record.onServer || this.store.pendingCount(id) > 0 : false;
    const access = entry?.access ?? record?.access;
    const accessReason = entry?.accessReason ?? record?.accessReason;
    const problem = entry?.replica.problem ?? record?.problem;
    return {
      saved: pending ? 'saved-locally' : 'on-the-server',
      ...(access ? { access } : {}),
      ...(accessReason ? { accessReason } : {}),
      ...(problem ? { problem } : {}),
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
