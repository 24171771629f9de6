/**
 * Opens the newsroom database safely. An existing file is first probed
 * read-only (header, integrity, schema version) so that a foreign, damaged or
 * newer file is reported and left byte-for-byte untouched; only a file that
 * passes is reopened read-write, switched to WAL and migrated. A file this
 * process may not write is opened read-only instead, and says why.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import type { DbProblem } from '../../../shared/ipc/contract';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { describeLockHolders } from './lockHolders';
import { explainNativeLoadError, NativeModuleError } from './nativeBinding';

/** Recorded beside each schema version it creates, so an older app can name the version a file needs. */
export const APP_VERSION: string = packageJson.version;

export type Db = Database.Database;

export class DbOpenError extends Error {
  constructor(
    readonly problem: DbProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DbOpenError';
  }
}

export type OpenOptions = {
  /** Path of a better_sqlite3.node built for the running runtime (Electron uses its own copy). */
  nativeBinding?: string;
  runtime?: 'node' | 'electron';
  /** For tests of the migration path: stop at this schema version. */
  targetVersion?: number;
};

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function construct(path: string, options: Database.Options, open: OpenOptions): Db {
  try {
    return new Database(path, { ...options, ...(open.nativeBinding ? { nativeBinding: open.nativeBinding } : {}) });
  } catch (error) {
    const native = explainNativeLoadError(error, open.runtime ?? 'node');
    if (native) throw new DbOpenError('wrong-abi', native.message);
    throw error;
  }
}

function readHeader(path: string): Buffer | undefined {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return n === 0 ? undefined : buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Header checks that need no SQLite connection: a foreign file is refused before SQLite ever opens it. */
function checkFile(path: string): { empty: boolean } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    throw new DbOpenError('unreadable', `The database file cannot be read: ${(error as Error).message}`);
  }
  if (!stat.isFile()) throw new DbOpenError('unreadable', `"${path}" is not a file.`);
  if (stat.size === 0) return { empty: true }; // SQLite treats an empty file as a new database.
  let header: Buffer | undefined;
  try {
    header = readHeader(path);
  } catch (error) {
    throw new DbOpenError('unreadable', `The database file cannot be read: ${(error as Error).message}`);
  }
  if (!header || header.length < 16 || !header.equals(SQLITE_HEADER)) {
    throw new DbOpenError('not-sqlite', 'This file is not a Newsroom Desk database (it is not an SQLite file). It was left untouched.');
  }
  return { empty: false };
}

/** Checks the schema and pages over a read-only connection; returns the schema version. */
function checkContent(db: Db): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION) throw newerSchemaError(db, version);
  // Schema 0 with tables of its own is another program's database: ours only ever has tables from migration 1 on.
  const objects = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sqlite_master').get()!.n;
  if (version === 0 && objects > 0) {
    throw new DbOpenError('not-sqlite', "This file is another program's SQLite database, not a Newsroom Desk database. It was left untouched.");
  }
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw new DbOpenError('damaged', `The database is damaged (${check}). It was left untouched.`);
  return version;
}

function newerSchemaError(db: Db, version: number): DbOpenError {
  const needed = appVersionForSchema(db, version);
  const app = needed ? `Newsroom Desk ${needed} or later` : 'a newer version of Newsroom Desk';
  return new DbOpenError(
    'newer-schema',
    `This database was written by a newer version of Newsroom Desk (schema ${version}; this version ${APP_VERSION} knows up to ${LATEST_SCHEMA_VERSION}). Install ${app} to open it. The file was left untouched.`,
  );
}

/** Plain words for what SQLite said while a file was being checked. */
function classifyOpenError(path: string, error: unknown): Error {
  if (error instanceof DbOpenError || error instanceof NativeModuleError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    const holders = describeLockHolders(path);
    return new DbOpenError(
      'locked',
      `The database is in use by another program${holders ? ` (${holders})` : ''} that keeps it locked. Close that program or wait for it to finish, then try again. The file was left untouched.`,
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new DbOpenError('not-sqlite', 'This file is not a Newsroom Desk database. It was left untouched.');
  }
  return new DbOpenError('damaged', `The database is damaged: ${(error as Error).message}. It was left untouched.`);
}

/** Checks an existing file without writing to it. */
function probe(path: string, open: OpenOptions): void {
  if (checkFile(path).empty) return;
  let db: Db | undefined;
  try {
    db = construct(path, { readonly: true, fileMustExist: true }, open);
    checkContent(db);
  } catch (error) {
    throw classifyOpenError(path, error);
  } finally {
    db?.close();
  }
}

/**
 * Why this process cannot write the file, in words for the user, or undefined when it can. Asked of the
 * operating system (access(2)), so it is right for the user the app runs as: root ignores a file's mode
 * but not a read-only mount.
 */
export function whyReadOnly(path: string): string | undefined {
  for (const [target, what] of [
    [path, 'the file is read-only'],
    [dirname(path), 'its folder is read-only'],
  ] as const) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS') return 'it is on a read-only disk';
      if (code === 'EACCES' || code === 'EPERM') return what;
    }
  }
  return undefined;
}

