/**
 * One sentence for anything that stops a CLI command: our own refusals as they are, SQLite's
 * storage codes (any extended code, e.g. SQLITE_BUSY_SNAPSHOT, by its family) and file-reading
 * codes in plain words, saying that nothing was changed and what to do.
 */
import { AppError } from '../../shared/ipc/contract';

const STORAGE: [family: string, message: string][] = [
  ['SQLITE_BUSY', 'the database is busy (another window or program is writing to it); nothing was changed. Try again in a moment.'],
  ['SQLITE_LOCKED', 'the database is busy (another window or program is writing to it); nothing was changed. Try again in a moment.'],
  ['SQLITE_FULL', 'the disk holding the database is full; nothing was changed. Free some space and try again.'],
  ['SQLITE_READONLY', 'the database is read-only (its file, folder or disk cannot be written); nothing was changed.'],
  ['SQLITE_IOERR', 'the disk reported an error while writing the database; nothing was changed. Check the disk and try again.'],
  ['SQLITE_CORRUPT', 'the database is damaged; nothing was changed. Open it in the app to restore its newest backup.'],
];

export const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file.',
  EISDIR: 'is a folder, not a file; give the files in it.',
  EACCES: 'you do not have permission to read this file.',
  EPERM: 'you do not have permission to read this file.',
  EIO: 'the disk reported an error while reading this file.',
};

export function describeCliError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const storage = STORAGE.find(([family]) => code === family || code.startsWith(`${family}_`));
    if (storage) return storage[1];
    if (READ_PROBLEMS[code]) return READ_PROBLEMS[code];
  }
  return error instanceof Error ? error.message : String(error);
}
