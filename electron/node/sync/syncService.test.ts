/**
 * The newsroom server over IPC, as a person meets it: two desks (a writer's and an editor's), each a
 * real database file behind the real dispatcher, and the newsroom server as a real process. Each
 * desk's "renderer" is a Y.Doc of its own that exchanges updates through sync:open / sync:push /
 * sync:pull, as the editor binding will (electron/node/sync/README.md).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/src/auth/password';
import { openStorage } from '../../../server/src/storage/storage';
import { api, buildServerForTests, sqliteBackend, startServerProcess, type Backend, type ServerProcess } from '../../../server/test/harness';
import type { PullResult, PushResult, SyncedArticle } from '../../../shared/ipc/channels/sync';
import type { Channel, IpcError, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { ArticleFields } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { bodyType, docToArticleFields, fieldsMap, setTextField } from '../../../shared/sync/articleDoc';
import type { ArticleSyncState, SyncStatus } from '../../../shared/sync/syncState';
import type { Peer } from '../../../shared/sync/presence';
import { workflowNoticeSentence } from '../../../shared/sync/workflowNotices';
import { APP_ENTRY_URL, isTrustedIpcSender } from '../security/appProtocol';
import { createDispatcher, type Dispatch, type Sender } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { DatabaseSession } from '../session';
import { PickedPaths } from '../paths/pickedPaths';
import { importFile } from '../exchange/importService';
import { anchoredText } from '../../../shared/comments/anchors';
import { commentsMap, readThreads } from '../../../shared/sync/articleComments';
import type { CommentThread } from '../../../shared/model/review';
import { commentThreadsOf } from '../../../shared/sync/commentAnchors';
import { memoryTokenVault, SyncService, type TokenVault } from './syncService';

const TRUSTED: Sender = { url: APP_ENTRY_URL, isMainFrame: true };
const MARA = { name: 'Mara Lindqvist', role: 'writer', password: 'mara-password-1' } as const;
const TOMAS = { name: 'Tomas Okafor', role: 'editor', password: 'tomas-password-1' } as const;

let entry = '';
let cleanupBuild = () => {};
let backend: Backend;
let server: ServerProcess;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-sync-ipc-'));

beforeAll(async () => {
  ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
  backend = sqliteBackend();
  const storage = await openStorage(backend.location);
  for (const { name, role, password } of [MARA, TOMAS]) {
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
  fs.rmSync(tmp, { recursive: true, force: true });
});

// ---- Desks: a database session and the dispatcher, as the browser host has them --------------

class CallError extends Error {
  constructor(
    readonly channel: string,
    readonly error: IpcError,
  ) {
    super(`${channel}: ${error.code} ${error.message}`);
  }
}

type Desk = {
  file: string;
  session: DatabaseSession;
  /** The folders the desk's window may name (an export's). */
  paths: PickedPaths;
  vault: TokenVault;
  internalErrors: unknown[];
  /** The value of a call, or a CallError with the typed error. */
  call: <C extends Channel>(channel: C, payload?: RequestOf<C>) => Promise<ResponseOf<C>>;
  /** The typed error a call must end in. */
  refused: <C extends Channel>(channel: C, payload?: RequestOf<C>) => Promise<IpcError>;
};
const desks: Desk[] = [];

afterEach(async () => {
  const closed = desks.splice(0);
  for (const desk of closed) desk.session.close();
  // A test that failed with the server stopped leaves it running for the next one.
  if (server.child.exitCode !== null || server.child.signalCode !== null) await startServerAgain();
  // A handler that threw something other than a typed error is a bug, whatever the test checked.
  const internal = closed.flatMap((desk) => desk.internalErrors);
  if (internal.length > 0) throw new Error(`Internal errors in handlers: ${internal.map((e) => (e as Error).message).join('; ')}`);
});

/** A desk on a new database file, or (reopening) on an existing one with the token the host kept. */
function openDesk(reopen?: { file: string; vault: TokenVault }, openLeaseMs?: number, notificationPollMs?: number): Desk {
  const file = reopen?.file ?? path.join(tmp, `desk-${randomUUID()}.db`);
  const session = new DatabaseSession(file);
  const vault = reopen?.vault ?? memoryTokenVault();
  const internalErrors: unknown[] = [];
  // Quick reconnection attempts keep the restart test short.
  const sync = new SyncService(session, vault, {
    reconnect: { minDelay: 100, maxDelay: 200 },
    ...(openLeaseMs ? { openLeaseMs } : {}),
    ...(notificationPollMs ? { notificationPollMs } : {}),
  });
  const paths = new PickedPaths();
  const dispatch: Dispatch = createDispatcher(
    createHandlers({ session, sync, paths, info: { appVersion: '0.0.0', runtime: 'browser-host', platform: 'test' } }),
    {
      isTrustedSender: isTrustedIpcSender,
      onInternalError: (_channel, error) => internalErrors.push(error),
    },
  );
  const call = async <C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await dispatch(channel, payload, TRUSTED);
    if (!result.ok) throw new CallError(channel, result.error);
    return result.value as ResponseOf<C>;
  };
  const refused = async <C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<IpcError> => {
    const result = await dispatch(channel, payload, TRUSTED);
    if (result.ok) throw new Error(`${channel} was expected to be refused, and answered ${JSON.stringify(result.value).slice(0, 200)}`);
    return result.error;
  };
  const desk = { file, session, paths, vault, internalErrors, call, refused };
  desks.push(desk);
  return desk;
}

