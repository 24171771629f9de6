/** The server's storage: SQLite in a data folder (the default) or PostgreSQL, one schema, one set of tables. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SqlDriver } from './driver';
import { openSqliteDriver } from './sqliteDriver';
import { openPostgresDriver } from './postgresDriver';
import { migrate } from './migrations';
import { accountsTable } from './accounts';
import { sessionsTable } from './sessions';
import { signInAttemptsTable } from './signInAttempts';
import { articlesTable } from './articles';
import { documentsTable } from './documents';
import { workflowLogTable } from './workflowLog';
import { revisionsTable } from './revisions';
import { librariesTable } from './libraries';
import { dictionaryTable } from './dictionary';
import { notificationsTable } from './notifications';

export type StorageLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

export const SQLITE_FILE_NAME = 'newsroom-server.db';

export type Storage = {
  readonly db: SqlDriver;
  readonly accounts: ReturnType<typeof accountsTable>;
  readonly sessions: ReturnType<typeof sessionsTable>;
  readonly signInAttempts: ReturnType<typeof signInAttemptsTable>;
  readonly articles: ReturnType<typeof articlesTable>;
  readonly documents: ReturnType<typeof documentsTable>;
  readonly workflowLog: ReturnType<typeof workflowLogTable>;
  readonly revisions: ReturnType<typeof revisionsTable>;
  readonly libraries: ReturnType<typeof librariesTable>;
  readonly dictionary: ReturnType<typeof dictionaryTable>;
  readonly notifications: ReturnType<typeof notificationsTable>;
  close(): Promise<void>;
};

export function storageOn(db: SqlDriver): Storage {
  return {
    db,
    accounts: accountsTable(db),
    sessions: sessionsTable(db),
    signInAttempts: signInAttemptsTable(db),
    articles: articlesTable(db),
    documents: documentsTable(db),
    workflowLog: workflowLogTable(db),
    revisions: revisionsTable(db),
    libraries: librariesTable(db),
    dictionary: dictionaryTable(db),
    notifications: notificationsTable(db),
    close: () => db.close(),
  };
}

/** Opens (creating when needed) and migrates the storage. */
export async function openStorage(location: StorageLocation): Promise<Storage> {
  let db: SqlDriver;
  if (location.kind === 'sqlite') {
    mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
    db = openSqliteDriver(path.join(location.dataDir, SQLITE_FILE_NAME));
  } else {
    db = await openPostgresDriver(location.url);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return storageOn(db);
}

/** Where storage is, in words, for logs (a PostgreSQL URL without its password). */
export function describeLocation(location: StorageLocation): string {
  if (location.kind === 'sqlite') return `SQLite in ${path.resolve(location.dataDir)}`;
  try {
    const url = new URL(location.url);
    url.password = url.password ? '***' : '';
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}
