/**
 * The desk's newsroom server as the IPC handlers see it: one SyncEngine for the open database
 * (made when first needed, closed before the database closes), the session token kept by the host's
 * TokenVault, and the long polls the renderer waits on for the connection state and for each open
 * article's updates (electron/node/sync/README.md, "How the renderer binds").
 */
import * as Y from 'yjs';
import { AppError } from '../../../shared/ipc/contract';
import type { PullResult, PushResult, SyncedArticle } from '../../../shared/ipc/channels/sync';
import type { ArticleFields } from '../../../shared/model/article';
import type { BundleComment } from '../../../shared/exchange/bundle';
import type { CommentThread, Profile, TransitionRecord } from '../../../shared/model/review';
import { addImportedComments, commentThreadsOf } from '../../../shared/sync/commentAnchors';
import type { SyncStatus } from '../../../shared/sync/syncState';
import type { WorkflowNotice } from '../../../shared/sync/workflowNotices';
import type { RequestableReason, ServerRevision, ServerRevisionList, ServerRevisionWithContent } from '../../../shared/sync/serverRevisions';
import type { PresenceCursor } from '../../../shared/sync/presence';
import type { WorkflowAction } from '../../../shared/workflow/transitions';
import type { DatabaseSession } from '../session';
import type { Db } from '../store/database';
import { createSyncStore, type SyncStore } from '../store/syncStore';
import { addNewsroomWord, fetchNewsroomDictionary } from './dictionarySync';
import { fetchNewsroomLibrary, newsroomLibrary } from './librarySync';
import { createNotificationStore } from '../store/notificationStore';
import { NotificationSync } from './notificationSync';
import type { NewsroomNotification } from '../../../shared/sync/notifications';
import { ServerApiError } from './serverApi';
import { SyncEngine, type SyncEngineOptions, type TransitionOutcome } from './syncEngine';

/** Where the host keeps session tokens: Electron's safeStorage, or memory only (the browser host). */
export type TokenVault = {
  read(serverUrl: string): string | undefined;
  write(serverUrl: string, token: string): void;
  clear(serverUrl: string): void;
};

export function memoryTokenVault(): TokenVault {
  const tokens = new Map<string, string>();
  return {
    read: (url) => tokens.get(url),
    write: (url, token) => void tokens.set(url, token),
    clear: (url) => void tokens.delete(url),
  };
}

/** How often the desk asks for the newsroom's article list while online (new articles from colleagues). */
const LIST_REFRESH_MS = 20_000;

/** Marks the updates the renderer pushed, so its own long poll is not woken by them. */
const FROM_RENDERER = Symbol('renderer');

type Waiter = () => void;

type OpenDoc = {
  doc: Y.Doc;
  opens: number;
  seq: number;
  waiters: Set<Waiter>;
  unobserve: () => void;
  /** The access last reported for it: a change means its status moved on the server. */
  access?: string;
  /** Its save state as last seen, and the revision at which that last changed. */
  stateJson: string;
  stateRevision: number;
  /** Grows when who is on the article, or where their cursors are, changes. */
  presenceRevision: number;
  /** Held pulls under way, and when the last one ended: a window that stops pulling has gone. */
  pulling: number;
  lastPullAt: number;
};

/**
 * An article a window opened is let go when no pull has been held for it this long: renderers pull
 * again at once (each held up to 25 s), so a longer gap means the window crashed or was closed
 * without saying so. Until then its desk would still count as having the article open (presence).
 */
const OPEN_LEASE_MS = 40_000;

/**
 * A change of save state (on this computer → on the server) waits this long for the next ones before
 * a held request answers: while someone types, it flips with every acknowledgement, and each answer
 * is a round trip for the renderer and the host. A change of text answers at once.
 */
const COALESCE_MS = 300;
/** How long a change of presence alone waits for more (cursors move with every keystroke). */
const PRESENCE_MS = 100;

