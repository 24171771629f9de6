/**
 * One child process of the load bench (load.bench.ts): a share of the simulated desks, each the
 * desk's own SyncEngine with its own SQLite database, signed in through the balancer. Spread over a
 * few processes so the desks' own work (Yjs, SQLite) does not queue behind one event loop.
 *
 * Each edit inserts a word that names its desk, its number and the moment it was made
 * (` d12.34@1733030000123.4`), so any desk that sees it can tell the sync latency by itself.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import * as Y from 'yjs';
import { bodyType, docToArticleFields } from '../shared/sync/articleDoc';
import { openDatabase, type Db } from '../electron/node/store/database';
import { SyncEngine } from '../electron/node/sync/syncEngine';
import type { ChildReport, DeskPlan, DeskResult, DeskTyped, ToChild } from './load.protocol';

const now = () => performance.timeOrigin + performance.now();
const TOKEN = /d(\d+)\.(\d+)@(\d+(?:\.\d+)?)/g;
/** How many desks of this process sign in at once (each sign-in costs the server a password hash). */
const SETUP_CONCURRENCY = 5;

type Desk = {
  plan: DeskPlan;
  db: Db;
  engine: SyncEngine;
  doc: Y.Doc;
  typed: string[];
  /** Edits made and not yet acknowledged, with when they were made. */
  unacked: { id: string; at: number }[];
  acked: number;
  access: 'read' | 'write' | undefined;
  seen: Set<string>;
  timer?: ReturnType<typeof setTimeout>;
};

const desks: Desk[] = [];
const latencies: number[] = [];
const ackLatencies: number[] = [];
let editing = false;

const send = (message: ChildReport) => process.send!(message);

function upToDate(desk: Desk): boolean {
  return desk.engine.connectionState().kind === 'up-to-date' && desk.engine.articleState(desk.plan.articleId).saved === 'on-the-server';
}

async function openDesk(plan: DeskPlan, server: string, dir: string): Promise<Desk> {
  const db = openDatabase(path.join(dir, `desk-${plan.index}.db`));
  const engine = new SyncEngine(db);
  const configured = engine.configure({ server });
  if (!configured.ok) throw new Error(configured.reason);
  await engine.signIn(plan.name, plan.password);
  await engine.refreshArticles();
  const doc = engine.openArticle(plan.articleId);
  const desk: Desk = { plan, db, engine, doc, typed: [], unacked: [], acked: 0, access: undefined, seen: new Set() };
  // What other desks typed, as it arrives: the words in the update's inserted strings.
  doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local) return;
    const at = now();
    for (const struct of Y.decodeUpdate(update).structs) {
      const content = (struct as { content?: { str?: string } }).content;
      if (typeof content?.str !== 'string') continue;
      for (const [, deskIndex, n, madeAt] of content.str.matchAll(TOKEN)) {
        const id = `d${deskIndex}.${n}`;
        if (Number(deskIndex) === plan.index || desk.seen.has(id)) continue;
        desk.seen.add(id);
        if (editing) latencies.push(at - Number(madeAt));
      }
    }
  });
  engine.onChange(() => {
    const state = engine.articleState(plan.articleId);
    if (state.access && state.access !== desk.access) {
      desk.access = state.access;
      send({ type: 'access', desk: plan.index, articleId: plan.articleId, access: state.access, at: now() });
    }
    if (desk.unacked.length > 0 && upToDate(desk)) {
      const at = now();
      for (const edit of desk.unacked) ackLatencies.push(at - edit.at);
      desk.unacked = [];
      desk.acked = desk.typed.length;
    }
  });
  return desk;
}

/** A word at the end of the desk's own paragraph, or now and then at a word boundary of another one. */
function edit(desk: Desk): void {
  const n = desk.typed.length;
  const id = `d${desk.plan.index}.${n}`;
  const at = now();
  desk.typed.push(id);
  desk.unacked.push({ id, at });
  desk.engine.edit(desk.plan.articleId, (doc) => {
    const paragraphs = bodyType(doc).toDelta() as { insert: Y.XmlText }[];
    const own = Math.random() >= 0.2;
    const text = paragraphs[own ? desk.plan.slot % paragraphs.length : Math.floor(Math.random() * paragraphs.length)]!.insert;
    const plain = text.toString();
    let position = plain.length;
    if (!own) {
      const spaces = [...plain.matchAll(/ /g)].map((m) => m.index!);
      if (spaces.length > 0) position = spaces[Math.floor(Math.random() * spaces.length)]!;
    }
    text.insert(position, ` ${id}@${at.toFixed(1)}`);
  });
}

function scheduleEdits(desk: Desk, meanMs: number): void {
  const next = () => {
    if (!editing) return;
    desk.timer = setTimeout(
      () => {
        if (!editing) return;
        // A person does not type into an article the desk shows as read-only.
        if (desk.access !== 'read') edit(desk);
        next();
      },
      meanMs * (0.5 + Math.random()),
    );
  };
  next();
}

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const wordsIn = (desk: Desk) => new Set([...JSON.stringify(docToArticleFields(desk.doc)).matchAll(TOKEN)].map(([, d, n]) => `d${d}.${n}`));

async function waitUntil(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !check()) await new Promise((resolve) => setTimeout(resolve, 100));
}

process.on('message', (message: ToChild) => {
  void (async () => {
    switch (message.type) {
      case 'setup': {
        const failures: string[] = [];
        await forEachLimited(message.desks, SETUP_CONCURRENCY, async (plan) => {
          try {
            desks.push(await openDesk(plan, message.server, message.dir));
          } catch (error) {
            failures.push(`desk ${plan.index}: ${(error as Error).message}`);
          }
        });
        send({ type: 'ready', desks: desks.length, failures });
        break;
      }
      case 'start':
        editing = true;
        for (const desk of desks) scheduleEdits(desk, message.editMs);
        break;
      case 'stop': {
        editing = false;
        for (const desk of desks) clearTimeout(desk.timer);
        await waitUntil(() => desks.every(upToDate), message.settleMs);
        const typed: DeskTyped[] = desks.map((desk) => ({
          index: desk.plan.index,
          articleId: desk.plan.articleId,
          typed: desk.typed,
          acked: upToDate(desk) ? desk.typed.length : desk.acked,
          upToDate: upToDate(desk),
        }));
        send({ type: 'stopped', desks: typed, latencies, ackLatencies });
        break;
      }
      case 'check': {
        // Other processes' desks may have typed until their own stop: wait for their last words.
        const started = Date.now();
        const lacking = (desk: Desk) => {
          const present = wordsIn(desk);
          return (message.expected[desk.plan.articleId] ?? []).filter((id) => !present.has(id));
        };
        await waitUntil(() => desks.every((desk) => lacking(desk).length === 0), message.waitMs);
        const results: DeskResult[] = desks.map((desk) => ({
          index: desk.plan.index,
          missing: lacking(desk),
          hash: createHash('sha1')
            .update(JSON.stringify(docToArticleFields(desk.doc)))
            .digest('hex'),
        }));
        send({ type: 'done', desks: results, waitedMs: Date.now() - started });
        break;
      }
      case 'close':
        for (const desk of desks) {
          desk.engine.close();
          desk.db.close();
        }
        process.exit(0);
    }
  })().catch((error: Error) => {
    send({ type: 'error', message: error.stack ?? error.message });
  });
});
