/**
 * Runs a named task (worker/tasks.ts) in a worker thread with a memory cap (`resourceLimits`) and
 * a time budget. Outside input is parsed there, so a hostile file can exhaust only that worker:
 * on a breach the worker is terminated and the caller gets a ContainedTaskError saying which limit.
 *
 * Starting a worker costs tens of milliseconds (hundreds from TypeScript source), so one warm
 * worker is kept for the next task and dropped after a quiet spell; idle workers never keep the
 * process alive. Like the backup worker, the code is evaluated in place: the built app and CLI
 * read the bundle scripts/build.mjs writes beside them (contained-worker.cjs, all dependencies
 * inside, so it loads the same from an asar archive), while tests and tsx run the TypeScript
 * entry through tsx.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export type TaskLimits = {
  /** The worker's V8 heap (old generation). */
  memoryMb: number;
  timeMs: number;
};

export const DEFAULT_LIMITS: TaskLimits = { memoryMb: 768, timeMs: 60_000 };
/** At most this many tasks run at once (one per core on the machines we target); others wait their turn. */
export const MAX_WORKERS = 2;
const IDLE_MS = 30_000;
export const WORKER_BUNDLE = 'contained-worker.cjs';

export type BreachReason = 'memory' | 'time' | 'crashed';

export class ContainedTaskError extends Error {
  constructor(
    readonly reason: BreachReason,
    readonly limit: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContainedTaskError';
  }
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

const here = fileURLToPath(import.meta.url);
let workerSource: string | undefined;

/** What the worker evaluates: the bundle beside the built entry point, or the TypeScript entry through tsx. */
function source(): string {
  if (workerSource !== undefined) return workerSource;
  if (/\.[cm]?ts$/.test(here)) {
    const localRequire = createRequire(import.meta.url);
    const entry = path.join(path.dirname(here), 'taskWorker.ts');
    workerSource = `require(${JSON.stringify(localRequire.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
  } else {
    const bundle = path.join(path.dirname(here), WORKER_BUNDLE);
    if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: rebuild the app with "node scripts/build.mjs"`);
    workerSource = fs.readFileSync(bundle, 'utf8');
  }
  return workerSource;
}

/** The worker kept for the next task, with the timer that stops it after a quiet spell. */
let warm: { worker: Worker; timer: NodeJS.Timeout } | undefined;

function spawn(memoryMb: number): Worker {
  const worker = new Worker(source(), {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(memoryMb / 8)) },
  });
  // Errors reach the task that is running; an idle worker that dies is simply not reused.
  worker.on('error', () => {});
  worker.once('exit', () => {
    if (warm?.worker !== worker) return;
    clearTimeout(warm.timer);
    warm = undefined;
  });
  return worker;
}

let running = 0;
const waiting: (() => void)[] = [];
let nextId = 1;

function takeWorker(memoryMb: number): Worker {
  if (warm && memoryMb === DEFAULT_LIMITS.memoryMb) {
    const { worker, timer } = warm;
    warm = undefined;
    clearTimeout(timer);
    return worker;
  }
  return spawn(memoryMb);
}

function release(worker: Worker, memoryMb: number): void {
  if (memoryMb !== DEFAULT_LIMITS.memoryMb || warm) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const timer = setTimeout(() => {
    if (warm?.worker === worker) warm = undefined;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  warm = { worker, timer };
}

async function slot(): Promise<void> {
  if (running < MAX_WORKERS) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function freeSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`);

/** Runs `name(input)` in a contained worker; rejects with ContainedTaskError on a breach. */
export async function runContained<N extends TaskName>(name: N, input: TaskInput<N>, limits: Partial<TaskLimits> = {}): Promise<TaskOutput<N>> {
  const { memoryMb, timeMs } = { ...DEFAULT_LIMITS, ...limits };
  await slot();
  try {
    const worker = takeWorker(memoryMb);
    worker.ref();
    const id = nextId++;
    return await new Promise<TaskOutput<N>>((resolve, reject) => {
      let settled = false;
      const finish = (keep: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep) release(worker, memoryMb);
        else void worker.terminate();
        outcome();
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        finish(true, () => (reply.ok ? resolve(reply.value as TaskOutput<N>) : reject(new Error(reply.message))));
      };
      const onError = (error: Error & { code?: string }) => {
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(false, () =>
          reject(
            memory
              ? new ContainedTaskError('memory', `${memoryMb} MB`, `the ${name} task ran out of its ${memoryMb} MB of memory`)
              : new ContainedTaskError('crashed', '', `the ${name} task failed: ${error.message}`),
          ),
        );
      };
      const onExit = (code: number) =>
        finish(false, () => reject(new ContainedTaskError('crashed', '', `the ${name} task's worker stopped (exit code ${code})`)));
      const timer = setTimeout(
        () => finish(false, () => reject(new ContainedTaskError('time', seconds(timeMs), `the ${name} task did not finish within ${seconds(timeMs)}`))),
        timeMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, name, input });
    });
  } finally {
    freeSlot();
  }
}

/** Stops the warm worker now (tests, shutdown); a later task starts a fresh one. */
export async function stopIdleWorker(): Promise<void> {
  const idle = warm;
  warm = undefined;
  if (!idle) return;
  clearTimeout(idle.timer);
  await idle.worker.terminate();
}
