/**
 * The slow part of a backup — copying the database and running
 * `PRAGMA integrity_check` over the copy, seconds on a large library — runs in
 * a worker thread with its own connections, so the main process keeps
 * answering the window (saves, lists) meanwhile. The worker is plain CommonJS
 * source evaluated in place, so it needs no separate bundle in the app, the CLI
 * or the tests; it loads better-sqlite3 from the path the caller resolved.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** code: SQLite's or the file system's error code, so the caller can say "the disk is full" in plain words. */
export type WorkerCheck = { ok: true; articleCount: number } | { ok: false; message: string; code?: string };

export type CheckJob = {
  /** Copy this live database into `target` first (one consistent snapshot). */
  source?: string;
  target: string;
  /** Switch a fresh copy out of WAL mode so it is one self-contained file. */
  fresh?: boolean;
  nativeBinding?: string;
};

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.modulePath);
const opts = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
(async () => {
  try {
    if (workerData.source) {
      const src = new Database(workerData.source, { readonly: true, fileMustExist: true, ...opts });
      // All pages in one step: one read transaction, so the copy is a consistent snapshot
      // even while the app keeps writing (WAL readers never block the writer).
      try { await src.backup(workerData.target, { progress: () => 2147483647 }); } finally { src.close(); }
    }
    if (workerData.fresh) {
      const rw = new Database(workerData.target, { fileMustExist: true, ...opts });
      try { rw.pragma('journal_mode = DELETE'); } finally { rw.close(); }
    }
    const ro = new Database(workerData.target, { readonly: true, fileMustExist: true, ...opts });
    try {
      const result = ro.pragma('integrity_check', { simple: true });
      if (result !== 'ok') { parentPort.postMessage({ ok: false, message: String(result) }); return; }
      const { n } = ro.prepare('SELECT count(*) AS n FROM articles').get();
      if (workerData.fresh) {
        // On disk before the caller renames it into place (fsync of a large file can take a while).
        const fd = fs.openSync(workerData.target, 'r');
        try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
      }
      parentPort.postMessage({ ok: true, articleCount: n });
    } finally { ro.close(); }
  } catch (error) {
    parentPort.postMessage({ ok: false, message: (error && error.message) || String(error), code: error && error.code });
  }
})();
`;

export type RestoreJob = {
  /** The verified backup to restore. */
  source: string;
  /** The live database, open in other connections and processes meanwhile. */
  live: string;
  /** Where the copy of the live database as it was just before the restore goes (its own temporary name). */
  undo: string;
  nativeBinding?: string;
};

/**
 * Why in place, through the backup API, rather than renaming the backup over the file: another process
 * (a second host, the CLI) may have the database open. A rename leaves it writing to the unlinked old
 * file and its WAL, acknowledging saves nobody will ever see. Written into the live file instead, the
 * restore is one write transaction: other connections wait for it (busy timeout), then read the restored
 * pages and write on top of them.
 *
 * The undo copy is taken inside that same write lock, so no acknowledged save falls between the two:
 * the first backup step (0 pages) takes the live write lock and keeps it until the last step commits;
 * between those steps a fresh reader copies the live database with VACUUM INTO. While the lock is held
 * no other commit can land, so that copy is exactly what the restore replaces: every save committed
 * before the restore is in the undo copy, every save committed after it is in the live database. If the
 * undo copy cannot be written or checked (a full disk), the step throws, the backup is finished early
 * and SQLite rolls the live database back untouched.
 *
 * better-sqlite3's first step may find the live database locked by another writer: it then reports no
 * pages and ends without copying anything (no progress call), so that is retried for a while.
 */
const RESTORE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.modulePath);
const opts = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function writeUndo() {
  fs.rmSync(workerData.undo, { force: true });
  const reader = new Database(workerData.live, { readonly: true, fileMustExist: true, ...opts });
  try { reader.prepare('VACUUM INTO ?').run(workerData.undo); } finally { reader.close(); }
  const rw = new Database(workerData.undo, { fileMustExist: true, ...opts });
  try {
    rw.pragma('journal_mode = DELETE');
    const result = rw.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error('the copy of the current database failed its check (' + result + ')');
    return rw.prepare('SELECT count(*) AS n FROM articles').get().n;
  } finally {
    rw.close();
    const fd = fs.openSync(workerData.undo, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  }
}

(async () => {
  const src = new Database(workerData.source, { readonly: true, fileMustExist: true, ...opts });
  try {
    let undoCount;
    for (let attempt = 0; undoCount === undefined; attempt++) {
      await src.backup(workerData.live, {
        progress: () => {
          if (undoCount === undefined) undoCount = writeUndo();
          return 2147483647;
        },
      });
      if (undoCount !== undefined) break;
      if (attempt === 100) {
        const error = new Error('another program kept writing to the database');
        error.code = 'SQLITE_BUSY';
        throw error;
      }
      await sleep(50);
    }
    parentPort.postMessage({ ok: true, articleCount: undoCount });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: (error && error.message) || String(error), code: error && error.code });
  } finally {
    src.close();
  }
})();
`;

// The Electron main bundle is CommonJS (has `require`); the Node bundles and tests are ESM.
const localRequire = typeof require === 'function' ? require : createRequire(import.meta.url);
const modulePath = localRequire.resolve('better-sqlite3');

/** A check that takes longer than this is stopped, so one stuck backup cannot block every later one. */
export const WORKER_TIMEOUT_MS = 30 * 60 * 1000;

/** Copies (optionally) and checks a database file off the main thread. */
export function checkInWorker(job: CheckJob, timeoutMs = WORKER_TIMEOUT_MS): Promise<WorkerCheck> {
  return runWorker(WORKER_SOURCE, job, timeoutMs);
}

/**
 * Restores a backup into the live database in place, with SQLite's backup API, and writes the undo copy
 * of what it replaces (see RESTORE_SOURCE). Other connections, in this process or others, stay open.
 */
export function restoreInWorker(job: RestoreJob, timeoutMs = WORKER_TIMEOUT_MS): Promise<WorkerCheck> {
  return runWorker(RESTORE_SOURCE, job, timeoutMs);
}

function runWorker(source: string, job: CheckJob | RestoreJob, timeoutMs: number): Promise<WorkerCheck> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: WorkerCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const worker = new Worker(source, { eval: true, workerData: { ...job, modulePath } });
    const timer = setTimeout(() => {
      done({ ok: false, message: `the check did not finish within ${Math.round(timeoutMs / 60_000)} minutes` });
      void worker.terminate();
    }, timeoutMs);
    timer.unref();
    worker.once('message', (result: WorkerCheck) => done(result));
    worker.once('error', (error) => done({ ok: false, message: error.message }));
    worker.once('exit', (code) => done({ ok: false, message: `the backup worker stopped (exit code ${code})` }));
  });
}
