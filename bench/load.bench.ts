/**
 * Load (issue 12): 200 simulated desks on 50 articles, two server instances behind nginx, PostgreSQL
 * and Redis, all real processes on this machine. Each desk is the desk's own SyncEngine with its own
 * SQLite file, in a few child processes (load.desks.ts). For a bounded time every desk types a word
 * about once a second into its article (four desks per article); meanwhile an editor's status changes
 * make articles read-only and writable again. Reports:
 *
 * - sync latency p50/p95: an edit on one desk until another desk of the same article has it;
 * - acknowledgement latency: an edit until its desk shows it as on the server;
 * - status change round trip p95: the request until every desk of the article shows the new access;
 * - CPU (% of one core) and peak memory of each server instance, nginx, Redis, PostgreSQL, the desks;
 * - a final check: every acknowledged edit is in every desk of its article and in PostgreSQL.
 *
 * Not part of the default run (it takes two to three minutes and all of this machine): `npm run bench -- --only load`.
 * Knobs: LOAD_DESKS (200), LOAD_ARTICLES (50), LOAD_SECONDS (60), LOAD_EDIT_MS (1000, mean time
 * between one desk's edits), LOAD_PROCESSES (4); LOAD_DEBUG=1 prints the server instances' logs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { createArticle } from '../server/src/articleService';
import { hashPassword } from '../server/src/auth/password';
import { openStorage } from '../server/src/storage/storage';
import {
  api,
  buildServerForTests,
  establishedTo,
  postgresAvailable,
  postgresBackend,
  REDIS_URL,
  redisAvailable,
  redisCommand,
  redisPrefix,
  signInAs,
  startServerProcess,
  type ServerProcess,
} from '../server/test/harness';
import { findNginx, startNginx, type Balancer } from '../server/test/nginx';
import { emptyArticleFields } from '../shared/model/article';
import { docToArticleFields } from '../shared/sync/articleDoc';
import { paragraphs } from './documents';
import { percentile, report, ROOT, tempDir } from './lib';
import type { ChildReport, DeskPlan, DeskResult, DeskTyped } from './load.protocol';
import { pidsNamed, Sampler, withChildren } from './proc';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONFIG = {
  desks: env('LOAD_DESKS', 200),
  articles: env('LOAD_ARTICLES', 50),
  seconds: env('LOAD_SECONDS', 60),
  editMs: env('LOAD_EDIT_MS', 1_000),
  processes: env('LOAD_PROCESSES', 4),
};
const PASSWORD = 'load-bench-password';
/** Articles whose status the editor changes in turn, one change every STATUS_EVERY_MS. */
const STATUS_ARTICLES = 10;
const STATUS_EVERY_MS = 1_500;
const STATUS_TIMEOUT_MS = 15_000;
const TOKEN = /d(\d+)\.(\d+)@/g;

const hashOf = (doc: Y.Doc) =>
  createHash('sha1')
    .update(JSON.stringify(docToArticleFields(doc)))
    .digest('hex');

type Child = { process: ChildProcess; reports: ChildReport[]; waiters: Set<() => void> };
type AccessReport = Extract<ChildReport, { type: 'access' }>;

function startChild(onAccess: (report: AccessReport) => void): Child {
  const child: Child = {
    process: fork(path.join(ROOT, 'bench/load.desks.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    reports: [],
    waiters: new Set(),
  };
  child.process.on('message', (message: ChildReport) => {
    if (message.type === 'access') return onAccess(message);
    if (message.type === 'error') console.error(`load bench desk process: ${message.message}`);
    child.reports.push(message);
    for (const wake of child.waiters) wake();
  });
  return child;
}

/** The next report of a type from a child (kept, so one that came early is not missed). */
async function reportOf<T extends ChildReport['type']>(child: Child, type: T, timeoutMs: number): Promise<Extract<ChildReport, { type: T }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const index = child.reports.findIndex((r) => r.type === type);
    if (index >= 0) return child.reports.splice(index, 1)[0] as Extract<ChildReport, { type: T }>;
    if (Date.now() > deadline) throw new Error(`a desk process sent no “${type}” within ${timeoutMs / 1000} s`);
    if (child.process.exitCode !== null) throw new Error(`a desk process exited (${child.process.exitCode})`);
    await new Promise<void>((resolve) => {
      const wake = () => {
        child.waiters.delete(wake);
        resolve();
      };
      child.waiters.add(wake);
      setTimeout(wake, 500);
    });
  }
}

