/**
 * The main process's log file: where it lives, when it rotates and what goes
 * in it. Kept free of `electron` so it runs (and is tested) with electron-log's
 * Node logger, which shares the file transport and error handler of its main
 * logger; electron/main/main.ts applies it to the real one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Log from 'electron-log';

export const LOG_FILE_NAME = 'main.log';
/** The file rotates when it grows past this size… */
export const LOG_MAX_BYTES = 1024 * 1024;
/** …into main.1.log (newest) up to main.3.log (oldest, dropped at the next rotation). */
export const LOG_ARCHIVES = 3;
/** Info and up goes to the file (start, database opened, problems); the console gets warnings and errors. */
export const LOG_LEVELS = { file: 'info', console: 'warn' } as const;

export const logFilePath = (logsDir: string) => path.join(logsDir, LOG_FILE_NAME);

/** `main.log` → `main.1.log`, shifting older archives up by one and dropping the oldest. */
export function rotateLogFile(file: string, archives = LOG_ARCHIVES): void {
  const { dir, name, ext } = path.parse(file);
  const archive = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  fs.rmSync(archive(archives), { force: true });
  for (let n = archives - 1; n >= 1; n--) {
    if (fs.existsSync(archive(n))) fs.renameSync(archive(n), archive(n + 1));
  }
  fs.renameSync(file, archive(1));
}

export type LogSetup = { maxBytes?: number; archives?: number };

/** Points the logger's file transport at `logsDir` with size-based rotation; returns the log file's path. */
export function configureLogFile(log: Log.NodeLogger, logsDir: string, setup: LogSetup = {}): string {
  const file = logFilePath(logsDir);
  const transport = log.transports.file;
  transport.resolvePathFn = () => file;
  transport.maxSize = setup.maxBytes ?? LOG_MAX_BYTES;
  transport.level = LOG_LEVELS.file;
  transport.archiveLogFn = (old) => {
    try {
      rotateLogFile(old.path, setup.archives ?? LOG_ARCHIVES);
    } catch {
      old.clear(); // a file we cannot rename is emptied rather than left to grow
    }
  };
  log.transports.console.level = LOG_LEVELS.console;
  return file;
}

/** Uncaught exceptions and unhandled rejections are written to the log, without electron-log's stack-trace dialog. */
export function logUncaughtErrors(log: Log.NodeLogger): void {
  log.errorHandler.startCatching({ showDialog: false });
}
