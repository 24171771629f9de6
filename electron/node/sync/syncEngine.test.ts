/**
 * The desk's sync engine against the newsroom server as a real process (SQLite storage, 127.0.0.1),
 * with real desk database files: live editing between a writer's and an editor's desk, offline edits
 * on both that converge, a desk closed offline that sends its edits later, restarts both ways
 * (SIGKILL and SIGTERM/1012) with no acknowledged edit lost and no stale "up to date", refusals
 * surfaced with the server's sentence, bad input that leaves the local copy as it was, and a
 * property: random edits with random disconnects on two or three desks converge.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import * as Y from 'yjs';
import WebSocket, { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/src/auth/password';
import { openStorage } from '../../../server/src/storage/storage';
import {
  api,
  buildServerForTests,
  connect,
  signInAs,
  sqliteBackend,
  startServerProcess,
  synced,
  until,
  updateMessage,
  type Backend,
  type Client,
  type ServerProcess,
} from '../../../server/test/harness';
import { articleToDoc, bodyType, docToArticleFields, fieldsMap } from '../../../shared/sync/articleDoc';
import { articleDocumentName } from '../../../shared/sync/documentName';
import { sampleArticleBody } from '../store/seed';
import { createArticleStore } from '../store/articleStore';
import { openDatabase, type Db } from '../store/database';
import { createSyncStore } from '../store/syncStore';
import { SyncEngine, type ConnectionState } from './syncEngine';
import { emptyArticleFields } from '../../../shared/model/article';

const PASSWORDS = { mara: 'mara-password-1', tomas: 'tomas-password-1', ines: 'ines-password-1' };
const ACCOUNTS = [
  ['Mara Lindqvist', 'writer', PASSWORDS.mara],
  ['Tomas Okafor', 'editor', PASSWORDS.tomas],
  ['Ines', 'writer', PASSWORDS.ines],
] as const;

let entry = '';
let cleanupBuild = () => {};
let backend: Backend;
let server: ServerProcess;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'desk-sync-'));

beforeAll(async () => {
  ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
  backend = sqliteBackend();
  const storage = await openStorage(backend.location);
  for (const [name, role, password] of ACCOUNTS) {
    await storage.accounts.add({ id: randomUUID(), name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
  }
  await storage.close();
  server = await startServerProcess(entry, backend);
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  await backend?.cleanup();
  cleanupBuild();
  rmSync(tmp, { recursive: true, force: true });
});

// ---- Desks -----------------------------------------------------------------------

type Desk = { engine: SyncEngine; db: Db; file: string; token: string; states: ConnectionState[]; close: () => void };
const desks: Desk[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const desk of desks.splice(0)) desk.close();
  for (const client of clients.splice(0)) client.destroy();
  // A test that failed with the server stopped leaves it running for the next one.
  if (server.child.exitCode !== null || server.child.signalCode !== null) await startServerAgain();
});

function openDesk(file: string, handshakePatienceMs?: number): Omit<Desk, 'token'> {
  const db = openDatabase(file);
  const engine = new SyncEngine(db, { reconnect: { minDelay: 100, maxDelay: 200 }, ...(handshakePatienceMs ? { handshakePatienceMs } : {}) });
  const states: ConnectionState[] = [];
  engine.onChange(() => {
    const state = engine.connectionState();
    const last = states[states.length - 1];
    if (JSON.stringify(last) !== JSON.stringify(state)) states.push(state);
  });
  let closed = false;
  return {
    engine,
    db,
    file,
    states,
    close: () => {
      if (closed) return;
      closed = true;
      engine.close();
      db.close();
    },
  };
}

async function signedInDesk(who: keyof typeof PASSWORDS): Promise<Desk> {
  const file = path.join(tmp, `${who}-${randomUUID()}.db`);
  const desk = openDesk(file);
  expect(desk.engine.configure({ server: server.http })).toEqual({ ok: true, url: server.http });
  const name = ACCOUNTS.find(([, , p]) => p === PASSWORDS[who])![0];
  const { token, account } = await desk.engine.signIn(name, PASSWORDS[who]);
  expect(account.name).toBe(name);
  const full = { ...desk, token };
  desks.push(full);
  return full;
}

/** The same desk database opened again by a new engine, with the token the caller kept. */
function reopenDesk(old: Desk): Desk {
  old.close();
  const desk = { ...openDesk(old.file), token: old.token };
  desk.engine.configure({ server: server.http, token: old.token });
  desks.push(desk);
  return desk;
}