/** The editor's status changes: submit (writer), then return (editor); each until every desk of the article shows it. */
class StatusChanges {
  readonly roundTrips: number[] = [];
  failed = 0;
  private pending: { articleId: string; access: 'read' | 'write'; since: number; seen: Map<number, number> } | undefined;
  private done: (() => void) | undefined;

  constructor(private readonly desksOf: Map<string, number[]>) {}

  /** Fed with every access report of the desk processes. */
  onAccess(report: AccessReport): void {
    const p = this.pending;
    if (!p || report.articleId !== p.articleId || report.access !== p.access) return;
    p.seen.set(report.desk, report.at);
    if (p.seen.size === this.desksOf.get(p.articleId)!.length) {
      this.roundTrips.push(Math.max(...p.seen.values()) - p.since);
      this.pending = undefined;
      this.done?.();
    }
  }

  async change(server: string, token: string, articleId: string, action: 'submit' | 'return', access: 'read' | 'write'): Promise<void> {
    const finished = new Promise<void>((resolve) => (this.done = resolve));
    this.pending = { articleId, access, since: performance.timeOrigin + performance.now(), seen: new Map() };
    const { status, body } = await api(server, `/api/articles/${articleId}/transition`, {
      token,
      body: { action, ...(action === 'return' ? { note: 'Tighten the lead.' } : {}) },
    });
    if (status !== 200) throw new Error(`${action} refused: ${status} ${JSON.stringify(body)}`);
    const timedOut = await Promise.race([finished.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STATUS_TIMEOUT_MS))]);
    if (timedOut) {
      this.failed++;
      this.pending = undefined;
    }
  }
}

