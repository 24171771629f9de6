/**
 * One article as this desk keeps it while it is loaded: its Y.Doc, rebuilt from the stored state and
 * updates, and everything that keeps the database in step with it:
 * - each local update is appended to `sync_updates` synchronously, inside the doc's update event, so
 *   an edit is on disk before anyone is told it happened;
 * - remote updates are appended too, so the local copy is whole while offline;
 * - the article's JSON row is derived from the document (readArticleDoc) and written through the
 *   article store; a document that does not read as an article leaves the last good row and says why;
 * - once the server has acknowledged everything sent (see `acknowledged`), the updates are folded
 *   into the stored state.
 */
import * as Y from 'yjs';
import type { ArticleFields, ArticleStatus } from '../../../shared/model/article';
import { ARTICLE_STATUSES } from '../../../shared/model/article';
import { readArticleDoc } from '../../../shared/sync/articleDoc';
import type { ArticleStore } from '../store/articleStore';
import type { ReplicaRecord, SyncStore } from '../store/syncStore';

/** The origin of updates replayed from the database: they are stored already. */
const FROM_DISK = Symbol('from disk');

/**
 * How long the derived JSON row and folds wait for more changes: typing sends one update per key,
 * and both cost as much as the whole article (reading the body out, merging the state).
 */
const DERIVE_AFTER_MS = 400;
const DERIVE_MAX_WAIT_MS = 3_000;
const FOLD_AFTER_MS = 2_000;
const FOLD_MAX_WAIT_MS = 15_000;

export type ReplicaProblem = { reason: string };

export class ArticleReplica {
  readonly doc = new Y.Doc();
  /** Highest local update appended, and the highest the server acknowledged. */
  private lastLocalSeq = 0;
  private ackedSeq = 0;
  private lastJson: string;
  private deriveTimer: ReturnType<typeof setTimeout> | undefined;
  private firstUnderivedAt: number | undefined;
  private firstUnfoldedAt: number | undefined;
  private foldTimer: ReturnType<typeof setTimeout> | undefined;
  /** Updates from the server carry this origin (the provider); anything else is a local edit. */
  remoteOrigin: unknown = undefined;
  problem: string | undefined;

  constructor(
    readonly articleId: string,
    private record: ReplicaRecord,
    private readonly store: SyncStore,
    private readonly articles: ArticleStore,
    private readonly onChange: () => void,
  ) {
    this.problem = record.problem;
    this.lastJson = articles.hasArticle(articleId) ? fieldsJson(articles.getArticle(articleId)) : '';
    const skipped: number[] = [];
    this.doc.transact(() => {
      try {
        Y.applyUpdate(this.doc, record.state, FROM_DISK);
      } catch {
        skipped.push(0);
      }
      for (const update of store.updates(articleId)) {
        if (update.origin === 'local') this.lastLocalSeq = update.seq;
        try {
          Y.applyUpdate(this.doc, update.data, FROM_DISK);
        } catch {
          skipped.push(update.seq);
        }
      }
    }, FROM_DISK);
    if (skipped.length > 0)
      this.setProblem('Part of this article’s local copy could not be read and was left out; the server’s copy fills it in when the desk connects.');
    this.doc.on('update', this.persist);
  }

  get onServer(): boolean {
    return this.record.onServer;
  }

  markOnServer(): void {
    this.store.markOnServer(this.articleId);
    this.record = { ...this.record, onServer: true };
  }

  /** Local edits the server has not acknowledged (or an article not created there yet). */
  get pending(): boolean {
    return !this.record.onServer || this.lastLocalSeq > this.ackedSeq;
  }