const upToDate = (desk: Desk) => desk.engine.connectionState().kind === 'up-to-date';
const headline = (doc: Y.Doc) => (fieldsMap(doc).get('headline') as Y.Text).toString();
const paragraph = (doc: Y.Doc, index: number) => bodyType(doc).toDelta()[index].insert as Y.XmlText;
const typeInto = (desk: Desk, id: string, target: (doc: Y.Doc) => Y.Text | Y.XmlText, at: (length: number) => number, text: string) =>
  desk.engine.edit(id, (doc) => {
    const t = target(doc);
    t.insert(at(t.length), text);
  });
const localArticle = (desk: Desk, id: string) => {
  desk.engine.flush();
  const { version: _v, updatedAt: _u, createdAt: _c, ...article } = createArticleStore(desk.db).getArticle(id);
  return article;
};
/** Local updates still in the database (after folding what was acknowledged). */
const pendingRows = (desk: Desk, id: string) => {
  desk.engine.flush();
  return createSyncStore(desk.db).pendingCount(id);
};

async function restartServer(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  server.child.kill(signal);
  await server.exited;
}
async function startServerAgain(): Promise<void> {
  server = await startServerProcess(entry, backend, [], server.port);
}

/** A writer's article with the sample body, created through the writer's desk and seen by the editor. */
async function sharedArticle(writer: Desk, editor: Desk): Promise<string> {
  const id = writer.engine.createArticle({ headline: 'Harbour wall', body: sampleArticleBody() });
  await until('the article created on the server', () => writer.engine.articleState(id).saved === 'on-the-server');
  await editor.engine.refreshArticles();
  writer.engine.openArticle(id);
  editor.engine.openArticle(id);
  await until('both up to date', () => upToDate(writer) && upToDate(editor));
  return id;
}

/** A varuint at `at` in a Hocuspocus message: its value and where the next field starts. */
function varUint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/**
 * The server behind a relay that passes the API and WebSocket messages both ways, except the first
 * sign-in (Auth, type 2) each document sends: as Hocuspocus 3.4 drops one that arrives with a close.
 */
