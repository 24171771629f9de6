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

export type WorkerCheck = { ok: true; articleCount: number } | { ok: false; message: string };

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
    parentPort.postMessage({ ok: false, message: (error && error.message) || String(error) });
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
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: WorkerCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...job, modulePath } });
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