export class SyncService {
  private engine: SyncEngine | undefined;
  private inbox: NotificationSync | undefined;
  private engineDb: Db | undefined;
  private syncStore: SyncStore | undefined;
  private url: string | undefined;
  private revision = 1;
  private readonly statusWaiters = new Set<Waiter>();
  private readonly docs = new Map<string, OpenDoc>();
  private paused = false;
  private listRevision = 0;
  private libraryRevision = 0;
  private listDigest = '';
  private refreshing: Promise<void> | undefined;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private lastKind: string = 'not-configured';

  constructor(
    private readonly session: DatabaseSession,
    private readonly vault: TokenVault = memoryTokenVault(),
    private readonly options: SyncEngineOptions & { openLeaseMs?: number; notificationPollMs?: number } = {},
  ) {
    this.leaseTimer = setInterval(() => this.releaseAbandoned(), Math.min(5_000, this.leaseMs / 4));
    this.leaseTimer.unref?.();
    session.onBeforeClose((db) => {
      if (db === this.engineDb) this.closeEngine();
    });
  }

  // ---- The engine of the open database ------------------------------------------

  /** The engine, resuming the last server and its kept token; undefined without a writable database. */
  private current(): SyncEngine | undefined {
    const db = this.session.database();
    const status = this.session.status();
    if (!db || status.state !== 'open' || status.readOnly) return undefined;
    if (this.engine && this.engineDb === db) return this.engine;
    this.closeEngine();
    const engine = new SyncEngine(db, {
      ...this.options,
      // Who acted is the account as the server logged it, not this desk's profile.
      recordAcceptedStep: (articleId, step) => this.session.review().workflow.recordDecided(articleId, step, { name: step.accountName, role: step.role }),
    });
    this.engine = engine;
    this.engineDb = db;
    engine.onChange(() => {
      this.changed();
      // Back online (or signed in): the newsroom may have new articles for this account.
      const kind = engine.connectionState().kind;
      const online = kind === 'syncing' || kind === 'up-to-date';
      const wasOnline = this.lastKind === 'syncing' || this.lastKind === 'up-to-date';
      this.lastKind = kind;
      if (online && !wasOnline) {
        this.refreshInBackground();
        void this.inbox?.poll();
      }
    });
    // News in the inbox (an article assigned, returned) usually means the list changed too.
    const inboxChanged = () => {
      this.changed();
      this.refreshInBackground();
    };
    this.inbox = new NotificationSync(engine, createNotificationStore(db), inboxChanged, this.options.notificationPollMs);
    engine.onPresence((articleId) => {
      const open = this.docs.get(articleId);
      if (!open) return;
      open.presenceRevision++;
      for (const wake of open.waiters) wake();
    });
    clearInterval(this.refreshTimer);
    this.refreshTimer = setInterval(() => this.refreshInBackground(), LIST_REFRESH_MS);
    this.refreshTimer.unref?.();
    // "Work offline" is the person's choice for the desk, not one database's: the next engine keeps it.
    if (this.paused) engine.pause();
    this.syncStore = createSyncStore(db);
    const last = this.syncStore.latestServer();
    if (last) {
      const token = this.vault.read(last.url);
      const configured = engine.configure({ server: last.url, allowInsecure: last.allowInsecure, ...(token ? { token } : {}) });
      if (configured.ok) this.url = configured.url;
    }
    return engine;
  }

  private require(): SyncEngine {
    const engine = this.current();
    if (!engine) {
      const status = this.session.status();
      throw new AppError('DB_UNAVAILABLE', status.state === 'open' && status.readOnly ? status.readOnly : 'No database is open.');
    }
    return engine;
  }

  private closeEngine(): void {
    for (const [id, open] of this.docs) {
      open.unobserve();
      this.docs.delete(id);
      for (const wake of open.waiters) wake();
    }
    clearInterval(this.refreshTimer);
    this.inbox?.close();
    this.inbox = undefined;
    this.engine?.close();
    this.engine = undefined;
    this.lastKind = 'not-configured';
    this.engineDb = undefined;
    this.url = undefined;
    this.changed();
  }

