/**
 * Sync with a newsroom server (issue 11): the server as a real process (embedded SQLite) and desks as
 * real SyncEngines, each with its own database file, all on this machine.
 * - latency of an edit on one desk until it is in another desk's document: one article on two
 *   desks, and 50 articles open across 10 desks (each on two or three) typed into at once;
 * - convergence after 1,000 offline edits on each of two desks ("work offline", then back);
 * - a 10,000-block article: building its document, reading it from its stored state, loading and
 *   connecting a Slate editor to it; the size of its state against its JSON; the server's memory
 *   per open document of that size;
 * - the cost of one keystroke with the binding (headless, Slate core only), next to the same editor
 *   unbound, at 10 and 10,000 blocks (the browser typing bench measures the whole editor).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withYHistory, withYjs, YjsEditor } from '@slate-yjs/core';
import * as Y from 'yjs';
import { hashPassword } from '../server/src/auth/password';
import { openStorage } from '../server/src/storage/storage';
import { buildServerForTests, sqliteBackend, startServerProcess, type Backend, type ServerProcess } from '../server/test/harness';
import { emptyArticleFields, type ArticleFields } from '../shared/model/article';
import type { ArticleBody } from '../shared/model/document';
import { withArticleSchema } from '../shared/editor/normalize';
import { withBlockBreaks } from '../shared/editor/blockBreaks';
import { withLists } from '../shared/editor/lists';
import { withPromoBox } from '../shared/editor/promoBox';
import { articleToDoc, bodyType } from '../shared/sync/articleDoc';
import { withArticleBody } from '../shared/sync/slateBinding';
import { openDatabase, type Db } from '../electron/node/store/database';
import { createSyncStore } from '../electron/node/store/syncStore';
import { SyncEngine } from '../electron/node/sync/syncEngine';
import { mixedBlocks, paragraphs } from './documents';
import { median, percentile, report, tempDir } from './lib';

const EDITOR = { name: 'Bench Editor', password: 'bench-password-1' };

type Desk = { engine: SyncEngine; db: Db; file: string; token: string; close: () => void };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

async function until(what: string, check: () => boolean, timeoutMs = 30_000, state?: () => string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`sync bench: timed out waiting for ${what}${state ? ` (${state()})` : ''}`);
    await sleep(5);
  }
}

const upToDate = (desk: Desk) => desk.engine.connectionState().kind === 'up-to-date';
const firstParagraph = (doc: Y.Doc) => bodyType(doc).toDelta()[0].insert as Y.XmlText;
const sameDocs = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
  JSON.stringify(bodyType(a).toJSON()) === JSON.stringify(bodyType(b).toJSON());

async function openDesk(dir: string, server: ServerProcess, reopen?: Desk): Promise<Desk> {
  const file = reopen?.file ?? path.join(dir, `desk-${randomUUID()}.db`);
  const db = openDatabase(file);
  // Reconnection as in the engine's tests: the convergence figure measures syncing, not back-off.
  const engine = new SyncEngine(db, { reconnect: { minDelay: 100, maxDelay: 200 } });
  const configured = engine.configure({ server: server.http, ...(reopen ? { token: reopen.token } : {}) });
  if (!configured.ok) throw new Error(configured.reason);
  const token = reopen?.token ?? (await engine.signIn(EDITOR.name, EDITOR.password)).token;
  let open = true;
  return {
    engine,
    db,
    file,
    token,
    close: () => {
      if (!open) return;
      open = false;
      engine.close();
      db.close();
    },
  };
}

/** A new article made on `creator` and known to every other desk (through the article list, as the desk does). */
async function shareArticle(creator: Desk, others: Desk[], fields: Partial<ArticleFields>): Promise<string> {
  const id = creator.engine.createArticle(fields);
  await until(
    'the article created on the server',
    () => creator.engine.articleState(id).saved === 'on-the-server',
    60_000,
    () => `desk ${JSON.stringify(creator.engine.connectionState())}, article ${JSON.stringify(creator.engine.articleState(id))}`,
  );
  await Promise.all(others.map((desk) => desk.engine.refreshArticles()));
  return id;
}

