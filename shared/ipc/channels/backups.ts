/** Backups of the database file: list, take one now, restore one, choose the folder. */
import { z } from 'zod';
import { channel, emptyRequest } from '../channel';
import type { DbStatus } from './app';
import { pathIdSchema } from './paths';

export type BackupKind = 'automatic' | 'manual' | 'before-restore';

export type BackupInfo = {
  /** File name inside the backup folder; what restore asks for. */
  name: string;
  createdAt: string;
  sizeBytes: number;
  kind: BackupKind;
  /** Passed `PRAGMA integrity_check` after it was written. */
  verified: boolean;
  articleCount?: number;
};

export type BackupOverview = {
  folder: string;
  isDefaultFolder: boolean;
  /** Newest first. */
  backups: BackupInfo[];
  /** Why the last automatic backup failed, if it did. */
  lastError?: string;
};

export type RestoreResult = {
  status: DbStatus;
  /** The copy of the database taken just before the restore (absent when it could not be opened). */
  undoBackup?: string;
};

const backupName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+$/, 'a file name, not a path');

export const backupChannels = {
  /** Answers even when the database could not be opened, so a damaged file can be replaced by a backup. */
  'backups:list': channel<BackupOverview>()(emptyRequest),
  'backups:create': channel<BackupInfo>()(emptyRequest),
  /** Replaces the database with a backup; the current database is backed up first. */
  'backups:restore': channel<RestoreResult>()(z.object({ name: backupName, confirm: z.literal(true) }).strict()),
  /** A folder from paths:list (kind backup-folder); null: back to the default folder beside the database. */
  'backups:setFolder': channel<BackupOverview>()(z.object({ folderId: pathIdSchema.nullable() }).strict()),
} as const;