async function signedInDesk(who: typeof MARA | typeof TOMAS, openLeaseMs?: number, notificationPollMs?: number): Promise<Desk> {
  const desk = openDesk(undefined, openLeaseMs, notificationPollMs);
  await desk.call('sync:configure', { server: server.http });
  await desk.call('sync:signIn', { name: who.name, password: who.password });
  return desk;
}

/** Follows the sync:status long poll until the state satisfies `check`. */
async function statusUntil(desk: Desk, what: string, check: (status: SyncStatus) => boolean, timeoutMs = 10_000): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  let status = await desk.call('sync:status', {});
  while (!check(status)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what} (last: ${JSON.stringify(status.connection)})`);
    status = await desk.call('sync:status', { after: status.revision, waitMs: Math.min(left, 2_000) });
  }
  return status;
}

/** Waits until the desk's state has stood still for `quietMs` (nothing left to send, load or fold). */
async function settled(desk: Desk, quietMs = 400, timeoutMs = 10_000): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = await statusUntil(desk, 'up to date', upToDate, timeoutMs);
    const after = await desk.call('sync:status', { after: before.revision, waitMs: quietMs });
    if (after.revision === before.revision) return after;
    if (Date.now() > deadline) throw new Error(`The desk’s state did not stand still for ${quietMs} ms within ${timeoutMs} ms`);
  }
}

const upToDate = (s: SyncStatus) => s.connection.kind === 'up-to-date';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const since = (start: number) => Date.now() - start;

// ---- The renderer's own document of an open article ------------------------------------------

/** What a renderer applies from the main process: never pushed back. */
const FROM_MAIN = Symbol('from main');

class RendererDoc {
  readonly doc = new Y.Doc();
  seq = 0;
  revision = 0;
  article: ArticleSyncState | undefined;
  /** The presence revision passed back on each pull once `watchPresence` is on (the renderer's own). */
  presence: number | undefined;
  peers: Peer[] = [];

  private constructor(
    private readonly desk: Desk,
    readonly articleId: string,
  ) {}

  static async open(desk: Desk, articleId: string): Promise<RendererDoc> {
    const renderer = new RendererDoc(desk, articleId);
    const opened: SyncedArticle = await desk.call('sync:open', { articleId });
    if (!opened.synced) throw new Error('sync:open: not a newsroom article');
    Y.applyUpdate(renderer.doc, bytes(opened.state), FROM_MAIN);
    renderer.seq = opened.seq;
    renderer.revision = opened.status.revision;
    renderer.article = opened.article;
    return renderer;
  }

  fields(): ArticleFields {
    return docToArticleFields(this.doc);
  }

  /** An edit in the editor: the diff it makes, as the renderer would batch and send it. */
  edit(change: (doc: Y.Doc) => void): string {
    const before = Y.encodeStateVector(this.doc);
    this.doc.transact(() => change(this.doc));
    return b64(Y.encodeStateAsUpdate(this.doc, before));
  }

  /** A push, its answer taken as the renderer takes it (`take`). */
  async push(update: string): Promise<ArticleSyncState> {
    const pushed = await this.pushOnly(update);
    this.take(pushed);
    return pushed.article;
  }

  pushOnly(update: string): Promise<PushResult> {
    return this.desk.call('sync:push', { articleId: this.articleId, update });
  }

  /** As ArticleChannel does: a push's answer older than the last pull's is not shown. */
  take(pushed: PushResult): void {
    if (pushed.revision >= this.revision) this.article = pushed.article;
  }

  /** One sync:pull, applying what it brings. */
  async pull(waitMs: number): Promise<PullResult> {
    const result = await this.desk.call('sync:pull', {
      articleId: this.articleId,
      stateVector: b64(Y.encodeStateVector(this.doc)),
      after: this.seq,
      revision: this.revision,
      ...(this.presence !== undefined ? { presence: this.presence } : {}),
      waitMs,
    });
    if (result.update) Y.applyUpdate(this.doc, bytes(result.update), FROM_MAIN);
    if (this.presence !== undefined) this.presence = result.presence.revision;
    this.peers = result.presence.peers;
    this.seq = result.seq;
    this.revision = result.status.revision;
    this.article = result.article;
    return result;
  }

  /** The renderer's loop of long polls, until its document (or the article's state) satisfies `check`. */
  async pullUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
      await this.pull(Math.min(left, 10_000));
    }
  }
}

/** Polls an async read (the derived JSON row is written a moment after the document changes). */
async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what} (last: ${JSON.stringify(value).slice(0, 300)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const headlineText = (doc: Y.Doc) => fieldsMap(doc).get('headline') as Y.Text;
const paragraphText = (doc: Y.Doc, index: number) => bodyType(doc).toDelta()[index].insert as Y.XmlText;
const bodyText = (fields: ArticleFields) => fields.body.map((block) => ('children' in block ? JSON.stringify(block.children) : '')).join('\n');

/** The writer's new article through articles:create, on the server, and listed on the editor's desk. */
async function newsroomArticle(writer: Desk, editor: Desk, headline: string): Promise<string> {
  const created = await writer.call('articles:create', { fields: { headline, body: [paragraph('First paragraph.'), paragraph('Second paragraph.')] } });
  await statusUntil(writer, 'the new article created on the server', upToDate);
  await editor.call('sync:refresh');
  return created.id;
}

async function startServerAgain(): Promise<void> {
  server = await startServerProcess(entry, backend, [], server.port);
}

// ---- Tests ------------------------------------------------------------------------------------

describe('the newsroom server over IPC, two desks and a real server', () => {
  it('signs in through IPC, and the desk’s profile becomes the account’s', async () => {
    const desk = openDesk();
    expect(await desk.call('sync:status', {})).toMatchObject({ connection: { kind: 'not-configured' }, signedIn: false, paused: false });
    expect(await desk.call('profile:get')).toBeNull();

    const configured = await desk.call('sync:configure', { server: server.http });
    expect(configured).toMatchObject({ server: { url: server.http, allowInsecure: false }, signedIn: false, connection: { kind: 'not-configured' } });
    const wrong = await desk.refused('sync:signIn', { name: MARA.name, password: 'not-her-password' });
    expect(wrong.code).toBe('NOT_ALLOWED');
    expect(wrong.message).toMatch(/\.$/);
    expect(desk.vault.read(server.http)).toBeUndefined();

    const signedIn = await desk.call('sync:signIn', { name: MARA.name, password: MARA.password });
    expect(signedIn).toMatchObject({ signedIn: true, account: { name: MARA.name, role: 'writer' } });
    expect(signedIn.connection.kind).not.toBe('signed-out');
    // The token is kept by the host's vault, and it is a live session on the server.
    const token = desk.vault.read(server.http)!;
    expect((await api(server.http, '/api/session', { token })).body.account).toMatchObject({ name: MARA.name, role: 'writer' });
    await settled(desk);

    expect(await desk.call('profile:get')).toEqual({ name: MARA.name, role: 'writer' });
    const promoted = await desk.refused('profile:set', { name: MARA.name, role: 'editor' });
    expect(promoted).toMatchObject({
      code: 'NOT_ALLOWED',
      message: `Your name and role come from your newsroom account (${MARA.name}, writer); an administrator changes them on the server.`,
    });
    expect((await desk.refused('profile:set', { name: 'Someone Else', role: 'writer' })).code).toBe('NOT_ALLOWED');
    expect(await desk.call('profile:get')).toEqual({ name: MARA.name, role: 'writer' });
  });

  it('makes a new article the newsroom’s, and each desk’s renderer sees the other’s edits through push and pull', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Harbour wall');
    const writerToken = mara.vault.read(server.http)!;
    const listed = await api(server.http, '/api/articles', { token: writerToken });
    expect(listed.body.articles.find((a: { id: string }) => a.id === id)).toMatchObject({ headline: 'Harbour wall', ownerName: MARA.name, status: 'draft' });

    const writer = await RendererDoc.open(mara, id);
    expect(writer.article).toMatchObject({ saved: 'on-the-server', access: 'write' });
    expect(writer.fields()).toMatchObject({ headline: 'Harbour wall', body: [paragraph('First paragraph.'), paragraph('Second paragraph.')] });
    const editor = await RendererDoc.open(tomas, id);
    await editor.pullUntil('the editor’s copy loaded', () => editor.fields().headline === 'Harbour wall');
    await Promise.all([settled(mara), settled(tomas)]);

    // The editor's renderer is already waiting when the writer types.
    const waiting = editor.pullUntil('the writer’s headline and body', () => editor.fields().headline === 'Harbour wall holds', 10_000);
    const update = writer.edit((doc) => {
      setTextField(headlineText(doc), 'Harbour wall holds');
      setTextField(paragraphText(doc, 0), 'First paragraph, rewritten.');
    });
    const pushedAt = Date.now();
    expect(await writer.push(update)).toMatchObject({ access: 'write' });
    // The renderer's own change does not come back to it.
    expect((await writer.pull(0)).update).toBe('');
    await waiting;
    expect(since(pushedAt)).toBeLessThan(2_000);
    await editor.pullUntil('the body too', () => bodyText(editor.fields()).includes('rewritten'), 2_000);
    expect(editor.fields()).toEqual(writer.fields());
    expect(editor.fields().body[0]).toEqual(paragraph('First paragraph, rewritten.'));

    // The editor's desk derived its JSON row from the document.
    const row = await eventually(
      'the editor’s row follows',
      () => tomas.call('articles:get', { id }),
      (a) => a.headline === 'Harbour wall holds',
    );
    expect(row).toMatchObject({ headline: 'Harbour wall holds', status: 'draft', body: writer.fields().body });

    // Nothing new: the pull is held for its whole wait and brings nothing.
    await settled(tomas);
    await editor.pull(0);
    const heldFrom = Date.now();
    const idle = await editor.pull(1_500);
    expect(idle.update).toBe('');
    expect(since(heldFrom)).toBeGreaterThanOrEqual(1_400);
    expect(since(heldFrom)).toBeLessThan(3_000);

    // And one held is woken by the editor's own change coming back the other way.
    await settled(mara);
    await writer.pull(0);
    const writerWaits = writer.pull(10_000);
    const editorUpdate = editor.edit((doc) => paragraphText(doc, 1).insert(0, 'EDITED: '));
    const editedAt = Date.now();
    await editor.push(editorUpdate);
    const woken = await writerWaits;
    expect(since(editedAt)).toBeLessThan(2_000);
    // The settled desk's state moves only with the change itself, which is in the document by then.
    expect(woken.update).not.toBe('');
    expect(writer.fields()).toEqual(editor.fields());
    expect(writer.fields().body[1]).toEqual(paragraph('EDITED: Second paragraph.'));
  });

  it('does not let a push’s answer that arrives after a later pull’s put the save state back to “saved locally”', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Tram fares');
    const writer = await RendererDoc.open(mara, id);
    await settled(mara);
    await writer.pull(0);
    expect(writer.article?.saved).toBe('on-the-server');
    // The renderer's pull is held when it pushes; the pull answers once the server has acknowledged.
    const held = writer.pull(10_000);
    const pushed = await writer.pushOnly(writer.edit((doc) => headlineText(doc).insert(0, 'Late: ')));
    expect(pushed.article.saved).toBe('saved-locally');
    await held;
    await writer.pullUntil('the acknowledgement', () => writer.article?.saved === 'on-the-server');
    // Over HTTP the two answers can arrive in either order: the push's, taken last, is older news.
    expect(pushed.revision).toBeLessThan(writer.revision);
    writer.take(pushed);
    expect(writer.article?.saved).toBe('on-the-server');
  });

  it('moves a newsroom article through the server’s workflow; an approved one refuses pushes, saves and restores with a sentence', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Ferry timetable');
    const writer = await RendererDoc.open(mara, id);
    const editorToken = tomas.vault.read(server.http)!;
    const serverStatus = async () =>
      ((await api(server.http, '/api/articles', { token: editorToken })).body.articles as { id: string; status: string }[]).find((a) => a.id === id)?.status;

    const draft = await mara.call('articles:get', { id });
    const submitted = await mara.call('workflow:transition', { id, baseVersion: draft.version, action: 'submit' });
    expect(submitted.status).toBe('submitted');
    expect(await serverStatus()).toBe('submitted');
    // The writer's desk recorded the step in its own history, as the account.
    expect((await mara.call('workflow:history', { id })).map((h) => [h.action, h.by, h.role])).toEqual([['submit', MARA.name, 'writer']]);
    await tomas.call('sync:refresh');
    expect((await tomas.call('articles:get', { id })).status).toBe('submitted');

    // A writer may not approve, whatever the desk believes: the server's sentence.
    const notWriters = await mara.refused('workflow:transition', { id, baseVersion: submitted.version, action: 'start-edit' });
    expect(notWriters).toMatchObject({ code: 'NOT_ALLOWED', message: 'A writer cannot start editing an article that is submitted.' });

    let local = await tomas.call('articles:get', { id });
    local = await tomas.call('workflow:transition', { id, baseVersion: local.version, action: 'start-edit' });
    expect(local.status).toBe('in-edit');
    local = await tomas.call('workflow:transition', { id, baseVersion: local.version, action: 'approve' });
    expect(local.status).toBe('approved');
    expect(await serverStatus()).toBe('approved');

    // The writer's desk is told by the server; its renderer learns it from its long poll.
    await writer.pullUntil('the writer told the article is approved', () => writer.article?.accessReason?.includes('approved') === true);
    expect(writer.article).toMatchObject({ access: 'read', accessReason: 'The article is approved: nobody edits its text until an editor reopens it.' });
    const refusedPush = await mara.refused('sync:push', { articleId: id, update: writer.edit((doc) => headlineText(doc).insert(0, 'LATE: ')) });
    expect(refusedPush).toEqual({ code: 'NOT_ALLOWED', message: 'The article is approved: nobody edits its text until an editor reopens it.' });

    // The access notice carries no status: the writer's row follows at the next refresh.
    await mara.call('sync:refresh');
    const row = await mara.call('articles:get', { id });
    expect(row).toMatchObject({ status: 'approved', headline: 'Ferry timetable' });
    const save = await mara.refused('articles:save', { id, baseVersion: row.version, patch: { headline: 'Saved around the server' } });
    expect(save).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(save.message).toMatch(/newsroom articles.*\.$/);
    const revision = await mara.call('revisions:create', { articleId: id, label: 'Before approval' });
    const restore = await mara.refused('revisions:restore', { articleId: id, revisionId: revision.id, baseVersion: row.version });
    expect(restore).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(restore.message).toMatch(/^Restoring an earlier version is not available for newsroom articles/);
    expect((await mara.refused('articles:freezeLibraryBlocks', { id })).code).toBe('NOT_ALLOWED');
    // Nothing of it reached the server or the editor.
    await settled(tomas);
    expect(await serverStatus()).toBe('approved');
    expect((await tomas.call('articles:get', { id })).headline).toBe('Ferry timetable');
  });

  it('keeps versions on the server over IPC: a snapshot is of the text just pushed, any desk reads it, and offline the list says why', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Tide tables');
    const writer = await RendererDoc.open(mara, id);
    // Pushed and asked for at once: the snapshot waits until the edit is on the server.
    await writer.push(writer.edit((doc) => headlineText(doc).insert(0, 'New: ')));
    const saved = await mara.call('sync:requestRevision', { articleId: id, reason: 'requested' });
    expect(saved).toMatchObject({ number: 1, reason: 'requested', accountName: MARA.name, headline: 'New: Tide tables' });
    expect(await tomas.call('sync:revisions', { articleId: id })).toEqual({ available: true, revisions: [saved] });
    expect((await tomas.call('sync:revision', { articleId: id, number: 1 })).content).toEqual(writer.fields());
    // Nothing changed since: the newest is the answer.
    expect(await mara.call('sync:requestRevision', { articleId: id, reason: 'requested' })).toEqual(saved);

    // Working offline, the list says why it is not there, and a snapshot is refused with the same sentence.
    await mara.call('sync:setOffline', { offline: true });
    const offline = 'The versions kept on the newsroom server need a connection: the desk is offline.';
    expect(await mara.call('sync:revisions', { articleId: id })).toEqual({ available: false, reason: offline });
    expect(await mara.refused('sync:requestRevision', { articleId: id, reason: 'requested' })).toEqual({ code: 'NOT_ALLOWED', message: offline });
  });

  it('shows each renderer who else is on the article, and lets go of a window that stopped pulling', async () => {
    const mara = await signedInDesk(MARA, 1_500);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Ferry strike');
    const writer = await RendererDoc.open(mara, id);
    const editor = await RendererDoc.open(tomas, id);
    // The editor's renderer hears of the writer through its held pull, with her cursor once she sends it.
    const lead = bodyType(writer.doc).toDelta()[0].insert as Y.XmlText;
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(lead, 3));
    await mara.call('sync:presence', { articleId: id, cursor: { anchor: at, head: at } });
    // As the renderer does: its pulls also answer when who is here changes.
    editor.presence = 0;
    await editor.pullUntil('the writer with her cursor', () => editor.peers.some((p) => p.name === MARA.name && p.cursor !== undefined));
    expect(editor.peers).toEqual([
      { clientId: expect.any(Number), name: MARA.name, color: expect.stringMatching(/^#[0-9a-f]{6}$/), cursor: { anchor: at, head: at } },
    ]);
    // The writer's window goes away without closing the article (a crash): once it has not pulled
    // for the lease, her desk lets go of the article and the editor sees her leave.
    await writer.pull(0);
    const gone = Date.now();
    await editor.pullUntil('the writer gone', () => editor.peers.length === 0);
    expect(editor.peers).toEqual([]);
    expect(Date.now() - gone).toBeGreaterThanOrEqual(1_400);
    expect((await mara.refused('sync:pull', { articleId: id, stateVector: b64(Y.encodeStateVector(writer.doc)), after: 0, revision: 0, waitMs: 0 })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('signs out and keeps the local copy', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Night bus');
    const token = mara.vault.read(server.http)!;

    const out = await mara.call('sync:signOut');
    expect(out).toMatchObject({ signedIn: false, connection: { kind: 'signed-out' } });
    expect(mara.vault.read(server.http)).toBeUndefined();
    expect((await api(server.http, '/api/session', { token })).status).toBe(401);
    expect(await mara.call('articles:get', { id })).toMatchObject({
      headline: 'Night bus',
      body: [paragraph('First paragraph.'), paragraph('Second paragraph.')],
    });
    expect((await mara.call('articles:list', { view: 'active' })).items.map((a) => a.id)).toContain(id);
    // The server decides a newsroom article's workflow, and it needs a session.
    const submit = await mara.refused('workflow:transition', { id, baseVersion: 1, action: 'submit' });
    expect(submit.code).toBe('NOT_ALLOWED');
    expect(submit.message).toMatch(/^Sign in .*\.$/);
    expect((await mara.call('articles:get', { id })).status).toBe('draft');
    // Signed out, a new article is the desk's own again.
    const solo = await mara.call('articles:create', { fields: { headline: 'Solo' } });
    expect(await mara.call('sync:open', { articleId: solo.id })).toEqual({ synced: false });
  });

  it('ends held requests when another database opens, and keeps working offline there', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Tram strike');
    const writer = await RendererDoc.open(mara, id);
    const before = await settled(mara);
    expect(await mara.call('sync:setOffline', { offline: true })).toMatchObject({ paused: true, connection: { kind: 'offline' } });
    // Worked on offline: kept here, said as such.
    expect((await writer.push(writer.edit((doc) => headlineText(doc).insert(0, 'Kept: ')))).saved).toBe('saved-locally');
    expect((await mara.call('sync:status', {})).connection).toEqual({ kind: 'offline', pending: 1 });

    const heldPull = mara.call('sync:pull', {
      articleId: id,
      stateVector: b64(Y.encodeStateVector(writer.doc)),
      after: writer.seq,
      revision: (await mara.call('sync:status', {})).revision,
      waitMs: 10_000,
    });
    const heldStatus = mara.call('sync:status', { after: (await mara.call('sync:status', {})).revision, waitMs: 10_000 });
    const switchedAt = Date.now();
    expect(await mara.call('db:createNew')).toMatchObject({ state: 'open' });
    await expect(heldPull).rejects.toMatchObject({ error: { code: 'NOT_FOUND', message: 'This article is not open here any more; reopen it.' } });
    expect((await heldStatus).connection).toEqual({ kind: 'not-configured' });
    expect(since(switchedAt)).toBeLessThan(1_000);
    expect((await mara.refused('sync:push', { articleId: id, update: writer.edit((doc) => headlineText(doc).insert(0, 'x')) })).code).toBe('NOT_FOUND');

    // "Work offline" is the person's choice, not the file's: signed in on the new database, nothing connects.
    await mara.call('sync:configure', { server: server.http });
    const signedIn = await mara.call('sync:signIn', { name: MARA.name, password: MARA.password });
    expect(signedIn).toMatchObject({ signedIn: true, paused: true, connection: { kind: 'offline' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await mara.call('sync:status', {})).connection.kind).toBe('offline');
    await mara.call('sync:setOffline', { offline: false });
    await statusUntil(mara, 'connected again', upToDate);
    expect(before.paused).toBe(false);
  });

  it('queues a writer’s submit while the server is down, keeps it across closing and reopening the desk, and the server accepts it once back', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Bridge closure');
    const writer = await RendererDoc.open(mara, id);
    await settled(mara);

    server.child.kill('SIGKILL');
    await server.exited;
    await statusUntil(mara, 'the writer’s desk offline', (s) => s.connection.kind === 'offline');
    // Last words offline, then the submit: the step must not overtake them (a submitted article is read-only to its writer).
    await writer.push(writer.edit((doc) => headlineText(doc).insert(headlineText(doc).length, ' until May')));
    const draft = await eventually(
      'the offline words in the row',
      () => mara.call('articles:get', { id }),
      (a) => a.headline === 'Bridge closure until May',
    );
    const queued = await mara.call('workflow:transition', { id, baseVersion: draft.version, action: 'submit' });
    expect(queued).toMatchObject({ id, status: 'draft', workflowStep: { articleId: id, action: 'submit', from: 'draft', to: 'submitted', state: 'waiting' } });
    expect(workflowNoticeSentence(queued.workflowStep!)).toBe('Submitted — waiting for the newsroom server');
    expect((await mara.call('sync:status', {})).workflowSteps).toEqual({ waiting: 1, decided: 0 });
    // Checked against the table from where the waiting step leads, with the account's role.
    expect(await mara.refused('workflow:transition', { id, baseVersion: draft.version, action: 'approve' })).toEqual({
      code: 'NOT_ALLOWED',
      message: '“Approve” is not possible for an article that is submitted.',
    });
    // A step still waiting is not an answer to dismiss.
    expect((await mara.refused('sync:dismissWorkflowNotice', { id: queued.workflowStep!.id })).code).toBe('NOT_FOUND');
    await mara.call('sync:close', { articleId: id });

    // The desk closes and opens again on the same file (the host kept the token): the step is still there.
    mara.session.close();
    const again = openDesk({ file: mara.file, vault: mara.vault });
    expect((await again.call('sync:status', {})).workflowSteps).toEqual({ waiting: 1, decided: 0 });
    expect(await again.call('sync:workflowNotices', { articleId: id })).toEqual([queued.workflowStep]);
    expect((await again.call('articles:get', { id })).status).toBe('draft');
    expect((await again.call('workflow:history', { id })).map((h) => h.action)).toEqual([]);

    await startServerAgain();
    const decided = await statusUntil(again, 'the server’s answer', (s) => s.workflowSteps.decided === 1, 15_000);
    expect(decided.workflowSteps).toEqual({ waiting: 0, decided: 1 });
    const [accepted] = await again.call('sync:workflowNotices', {});
    expect(accepted).toMatchObject({ id: queued.workflowStep!.id, articleId: id, state: 'accepted', headline: 'Bridge closure until May' });
    expect(workflowNoticeSentence(accepted!)).toBe('The server accepted “Submit for review” for “Bridge closure until May”.');

    // Accepted: the local status and the desk's own history, as the account.
    expect((await again.call('articles:get', { id })).status).toBe('submitted');
    expect(
      again.session
        .review()
        .workflow.history(id)
        .map((h) => [h.action, h.from, h.to, h.by, h.role]),
    ).toEqual([['submit', 'draft', 'submitted', MARA.name, 'writer']]);
    // The server's audit log has it with the writer's name, and the desk's history view reads it from there.
    const token = again.vault.read(server.http)!;
    const serverHistory = (await api(server.http, `/api/articles/${id}/history`, { token })).body.history;
    expect(serverHistory.map((h: Record<string, string>) => [h.action, h.from, h.to, h.accountName, h.role])).toEqual([
      ['submit', 'draft', 'submitted', MARA.name, 'writer'],
    ]);
    expect((await again.call('workflow:history', { id })).map((h) => [h.action, h.by, h.role, h.at])).toEqual([
      ['submit', MARA.name, 'writer', serverHistory[0].at],
    ]);
    // The words written offline went first and were taken: nothing is left waiting on the writer’s desk.
    await settled(again);
    await tomas.call('sync:refresh');
    expect(await tomas.call('articles:get', { id })).toMatchObject({ status: 'submitted', headline: 'Bridge closure until May' });

    // Dismissed, the answer is gone from the list and from the state.
    expect(await again.call('sync:dismissWorkflowNotice', { id: accepted!.id })).toEqual([]);
    expect((await again.call('sync:status', {})).workflowSteps).toEqual({ waiting: 0, decided: 0 });
    expect((await again.refused('sync:dismissWorkflowNotice', { id: accepted!.id })).code).toBe('NOT_FOUND');
  });

  it('keeps the server’s sentence when it refuses a queued step, refuses the steps after it, and the local status follows the server', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Council vote');
    const writerCopy = await mara.call('workflow:transition', { id, baseVersion: (await mara.call('articles:get', { id })).version, action: 'submit' });
    expect(writerCopy).toMatchObject({ status: 'submitted' });
    expect(writerCopy.workflowStep).toBeUndefined();

    // The writer works offline and withdraws; meanwhile the editor takes the article for editing.
    await mara.call('sync:setOffline', { offline: true });
    const withdraw = await mara.call('workflow:transition', { id, baseVersion: writerCopy.version, action: 'withdraw' });
    expect(withdraw).toMatchObject({ status: 'submitted', workflowStep: { action: 'withdraw', from: 'submitted', to: 'draft', state: 'waiting' } });
    await tomas.call('sync:refresh');
    let editorCopy = await tomas.call('articles:get', { id });
    editorCopy = await tomas.call('workflow:transition', { id, baseVersion: editorCopy.version, action: 'start-edit' });
    expect(editorCopy.status).toBe('in-edit');

    await mara.call('sync:setOffline', { offline: false });
    await statusUntil(mara, 'the server’s answer', (s) => s.workflowSteps.decided === 1);
    const [refused] = await mara.call('sync:workflowNotices', { articleId: id });
    expect(refused).toMatchObject({
      action: 'withdraw',
      state: 'refused',
      reason: 'Someone moved the article meanwhile: it is in edit now, not submitted. This step was not applied.',
    });
    expect(workflowNoticeSentence(refused!)).toBe(
      'The server refused “Withdraw submission” for “Council vote”: Someone moved the article meanwhile: it is in edit now, not submitted. This step was not applied.',
    );
    await eventually(
      'the writer’s copy follows the server',
      () => mara.call('articles:get', { id }),
      (a) => a.status === 'in-edit',
    );
    expect(
      mara.session
        .review()
        .workflow.history(id)
        .map((h) => h.action),
    ).toEqual(['submit']);

    // Two steps queued by the editor; the article moves meanwhile: the first is refused and the second with it.
    await tomas.call('sync:setOffline', { offline: true });
    await tomas.call('workflow:transition', { id, baseVersion: editorCopy.version, action: 'approve' });
    const exported = await tomas.call('workflow:transition', { id, baseVersion: editorCopy.version, action: 'export' });
    expect(exported.workflowStep).toMatchObject({ from: 'approved', to: 'exported', state: 'waiting' });
    expect((await tomas.call('sync:status', {})).workflowSteps).toEqual({ waiting: 2, decided: 0 });
    const token = tomas.vault.read(server.http)!;
    expect((await api(server.http, `/api/articles/${id}/transition`, { token, body: { action: 'spike' } })).status).toBe(200);
    await tomas.call('sync:setOffline', { offline: false });
    await statusUntil(tomas, 'both answers', (s) => s.workflowSteps.decided === 2);
    expect((await tomas.call('sync:workflowNotices', {})).map((n) => [n.action, n.state, n.reason])).toEqual([
      ['approve', 'refused', 'Someone moved the article meanwhile: it is spiked now, not in edit. This step was not applied.'],
      ['export', 'refused', 'Not sent: the step before it was refused.'],
    ]);
    await eventually(
      'the editor’s copy follows the server',
      () => tomas.call('articles:get', { id }),
      (a) => a.status === 'spiked',
    );
    const serverHistory = (await api(server.http, `/api/articles/${id}/history`, { token })).body.history;
    expect(serverHistory.map((h: Record<string, string>) => [h.action, h.accountName])).toEqual([
      ['submit', MARA.name],
      ['start-edit', TOMAS.name],
      ['spike', TOMAS.name],
    ]);
  });

  it('says offline while the server is down, keeps what the renderer pushed, and converges once it is back', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    const id = await newsroomArticle(mara, tomas, 'Storm warning');
    const writer = await RendererDoc.open(mara, id);
    const editor = await RendererDoc.open(tomas, id);
    await editor.pullUntil('the editor’s copy loaded', () => editor.fields().headline === 'Storm warning');
    await Promise.all([settled(mara), settled(tomas)]);

    server.child.kill('SIGKILL');
    await server.exited;
    await statusUntil(mara, 'the writer’s desk offline', (s) => s.connection.kind === 'offline');
    await statusUntil(tomas, 'the editor’s desk offline', (s) => s.connection.kind === 'offline');

    for (const word of [' upgraded', ' to amber']) {
      const state = await writer.push(writer.edit((doc) => headlineText(doc).insert(headlineText(doc).length, word)));
      expect(state.saved).toBe('saved-locally');
    }
    await writer.push(writer.edit((doc) => paragraphText(doc, 1).insert(0, 'OFFLINE: ')));
    expect(await mara.call('sync:status', {})).toMatchObject({ signedIn: true, connection: { kind: 'offline', pending: 1 } });
    // Kept on this desk: its JSON row has it, and the reconnection attempts leave it offline.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mara.call('articles:get', { id })).headline).toBe('Storm warning upgraded to amber');
    expect((await mara.call('sync:status', {})).connection).toMatchObject({ kind: 'offline', pending: 1 });

    await startServerAgain();
    await statusUntil(mara, 'the writer’s desk up to date again', upToDate, 15_000);
    await editor.pullUntil('the editor has the offline words', () => bodyText(editor.fields()).includes('OFFLINE: '), 10_000);
    await statusUntil(tomas, 'the editor’s desk up to date again', upToDate);
    expect(editor.fields()).toEqual(writer.fields());
    expect(editor.fields().headline).toBe('Storm warning upgraded to amber');
    const opened = await mara.call('sync:open', { articleId: id });
    expect(opened).toMatchObject({ synced: true, article: { saved: 'on-the-server' } });
    await mara.call('sync:close', { articleId: id });
  });

  it('lets an editor assign an article; the writer’s inbox tells her, lists it on her desk, and keeps a read mark made offline until it is sent', async () => {
    const tomas = await signedInDesk(TOMAS, undefined, 200);
    const mara = await signedInDesk(MARA, undefined, 200);
    await statusUntil(mara, 'the writer connected', upToDate);
    const created = await tomas.call('articles:create', { fields: { headline: 'Pier repairs', body: [paragraph('Work starts Monday.')] } });
    await statusUntil(tomas, 'the new article created on the server', upToDate);

    const people = await tomas.call('sync:accounts', {});
    expect(people.map((p) => [p.name, p.role])).toEqual([
      [MARA.name, MARA.role],
      [TOMAS.name, TOMAS.role],
    ]);
    const maraId = people.find((p) => p.name === MARA.name)!.id;
    const tomasId = people.find((p) => p.name === TOMAS.name)!.id;
    await tomas.call('sync:assign', { articleId: created.id, writerId: maraId, editorId: tomasId });
    const holder = { writerId: maraId, writerName: MARA.name, editorId: tomasId, editorName: TOMAS.name };
    expect((await tomas.call('articles:list', { view: 'active' })).items.find((i) => i.id === created.id)?.assignment).toEqual(holder);
    expect((await tomas.call('sync:open', { articleId: created.id })) as Extract<SyncedArticle, { synced: true }>).toMatchObject({ article: { holder } });
    await tomas.call('sync:close', { articleId: created.id });
    // Not his own act in his inbox.
    expect((await tomas.call('sync:notifications', {})).notifications.filter((n) => n.articleId === created.id)).toEqual([]);

    // The writer's desk hears of it at its next look (other tests of this file told her of their articles too).
    const aboutIt = async () => (await mara.call('sync:notifications', {})).notifications.filter((n) => n.articleId === created.id);
    await statusUntil(mara, 'a notification in the writer’s inbox', (s) => s.inbox.unread > 0);
    const deadline = Date.now() + 10_000;
    while ((await aboutIt()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const [assigned] = await aboutIt();
    expect(await aboutIt()).toHaveLength(1);
    const { id: _id, createdAt: _at, ...told } = assigned!;
    expect(told).toEqual({
      kind: 'assigned',
      articleId: created.id,
      articleHeadline: 'Pier repairs',
      actorName: TOMAS.name,
      text: 'You are its writer.',
      readAt: null,
    });
    // And the article is on her desk, with who holds it.
    await mara.call('sync:refresh');
    expect(
      (await mara.call('articles:list', { view: 'active', mine: true })).items.filter((i) => i.id === created.id).map((i) => [i.headline, i.assignment]),
    ).toEqual([['Pier repairs', holder]]);

    // Read while working offline: read here at once, and on the server once she is back.
    const token = (await api(server.http, '/api/sign-in', { body: { name: MARA.name, password: MARA.password } })).body.token as string;
    const readOnServer = async () =>
      ((await api(server.http, '/api/notifications', { token })).body.notifications as { id: number; readAt: string | null }[]).find(
        (n) => n.id === assigned!.id,
      )?.readAt ?? null;
    const unreadBefore = (await mara.call('sync:notifications', {})).unread;
    await mara.call('sync:setOffline', { offline: true });
    const read = await mara.call('sync:markNotificationsRead', { ids: [assigned!.id] });
    expect([read.unread, read.notifications.find((n) => n.id === assigned!.id)?.readAt !== null]).toEqual([unreadBefore - 1, true]);
    expect(await readOnServer()).toBeNull();
    await mara.call('sync:setOffline', { offline: false });
    await statusUntil(mara, 'back online', upToDate);
    const sent = Date.now() + 10_000;
    while ((await readOnServer()) === null && Date.now() < sent) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readOnServer()).not.toBeNull();
    expect((await mara.call('sync:notifications', {})).notifications.find((n) => n.id === assigned!.id)?.readAt).not.toBeNull();
  });
  it('imports a Word file as the newsroom’s article with its comments in the document, which the server takes and the editor’s Word export carries', async () => {
    const mara = await signedInDesk(MARA);
    const tomas = await signedInDesk(TOMAS);
    // Written by LibreOffice: three comments by Ines Halvorsen, Tomas Reyes (resolved) and Mara Lindqvist.
    const file = fs.readFileSync(path.join(__dirname, '../exchange/__fixtures__/word/tracked-review.docx'));
    const imported = await mara.call('exchange:import', { fileName: 'tracked-review.docx', dataBase64: b64(file) });
    if (imported.kind !== 'imported') throw new Error(JSON.stringify(imported));
    expect(imported.warnings).toEqual([]);
    const id = imported.articleId;
    expect((await mara.call('sync:open', { articleId: id })).synced).toBe(true);
    await mara.call('sync:close', { articleId: id });
    expect(mara.session.review().comments.listThreads(id)).toEqual([]);
    await statusUntil(mara, 'the imported article on the server', upToDate);

    // The editor's desk has them from the server: every entry is Mara's, naming the file's author.
    await tomas.call('sync:refresh');
    const editor = await RendererDoc.open(tomas, id);
    await editor.pullUntil('the imported comments', () => readThreads(editor.doc).length === 3);
    const entries = [...commentsMap(editor.doc).values()] as Array<{ authorName: string; importedAuthor?: string }>;
    expect(entries.map((e) => `${e.authorName} for ${e.importedAuthor}`).sort()).toEqual([
      'Mara Lindqvist for Ines Halvorsen',
      'Mara Lindqvist for Mara Lindqvist',
      'Mara Lindqvist for Tomas Reyes',
      'Mara Lindqvist for Tomas Reyes',
    ]);
    const seen = (body: ArticleFields['body'], threads: CommentThread[]) =>
      threads.map((t) => ({ anchored: t.anchor && anchoredText(body, t.anchor), resolved: t.resolved, messages: t.messages.map((m) => `${m.by}: ${m.text}`) }));
    const expected = [
      { anchored: 'welcomed the decision', resolved: false, messages: ['Ines Halvorsen: Which residents? Name one.'] },
      { anchored: 'too late', resolved: true, messages: ['Tomas Reyes: Quote checked against the recording.'] },
      { anchored: 'The vote was 31 to 12.', resolved: false, messages: ['Mara Lindqvist: Added Ruth Olsen, a shop owner.'] },
    ];
    expect(seen(editor.fields().body, commentThreadsOf(editor.doc, id))).toEqual(expected);

    // The editor exports it with changes through IPC; our Word reader finds the same threads on the same words.
    const out = path.join(tmp, `export-${randomUUID()}`);
    const { jobId } = await tomas.call('exchange:export', {
      articleIds: [id],
      formats: ['docx'],
      folderId: tomas.paths.offer('export-folder', out).id,
      withChanges: true,
    });
    let job = await tomas.call('exchange:jobStatus', { jobId });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await tomas.call('exchange:jobStatus', { jobId });
    }
    expect(job.failures).toEqual([]);
    const reader = new DatabaseSession(path.join(tmp, `reader-${randomUUID()}.db`));
    try {
      const back = await importFile(reader, 'back.docx', fs.readFileSync(job.files[0]!));
      if (back.kind !== 'imported') throw new Error(JSON.stringify(back));
      // Resolved too, though none of these threads has a reply (scripts/patch-deps.mjs, docx).
      expect(seen(reader.store().getArticle(back.articleId).body, reader.review().comments.listThreads(back.articleId))).toEqual(expected);
    } finally {
      reader.close();
    }
  });
});
