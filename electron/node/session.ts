/**
 * Owns the open database for a process (Electron main or the browser host):
 * its path, whether it opened, and the store over it. A file that cannot be
 * opened leaves the session in an error state the UI can show, with the file
 * untouched, until the user opens another or starts a new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type DbStatus } from '../../shared/ipc/contract';
import { createArticleStore, type ArticleStore } from './store/articleStore';
import { createAssetStore, type AssetStore } from './store/assetStore';
import { createLibraryStore, type LibraryStore } from './store/libraryStore';
import { DbOpenError, openDatabase, readOnlyReason, schemaVersion, type Db, type OpenOptions } from './store/database';
import { reviewStoresFor, type ReviewStores } from './store/reviewStores';
import { seedDemoNewsroom } from './store/seed';
import { createSpellingStore, type SpellingStore } from './store/spellingStore';

export type SessionOptions = OpenOptions & {
  /** Seed the demo newsroom when the database file is created. */
  seedOnCreate?: boolean;
  /** Told whenever the session switches to another file, so the choice can be remembered. */
  onPathChange?: (path: string) => void;
};

export class DatabaseSession {
  private db: Db | undefined;
  private articleStore: ArticleStore | undefined;
  private assetStore: AssetStore | undefined;
  private libraryStore: LibraryStore | undefined;
  private spellingStore: SpellingStore | undefined;
  private current: DbStatus;
  private readonly beforeClose = new Set<(db: Db) => void>();

  constructor(
    dbPath: string,
    private readonly options: SessionOptions = {},
  ) {
    this.current = this.openAt(dbPath);
  }

  status(): DbStatus {
    return this.current;
  }

  /** The store, or a typed error the UI shows when no database is open. */
  store(): ArticleStore {
    if (!this.articleStore) {
      throw new AppError('DB_UNAVAILABLE', this.current.state === 'error' ? this.current.message : 'No database is open.');
    }
    return this.articleStore;
  }

  assets(): AssetStore {
    this.store();
    return this.assetStore!;
  }

  /** The author and disclosure libraries and the library blocks in articles. */
  library(): LibraryStore {
    this.store();
    return this.libraryStore!;
  }

  /** The newsroom dictionary and the words ignored in each article. */
  spelling(): SpellingStore {
    this.store();
    return (this.spellingStore ??= createSpellingStore(this.db!));
  }

  /** Editorial review: the desk's profile, the workflow, comments and revisions. */
  review(): ReviewStores {
    const articles = this.store();
    return reviewStoresFor(this.db!, articles, this.library());
  }

  database(): Db | undefined {
    return this.db;
  }

  open(dbPath: string): DbStatus {
    const next = this.openAt(dbPath);
    if (next.state === 'open') this.options.onPathChange?.(dbPath);
    return next;
  }

  /** A fresh database beside the current file, named so it never replaces it. */
  createNew(): DbStatus {
    const dir = path.dirname(this.current.path);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let candidate = path.join(dir, `newsroom-${stamp}.db`);
    for (let i = 1; fs.existsSync(candidate); i++) candidate = path.join(dir, `newsroom-${stamp}-${i}.db`);
    return this.open(candidate);
  }

  /** Called with the database about to close (another file opens, or the app quits): the last moment to write to it. */
  onBeforeClose(listener: (db: Db) => void): () => void {
    this.beforeClose.add(listener);
    return () => this.beforeClose.delete(listener);
  }

  close(): void {
    if (this.db) for (const listener of this.beforeClose) listener(this.db);
    this.db?.close();
    this.db = undefined;
    this.articleStore = undefined;
    this.assetStore = undefined;
    this.libraryStore = undefined;
    this.spellingStore = undefined;
  }

  private openAt(dbPath: string): DbStatus {
    const resolved = path.resolve(dbPath);
    const existed = fs.existsSync(resolved) && fs.statSync(resolved).size > 0;
    let db: Db;
    try {
      db = openDatabase(resolved, this.options);
    } catch (error) {
      if (!(error instanceof DbOpenError)) throw error;
      // Keep whatever was open before: a failed "open another" must not close the working file.
      if (this.db) return { state: 'error', path: resolved, problem: error.problem, message: error.message };
      this.current = { state: 'error', path: resolved, problem: error.problem, message: error.message };
      return this.current;
    }
    this.close();
    this.db = db;
    this.articleStore = createArticleStore(db);
    this.assetStore = createAssetStore(db);
    this.libraryStore = createLibraryStore(db);
    if (!existed && this.options.seedOnCreate) seedDemoNewsroom(this.articleStore, this.libraryStore);
    const readOnly = readOnlyReason(db);
    this.current = { state: 'open', path: resolved, schemaVersion: schemaVersion(db), ...(readOnly ? { readOnly } : {}) };
    return this.current;
  }
}
