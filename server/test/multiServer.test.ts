/**
 * Two newsroom server instances sharing one PostgreSQL database and scaled out through Redis, as real
 * processes, with providers connected straight to each instance: live editing across instances,
 * each update stored once (by the instance that acknowledged it), a status change and a sign-out made
 * through one instance reaching the connections of the other, and no stored update lost when two
 * instances that cannot hear each other (Redis down, or not shared) store the same article.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password';
import { SESSION_ENDED } from '../src/auth/signIn';
import { hashToken } from '../src/auth/tokens';
import { openStorage, type Storage } from '../src/storage/storage';
import { articleDocumentName } from '../../shared/sync/documentName';
import { docToArticleFields, fieldsMap } from '../../shared/sync/articleDoc';
import { emptyArticleFields } from '../../shared/model/article';
import {
  api,
  buildServerForTests,
  connect,
  postgresAvailable,
  postgresBackend,
  rawSocket,
  redisAvailable,
  redisKeys,
  redisPrefix,
  redisSubscribe,
  REDIS_URL,
  signInAs,
  startServerProcess,
  synced,
  typeHeadline,
  headlineOf,
  until,
  type Backend,
  type Client,
  type ServerProcess,
} from './harness';

const PASSWORDS = { mara: 'mara-password-1', tomas: 'tomas-password-1' };
const enabled = (await postgresAvailable()) && (await redisAvailable());

describe.skipIf(!enabled)('two server instances on one PostgreSQL, scaled out through Redis', () => {
  let entry = '';
  let cleanupBuild = () => {};
  let backend: Backend;
  let redis: ReturnType<typeof redisPrefix>;
  let a: ServerProcess;
  let b: ServerProcess;
  const extra: ServerProcess[] = [];
  const tokens = { mara: '', tomas: '' };
  const clients: Client[] = [];
  let db: pg.Client;
  let storage: Storage;

  const open = (server: ServerProcess, documentName: string, token: string) => {
    const client = connect(server.ws, documentName, token);
    clients.push(client);
    return client;
  };
  const createArticle = async (server: ServerProcess, token: string) => {
    const id = randomUUID();
    const { status, body } = await api(server.http, '/api/articles', { token, body: { id, fields: { ...emptyArticleFields(), headline: 'Harbour' } } });
    expect(status, JSON.stringify(body)).toBe(201);
    return { id, name: articleDocumentName(id) };
  };
  const transition = async (server: ServerProcess, token: string, id: string, action: string, note?: string) => {
    const { status, body } = await api(server.http, `/api/articles/${id}/transition`, { token, body: { action, ...(note ? { note } : {}) } });
    expect(status, JSON.stringify(body)).toBe(200);
  };
  const headline = headlineOf;
  /** What PostgreSQL holds for the article: the stored state plus every appended update. */
  const stored = async (id: string) => {
    const { state, updates } = await storage.documents.load(id);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    for (const update of updates) Y.applyUpdate(doc, update.data);
    return { doc, updates: updates.length };
  };
  /** How many updates were ever appended (the sequence never goes back, even when stores delete rows). */
  const appendedSoFar = async () => {
    const row = await db.query(
      `SELECT last_value, is_called FROM ${(await db.query("SELECT pg_get_serial_sequence('article_document_updates', 'seq') AS s")).rows[0].s}`,
    );
    return row.rows[0].is_called ? Number(row.rows[0].last_value) : 0;
  };

  beforeAll(async () => {
    ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
    backend = await postgresBackend();
    redis = redisPrefix();
    storage = await openStorage(backend.location);
    for (const [name, role, password] of [
      ['Mara Lindqvist', 'writer', PASSWORDS.mara],
      ['Tomas Okafor', 'editor', PASSWORDS.tomas],
    ] as const) {
      await storage.accounts.add({ id: randomUUID(), name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
    }
    // Each instance's own check of sessions is pushed out of every test's reach, so that a connection
    // closed for a sign-out elsewhere can only have heard of it through Redis.
    const noSweep = { NEWSROOM_SESSION_SWEEP_MS: String(3_600_000) };
    [a, b] = await Promise.all([startServerProcess(entry, backend, redis.args, 0, noSweep), startServerProcess(entry, backend, redis.args, 0, noSweep)]);
    tokens.mara = await signInAs(a.http, 'Mara Lindqvist', PASSWORDS.mara);
    tokens.tomas = await signInAs(b.http, 'Tomas Okafor', PASSWORDS.tomas);
    db = new pg.Client({ connectionString: (backend.location as { url: string }).url });
    await db.connect();
  }, 60_000);

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    for (const server of [a, b, ...extra]) {
      server?.child.kill('SIGKILL');
      await server?.exited;
    }
    await db?.end();
    await storage?.close();
    await backend?.cleanup();
    await redis?.cleanup();
    // Every test leaves Redis as it found it.
    const left = redis ? await redisKeys(redis.prefix) : [];
    if (left.length > 0) throw new Error(`Redis keys left behind: ${left.join(', ')}`);
    cleanupBuild();
  });

  it('lets desks on different instances edit one article live; each update is stored once, by the instance that took it', async () => {
    expect(a.output()).toContain('scaled out through Redis at');
    const { id, name } = await createArticle(a, tokens.mara);
    const onA = open(a, name, tokens.mara);
    const onB = open(b, name, tokens.tomas);
    await until('both synced', () => synced(onA) && synced(onB));
    const before = await appendedSoFar();

    let expected = 'Harbour';
    for (let i = 0; i < 10; i++) {
      typeHeadline(onA, ` a${i}`);
      expected += ` a${i}`;
      await until(`B sees a${i}`, () => headline(onB.doc) === expected && synced(onA), 3_000);
      typeHeadline(onB, ` b${i}`);
      expected += ` b${i}`;
      await until(`A sees b${i}`, () => headline(onA.doc) === expected && synced(onB), 3_000);
    }
    // 20 edits, 20 appends: the instance that received a change through Redis does not store it again.
    expect((await appendedSoFar()) - before).toBe(20);
    expect(JSON.stringify(docToArticleFields(onA.doc))).toBe(JSON.stringify(docToArticleFields(onB.doc)));
    expect(headline((await stored(id)).doc)).toBe(expected);
  });

  it('tells connections on the other instance at once when a status change through one instance makes the article read-only, and back', async () => {
    const { id, name } = await createArticle(a, tokens.mara);
    const writerOnB = open(b, name, tokens.mara);
    const editorOnA = open(a, name, tokens.tomas);
    await until('both synced', () => synced(writerOnB) && synced(editorOnA));

    await transition(a, tokens.mara, id, 'submit');
    // Only instance A handled the request; the notice reaches B's connection through Redis.
    await until('the writer’s connection on B is told', () => writerOnB.stateless.some((s) => JSON.parse(s).access === 'read'), 3_000);
    expect(JSON.parse(writerOnB.stateless.at(-1)!)).toEqual({
      type: 'access',
      access: 'read',
      reason: 'The article is with the editors: a writer edits it again when it is returned.',
    });
    typeHeadline(writerOnB, ' (refused)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writerOnB.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(headline(editorOnA.doc)).toBe('Harbour');

    await transition(a, tokens.tomas, id, 'return', 'Shorter, please.');
    await until('writable again on B', () => JSON.parse(writerOnB.stateless.at(-1)!).access === 'write', 3_000);
    // The change refused while read-only goes through now, and reaches the editor on A.
    await until('the held change arrives on A', () => headline(editorOnA.doc) === 'Harbour (refused)' && synced(writerOnB), 5_000);
    expect(headline((await stored(id)).doc)).toBe('Harbour (refused)');
  });

  it('closes a session’s connections on every instance when it signs out through one', async () => {
    const { name } = await createArticle(a, tokens.mara);
    const token = await signInAs(a.http, 'Mara Lindqvist', PASSWORDS.mara);
    const onB = await rawSocket(b.ws, name, token);
    const events = await redisSubscribe(REDIS_URL, `${redis.prefix}:newsroom-events`);
    try {
      expect((await api(a.http, '/api/sign-out', { token, body: {} })).status).toBe(204);
      const closed = await onB.closed;
      // B heard of it from A: its own check of sessions is an hour away here, and would say
      // SESSION_ENDED in a sentence of its own.
      expect(closed.code).toBe(4401);
      expect(closed.reason).toBe('You signed out.');
      expect(closed.reason).not.toBe(SESSION_ENDED);
      expect(events.messages.map((m) => JSON.parse(m).event)).toEqual([{ type: 'session-ended', tokenHash: hashToken(token), reason: 'You signed out.' }]);
    } finally {
      events.close();
    }
  });

  it('loses no acknowledged update when two instances that cannot hear each other store the same article', async () => {
    // A third instance on the same database without Redis: what an instance sees while Redis is down.
    const alone = await startServerProcess(entry, backend);
    extra.push(alone);
    const { id, name } = await createArticle(a, tokens.mara);
    const onA = open(a, name, tokens.mara);
    const onAlone = open(alone, name, tokens.tomas);
    await until('both synced', () => synced(onA) && synced(onAlone));
    typeHeadline(onA, ' alpha');
    typeHeadline(onAlone, ' beta');
    // A deletion on one side too: merging states must keep it (the text is gone on one instance only).
    (fieldsMap(onAlone.doc).get('headline') as Y.Text).delete(0, 1);
    await until('both acknowledged', () => synced(onA) && synced(onAlone));
    expect(headline(onA.doc)).toBe('Harbour alpha');
    expect(headline(onAlone.doc)).toBe('arbour beta');

    // Each instance stores its own copy as its last connection leaves, then drops the updates it stored.
    for (const client of clients.splice(0)) client.destroy();
    await until('both instances stored', async () => (await stored(id)).updates === 0, 10_000);
    const text = headline((await stored(id)).doc);
    expect(text).toMatch(/^arbour( alpha beta| beta alpha)$/);
    // And an instance loading it afresh serves both.
    const reader = open(b, name, tokens.tomas);
    await until('reader synced', () => synced(reader));
    expect(headline(reader.doc)).toBe(text);
  });
});