  private changed(): void {
    this.revision++;
    for (const wake of this.statusWaiters) wake();
    for (const [id, open] of this.docs) {
      const json = this.engine ? JSON.stringify(this.engine.articleState(id)) : '';
      if (json === open.stateJson) continue;
      open.stateJson = json;
      open.stateRevision = this.revision;
      for (const wake of open.waiters) wake();
    }
  }

  // ---- Settings and session ------------------------------------------------------

  status(): SyncStatus {
    const engine = this.current();
    // Asked on every long-poll answer: the server row is read with statements prepared once per database.
    const record = engine && this.url ? this.syncStore?.server(this.url) : undefined;
    const connection = engine?.connectionState() ?? { kind: 'not-configured' as const };
    return {
      revision: this.revision,
      connection,
      ...(record ? { server: { url: record.url, allowInsecure: record.allowInsecure } } : {}),
      ...(record?.account ? { account: { id: record.account.id, name: record.account.name, role: record.account.role } } : {}),
      signedIn: connection.kind !== 'not-configured' && connection.kind !== 'signed-out',
      paused: this.paused,
      listRevision: this.listRevision,
      libraryRevision: this.libraryRevision,
      workflowSteps: engine?.workflowCounts() ?? { waiting: 0, decided: 0 },
      inbox: { unread: this.inbox?.unread() ?? 0 },
    };
  }

  /** The state once its revision passes `after`, or after `waitMs`. */
  async waitForStatus(after: number | undefined, waitMs = 0): Promise<SyncStatus> {
    this.current();
    if (after !== undefined && after >= this.revision && waitMs > 0) {
      await this.wait(this.statusWaiters, waitMs);
      await sleep(COALESCE_MS);
    }
    return this.status();
  }