const readOnlyReasons = new WeakMap<Db, string>();

/** The reason a connection from openDatabase is read-only, or undefined for a writable one. */
export function readOnlyReason(db: Db): string | undefined {
  return readOnlyReasons.get(db);
}

/** SQLite could not create the WAL index (-shm) beside a WAL-mode file it may not write. */
const needsWalIndex = (error: unknown) =>
  ['SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_RECOVERY'].includes((error as { code?: string }).code ?? '');

/**
 * A file this process may not write opens read-only, so it can still be read, searched and exported.
 * A WAL-mode file in a folder we cannot write has no place for SQLite's WAL index: it is read from a
 * private copy (file and WAL) taken now, removed again when the connection closes.
 */
function openReadOnly(path: string, reason: string, open: OpenOptions): Db {
  if (checkFile(path).empty) throw new DbOpenError('unreadable', `The database file is empty and ${reason}, so it cannot be used.`);
  let db: Db | undefined;
  let copyDir: string | undefined;
  try {
    db = construct(path, { readonly: true, fileMustExist: true }, open);
    let version: number;
    try {
      version = checkContent(db);
    } catch (error) {
      if (!needsWalIndex(error)) throw error;
      db.close();
      copyDir = fs.mkdtempSync(join(os.tmpdir(), 'newsroom-read-only-'));
      const copy = join(copyDir, basename(path));
      fs.copyFileSync(path, copy);
      if (fs.existsSync(`${path}-wal`)) fs.copyFileSync(`${path}-wal`, `${copy}-wal`);
      db = construct(copy, { readonly: true, fileMustExist: true }, open);
      version = checkContent(db);
    }
    if (version < LATEST_SCHEMA_VERSION) {
      throw new DbOpenError(
        'unreadable',
        `This database comes from an older version of Newsroom Desk and needs an update, but ${reason}. Copy it to a folder you can write to and open the copy. The file was left untouched.`,
      );
    }
  } catch (error) {
    db?.close();
    if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true });
    throw classifyOpenError(path, error);
  }
  if (copyDir) {
    const dir = copyDir;
    const close = db.close.bind(db);
    db.close = () => {
      close();
      fs.rmSync(dir, { recursive: true, force: true });
      return db;
    };
  }
  immediateTransactions(db);
  readOnlyReasons.set(db, `This database is open read-only: ${reason}. You can read, search and export, but not change anything.`);
  return db;
}

/**
 * Every transaction on this connection begins IMMEDIATE, taking the write lock up front where SQLite's
 * busy timeout applies. A deferred transaction that reads and then writes cannot wait for another
 * process's writer: its lock upgrade fails at once with SQLITE_BUSY (two hosts saving at once lost 241
 * of 400 saves that way). Set here, once per connection, so no store module can forget it; a
 * transaction called inside another still becomes a savepoint, and `.deferred` stays available.
 */
function immediateTransactions(db: Db): void {
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => deferred(fn).immediate) as Db['transaction'];
}

/** The bookkeeping of the migration runner itself, like user_version: which app wrote each schema version. */
const SCHEMA_HISTORY = `CREATE TABLE IF NOT EXISTS schema_history (
  version INTEGER PRIMARY KEY, app_version TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/** The app version that created `version`, as recorded in the file by that app. */
function appVersionForSchema(db: Db, version: number): string | undefined {
  try {
    return db.prepare<[number], { v: string }>('SELECT app_version AS v FROM schema_history WHERE version = ?').get(version)?.v;
  } catch {
    return undefined; // Written before the history was kept.
  }
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target = LATEST_SCHEMA_VERSION, appVersion = APP_VERSION): number {
  let current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      // Read again under the write lock: another process may have run this step while we waited for it.
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.exec(SCHEMA_HISTORY);
      db.prepare('INSERT OR REPLACE INTO schema_history (version, app_version, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        appVersion,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    current = schemaVersion(db);
  }
  return current;
}

/**
 * Opens (creating if absent) and migrates the database at `path`; a file this process may not write
 * opens read-only (see readOnlyReason). Throws DbOpenError with plain words.
 */
export function openDatabase(path: string, open: OpenOptions = {}): Db {
  if (fs.existsSync(path)) {
    const readOnly = whyReadOnly(path);
    if (readOnly) return openReadOnly(path, readOnly, open);
    probe(path, open);
  }
  let db: Db;
  try {
    db = construct(path, {}, open);
  } catch (error) {
    // A missing folder or one we may not write to: report it like any other file we cannot open.
    if (error instanceof DbOpenError) throw error;
    throw new DbOpenError('unreadable', `The database file cannot be opened: ${(error as Error).message}`);
  }
  try {
    // First, so that switching to WAL and migrating wait for another process instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged save survives power loss, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    immediateTransactions(db);
    migrate(db, MIGRATIONS, open.targetVersion ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DbOpenError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw classifyOpenError(path, error);
    throw new DbOpenError('damaged', `The database could not be prepared: ${(error as Error).message}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