export async function loadBench(): Promise<void> {
  const nginx = findNginx();
  if (!nginx) return void console.warn('*** load bench SKIPPED: nginx not found (apt-get install nginx, or set NGINX). ***');
  if (!(await postgresAvailable()) || !(await redisAvailable())) return void console.warn('*** load bench SKIPPED: it needs PostgreSQL and Redis. ***');

  const { desks: deskCount, articles: articleCount, seconds, editMs, processes } = CONFIG;
  const { entry, cleanup: cleanupBuild } = await buildServerForTests();
  const backend = await postgresBackend();
  const redis = redisPrefix();
  const dir = tempDir('load');
  const instances: ServerProcess[] = [];
  const children: Child[] = [];
  let balancer: Balancer | undefined;
  const storage = await openStorage(backend.location);
  try {
    // Accounts: one writer per article (its four desks sign in as that writer), and an editor. One
    // password hash serves them all (same password), to keep set-up short.
    const passwordHash = await hashPassword(PASSWORD);
    const at = new Date().toISOString();
    const writers: { name: string; articleId: string }[] = [];
    for (let a = 0; a < articleCount; a++) {
      const name = `Writer ${String(a + 1).padStart(3, '0')}`;
      const id = randomUUID();
      await storage.accounts.add({ id, name, role: 'writer', passwordHash, now: at });
      const account = (await storage.accounts.byId(id))!;
      const articleId = randomUUID();
      const fields = { headline: `Story ${a + 1}`, body: paragraphs(6) };
      const created = await createArticle(storage, account, { id: articleId, content: { fields: { ...emptyArticleFields(), ...fields } } }, new Date());
      if (!created.ok) throw new Error(created.reason);
      writers.push({ name, articleId });
    }
    await storage.accounts.add({ id: randomUUID(), name: 'Desk Editor', role: 'editor', passwordHash, now: at });

    instances.push(...(await Promise.all([0, 1].map(() => startServerProcess(entry, backend, redis.args)))));
    balancer = await startNginx(
      nginx,
      instances.map((i) => i.port),
    );

    // Desk d works on article d % A; the desks of one article sit in different processes.
    const plans: DeskPlan[][] = Array.from({ length: processes }, () => []);
    const desksOf = new Map<string, number[]>();
    for (let d = 0; d < deskCount; d++) {
      const writer = writers[d % articleCount]!;
      const slot = Math.floor(d / articleCount);
      plans[slot % processes]!.push({ index: d, name: writer.name, password: PASSWORD, articleId: writer.articleId, slot });
      desksOf.set(writer.articleId, [...(desksOf.get(writer.articleId) ?? []), d]);
    }
    const statusChanges = new StatusChanges(desksOf);
    const setupStarted = performance.now();
    for (const share of plans) {
      const child = startChild((access) => statusChanges.onAccess(access));
      children.push(child);
      child.process.send({ type: 'setup', server: balancer.http, dir, desks: share });
    }
    const ready = await Promise.all(children.map((c) => reportOf(c, 'ready', 600_000)));
    const failures = ready.flatMap((r) => r.failures);
    if (failures.length > 0) throw new Error(`desks could not start:\n${failures.slice(0, 10).join('\n')}`);
    report({ name: 'load: set-up, desks signed in and synced', value: (performance.now() - setupStarted) / 1000, unit: 's', note: `${deskCount} desks` });
    report({
      name: 'load: desks per instance (WebSockets)',
      value: Math.min(...instances.map((i) => establishedTo(i.port))),
      unit: 'min',
      note: instances.map((i) => establishedTo(i.port)).join(' / '),
    });

    const editorToken = await signInAs(balancer.http, 'Desk Editor', PASSWORD);
    const writerTokens = new Map<string, string>();
    for (const writer of writers.slice(0, STATUS_ARTICLES)) writerTokens.set(writer.articleId, await signInAs(balancer.http, writer.name, PASSWORD));

    const redisPid = Number(/process_id:(\d+)/.exec(String(await redisCommand(REDIS_URL, 'INFO', 'server')))?.[1]);
    const sampler = new Sampler({
      'server instance 1': () => [instances[0]!.child.pid!],
      'server instance 2': () => [instances[1]!.child.pid!],
      nginx: () => withChildren(balancer!.child.pid!),
      redis: () => (fs.existsSync(`/proc/${redisPid}`) ? [redisPid] : []),
      postgres: () => pidsNamed('postgres'),
      'desk processes': () => children.map((c) => c.process.pid!),
    });

    sampler.start();
    for (const child of children) child.process.send({ type: 'start', editMs });
    const editStarted = performance.now();
    const endAt = editStarted + seconds * 1000;
    for (let n = 0; performance.now() < endAt; n++) {
      const articleId = writers[n % Math.min(STATUS_ARTICLES, articleCount)]!.articleId;
      await statusChanges.change(balancer.http, writerTokens.get(articleId)!, articleId, 'submit', 'read');
      await new Promise((resolve) => setTimeout(resolve, STATUS_EVERY_MS / 2));
      await statusChanges.change(balancer.http, editorToken, articleId, 'return', 'write');
      await new Promise((resolve) => setTimeout(resolve, Math.min(STATUS_EVERY_MS / 2, Math.max(0, endAt - performance.now()))));
    }
    const editSeconds = (performance.now() - editStarted) / 1000;
    for (const child of children) child.process.send({ type: 'stop', settleMs: 60_000 });
    const settleStarted = performance.now();
    const stopped = await Promise.all(children.map((c) => reportOf(c, 'stopped', 120_000)));
    const usage = sampler.stop();
    const typedBy: DeskTyped[] = stopped.flatMap((d) => d.desks);

    // Acknowledged: the words a desk's state had shown as on the server (all of them, once it is up to date).
    const expected: Record<string, string[]> = {};
    for (const desk of typedBy) (expected[desk.articleId] ??= []).push(...desk.typed.slice(0, desk.acked));
    for (const child of children) child.process.send({ type: 'check', expected, waitMs: 60_000 });
    const checked = await Promise.all(children.map((c) => reportOf(c, 'done', 120_000)));
    const results: DeskResult[] = checked.flatMap((d) => d.desks);
    const settleSeconds = (performance.now() - settleStarted) / 1000;

    // ---- The figures -----------------------------------------------------------
    const latencies = stopped.flatMap((d) => d.latencies);
    const ackLatencies = stopped.flatMap((d) => d.ackLatencies);
    const typed = typedBy.reduce((n, r) => n + r.typed.length, 0);
    report({ name: 'load: edits made', value: typed, unit: 'edits', note: `${(typed / editSeconds).toFixed(0)}/s over ${editSeconds.toFixed(0)} s` });
    report({ name: 'load: sync latency p50 (edit → other desk has it)', value: percentile(latencies, 50), unit: 'ms', note: `${latencies.length} deliveries` });
    report({ name: 'load: sync latency p95', value: percentile(latencies, 95), unit: 'ms' });
    report({ name: 'load: sync latency p99', value: percentile(latencies, 99), unit: 'ms' });
    report({ name: 'load: acknowledgement latency p50 (edit → on the server)', value: percentile(ackLatencies, 50), unit: 'ms' });
    report({ name: 'load: acknowledgement latency p95', value: percentile(ackLatencies, 95), unit: 'ms' });
    report({
      name: 'load: status change round trip p50 (request → every desk)',
      value: percentile(statusChanges.roundTrips, 50),
      unit: 'ms',
      note: `${statusChanges.roundTrips.length} changes, ${statusChanges.failed} not seen by every desk in ${STATUS_TIMEOUT_MS / 1000} s`,
    });
    report({ name: 'load: status change round trip p95', value: percentile(statusChanges.roundTrips, 95), unit: 'ms' });
    report({ name: 'load: settling, edits stopped → every desk has every word', value: settleSeconds, unit: 's' });
    let ours = 0;
    for (const [group, figures] of Object.entries(usage.groups)) {
      ours += figures.cpuPercent;
      report({ name: `load: CPU, ${group}`, value: figures.cpuPercent, unit: '% of a core' });
      report({ name: `load: peak memory, ${group}`, value: figures.peakRssMb, unit: 'MB' });
    }
    report({
      name: 'load: CPU, everything above',
      value: ours,
      unit: '% of a core',
      note: `machine busy ${usage.machineBusyPercent.toFixed(0)}% of ${usage.cores} cores, other work included`,
    });

    // ---- Zero lost -------------------------------------------------------------
    const notSettled = typedBy.filter((r) => !r.upToDate).length;
    const acknowledged = typedBy.reduce((n, r) => n + r.acked, 0);
    const missingInDesks = results.reduce((n, r) => n + r.missing.length, 0);
    let missingInPostgres = 0;
    let diverged = 0;
    for (const [articleId, deskIndexes] of desksOf) {
      const { state, updates } = await storage.documents.load(articleId);
      const doc = new Y.Doc();
      if (state) Y.applyUpdate(doc, state);
      for (const update of updates) Y.applyUpdate(doc, update.data);
      const inPostgres = new Set([...JSON.stringify(docToArticleFields(doc)).matchAll(TOKEN)].map(([, d, n]) => `d${d}.${n}`));
      missingInPostgres += (expected[articleId] ?? []).filter((id) => !inPostgres.has(id)).length;
      const hashes = new Set([...results.filter((r) => deskIndexes.includes(r.index)).map((r) => r.hash), hashOf(doc)]);
      if (hashes.size > 1) diverged++;
    }
    report({ name: 'load: acknowledged edits', value: acknowledged, unit: 'edits', note: `${notSettled} desks not up to date after settling` });
    report({ name: 'load: acknowledged edits missing from a desk', value: missingInDesks, unit: 'edits' });
    report({ name: 'load: acknowledged edits missing from PostgreSQL', value: missingInPostgres, unit: 'edits' });
    report({ name: 'load: articles whose desks and PostgreSQL differ', value: diverged, unit: 'articles' });
    if (missingInDesks + missingInPostgres + diverged + notSettled > 0) process.exitCode = 1;
  } finally {
    if (process.env.LOAD_DEBUG) for (const [i, instance] of instances.entries()) console.error(`--- instance ${i + 1}:\n${instance.output()}`);
    for (const child of children) {
      if (child.process.exitCode === null) {
        child.process.send({ type: 'close' });
        await new Promise((resolve) => {
          child.process.once('exit', resolve);
          setTimeout(() => resolve(child.process.kill('SIGKILL')), 10_000);
        });
      }
    }
    await balancer?.stop();
    for (const instance of instances) {
      instance.child.kill('SIGTERM');
      await instance.exited;
    }
    await storage.close();
    await backend.cleanup();
    await redis.cleanup();
    cleanupBuild();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
