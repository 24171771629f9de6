/**
 * One open newsroom article in the renderer: its own Y.Doc (bound to the editor), kept in step with
 * the main process's copy, which alone talks to the server and keeps unacknowledged changes on disk.
 * Local changes are merged and pushed at most every PUSH_EVERY_MS; the rest arrives through a long poll.
 */
import * as Y from 'yjs';
import type { ArticleSyncState, SyncStatus } from '../../../shared/sync/syncState';
import type { Peer, PresenceCursor } from '../../../shared/sync/presence';
import { call } from '../api/call';
import { base64ToBytes, bytesToBase64 } from '../api/base64';
import { takeSyncStatus } from './syncStatus';

/**
 * Changes are handed over at most this often while someone types (not after each pause): each push is a
 * round trip, a write to disk and a message to the server, and a keystroke comes every 50–150 ms.
 */
const PUSH_EVERY_MS = 100;
/** "Saving…" stays up while the writer keeps typing, rather than flipping with every push. */
const SAVING_SETTLES_MS = 400;
const PULL_WAIT_MS = 25_000;
const RETRY_MS = 1_000;

/** What the main process sent: applied without being pushed back. */
export const FROM_DESK = Symbol('desk');

export type ChannelState = {
  article: ArticleSyncState;
  /** Changes made here not yet handed to the main process (kept there on disk once handed). */
  unsent: boolean;
  /** Why the last push was refused (read-only, or a change the desk does not accept). */
  refused?: string;
  /** Who else has the article open, with their cursors. */
  peers: Peer[];
};

/** This desk's cursor goes to the others at most this often. */
const CURSOR_EVERY_MS = 100;

export class ArticleChannel {
  readonly doc = new Y.Doc();
  private seq: number;
  private revision: number;
  private queued: Uint8Array[] = [];
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastLocalChange = 0;
  private presenceRevision = 0;
  private cursor: PresenceCursor | null | undefined;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private pushing: Promise<void> = Promise.resolve();
  private closed = false;
  private current: ChannelState;
  private readonly listeners = new Set<(state: ChannelState) => void>();
  private applyRemote: (update: Uint8Array, origin: unknown) => void = (update, origin) => Y.applyUpdate(this.doc, update, origin);

  constructor(
    readonly articleId: string,
    opened: { state: string; seq: number; article: ArticleSyncState; status: SyncStatus },
  ) {
    Y.applyUpdate(this.doc, base64ToBytes(opened.state), FROM_DESK);
    this.seq = opened.seq;
    this.revision = opened.status.revision;
    this.current = { article: opened.article, unsent: false, peers: [] };
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_DESK || this.closed) return;
      this.queued.push(update);
      this.lastLocalChange = performance.now();
      this.setState({ unsent: true });
      this.pushTimer ??= setTimeout(() => void this.flush(), PUSH_EVERY_MS);
    });
    void this.pullLoop();
  }

  /** The bound editor applies what arrives (it writes its pending operations first); returns the undo. */
  applyRemoteWith = (apply: (update: Uint8Array, origin: unknown) => void): (() => void) => {
    this.applyRemote = apply;
    return () => {
      if (this.applyRemote === apply) this.applyRemote = (update, origin) => Y.applyUpdate(this.doc, update, origin);
    };
  };

  /** Opens the article as a newsroom article, or undefined when it is the desk's own (solo). */
  static async open(articleId: string): Promise<ArticleChannel | undefined> {
    const opened = await call('openSyncedArticle', { articleId });
    return opened.synced ? new ArticleChannel(articleId, opened) : undefined;
  }

  state(): ChannelState {
    return this.current;
  }

  onState(listener: (state: ChannelState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(patch: Partial<ChannelState>): void {
    const next = { ...this.current, ...patch };
    // Every keystroke queues a change: the view re-renders only when what it shows changes.
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener(this.current);
  }

  /** Hands every queued change to the main process (stored on disk there before it answers). */
  flush(): Promise<void> {
    clearTimeout(this.pushTimer);
    this.pushTimer = undefined;
    this.pushing = this.pushing.then(async () => {
      if (this.queued.length === 0) return;
      const batch = this.queued;
      this.queued = [];
      try {
        const pushed = await call('pushArticleUpdate', { articleId: this.articleId, update: bytesToBase64(Y.mergeUpdates(batch)) });
        // A pull answered meanwhile from a later state (the server acknowledged this push) wins: the
        // held pull that follows would not answer again for a state the renderer already has.
        if (pushed.revision >= this.revision) this.setState({ article: pushed.article, refused: undefined });
        else this.setState({ refused: undefined });
        this.settleSaving();
      } catch (error) {
        // Kept for the next try: nothing typed is dropped because one push failed.
        this.queued = [...batch, ...this.queued];
        const message = error instanceof Error ? error.message : String(error);
        this.setState({ unsent: true, refused: (error as { error?: { message?: string } }).error?.message ?? message });
        if (!this.closed) this.pushTimer = setTimeout(() => void this.flush(), RETRY_MS);
      }
    });
    return this.pushing;
  }

  /** Where this desk's cursor is now; the others hear of it shortly (the last one wins). */
  sendCursor = (cursor: PresenceCursor | null): void => {
    this.cursor = cursor;
    this.cursorTimer ??= setTimeout(() => {
      this.cursorTimer = undefined;
      if (this.closed || this.cursor === undefined) return;
      void call('setPresence', { articleId: this.articleId, cursor: this.cursor }).catch(() => undefined);
    }, CURSOR_EVERY_MS);
  };

  peers = (): Peer[] => this.current.peers;

  onPeers = (listener: () => void): (() => void) => {
    let last = this.current.peers;
    return this.onState((state) => {
      if (state.peers === last) return;
      last = state.peers;
      listener();
    });
  };

  /** "Saving…" ends once everything is handed over and the writer has paused. */
  private settleSaving(): void {
    clearTimeout(this.settleTimer);
    if (this.queued.length > 0 || this.closed) return;
    const wait = this.lastLocalChange + SAVING_SETTLES_MS - performance.now();
    if (wait <= 0) this.setState({ unsent: false });
    else this.settleTimer = setTimeout(() => this.settleSaving(), wait);
  }

  private async pullLoop(): Promise<void> {
    while (!this.closed) {
      try {
        const result = await call('pullArticleUpdates', {
          articleId: this.articleId,
          stateVector: bytesToBase64(Y.encodeStateVector(this.doc)),
          after: this.seq,
          revision: this.revision,
          presence: this.presenceRevision,
          waitMs: PULL_WAIT_MS,
        });
        if (this.closed) return;
        if (result.update) this.applyRemote(base64ToBytes(result.update), FROM_DESK);
        this.seq = result.seq;
        this.revision = result.status.revision;
        this.presenceRevision = result.presence.revision;
        takeSyncStatus(result.status);
        this.setState({ article: result.article, peers: result.presence.peers });
      } catch {
        if (this.closed) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  /** Sends what is queued, then lets the main process unload the article. */
  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    this.closed = true;
    clearTimeout(this.pushTimer);
    clearTimeout(this.settleTimer);
    clearTimeout(this.cursorTimer);
    await call('closeSyncedArticle', { articleId: this.articleId }).catch(() => undefined);
    this.doc.destroy();
  }
}
