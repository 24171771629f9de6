/**
 * Opens the newsroom database safely. An existing file is first probed
 * read-only (header, integrity, schema version) so that a foreign, damaged or
 * newer file is reported and left byte-for-byte untouched; only a file that
 * passes is reopened read-write, switched to WAL and migrated.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { DbProblem } from '../../../shared/ipc/contract';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { explainNativeLoadError, NativeModuleError } from './nativeBinding';

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

/** Checks an existing file without writing to it. */
function probe(path: string, open: OpenOptions): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    throw new DbOpenError('unreadable', `The database file cannot be read: ${(error as Error).message}`);
  }
  if (!stat.isFile()) throw new DbOpenError('unreadable', `"${path}" is not a file.`);
  if (stat.size === 0) return; // SQLite treats an empty file as a new database.
  let header: Buffer | undefined;
  try {
    header = readHeader(path);
  } catch (error) {
    throw new DbOpenError('unreadable', `The database file cannot be read: ${(error as Error).message}`);
  }
  if (!header || header.length < 16 || !header.equals(SQLITE_HEADER)) {
    throw new DbOpenError(
      'not-sqlite',
      'This file is not a Newsroom Desk database (it is not an SQLite file). It was left untouched.',
    );
  }
  let db: Db | undefined;
  try {
    db = construct(path, { readonly: true, fileMustExist: true }, open);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new DbOpenError(
        'newer-schema',
        `This database was written by a newer version of Newsroom Desk (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update the app to open it. The file was left untouched.`,
      );
    }
    // Schema 0 with tables of its own is another program's database: ours only ever has tables from migration 1 on.
    const objects = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sqlite_master').get()!.n;
    if (version === 0 && objects > 0) {
      throw new DbOpenError(
        'not-sqlite',
        "This file is another program's SQLite database, not a Newsroom Desk database. It was left untouched.",
      );
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new DbOpenError('damaged', `The database is damaged (${check}). It was left untouched.`);
  } catch (error) {
    if (error instanceof DbOpenError || error instanceof NativeModuleError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new DbOpenError('locked', 'The database is in use by another program. Close it and try again.');
    }
    if (code === 'SQLITE_NOTADB') {
      throw new DbOpenError('not-sqlite', 'This file is not a Newsroom Desk database. It was left untouched.');
    }
    throw new DbOpenError('damaged', `The database is damaged: ${(error as Error).message}. It was left untouched.`);
  } finally {
    db?.close();
  }
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target = LATEST_SCHEMA_VERSION): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}

/** Opens (creating if absent) and migrates the database at `path`. Throws DbOpenError with plain words. */
export function openDatabase(path: string, open: OpenOptions = {}): Db {
  if (fs.existsSync(path)) probe(path, open);
  let db: Db;
  try {
    db = construct(path, {}, open);
  } catch (error) {
    // A missing folder or one we may not write to: report it like any other file we cannot open.
    if (error instanceof DbOpenError) throw error;
    throw new DbOpenError('unreadable', `The database file cannot be opened: ${(error as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged save survives power loss, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS, open.targetVersion ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DbOpenError) throw error;
    throw new DbOpenError('damaged', `The database could not be prepared: ${(error as Error).message}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Rows this connection has written since it opened: a change between two readings means a write landed in between. */
export function writeCount(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n;
}
