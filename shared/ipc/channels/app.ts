/** The app and its database file. */
import { z } from 'zod';
import { channel, emptyRequest } from '../channel';
import { pathIdSchema } from './paths';

export type DbProblem = 'not-sqlite' | 'damaged' | 'newer-schema' | 'locked' | 'unreadable' | 'wrong-abi';

/** Only a damaged file is replaced by a backup: a locked, newer or foreign file is good and stays where it is. */
export const restorableProblem = (problem: DbProblem): boolean => problem === 'damaged';

export type DbStatus =
  /** readOnly: why nothing can be changed (a read-only file, folder or disk), when that is so. */
  { state: 'open'; path: string; schemaVersion: number; readOnly?: string } | { state: 'error'; path: string; problem: DbProblem; message: string };

export type AppInfo = {
  appVersion: string;
  runtime: 'electron' | 'browser-host';
  platform: string;
};

export const appChannels = {
  'app:info': channel<AppInfo>()(emptyRequest),
  'db:status': channel<DbStatus>()(emptyRequest),
  /** A database picked earlier (see paths:list); without one, the Electron shell asks with a native file dialog. */
  'db:open': channel<DbStatus>()(z.object({ pathId: pathIdSchema.optional() }).strict()),
  /** Opens the current file again, e.g. once the program that held it locked has let go. */
  'db:retry': channel<DbStatus>()(emptyRequest),
  /** Starts a fresh database next to the current one, leaving the current file untouched. */
  'db:createNew': channel<DbStatus>()(emptyRequest),
} as const;