async function signInDroppingRelay(target: ServerProcess): Promise<{ url: string; dropped: string[]; close: () => Promise<void> }> {
  const dropped: string[] = [];
  const sockets = new WebSocketServer({ noServer: true });
  const relay = createServer((req, res) => {
    const forward = httpRequest({ host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  relay.on('upgrade', (req, socket, head) =>
    sockets.handleUpgrade(req, socket, head, (desk) => {
      const upstream = new WebSocket(`${target.ws}${req.url ?? '/'}`);
      const early: WebSocket.RawData[] = [];
      upstream.on('open', () => early.splice(0).forEach((m) => upstream.send(m)));
      upstream.on('message', (m, binary) => desk.send(m, { binary }));
      upstream.on('close', () => desk.close());
      upstream.on('error', () => desk.terminate());
      desk.on('close', () => upstream.close());
      desk.on('message', (m) => {
        const bytes = new Uint8Array(m as Buffer);
        const [nameLength, nameAt] = varUint(bytes, 0);
        const name = new TextDecoder().decode(bytes.subarray(nameAt, nameAt + nameLength));
        const [type] = varUint(bytes, nameAt + nameLength);
        if (type === 2 && name.startsWith('article:') && !dropped.includes(name)) return void dropped.push(name);
        if (upstream.readyState === WebSocket.OPEN) upstream.send(m);
        else early.push(m);
      });
    }),
  );
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as { port: number }).port}`,
    dropped,
    close: async () => {
      for (const ws of sockets.clients) ws.terminate();
      await new Promise((resolve) => relay.close(resolve));
    },
  };
}

// ---- Tests -------------------------------------------------------------------------

describe('the desk’s sync engine with a real newsroom server', () => {
  it('keeps a local copy of the newsroom’s articles and shows each desk the other’s edits live', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    expect(localArticle(tomas, id)).toMatchObject({ headline: 'Harbour wall', status: 'draft', body: sampleArticleBody() });

    const maraDoc = mara.engine.openArticle(id);
    const tomasDoc = tomas.engine.openArticle(id);
    typeInto(
      mara,
      id,
      (d) => fieldsMap(d).get('headline') as Y.Text,
      (n) => n,
      ' holds',
    );
    await until('the editor sees the writer’s headline', () => headline(tomasDoc) === 'Harbour wall holds', 2_000);
    typeInto(
      tomas,
      id,
      (d) => paragraph(d, 0),
      () => 0,
      'VESTMARK — ',
    );
    await until(
      'the writer sees the editor’s body edit',
      () => docToArticleFields(maraDoc).body[0]!.type === 'paragraph' && JSON.stringify(docToArticleFields(maraDoc).body[0]).includes('VESTMARK — '),
      2_000,
    );
    await until('both up to date', () => upToDate(mara) && upToDate(tomas));
    expect(mara.engine.articleState(id)).toMatchObject({ saved: 'on-the-server', access: 'write' });
    expect(pendingRows(mara, id)).toBe(0);
    // The local JSON rows, derived from each desk's document, are identical and what search reads.
    expect(localArticle(mara, id)).toEqual(localArticle(tomas, id));
    expect(localArticle(mara, id).headline).toBe('Harbour wall holds');
    expect(
      createArticleStore(tomas.db)
        .listArticles({ view: 'active', search: 'VESTMARK' })
        .items.map((a) => a.id),
    ).toEqual([id]);
  });

  it('converges after both desks edit offline (same paragraph and different ones), and never says up to date meanwhile', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    const maraDoc = mara.engine.openArticle(id);
    const tomasDoc = tomas.engine.openArticle(id);
    const before = paragraph(maraDoc, 1).toString().length;

    await restartServer('SIGTERM');
    await until('both desks offline', () => mara.engine.connectionState().kind === 'offline' && tomas.engine.connectionState().kind === 'offline');
    expect(mara.engine.connectionState()).toEqual({ kind: 'offline', pending: 0, reason: 'The newsroom server is restarting; the desk reconnects by itself.' });
    const downAt = [mara.states.length - 1, tomas.states.length - 1];

    const maraWords = ['harbourmaster', 'tidewater', 'breakwater'];
    const tomasWords = ['copyedited', 'factchecked'];
    for (const word of maraWords)
      typeInto(
        mara,
        id,
        (d) => paragraph(d, 1),
        () => 0,
        `${word} `,
      );
    typeInto(
      mara,
      id,
      (d) => fieldsMap(d).get('headline') as Y.Text,
      (n) => n,
      ' (writer)',
    );
    for (const word of tomasWords)
      typeInto(
        tomas,
        id,
        (d) => paragraph(d, 1),
        (n) => n,
        ` ${word}`,
      );
    typeInto(
      tomas,
      id,
      (d) => paragraph(d, 2),
      () => 0,
      'EDITOR ',
    );
    expect(mara.engine.articleState(id).saved).toBe('saved-locally');
    expect(mara.engine.connectionState()).toMatchObject({ kind: 'offline', pending: 1 });
    // Kept on disk before anything was sent.
    expect(pendingRows(mara, id)).toBe(4);
    expect(localArticle(mara, id).headline).toBe('Harbour wall (writer)');

    // The reconnection attempts while the server is down change nothing: offline all along.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(new Set([...mara.states.slice(downAt[0]), ...tomas.states.slice(downAt[1])].map((s) => s.kind))).toEqual(new Set(['offline']));
    await startServerAgain();
    await until('both up to date again', () => upToDate(mara) && upToDate(tomas), 10_000);

    await until('documents identical', () => JSON.stringify(docToArticleFields(maraDoc)) === JSON.stringify(docToArticleFields(tomasDoc)));
    const text = paragraph(maraDoc, 1).toString();
    for (const word of [...maraWords, ...tomasWords]) expect(text).toContain(word);
    expect(text.length).toBeGreaterThan(before);
    expect(paragraph(maraDoc, 2).toString()).toMatch(/^EDITOR /);
    expect(headline(tomasDoc)).toBe('Harbour wall (writer)');
    expect(localArticle(mara, id)).toEqual(localArticle(tomas, id));
    expect([pendingRows(mara, id), pendingRows(tomas, id)]).toEqual([0, 0]);
  });

  it('keeps the edits of a desk closed while offline and sends them when it next connects', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    const tomasDoc = tomas.engine.openArticle(id);

    await restartServer('SIGKILL');
    await until('offline', () => mara.engine.connectionState().kind === 'offline');
    typeInto(
      mara,
      id,
      (d) => fieldsMap(d).get('headline') as Y.Text,
      (n) => n,
      ' — written on the train',
    );
    // An article made offline, too: created on the server when the desk next connects.
    const offlineId = mara.engine.createArticle({ headline: 'Ferry timetable' });
    mara.engine.openArticle(offlineId);
    typeInto(
      mara,
      offlineId,
      (d) => fieldsMap(d).get('dek') as Y.Text,
      () => 0,
      'Typed offline',
    );
    const reopened = reopenDesk(mara);
    expect(reopened.engine.connectionState()).toMatchObject({ kind: 'offline', pending: 2 });
    expect(pendingRows(reopened, id)).toBe(1);
    expect(localArticle(reopened, id).headline).toBe('Harbour wall — written on the train');
    // A desk that stopped after storing an update but before writing the article's row: opening
    // the article brings the row up to date.
    const syncStore = createSyncStore(reopened.db);
    const onDisk = new Y.Doc();
    Y.applyUpdate(onDisk, syncStore.replica(id)!.state);
    for (const update of syncStore.updates(id)) Y.applyUpdate(onDisk, update.data);
    const stopped: Uint8Array[] = [];
    onDisk.on('update', (update: Uint8Array) => stopped.push(update));
    (fieldsMap(onDisk).get('dek') as Y.Text).insert(0, 'Stored before a crash');
    syncStore.appendUpdate(id, 'local', stopped[0]!);
    reopened.engine.openArticle(id);
    expect(createArticleStore(reopened.db).getArticle(id).dek).toBe('Stored before a crash');

    await startServerAgain();
    await until('the editor has the writer’s offline words', () => headline(tomasDoc) === 'Harbour wall — written on the train', 10_000);
    await until('the reopened desk up to date', () => upToDate(reopened), 10_000);
    await until('and the words stored before the crash', () => (fieldsMap(tomasDoc).get('dek') as Y.Text).toString() === 'Stored before a crash');
    expect([pendingRows(reopened, id), pendingRows(reopened, offlineId)]).toEqual([0, 0]);
    const listed = await api(server.http, '/api/articles', { token: tomas.token });
    expect(listed.body.articles.find((a: { id: string }) => a.id === offlineId)).toMatchObject({ headline: 'Ferry timetable', ownerName: 'Mara Lindqvist' });
    await tomas.engine.refreshArticles();
    expect(localArticle(tomas, offlineId)).toMatchObject({ headline: 'Ferry timetable', dek: 'Typed offline' });
  });

  it('loses no acknowledged edit when the server is killed while both type, and reconnects by itself', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    const maraDoc = mara.engine.openArticle(id);
    const tomasDoc = tomas.engine.openArticle(id);
    // What each desk's state said had reached the server, at the moment it said so.
    const acknowledged = { mara: '', tomas: '' };
    mara.engine.onChange(() => {
      if (mara.engine.articleState(id).saved === 'on-the-server' && upToDate(mara)) acknowledged.mara = headline(maraDoc);
    });
    tomas.engine.onChange(() => {
      if (tomas.engine.articleState(id).saved === 'on-the-server' && upToDate(tomas)) acknowledged.tomas = paragraph(tomasDoc, 0).toString();
    });

    for (let i = 0; i < 40; i++) {
      typeInto(
        mara,
        id,
        (d) => fieldsMap(d).get('headline') as Y.Text,
        (n) => n,
        ` m${i}`,
      );
      typeInto(
        tomas,
        id,
        (d) => paragraph(d, 0),
        (n) => n,
        ` t${i}`,
      );
      if (i === 25) server.child.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await server.exited;
    await until('both offline', () => mara.engine.connectionState().kind === 'offline' && tomas.engine.connectionState().kind === 'offline');
    const downAt = mara.states.length - 1;
    const ackBeforeRestart = { ...acknowledged };
    expect(ackBeforeRestart.mara).not.toBe('');
    expect(ackBeforeRestart.tomas).not.toBe('');
    // The editor's desk stays away until the server's own copy has been read, so only the server
    // can have kept the words it acknowledged; the writer's desk reconnects by itself.
    tomas.engine.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new Set(mara.states.slice(downAt).map((s) => s.kind))).toEqual(new Set(['offline']));

    await startServerAgain();
    const reader = connect(server.ws, articleDocumentName(id), tomas.token);
    clients.push(reader);
    await until('reader synced', () => synced(reader));
    expect(paragraph(reader.doc, 0).toString().startsWith(ackBeforeRestart.tomas)).toBe(true);
    expect(headline(reader.doc).startsWith(ackBeforeRestart.mara)).toBe(true);

    tomas.engine.resume();
    await until('both desks reconnected and up to date', () => upToDate(mara) && upToDate(tomas), 10_000);
    await until('converged', () => JSON.stringify(docToArticleFields(maraDoc)) === JSON.stringify(docToArticleFields(tomasDoc)));
    expect(headline(tomasDoc)).toBe(`Harbour wall${Array.from({ length: 40 }, (_, i) => ` m${i}`).join('')}`);
    expect(
      paragraph(maraDoc, 0)
        .toString()
        .endsWith(Array.from({ length: 40 }, (_, i) => ` t${i}`).join('')),
    ).toBe(true);
  });

  it('sends workflow steps queued offline after the article they are about reaches the server, and a step whose answer was lost counts once', async () => {
    const mara = await signedInDesk('mara');
    await until('connected', () => upToDate(mara));
    mara.engine.pause();

    // Made and submitted offline: the article must be created on the server before its submit is sent.
    const fresh = mara.engine.createArticle({ headline: 'Made on the train' });
    expect(mara.engine.queueTransition(fresh, 'submit', '')).toMatchObject({ state: 'waiting', from: 'draft', to: 'submitted' });

    // Another article: the server took its submit, but the answer never reached the desk (simulated by
    // asking the server directly); the desk still has it waiting with the same request id.
    const sent = mara.engine.createArticle({ headline: 'Answer lost' });
    mara.engine.resume();
    await until(
      'both on the server',
      () => mara.engine.articleState(sent).saved === 'on-the-server' && mara.engine.articleState(fresh).saved === 'on-the-server',
    );
    await until('the first step decided', () => mara.engine.workflowCounts().decided === 1);
    mara.engine.pause();
    const requestId = randomUUID();
    const taken = await api(server.http, `/api/articles/${sent}/transition`, { token: mara.token, body: { action: 'submit', from: 'draft', requestId } });
    expect(taken.status).toBe(200);
    mara.engine.queueTransition(sent, 'submit', '', requestId);
    mara.engine.resume();
    await until('the second step decided', () => mara.engine.workflowCounts().decided === 2);

    expect(mara.engine.workflowNotices().map((n) => [n.headline, n.action, n.state, n.reason])).toEqual([
      ['Made on the train', 'submit', 'accepted', undefined],
      ['Answer lost', 'submit', 'accepted', undefined],
    ]);
    expect(localArticle(mara, fresh).status).toBe('submitted');
    expect(localArticle(mara, sent).status).toBe('submitted');
    const history = async (id: string) =>
      ((await api(server.http, `/api/articles/${id}/history`, { token: mara.token })).body.history as { action: string }[]).map((h) => h.action);
    expect(await history(fresh)).toEqual(['submit']);
    expect(await history(sent)).toEqual(['submit']);
  });

  it('says a read-only article and an ended session with the server’s sentence', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    for (const [token, action] of [
      [mara.token, 'submit'],
      [tomas.token, 'start-edit'],
      [tomas.token, 'approve'],
    ] as const) {
      expect((await api(server.http, `/api/articles/${id}/transition`, { token, body: { action } })).status).toBe(200);
    }
    await until('the writer told the article is read-only', () => mara.engine.articleState(id).access === 'read');
    expect(mara.engine.articleState(id).accessReason).toBe('The article is approved: nobody edits its text until an editor reopens it.');
    typeInto(
      mara,
      id,
      (d) => fieldsMap(d).get('headline') as Y.Text,
      (n) => n,
      ' refused',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mara.engine.articleState(id).saved).toBe('saved-locally');
    expect(mara.engine.connectionState()).toEqual({ kind: 'syncing', pending: 1 });
    await mara.engine.refreshArticles().catch(() => {});
    expect(createArticleStore(mara.db).getArticle(id).status).toBe('approved');

    // Signed out elsewhere (the token revoked): the desk's connection closes with 4401.
    expect((await api(server.http, '/api/sign-out', { token: tomas.token, method: 'POST' })).status).toBe(204);
    await until('the editor’s desk says the session ended', () => tomas.engine.connectionState().kind === 'signed-out');
    expect(tomas.engine.connectionState()).toEqual({ kind: 'signed-out', reason: 'You signed out.' });
    // Signing in again reconnects what was open.
    await tomas.engine.signIn('Tomas Okafor', PASSWORDS.tomas);
    await until('the editor’s desk back and up to date', () => upToDate(tomas));
    expect(tomas.engine.articleState(id)).toMatchObject({ saved: 'on-the-server', access: 'read' });

    // An article the account may not open (another writer's): refused with the server's sentence.
    const ines = await signedInDesk('ines');
    const inesDb = createSyncStore(ines.db);
    const inesArticles = createArticleStore(ines.db);
    inesArticles.insertArticleAs(id, localArticle(mara, id), {
      status: 'approved',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    inesDb.addReplica({
      articleId: id,
      serverUrl: server.http,
      accountId: ines.engine.currentAccount()!.id,
      state: Y.encodeStateAsUpdate(new Y.Doc()),
      onServer: true,
    });
    ines.engine.openArticle(id);
    await until('refused', () => ines.engine.articleState(id).accessReason !== undefined);
    expect(ines.engine.articleState(id).accessReason).toBe('This account may not open this article.');
    expect(ines.engine.connectionState().kind).not.toBe('signed-out');
  });

  it('refuses a malformed update and keeps the last good local copy when the document stops reading as an article', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    mara.engine.openArticle(id);
    const good = localArticle(mara, id);

    expect(mara.engine.applyUpdate(id, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))).toEqual({
      ok: false,
      reason: 'The change could not be read and was not applied; the article is as it was.',
    });
    const outside = new Y.Doc();
    outside.getMap('status').set('approved', true);
    expect(mara.engine.applyUpdate(id, Y.encodeStateAsUpdate(outside))).toEqual({
      ok: false,
      reason: 'The change does not fit an article and was not applied; the article is as it was.',
    });
    expect(localArticle(mara, id)).toEqual(good);
    expect(pendingRows(mara, id)).toBe(0);
    // A well-formed change from elsewhere (the renderer's own Y.Doc) goes in, is stored and sent.
    const editorDoc = new Y.Doc();
    Y.applyUpdate(editorDoc, Y.encodeStateAsUpdate(mara.engine.openArticle(id)));
    mara.engine.closeArticle(id);
    const fromEditor: Uint8Array[] = [];
    editorDoc.on('update', (update: Uint8Array) => fromEditor.push(update));
    (fieldsMap(editorDoc).get('dek') as Y.Text).insert(0, 'From the renderer');
    expect(mara.engine.applyUpdate(id, fromEditor[0]!)).toEqual({ ok: true });
    await until(
      'the editor’s desk has it',
      () => tomas.engine.articleState(id).saved === 'on-the-server' && localArticle(tomas, id).dek === 'From the renderer',
    );
    const withDek = { ...good, dek: 'From the renderer' };
    await until('acknowledged', () => upToDate(mara));
    expect(localArticle(mara, id)).toEqual(withDek);

    // An editor's raw client writes a value the desk's model does not accept (tags must be a list).
    const raw = connect(server.ws, articleDocumentName(id), tomas.token);
    clients.push(raw);
    await until('raw synced', () => synced(raw));
    fieldsMap(raw.doc).set('tags', 'not a list');
    await until('the desk says why', () => mara.engine.articleState(id).problem !== undefined);
    expect(mara.engine.articleState(id).problem).toBe(
      'The article document has content the desk does not accept (at tags). The desk keeps the last good copy.',
    );
    expect(localArticle(mara, id)).toEqual(withDek);
    // Fixed remotely: the local copy follows again and the problem is gone.
    fieldsMap(raw.doc).set('tags', ['harbour']);
    await until('the local copy follows again', () => mara.engine.articleState(id).problem === undefined);
    expect(localArticle(mara, id)).toEqual({ ...withDek, tags: ['harbour'] });
  });

  it('shows who else has the article open, in their colour and with their cursor, and stops once they leave', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    // Tomas's cursor in the lead paragraph, as his editor would say it: Yjs relative positions.
    const tomasDoc = tomas.engine.openArticle(id);
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraph(tomasDoc, 0), 5));
    tomas.engine.setPresence(id, { anchor: at, head: at });
    await until('Mara sees Tomas with his cursor', () => mara.engine.peers(id).some((p) => p.name === 'Tomas Okafor' && p.cursor !== undefined));
    const [peer] = mara.engine.peers(id);
    expect(peer).toMatchObject({ name: 'Tomas Okafor', color: expect.stringMatching(/^#[0-9a-f]{6}$/), cursor: { anchor: at, head: at } });
    // The position holds on the same character while Mara types before it.
    const maraDoc = mara.engine.openArticle(id);
    typeInto(
      mara,
      id,
      (doc) => paragraph(doc, 0),
      () => 0,
      'NOW: ',
    );
    await until('Tomas has Mara’s words', () => paragraph(tomasDoc, 0).toString().startsWith('NOW: '));
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(peer!.cursor!.anchor), maraDoc);
    expect(absolute?.index).toBe(10);
    expect(tomas.engine.peers(id).map((p) => p.name)).toEqual(['Mara Lindqvist']);

    // Leaving: every window with the article closed.
    tomas.engine.closeArticle(id);
    tomas.engine.closeArticle(id);
    await until('Tomas gone from Mara’s article', () => mara.engine.peers(id).length === 0, 5_000);
  });

  it('refuses presence under another account’s name', async () => {
    const mara = await signedInDesk('mara');
    const tomas = await signedInDesk('tomas');
    const id = await sharedArticle(mara, tomas);
    const raw = connect(server.ws, articleDocumentName(id), tomas.token);
    clients.push(raw);
    await until('the raw connection synced', () => synced(raw));
    raw.provider.awareness!.setLocalState({ user: { name: 'Mara Lindqvist', color: '#b3261e' }, cursor: null });
    await until('the server closed it', () => raw.closeCodes.includes(1008));
    expect(mara.engine.peers(id).some((p) => p.name === 'Mara Lindqvist')).toBe(false);
  });

  it('starts an article’s handshake over when the server never answers its sign-in, and gets it there', async () => {
    const relay = await signInDroppingRelay(server);
    try {
      const file = path.join(tmp, `dropped-${randomUUID()}.db`);
      const desk = { ...openDesk(file, 1_500), token: '' };
      desks.push(desk);
      expect(desk.engine.configure({ server: relay.url }).ok).toBe(true);
      await desk.engine.signIn('Mara Lindqvist', PASSWORDS.mara);
      const id = desk.engine.createArticle({ headline: 'A sign-in that was lost', body: sampleArticleBody() });
      const doc = desk.engine.openArticle(id);
      // Created through the API at once; its document connection is what the lost sign-in holds up.
      await until('the relay dropped the article’s sign-in', () => relay.dropped.length > 0);
      typeInto(
        desk,
        id,
        (d) => fieldsMap(d).get('headline') as Y.Text,
        (length) => length,
        ' today',
      );
      await until('the desk up to date', () => upToDate(desk) && desk.engine.articleState(id).saved === 'on-the-server', 20_000);
      expect(relay.dropped).toEqual([articleDocumentName(id)]);
      expect(desk.engine.handshakeRestarts(id)).toBe(1);
      // The server has the whole article, as a colleague connecting straight to it sees.
      const colleague = connect(server.ws, articleDocumentName(id), await signInAs(server.http, 'Tomas Okafor', PASSWORDS.tomas));
      clients.push(colleague);
      await until('the colleague synced', () => synced(colleague));
      expect(docToArticleFields(colleague.doc)).toEqual(docToArticleFields(doc));
      expect(headline(colleague.doc)).toBe('A sign-in that was lost today');
    } finally {
      await relay.close();
    }
  });

  it('refuses a plain address elsewhere, and survives a server that sends garbage', async () => {
    const file = path.join(tmp, `policy-${randomUUID()}.db`);
    const desk = { ...openDesk(file), token: '' };
    desks.push(desk);
    const refused = desk.engine.configure({ server: 'http://newsroom.lan:4567' });
    expect(refused.ok).toBe(false);
    expect(desk.engine.configure({ server: 'http://newsroom.lan:4567', allowInsecure: true })).toEqual({ ok: true, url: 'http://newsroom.lan:4567' });
    // Remembered for that server.
    expect(desk.engine.configure({ server: 'ws://newsroom.lan:4567' })).toEqual({ ok: true, url: 'http://newsroom.lan:4567' });

    // A web server that is not a newsroom server: refused before any password is sent.
    const web = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Welcome</h1>'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
    try {
      expect(desk.engine.configure({ server: webUrl }).ok).toBe(true);
      await expect(desk.engine.signIn('Mara Lindqvist', PASSWORDS.mara)).rejects.toThrow(
        `The server at ${webUrl} did not answer like a newsroom server (HTTP 200).`,
      );
    } finally {
      await new Promise((resolve) => web.close(resolve));
    }

    // Something that speaks WebSocket but sends a broken update for the document.
    const fake = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => fake.once('listening', resolve));
    const port = (fake.address() as { port: number }).port;
    const fakeUrl = `http://127.0.0.1:${port}`;
    const id = randomUUID();
    const name = articleDocumentName(id);
    fake.on('connection', (ws) => ws.on('message', () => ws.send(updateMessage(name, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 9, 9])))));
    try {
      const db = desk.db;
      const articles = createArticleStore(db);
      articles.insertArticleAs(
        id,
        { ...emptyArticleFields(), headline: 'Kept' },
        { status: 'draft', version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
      );
      createSyncStore(db).putServer({ url: fakeUrl, allowInsecure: false, account: { id: 'acct', name: 'Mara', role: 'writer' } });
      createSyncStore(db).addReplica({
        articleId: id,
        serverUrl: fakeUrl,
        accountId: 'acct',
        state: Y.encodeStateAsUpdate(articleToDoc({ ...emptyArticleFields(), headline: 'Kept' })),
        onServer: true,
      });
      expect(desk.engine.configure({ server: fakeUrl, token: 'x'.repeat(43) }).ok).toBe(true);
      const doc = desk.engine.openArticle(id);
      await until('the desk says the change was ignored', () => desk.engine.articleState(id).problem !== undefined);
      expect(desk.engine.articleState(id).problem).toBe('The server sent a change this desk could not read; it was ignored, and your copy is as it was.');
      expect(headline(doc)).toBe('Kept');
      expect(localArticle(desk, id).headline).toBe('Kept');
      expect(desk.engine.connectionState().kind).not.toBe('up-to-date');
    } finally {
      desk.close();
      for (const ws of fake.clients) ws.terminate();
      await new Promise((resolve) => fake.close(resolve));
    }
  });

  it('converges on two or three desks after random edits with random disconnects (property)', async () => {
    const writer = await signedInDesk('mara');
    const editors = [await signedInDesk('tomas'), await signedInDesk('tomas')];
    const op = fc.record({
      desk: fc.nat(2),
      kind: fc.constantFrom('headline', 'paragraph', 'delete', 'offline', 'online'),
      at: fc.nat(1_000),
      text: fc.stringMatching(/^[a-z]{1,6}$/),
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(op, { minLength: 5, maxLength: 25 }), async (count, ops) => {
        const all = [writer, ...editors].slice(0, count);
        const id = await sharedArticle(writer, all[1]!);
        for (const desk of all.slice(2)) {
          await desk.engine.refreshArticles();
          desk.engine.openArticle(id);
        }
        const typed: string[] = [];
        for (const { desk: index, kind, at, text } of ops) {
          const desk = all[index % count]!;
          if (kind === 'offline') desk.engine.pause();
          else if (kind === 'online') desk.engine.resume();
          else if (kind === 'delete') {
            desk.engine.edit(id, (doc) => {
              const t = paragraph(doc, 0);
              if (t.length > 1) t.delete(at % t.length, 1);
            });
          } else {
            const word = `${text}${typed.length}`;
            typed.push(word);
            // At the start or the end: a position inside a word another desk typed would split it.
            typeInto(
              desk,
              id,
              (d) => (kind === 'headline' ? (fieldsMap(d).get('headline') as Y.Text) : paragraph(d, 1)),
              (n) => (at % 2 === 0 ? 0 : n),
              ` ${word} `,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, at % 3 === 0 ? 15 : 0));
        }
        for (const desk of all) desk.engine.resume();
        await until('every desk up to date', () => all.every(upToDate), 15_000).catch((e) => {
          console.log(
            JSON.stringify(ops),
            all.map((d) => JSON.stringify(d.engine.connectionState())),
            all.map((d) => JSON.stringify(d.engine.articleState(id))),
          );
          throw e;
        });
        const docs = all.map((desk) => desk.engine.openArticle(id));
        await until('identical documents', () => new Set(docs.map((d) => JSON.stringify(docToArticleFields(d)))).size === 1, 5_000);
        const text = `${headline(docs[0]!)} ${paragraph(docs[0]!, 1).toString()}`;
        for (const word of typed) expect(text).toContain(word);
        const rows = all.map((desk) => localArticle(desk, id));
        for (const row of rows) expect(row).toEqual(rows[0]);
        for (const desk of all) {
          desk.engine.closeArticle(id);
          desk.engine.closeArticle(id);
        }
      }),
      { numRuns: 15, endOnFailure: true },
    );
  }, 90_000);
});