  private wait(waiters: Set<Waiter>, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
    });
  }

  configure(server: string, allowInsecure?: boolean): SyncStatus {
    const engine = this.require();
    const result = engine.configure({ server, ...(allowInsecure !== undefined ? { allowInsecure } : {}) });
    if (!result.ok) throw new AppError('NOT_ALLOWED', result.reason);
    this.url = result.url;
    const token = this.vault.read(result.url);
    if (token) engine.configure({ server: result.url, token });
    this.changed();
    return this.status();
  }

  async signIn(name: string, password: string): Promise<SyncStatus> {
    const engine = this.require();
    if (!this.url) throw new AppError('NOT_ALLOWED', 'Enter the newsroom server’s address first.');
    try {
      const { token } = await engine.signIn(name, password);
      this.vault.write(this.url, token);
    } catch (error) {
      throw toAppError(error);
    }
    this.changed();
    void this.refreshList(engine).catch(() => undefined);
    return this.status();
  }

  async signOut(): Promise<SyncStatus> {
    const engine = this.require();
    if (this.url) this.vault.clear(this.url);
    await engine.signOut().catch(() => undefined);
    this.changed();
    return this.status();
  }

  setOffline(offline: boolean): SyncStatus {
    const engine = this.require();
    this.paused = offline;
    if (offline) engine.pause();
    else engine.resume();
    this.changed();
    return this.status();
  }

  async refresh(): Promise<SyncStatus> {
    const engine = this.require();
    if (!this.status().signedIn) return this.status();
    try {
      await this.refreshList(engine, true);
    } catch (error) {
      // Offline is a state, shown as such, not an error: the list is the one kept on this computer.
      if (!(error instanceof ServerApiError && error.problem === 'offline')) throw toAppError(error);
    }
    return this.status();
  }

  /**
   * One list refresh at a time; the library is told (listRevision) only when the list changed. A
   * refresh asked for while one runs waits for it and then lists again: that one may predate the ask.
   */
  private refreshList(engine: SyncEngine, fresh = false): Promise<void> {
    if (this.refreshing && !fresh) return this.refreshing;
    const after = this.refreshing?.catch(() => undefined) ?? Promise.resolve();
    const run: Promise<void> = after
      .then(() => engine.refreshArticles())
      .then((list) => {
        const digest = JSON.stringify(list.map((a) => [a.id, a.status, a.headline, a.access, a.assignment?.writerId, a.assignment?.editorId]));
        if (digest !== this.listDigest) {
          this.listDigest = digest;
          this.listRevision++;
          this.changed();
        }
      })
      // After the list: the articles whose synced blocks follow a changed entry are known by then.
      .then(() => this.fetchLibrary(engine))
      .finally(() => {
        if (this.refreshing === run) this.refreshing = undefined;
      });
    this.refreshing = run;
    return run;
  }

  /** The newsroom's library changes since the last fetch; a failure leaves the library as it is (offline). */
  private async fetchLibrary(engine: SyncEngine): Promise<void> {
    const stores = this.libraryStores();
    if (!stores || stores.engine !== engine) return;
    const changed = await fetchNewsroomLibrary(stores).catch(() => 0);
    // The newsroom dictionary travels with the library: same moments, same announcement.
    const words = await fetchNewsroomDictionary({ engine, spelling: this.session.spelling() }).catch(() => 0);
    if (changed > 0 || words > 0) this.libraryChanged();
  }

  /** Adds a word to the newsroom dictionary through the server when signed in and online; false otherwise (the caller adds it on this desk). */
  async addDictionaryWord(word: string): Promise<boolean> {
    const engine = this.current();
    if (!engine) return false;
    const added = await addNewsroomWord({ engine, spelling: this.session.spelling() }, word);
    if (added) this.libraryChanged();
    return added;
  }

  private libraryChanged(): void {
    this.libraryRevision++;
    this.changed();
  }

  private libraryStores() {
    const engine = this.current();
    return engine ? { engine, library: this.session.library(), articles: this.session.store() } : undefined;
  }

  /** The desk's library calls for newsroom entries (librarySync.ts); each change there is announced. */
  library() {
    const routed = newsroomLibrary(() => this.libraryStores());
    const announce =
      <A extends unknown[], R>(call: (...args: A) => Promise<R | undefined>) =>
      async (...args: A): Promise<R | undefined> => {
        try {
          const result = await call(...args);
          if (result !== undefined) this.libraryChanged();
          return result;
        } catch (error) {
          // Refused as stale: the desk took the server's current entry, which the views now show.
          if (error instanceof AppError && error.code === 'CONFLICT') this.libraryChanged();
          throw error;
        }
      };
    return {
      updateAuthor: announce(routed.updateAuthor),
      updateDisclosure: announce(routed.updateDisclosure),
      setAuthorArchived: announce(routed.setAuthorArchived),
      setDisclosureArchived: announce(routed.setDisclosureArchived),
      createAuthor: announce(routed.createAuthor),
      createDisclosure: announce(routed.createDisclosure),
      createStyleRule: announce(routed.createStyleRule),
      updateStyleRule: announce(routed.updateStyleRule),
      setStyleRuleArchived: announce(routed.setStyleRuleArchived),
      refuseDelete: routed.refuseDelete,
    };
  }

  private refreshInBackground(): void {
    const engine = this.engine;
    const kind = engine?.connectionState().kind;
    if (engine && (kind === 'syncing' || kind === 'up-to-date')) this.refreshList(engine).catch(() => undefined);
  }

  /** The signed-in account as the desk's profile: who acts and with which role comes from the newsroom. */
  accountProfile(): Profile | undefined {
    const status = this.status();
    return status.account && status.connection.kind !== 'not-configured' ? { name: status.account.name, role: status.account.role } : undefined;
  }

  /** Signed in to a newsroom (online or not), a new article is the newsroom's; undefined on a solo desk. */
  createArticle(fields: Partial<ArticleFields>): string | undefined {
    const engine = this.current();
    if (!engine || !this.status().signedIn) return undefined;
    const id = engine.createArticle(fields);
    this.changed();
    return id;
  }

  /**
   * Signed in to a newsroom, an imported file becomes the newsroom's article, as a new one does; its
   * comments go into the document under the signed-in account, each naming the file's author
   * (shared/sync/commentAnchors, `addImportedComments`). Undefined on a solo desk.
   */
  createImportedArticle(fields: Partial<ArticleFields>, comments: readonly BundleComment[]): { articleId: string; commentsLeftOut: number } | undefined {
    const engine = this.current();
    if (!engine || !this.status().signedIn) return undefined;
    let commentsLeftOut = 0;
    const articleId = engine.createArticle(fields, (doc, account) => {
      if (comments.length) commentsLeftOut = addImportedComments(doc, comments, account, fields.body).leftOut;
    });
    this.changed();
    return { articleId, commentsLeftOut };
  }

  /**
   * A newsroom article's comment threads, from its document, anchored in the body it derives (the
   * article's stored row, once settled); undefined for the desk's own articles.
   */
  commentThreads(articleId: string): CommentThread[] | undefined {
    const engine = this.current();
    if (!engine?.isNewsroomArticle(articleId)) return undefined;
    return engine.readDocument(articleId, (doc) => commentThreadsOf(doc, articleId));
  }

  /** The article's stored JSON made current with its open document, before a handler reads it. */
  settle(articleId: string): void {
    this.engine?.settle(articleId);
  }

  /** Whether the article is one of the newsroom's (its text lives in the Yjs document). */
  isNewsroomArticle(articleId: string): boolean {
    return this.current()?.isNewsroomArticle(articleId) ?? false;
  }

  /**
   * A workflow step on a newsroom article: decided by the server now, or kept in order until the
   * desk can reach it (offline, "work offline", the server down, or the article's last edits not
   * yet there). Refusals carry the server's sentence.
   */
  async transition(articleId: string, action: WorkflowAction, note: string): Promise<TransitionOutcome> {
    try {
      const outcome = await this.require().transition(articleId, action, note);
      this.changed();
      return outcome;
    } catch (error) {
      throw toAppError(error);
    }
  }

  /** Steps waiting for the server and its answers not yet dismissed (of one article, or all). */
  workflowNotices(articleId?: string): WorkflowNotice[] {
    return this.current()?.workflowNotices(articleId) ?? [];
  }

  dismissWorkflowNotice(id: number): WorkflowNotice[] {
    if (!this.require().dismissWorkflowNotice(id)) throw new AppError('NOT_FOUND', 'There is no such answer from the server to dismiss.');
    this.changed();
    return this.workflowNotices();
  }

  // ---- Notifications and assignment --------------------------------------------------

  /** The inbox: this account's notifications kept on this computer, newest first. */
  notifications(): { notifications: NewsroomNotification[]; unread: number } {
    this.current();
    return { notifications: this.inbox?.list() ?? [], unread: this.inbox?.unread() ?? 0 };
  }

  markNotificationsRead(ids: readonly number[] | 'all'): { notifications: NewsroomNotification[]; unread: number } {
    this.require();
    this.inbox?.markRead(ids);
    return this.notifications();
  }

  /** The newsroom's accounts to choose from (connected only: the list is the server's). */
  async newsroomAccounts(): Promise<{ id: string; name: string; role: 'writer' | 'editor' }[]> {
    const online = this.require().onlineApi();
    if (!online) throw new AppError('NOT_ALLOWED', 'Connect to the newsroom server to see its people.');
    try {
      return await online.api.accounts();
    } catch (error) {
      throw toAppError(error);
    }
  }

  /** An editor gives a newsroom article to a writer and an editor; the server decides, the list follows. */
  async assign(articleId: string, writerId: string | null, editorId: string | null): Promise<SyncStatus> {
    const engine = this.require();
    if (!engine.isNewsroomArticle(articleId)) throw new AppError('NOT_ALLOWED', 'Only newsroom articles are assigned.');
    const online = engine.onlineApi();
    if (!online) throw new AppError('NOT_ALLOWED', 'Assigning needs the newsroom server: connect and try again.');
    try {
      await online.api.assign(articleId, writerId, editorId);
      await this.refreshList(engine, true);
    } catch (error) {
      throw toAppError(error);
    }
    return this.status();
  }

  /**
   * A newsroom article's workflow history as the server logged it (every desk's steps), when the
   * server can be asked now; undefined otherwise (the desk shows its own).
   */
  async serverHistory(articleId: string): Promise<TransitionRecord[] | undefined> {
    const engine = this.current();
    if (!engine?.isNewsroomArticle(articleId)) return undefined;
    try {
      const steps = await engine.serverHistory(articleId);
      return steps.map((step, index) => ({
        id: index + 1,
        action: step.action,
        from: step.from,
        to: step.to,
        by: step.accountName,
        role: step.role,
        note: step.note,
        at: step.at,
      }));
    } catch {
      return undefined;
    }
  }

  // ---- Revisions the server keeps ------------------------------------------------------

  private newsroomEngine(articleId: string): SyncEngine {
    const engine = this.require();
    if (!engine.isNewsroomArticle(articleId))
      throw new AppError('NOT_FOUND', 'This article is not one of the newsroom’s: its history is on this computer only.');
    return engine;
  }

  /** The server's revisions of a newsroom article; offline (or the server not answering), why not, as a state. */
  async serverRevisions(articleId: string): Promise<ServerRevisionList> {
    const engine = this.newsroomEngine(articleId);
    try {
      return { available: true, revisions: await engine.serverRevisions(articleId) };
    } catch (error) {
      if (error instanceof ServerApiError && (error.problem === 'offline' || error.problem === 'session-ended'))
        return { available: false, reason: error.message };
      throw toAppError(error);
    }
  }

  async serverRevision(articleId: string, number: number): Promise<ServerRevisionWithContent> {
    try {
      return await this.newsroomEngine(articleId).serverRevision(articleId, number);
    } catch (error) {
      throw toAppError(error);
    }
  }

  async requestServerRevision(articleId: string, reason: RequestableReason, restoredFrom?: number): Promise<ServerRevision> {
    try {
      return await this.newsroomEngine(articleId).requestServerRevision(articleId, reason, restoredFrom);
    } catch (error) {
      throw toAppError(error);
    }
  }

  // ---- Open articles ---------------------------------------------------------------

  open(articleId: string): SyncedArticle {
    const engine = this.current();
    if (!engine?.isNewsroomArticle(articleId)) return { synced: false };
    let open = this.docs.get(articleId);
    if (!open) {
      const doc = engine.openArticle(articleId);
      const entry: OpenDoc = {
        doc,
        opens: 0,
        seq: 0,
        waiters: new Set(),
        unobserve: () => {},
        stateJson: JSON.stringify(engine.articleState(articleId)),
        stateRevision: this.revision,
        presenceRevision: 1,
        pulling: 0,
        lastPullAt: Date.now(),
      };
      const onUpdate = (_update: Uint8Array, origin: unknown) => {
        if (origin === FROM_RENDERER) return;
        entry.seq++;
        for (const wake of entry.waiters) wake();
      };
      doc.on('update', onUpdate);
      entry.unobserve = () => {
        doc.off('update', onUpdate);
        engine.closeArticle(articleId);
      };
      this.docs.set(articleId, entry);
      open = entry;
    }
    open.opens++;
    open.lastPullAt = Date.now();
    return { synced: true, state: toBase64(Y.encodeStateAsUpdate(open.doc)), seq: open.seq, article: engine.articleState(articleId), status: this.status() };
  }

  /** Where this desk's cursor is in an open article (the others see it). */
  setPresence(articleId: string, cursor: PresenceCursor | null): void {
    if (!this.docs.has(articleId)) throw new AppError('NOT_FOUND', 'This article is not open here any more; reopen it.');
    this.require().setPresence(articleId, cursor);
  }

  private readonly leaseTimer: ReturnType<typeof setInterval>;
  private get leaseMs(): number {
    return this.options.openLeaseMs ?? OPEN_LEASE_MS;
  }

  /** Lets go of articles whose windows stopped pulling (see OPEN_LEASE_MS). */
  private releaseAbandoned(): void {
    const now = Date.now();
    for (const [id, open] of this.docs) {
      if (open.pulling > 0 || now - open.lastPullAt < this.leaseMs) continue;
      open.opens = 1;
      this.close(id);
    }
  }

  close(articleId: string): void {
    const open = this.docs.get(articleId);
    if (!open) return;
    open.opens--;
    if (open.opens > 0) return;
    this.docs.delete(articleId);
    open.unobserve();
    for (const wake of open.waiters) wake();
  }

  push(articleId: string, update: string): PushResult {
    const engine = this.require();
    if (!this.docs.has(articleId)) throw new AppError('NOT_FOUND', 'This article is not open here any more; reopen it.');
    const before = engine.articleState(articleId);
    if (before.access === 'read') throw new AppError('NOT_ALLOWED', before.accessReason ?? 'This article is read-only for your account.');
    const result = engine.applyUpdate(articleId, fromBase64(update), FROM_RENDERER);
    if (!result.ok) throw new AppError('INVALID_PAYLOAD', result.reason);
    return { article: engine.articleState(articleId), revision: this.revision };
  }

  /**
   * What the renderer's document lacks, given its state vector. A held request: it answers once the
   * article's document takes a change from elsewhere (its `seq` passes `after`) or the desk's state
   * passes `revision`, or after `waitMs`. A deletion adds no item, so `seq`, not the state vector, says
   * whether there is news.
   */
  async pull(request: { articleId: string; stateVector: string; after: number; revision: number; presence?: number; waitMs: number }): Promise<PullResult> {
    const engine = this.require();
    const open = this.docs.get(request.articleId);
    if (!open) throw new AppError('NOT_FOUND', 'This article is not open here any more; reopen it.');
    open.pulling++;
    try {
      return await this.answerPull(engine, open, request);
    } finally {
      open.pulling--;
      open.lastPullAt = Date.now();
    }
  }

  private async answerPull(
    engine: SyncEngine,
    open: OpenDoc,
    request: { articleId: string; stateVector: string; after: number; revision: number; presence?: number; waitMs: number },
  ): Promise<PullResult> {
    // `revision` is the one of the renderer's last answer: a save state changed since then is news too.
    const presenceSeen = request.presence ?? open.presenceRevision;
    if (request.waitMs > 0 && open.seq <= request.after && open.stateRevision <= request.revision && open.presenceRevision <= presenceSeen) {
      await this.wait(open.waiters, request.waitMs);
      // Only a change of save state so far: later ones join it (each push flips it twice) unless text arrives.
      // A cursor that moved answers within PRESENCE_MS (someone watching another type sees it follow).
      const until = Date.now() + (open.presenceRevision > presenceSeen ? PRESENCE_MS : COALESCE_MS);
      while (open.seq <= request.after && Date.now() < until && this.docs.get(request.articleId) === open) await this.wait(open.waiters, until - Date.now());
      // Closed meanwhile (the last sync:close, or another database opened): its engine may be gone.
      if (this.docs.get(request.articleId) !== open) throw new AppError('NOT_FOUND', 'This article is not open here any more; reopen it.');
    }
    const news = open.seq > request.after;
    const article = engine.articleState(request.articleId);
    // Access changes with the article's status (approved, returned): list again so the status follows.
    if (open.access !== undefined && open.access !== article.access) this.refreshInBackground();
    open.access = article.access;
    return {
      update: news ? toBase64(Y.encodeStateAsUpdate(open.doc, fromBase64(request.stateVector))) : '',
      seq: open.seq,
      article,
      status: this.status(),
      presence: { revision: open.presenceRevision, peers: engine.peers(request.articleId) },
    };
  }

  /** Closes the engine (the host is stopping); pending edits stay in the database. */
  dispose(): void {
    clearInterval(this.leaseTimer);
    this.closeEngine();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ServerApiError) return new AppError('NOT_ALLOWED', error.message);
  return new AppError('INTERNAL', (error as Error).message);
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
