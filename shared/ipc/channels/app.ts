/** The app and its database file. */
import { z } from 'zod';
import { channel, emptyRequest } from '../channel';
import { pathIdSchema } from './paths';

export type DbProblem = 'not-sqlite' | 'damaged' | 'newer-schema' | 'locked' | 'unreadable' | 'wrong-abi';

export type DbStatus =
  | { state: 'open'; path: string; schemaVersion: number }
  | { state: 'error'; path: string; problem: DbProblem; message: string };

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
  /** Starts a fresh database next to the current one, leaving the current file untouched. */
  'db:createNew': channel<DbStatus>()(emptyRequest),
} as const;