/**
 * Watches the first paragraph of each document for typed markers and records when each arrives.
 * An edit counts as seen when the other desk's document has it (what its editor is told about).
 */
function arrivals(docs: Y.Doc[]) {
  const waiting = new Map<Y.Doc, Map<string, (at: number) => void>>();
  for (const doc of docs) {
    const pending = new Map<string, (at: number) => void>();
    waiting.set(doc, pending);
    doc.on('update', () => {
      if (pending.size === 0) return;
      const at = performance.now();
      const text = firstParagraph(doc).toString();
      for (const [marker, done] of pending) {
        if (text.includes(marker)) {
          pending.delete(marker);
          done(at);
        }
      }
    });
  }
  return (doc: Y.Doc, marker: string, timeoutMs = 10_000) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sync bench: edit ${marker} never arrived`)), timeoutMs);
      waiting.get(doc)!.set(marker, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
}

/** Types a marker word at the start of the article's first paragraph on `desk`. */
function typeMarker(desk: Desk, id: string, marker: string): void {
  desk.engine.edit(id, (doc) => firstParagraph(doc).insert(0, `${marker} `));
}

async function latencyOneArticle(dir: string, server: ServerProcess): Promise<void> {
  const desks = [await openDesk(dir, server), await openDesk(dir, server)];
  try {
    const [a, b] = desks as [Desk, Desk];
    const id = await shareArticle(a, [b], { headline: 'Latency', body: paragraphs(20) });
    const docs = [a.engine.openArticle(id), b.engine.openArticle(id)];
    await until('both desks up to date', () => upToDate(a) && upToDate(b));
    const seen = arrivals(docs);
    const times: number[] = [];
    for (let i = 0; i < 220; i++) {
      const from = i % 2;
      const marker = `m${i}x`;
      const arrived = seen(docs[1 - from]!, marker);
      const t0 = performance.now();
      typeMarker(desks[from]!, id, marker);
      const at = await arrived;
      // The first edits warm up the code paths (JIT, statement caches).
      if (i >= 20) times.push(at - t0);
      await sleep(i % 3);
    }
    report({ name: 'sync: edit seen on the other desk p50, 1 article, 2 desks', value: percentile(times, 50), unit: 'ms', note: '200 edits, one at a time' });
    report({ name: 'sync: edit seen on the other desk p95, 1 article, 2 desks', value: percentile(times, 95), unit: 'ms' });
  } finally {
    for (const desk of desks) desk.close();
  }
}

async function latencyManyArticles(dir: string, server: ServerProcess): Promise<void> {
  const DESKS = 10;
  const ARTICLES = 50;
  const desks: Desk[] = [];
  try {
    for (let i = 0; i < DESKS; i++) desks.push(await openDesk(dir, server));
    const setupStart = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const id = desks[i % DESKS]!.engine.createArticle({ headline: `Story ${i}`, body: paragraphs(12) });
      ids.push(id);
    }
    await until('50 articles created on the server', () => ids.every((id, i) => desks[i % DESKS]!.engine.articleState(id).saved === 'on-the-server'), 60_000);
    await Promise.all(desks.map((desk) => desk.engine.refreshArticles()));
    // Article i is open on desks i, i+1 and, for every other article, i+5: 2 or 3 desks, 12 or 13 articles per desk.
    const openOn = ids.map((_, i) => [i % DESKS, (i + 1) % DESKS, ...(i % 2 === 0 ? [(i + 5) % DESKS] : [])]);
    const docs = ids.map((id, i) => new Map(openOn[i]!.map((d) => [d, desks[d]!.engine.openArticle(id)])));
    await until('every desk up to date', () => desks.every(upToDate), 60_000);
    const setupMs = performance.now() - setupStart;
    const seen = arrivals(docs.flatMap((m) => [...m.values()]));

    // Everyone types at once: an edit every 20 ms somewhere (each desk about 5 words a second).
    const times: number[] = [];
    const inFlight: Promise<void>[] = [];
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 320; i++) {
      const article = next() % ARTICLES;
      const openers = openOn[article]!;
      const from = openers[next() % openers.length]!;
      const marker = `e${i}x`;
      const receivers = openers.filter((d) => d !== from).map((d) => seen(docs[article]!.get(d)!, marker));
      const t0 = performance.now();
      typeMarker(desks[from]!, ids[article]!, marker);
      const record = i >= 20;
      inFlight.push(
        Promise.all(receivers).then((ats) => {
          if (record) for (const at of ats) times.push(at - t0);
        }),
      );
      await sleep(20);
    }
    await Promise.all(inFlight);
    report({
      name: 'sync: edit seen on another desk p50, 50 articles, 10 desks',
      value: percentile(times, 50),
      unit: 'ms',
      note: `${times.length} arrivals of 300 edits, an edit every 20 ms; desks in one process`,
    });
    report({ name: 'sync: edit seen on another desk p95, 50 articles, 10 desks', value: percentile(times, 95), unit: 'ms' });
    report({ name: 'sync: 10 desks open 50 shared articles (list, load, connect)', value: setupMs, unit: 'ms' });
  } finally {
    for (const desk of desks) desk.close();
  }
}

async function convergenceAfterOffline(dir: string, server: ServerProcess): Promise<void> {
  const desks = [await openDesk(dir, server), await openDesk(dir, server)];
  try {
    const [a, b] = desks as [Desk, Desk];
    const id = await shareArticle(a, [b], { headline: 'Offline', body: paragraphs(40) });
    const docs = [a.engine.openArticle(id), b.engine.openArticle(id)] as const;
    await until('both desks up to date', () => upToDate(a) && upToDate(b));
    a.engine.pause();
    b.engine.pause();
    // 1,000 words typed on each desk, each its own change (as typing makes them), all over the article.
    let x = 777;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 1_000; i++) {
      for (const [k, desk] of desks.entries()) {
        desk.engine.edit(id, (doc) => {
          const paragraph = bodyType(doc).toDelta()[next() % 40].insert as Y.XmlText;
          paragraph.insert(next() % (paragraph.length + 1), ` d${k}w${i}`);
        });
      }
    }
    const pending = createSyncStore(a.db).pendingCount(id);
    const t0 = performance.now();
    a.engine.resume();
    b.engine.resume();
    await until('both desks up to date with identical documents', () => upToDate(a) && upToDate(b) && sameDocs(docs[0], docs[1]), 60_000);
    const ms = performance.now() - t0;
    report({
      name: 'sync: 1,000 offline edits on each of 2 desks, back to up to date',
      value: ms,
      unit: 'ms',
      note: `from “work offline” ended; ${pending} changes kept on one desk`,
    });
  } finally {
    for (const desk of desks) desk.close();
  }
}

/** The desk's editing rules, without React: what both the solo and the synced editor run. */
const withDeskRules = <E extends Editor>(editor: E): E => withLists(withPromoBox(withBlockBreaks(withArticleSchema(editor))));

/** The article's editor as a desk builds it, without React: the article's editing rules and the binding. */
function boundDeskEditor(doc: Y.Doc): Editor & YjsEditor {
  return withDeskRules(withArticleBody(createEditor(), doc));
}

function timed<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const result = run();
  return [result, performance.now() - t0];
}

async function bigArticle(): Promise<void> {
  const fields: ArticleFields = { ...emptyArticleFields(), headline: 'Ten thousand blocks', body: mixedBlocks(10_000) };
  const builds: number[] = [];
  let doc = new Y.Doc();
  for (let i = 0; i < 3; i++) [doc, builds[i]] = timed(() => articleToDoc(fields));
  const state = Y.encodeStateAsUpdate(doc);
  const json = Buffer.byteLength(JSON.stringify(fields));
  report({ name: 'sync: build the Yjs document of a 10,000-block article', value: median(builds), unit: 'ms', note: 'median of 3' });

  const open = (update: Uint8Array) => {
    const d = new Y.Doc();
    Y.applyUpdate(d, update);
    return d;
  };
  // The bare editor knows nothing of links and voids, so it reads plain paragraphs (as in the
  // issue's trial); the desk's editor reads the mixed blocks.
  const plainState = Y.encodeStateAsUpdate(articleToDoc({ ...fields, body: paragraphs(10_000) }));
  const reads: number[] = [];
  const loads: number[] = [];
  const deskLoads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [opened, readMs] = timed(() => open(state));
    reads.push(readMs);
    const plain = open(plainState);
    loads.push(
      timed(() => {
        const editor = withYHistory(withYjs(createEditor(), bodyType(plain)));
        YjsEditor.connect(editor);
        YjsEditor.disconnect(editor);
      })[1],
    );
    deskLoads.push(
      timed(() => {
        const editor = boundDeskEditor(opened);
        YjsEditor.connect(editor);
        YjsEditor.disconnect(editor);
      })[1],
    );
  }
  report({ name: 'sync: open a 10,000-block article from its stored Yjs state', value: median(reads), unit: 'ms', note: 'Y.applyUpdate into a new document' });
  report({
    name: 'sync: load and connect a Slate editor, 10,000 paragraphs',
    value: median(loads),
    unit: 'ms',
    note: 'withYHistory(withYjs(createEditor())) + YjsEditor.connect',
  });
  report({
    name: 'sync: load and connect the desk’s editor, 10,000 mixed blocks',
    value: median(deskLoads),
    unit: 'ms',
    note: 'with the article’s editing rules (normalization on connect)',
  });
  report({ name: 'sync: Yjs state of a 10,000-block article', value: state.byteLength / 1e6, unit: 'MB' });
  report({ name: 'sync: its JSON', value: json / 1e6, unit: 'MB' });
  report({ name: 'sync: Yjs state against JSON', value: state.byteLength / json, unit: '×' });
}

/** p95 of one insert_text in the middle of the body, written to Yjs (when bound) as onChange would. */
async function keystrokeP95(body: ArticleBody, bound: boolean): Promise<number> {
  let editor: Editor;
  let synced: YjsEditor | undefined;
  if (bound) {
    const doc = articleToDoc({ ...emptyArticleFields(), body });
    const updates: Uint8Array[] = [];
    // Kept as the renderer keeps them, to send in batches.
    doc.on('update', (update: Uint8Array) => {
      updates.push(update);
      if (updates.length > 50) updates.length = 0;
    });
    const boundEditor = withDeskRules(withArticleBody(createEditor(), doc));
    YjsEditor.connect(boundEditor);
    editor = boundEditor;
    synced = boundEditor;
  } else {
    editor = withDeskRules(createEditor());
    editor.children = structuredClone(body) as Descendant[];
  }
  const middle = Math.floor(body.length / 2);
  const times: number[] = [];
  for (let i = 0; i < 600; i++) {
    const t0 = performance.now();
    Transforms.insertText(editor, 'x', { at: { path: [middle, 0], offset: 10 } });
    if (synced) YjsEditor.flushLocalChanges(synced);
    const ms = performance.now() - t0;
    if (i >= 100) times.push(ms);
    // Slate's onChange (a microtask) after each keystroke, as in the editor.
    await settle();
  }
  return percentile(times, 95);
}

async function keystrokes(): Promise<void> {
  const figures: Record<string, number[]> = {};
  // Interleaved runs, the best p95 of three each: the ratios compare like with like on a shared machine.
  const bodies = new Map([10, 10_000].map((n) => [n, mixedBlocks(n)]));
  for (let run = 0; run < 3; run++) {
    for (const [blocks, body] of bodies) {
      for (const bound of [false, true]) (figures[`${blocks}-${bound}`] ??= []).push(await keystrokeP95(body, bound));
    }
  }
  const best = (key: string) => Math.min(...figures[key]!);
  for (const blocks of bodies.keys()) {
    const label = blocks.toLocaleString('en-US');
    report({
      name: `sync: keystroke p95 solo, ${label} blocks`,
      value: best(`${blocks}-false`),
      unit: 'ms',
      note: 'Transforms.insertText with the article’s rules, headless',
    });
    report({ name: `sync: keystroke p95 with the Yjs binding, ${label} blocks`, value: best(`${blocks}-true`), unit: 'ms', note: 'the same, written to Yjs' });
  }
  report({ name: 'sync: keystroke p95 bound ÷ solo, 10 blocks', value: best('10-true') / best('10-false'), unit: '×', note: 'target 1.2× (in the browser)' });
  report({ name: 'sync: keystroke p95 bound ÷ solo, 10,000 blocks', value: best('10000-true') / best('10000-false'), unit: '×' });
  report({
    name: 'sync: keystroke p95 bound, 10,000 ÷ 10 blocks',
    value: best('10000-true') / best('10-true'),
    unit: '×',
    note: 'target 1.5× (in the browser)',
  });
}

/** Resident memory of a process, from /proc (Linux). */
function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error('sync bench: no VmRSS in /proc');
  return Number(kb[1]) * 1024;
}

/**
 * Uploads three 10,000-block articles and closes the desk; restarts the server (a fresh process holds
 * no document and none of the uploads' garbage); reopens the desk, which loads nothing until it opens
 * the three articles. Returns the server now running.
 */
async function serverMemory(dir: string, server: ServerProcess, entry: string, backend: Backend): Promise<ServerProcess> {
  const DOCS = 3;
  let desk = await openDesk(dir, server);
  try {
    const ids: string[] = [];
    for (let i = 0; i < DOCS; i++) ids.push(await shareArticle(desk, [], { headline: `Big ${i}`, body: mixedBlocks(10_000) }));
    await until('the desk up to date', () => upToDate(desk), 60_000);
    desk.close();
    server.child.kill('SIGTERM');
    await server.exited;
    server = await startServerProcess(entry, backend, [], server.port);
    desk = await openDesk(dir, server, desk);
    await until('the desk connected', () => upToDate(desk), 60_000);
    await sleep(1_000);
    const pid = server.child.pid!;
    if (!fs.existsSync(`/proc/${pid}/status`)) return server;
    const before = rssBytes(pid);
    for (const id of ids) desk.engine.openArticle(id);
    await until('the big articles open and up to date', () => upToDate(desk), 60_000);
    await sleep(1_000);
    const after = rssBytes(pid);
    report({
      name: 'sync: server memory per open 10,000-block document',
      value: (after - before) / DOCS / 1e6,
      unit: 'MB',
      note: `growth of the server process's RSS, ${DOCS} documents opened by a desk`,
    });
    const stored = createSyncStore(desk.db).replica(ids[0]!)!.state.byteLength;
    report({ name: 'sync: the desk’s stored state of that article', value: stored / 1e6, unit: 'MB' });
    return server;
  } finally {
    desk.close();
  }
}

export async function syncBench(): Promise<void> {
  const { entry, cleanup } = await buildServerForTests();
  let backend: Backend | undefined;
  let server: ServerProcess | undefined;
  const dir = tempDir('sync');
  try {
    backend = sqliteBackend();
    const storage = await openStorage(backend.location);
    await storage.accounts.add({
      id: randomUUID(),
      name: EDITOR.name,
      role: 'editor',
      passwordHash: await hashPassword(EDITOR.password),
      now: new Date().toISOString(),
    });
    await storage.close();
    server = await startServerProcess(entry, backend);

    await latencyOneArticle(dir, server);
    await latencyManyArticles(dir, server);
    await convergenceAfterOffline(dir, server);
    server = await serverMemory(dir, server, entry, backend);
    await bigArticle();
    await keystrokes();
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await backend?.cleanup();
    cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