  private readonly persist = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_DISK) return;
    const seq = this.store.appendUpdate(this.articleId, origin !== undefined && origin === this.remoteOrigin ? 'remote' : 'local', update);
    if (origin === undefined || origin !== this.remoteOrigin) this.lastLocalSeq = seq;
    else this.scheduleFold();
    this.scheduleDerive();
    this.onChange();
  };

  /**
   * The server holds every update this desk sent so far: the provider's unsyncedChanges is back at 0
   * after a completed handshake, and the server stores each update before it acknowledges it.
   * Local updates are appended synchronously as they happen, so all of them up to now are covered.
   */
  acknowledged(): void {
    if (this.ackedSeq === this.lastLocalSeq) return;
    this.ackedSeq = this.lastLocalSeq;
    this.scheduleFold();
    this.onChange();
  }

  private scheduleFold(): void {
    const now = Date.now();
    this.firstUnfoldedAt ??= now;
    clearTimeout(this.foldTimer);
    this.foldTimer = setTimeout(() => this.fold(), Math.min(FOLD_AFTER_MS, Math.max(0, this.firstUnfoldedAt + FOLD_MAX_WAIT_MS - now)));
  }

  fold(): void {
    clearTimeout(this.foldTimer);
    this.foldTimer = undefined;
    this.firstUnfoldedAt = undefined;
    this.store.fold(this.articleId, this.ackedSeq, (state, updates) => Y.mergeUpdates([state, ...updates]));
  }

  /** After a pause in the changes, or at the latest DERIVE_MAX_WAIT_MS after the first: deriving a long article costs a read of the whole document. */
  private scheduleDerive(): void {
    const now = Date.now();
    this.firstUnderivedAt ??= now;
    clearTimeout(this.deriveTimer);
    this.deriveTimer = setTimeout(() => this.derive(), Math.min(DERIVE_AFTER_MS, Math.max(0, this.firstUnderivedAt + DERIVE_MAX_WAIT_MS - now)));
  }

  /** Writes the JSON row now when changes are waiting for it (before something reads the row). */
  deriveIfPending(): void {
    if (this.deriveTimer) this.derive();
  }

  /** Writes the article's JSON from the document, or keeps the last good one and says why. */
  derive(serverStatus?: string): void {
    clearTimeout(this.deriveTimer);
    this.deriveTimer = undefined;
    this.firstUnderivedAt = undefined;
    const read = readArticleDoc(this.doc);
    if (!read.ok) {
      this.setProblem(`${read.reason} The desk keeps the last good copy.`);
      return;
    }
    if (this.problem) this.setProblem(undefined);
    const json = fieldsJson(read.fields);
    const status = isStatus(serverStatus) ? serverStatus : undefined;
    const current = this.articles.hasArticle(this.articleId) ? this.articles.getArticle(this.articleId) : undefined;
    if (current && json === this.lastJson && (status === undefined || status === current.status)) return;
    if (current) this.articles.replaceArticle(this.articleId, read.fields, status ?? current.status);
    this.lastJson = json;
  }

  setProblem(problem: string | undefined): void {
    if (this.problem === problem) return;
    this.problem = problem;
    this.store.setProblem(this.articleId, problem);
    this.onChange();
  }

  /** Writes what is waiting and lets go of the document. */
  unload(): void {
    if (this.deriveTimer) this.derive();
    this.fold();
    this.doc.off('update', this.persist);
    this.doc.destroy();
  }
}

const isStatus = (value: unknown): value is ArticleStatus => typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value);

/** The fields that come from the document, in a stable form for comparing. */
function fieldsJson(fields: ArticleFields): string {
  const {
    headline,
    dek,
    slug,
    slugLocked,
    section,
    tags,
    bylineAuthorIds,
    dateline,
    seoTitle,
    seoDescription,
    plannedLength,
    deadline,
    aiDeclaration,
    language,
    body,
  } = fields;
  return JSON.stringify([
    headline,
    dek,
    slug,
    slugLocked,
    section,
    tags,
    bylineAuthorIds,
    dateline,
    seoTitle,
    seoDescription,
    plannedLength,
    deadline,
    aiDeclaration,
    language,
    body,
  ]);
}
