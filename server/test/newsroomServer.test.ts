/**
 * The newsroom server as a real process, with SQLite and with PostgreSQL: accounts, sign-in, the
 * API, live editing through raw providers, what the server refuses, and restarts both ways.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../shared/model/article';
import { makeArticle } from '../../shared/export/__fixtures__/sampleArticle';
import { sampleArticleBody } from '../../electron/node/store/seed';
import { articleToDoc, bodyType, docToArticleFields, fieldsMap, setTextField } from '../../shared/sync/articleDoc';
import { articleDocumentName } from '../../shared/sync/documentName';
import { addReply, addThread, commentsMap, readThreads, setThreadResolved, type CommentAuthor } from '../../shared/sync/articleComments';
import { hashPassword } from '../src/auth/password';
import { openStorage } from '../src/storage/storage';
import {
  api,
  authMessage,
  buildServerForTests,
  connect,
  postgresAvailable,
  postgresBackend,
  rawSocket,
  runCli,
  signInAs,
  sleep,
  sqliteBackend,
  startServerProcess,
  synced,
  until,
  updateMessage,
  varBytes,
  varString,
  type Backend,
  type Client,
  type ServerProcess,
} from './harness';

const PASSWORDS = {
  mara: 'mara-password-1',
  ines: 'ines-password-1',
  tomas: 'tomas-password-1',
  pat: 'pat-password-1',
  sam: 'sam-password-1',
  lena: 'lena-password-1',
};

function sampleFields(): ArticleFields {
  const { id: _i, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(sampleArticleBody());
  return fields;
}

const headline = (client: Client) => (fieldsMap(client.doc).get('headline') as Y.Text).toString();
const typeHeadline = (client: Client, text: string) => {
  const y = fieldsMap(client.doc).get('headline') as Y.Text;
  y.insert(y.length, text);
};

let entry = '';
let cleanupBuild = () => {};
beforeAll(async () => {
  ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
}, 30_000);
afterAll(() => cleanupBuild());

const withPostgres = await postgresAvailable();

describe.each([
  { name: 'SQLite', make: async () => sqliteBackend(), enabled: true },
  { name: 'PostgreSQL', make: postgresBackend, enabled: withPostgres },
])('newsroom server with $name', ({ make, enabled }) => {
  let backend: Backend;
  let server: ServerProcess;
  const tokens = { mara: '', tomas: '', ines: '', lena: '' };
  const clients: Client[] = [];
  const open = (documentName: string, token: string) => {
    const client = connect(server.ws, documentName, token);
    clients.push(client);
    return client;
  };
  const createArticle = async (token: string, fields?: ArticleFields) => {
    const id = randomUUID();
    const { status, body } = await api(server.http, '/api/articles', { token, body: { id, ...(fields ? { fields } : {}) } });
    expect(status, JSON.stringify(body)).toBe(201);
    return { id, name: articleDocumentName(id) };
  };
  const transition = async (token: string, id: string, action: string, note?: string) => {
    const { status, body } = await api(server.http, `/api/articles/${id}/transition`, { token, body: { action, ...(note ? { note } : {}) } });
    expect(status, JSON.stringify(body)).toBe(200);
  };

  beforeAll(async () => {
    if (!enabled) return;
    backend = await make();
    // Accounts straight through the storage (the command itself is tested below): fewer processes to start.
    const storage = await openStorage(backend.location);
    for (const [name, role, password] of [
      ['Mara Lindqvist', 'writer', PASSWORDS.mara],
      ['Ines', 'writer', PASSWORDS.ines],
      ['Pat', 'writer', PASSWORDS.pat],
      ['Sam', 'writer', PASSWORDS.sam],
      ['Tomas Okafor', 'editor', PASSWORDS.tomas],
      ['Lena Berg', 'editor', PASSWORDS.lena],
    ] as const) {
      await storage.accounts.add({ id: randomUUID(), name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
    }
    await storage.close();
    server = await startServerProcess(entry, backend);
    tokens.mara = await signInAs(server.http, 'mara lindqvist', PASSWORDS.mara);
    tokens.tomas = await signInAs(server.http, 'Tomas Okafor', PASSWORDS.tomas);
    tokens.ines = await signInAs(server.http, 'Ines', PASSWORDS.ines);
    tokens.lena = await signInAs(server.http, 'Lena Berg', PASSWORDS.lena);
    // A database, four password hashes, a server process and three sign-ins: a test's budget, not a hook's 10 s.
  }, 30_000);

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    if (!enabled) return;
    server?.child.kill('SIGKILL');
    await server?.exited;
    await backend?.cleanup();
  });

  it.skipIf(!enabled)('manages accounts with the same command', async () => {
    const list = await runCli(entry, backend, ['account', 'list', '--json']);
    expect(JSON.parse(list.stdout).map((a: { name: string; role: string; disabled: boolean }) => [a.name, a.role, a.disabled])).toEqual([
      ['Ines', 'writer', false],
      ['Lena Berg', 'editor', false],
      ['Mara Lindqvist', 'writer', false],
      ['Pat', 'writer', false],
      ['Sam', 'writer', false],
      ['Tomas Okafor', 'editor', false],
    ]);
    // The password from standard input, as when an admin pipes it in.
    const piped = await runCli(entry, backend, ['account', 'add', '--name', 'Kim', '--role', 'writer'], 'kim-password-1\n');
    expect(piped.stdout).toBe('Added Kim (writer).');
    expect((await api(server.http, '/api/sign-in', { body: { name: 'Kim', password: 'kim-password-1' } })).status).toBe(200);
    // Refusals, each one sentence (independent, so run together).
    const [duplicate, badRole, shortPassword, nobody] = await Promise.all([
      runCli(entry, backend, ['account', 'add', '--name', 'MARA LINDQVIST', '--role', 'writer', '--password', 'long enough 1']),
      runCli(entry, backend, ['account', 'add', '--name', 'X', '--role', 'boss', '--password', 'long enough 1']),
      runCli(entry, backend, ['account', 'add', '--name', 'X', '--role', 'writer', '--password', 'short']),
      runCli(entry, backend, ['account', 'disable', '--name', 'nobody']),
    ]);
    expect([duplicate.code, duplicate.stderr]).toEqual([2, 'newsroom-server: An account named “MARA LINDQVIST” already exists.']);
    expect(badRole.stderr).toBe('newsroom-server: “boss” is not a role: use writer or editor.');
    expect(shortPassword.stderr).toBe('newsroom-server: The password is too short: use at least 10 characters.');
    expect(nobody.stderr).toBe('newsroom-server: There is no account named “nobody”. “account list” shows them.');
    expect((await runCli(entry, backend, ['account', 'role', '--name', 'ines', '--role', 'editor'])).stdout).toBe('Ines is now an editor.');
    expect((await api(server.http, '/api/session', { token: tokens.ines })).body.account.role).toBe('editor');
    expect((await runCli(entry, backend, ['account', 'role', '--name', 'ines', '--role', 'writer'])).stdout).toBe('Ines is now a writer.');
  });

  it.skipIf(!enabled)('signs in with a revocable token, limits failed sign-ins, and refuses bad requests in a sentence', async () => {
    expect(await api(server.http, '/api/health')).toEqual({ status: 200, body: { name: 'newsroom-server', protocol: 1 } });
    const wrong = { status: 401, body: { error: 'The name or the password is wrong.' } };
    expect(await api(server.http, '/api/sign-in', { body: { name: 'Pat', password: 'not the password' } })).toEqual(wrong);
    expect(await api(server.http, '/api/sign-in', { body: { name: 'Nobody', password: 'not the password' } })).toEqual(wrong);

    // Five failures lock the account out even with the right password; resetting the password lets it back in.
    for (let i = 0; i < 4; i++) expect((await api(server.http, '/api/sign-in', { body: { name: 'pat', password: `guess ${i}` } })).status).toBe(401);
    const locked = await api(server.http, '/api/sign-in', { body: { name: 'Pat', password: PASSWORDS.pat } });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatch(/^Too many failed sign-ins for this account/);
    expect((await runCli(entry, backend, ['account', 'reset-password', '--name', 'Pat', '--password', 'pat-password-2'])).stdout).toBe(
      'Reset the password of Pat; 0 sessions ended.',
    );
    const token = await signInAs(server.http, 'Pat', 'pat-password-2');
    expect(await api(server.http, '/api/session', { token })).toMatchObject({ status: 200, body: { account: { name: 'Pat', role: 'writer' } } });

    expect((await api(server.http, '/api/sign-out', { token, method: 'POST' })).status).toBe(204);
    expect(await api(server.http, '/api/session', { token })).toEqual({
      status: 401,
      body: { error: 'Your session has ended (signed out, or revoked by an admin): sign in again.' },
    });
    expect(await api(server.http, '/api/articles')).toEqual({
      status: 401,
      body: { error: 'Sign in to the newsroom server first: no valid session token was sent.' },
    });

    expect(await api(server.http, '/api/sign-in', { rawBody: '{"name": "Pat",' })).toEqual({ status: 400, body: { error: 'The request is not valid JSON.' } });
    expect((await api(server.http, '/api/sign-in', { body: { name: 'Pat', password: 'x'.repeat(20_000) } })).status).toBe(413);
    expect((await api(server.http, '/api/sign-in', { body: { name: 'Pat' } })).body.error).toMatch(
      /^The request was refused: “password” is missing or not valid/,
    );
    expect(await api(server.http, '/api/nothing')).toEqual({ status: 404, body: { error: 'There is no such address on this newsroom server.' } });
  });

  it.skipIf(!enabled)('creates articles idempotently by the desk’s id and lists only what each account may see', async () => {
    const id = randomUUID();
    const first = await api(server.http, '/api/articles', { token: tokens.mara, body: { id, fields: sampleFields() } });
    expect(first.status).toBe(201);
    expect(first.body.article).toMatchObject({
      id,
      status: 'draft',
      headline: sampleFields().headline,
      ownerName: 'Mara Lindqvist',
      access: 'write',
      documentName: `article:${id}`,
    });
    const again = await api(server.http, '/api/articles', { token: tokens.mara, body: { id } });
    expect([again.status, again.body.created, again.body.article.headline]).toEqual([200, false, sampleFields().headline]);

    expect((await api(server.http, '/api/articles', { token: tokens.ines, body: { id } })).status).toBe(409);
    expect((await api(server.http, `/api/articles/${id}`, { token: tokens.ines })).status).toBe(404);
    expect((await api(server.http, '/api/articles', { token: tokens.ines })).body.articles.map((a: { id: string }) => a.id)).not.toContain(id);
    const editorView = (await api(server.http, '/api/articles', { token: tokens.tomas })).body.articles.find((a: { id: string }) => a.id === id);
    expect(editorView).toMatchObject({ ownerName: 'Mara Lindqvist', access: 'write' });

    expect((await api(server.http, '/api/articles', { token: tokens.mara, body: { id: 'not-a-uuid' } })).body.error).toMatch(
      /^The request was refused: “id” is missing or not valid/,
    );
    expect(
      (await api(server.http, '/api/articles', { token: tokens.mara, body: { id: randomUUID(), fields: { ...sampleFields(), headline: 7 } } })).body.error,
    ).toMatch(/“fields.headline”/);
    expect((await api(server.http, `/api/articles/${id}/transition`, { token: tokens.mara, body: { action: 'approve' } })).body.error).toBe(
      '“Approve” is not possible for an article that is draft.',
    );
    expect((await api(server.http, `/api/articles/${id}/transition`, { token: tokens.tomas, body: { action: 'submit' } })).status).toBe(200);
    expect((await api(server.http, `/api/articles/${id}/transition`, { token: tokens.tomas, body: { action: 'return' } })).body.error).toBe(
      'Say why in a note: the writer needs to know what to change.',
    );
  });

  it.skipIf(!enabled)(
    'logs each workflow step (who, role, when, from, to, note), shows the history only to those who see the article, and answers a step sent again',
    async () => {
      const { id } = await createArticle(tokens.mara);
      const history = async (token: string) => api(server.http, `/api/articles/${id}/history`, { token });
      expect(await history(tokens.mara)).toEqual({ status: 200, body: { history: [] } });

      const requestId = randomUUID();
      const before = Date.now();
      const submitted = await api(server.http, `/api/articles/${id}/transition`, { token: tokens.mara, body: { action: 'submit', from: 'draft', requestId } });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      expect(submitted.body).toMatchObject({
        article: { status: 'submitted' },
        replayed: false,
        step: { action: 'submit', from: 'draft', to: 'submitted', accountName: 'Mara Lindqvist', role: 'writer' },
      });
      // Sent again (the desk lost the answer): the same answer, not a second move or a refusal.
      const again = await api(server.http, `/api/articles/${id}/transition`, { token: tokens.mara, body: { action: 'submit', from: 'draft', requestId } });
      expect([again.status, again.body.replayed, again.body.step]).toEqual([200, true, submitted.body.step]);
      // The same id for another step or by another account is not a replay.
      expect((await api(server.http, `/api/articles/${id}/transition`, { token: tokens.tomas, body: { action: 'start-edit', requestId } })).body.error).toBe(
        'This request id was already used for another step; nothing was changed.',
      );

      // A step asked of the status the desk saw is refused once the article has left it, and says so.
      await transition(tokens.tomas, id, 'start-edit');
      const stale = await api(server.http, `/api/articles/${id}/transition`, {
        token: tokens.tomas,
        body: { action: 'return', note: 'Shorter.', from: 'submitted' },
      });
      expect(stale).toEqual({
        status: 409,
        body: { error: 'Someone moved the article meanwhile: it is in edit now, not submitted. This step was not applied.' },
      });
      await transition(tokens.tomas, id, 'return', '  Cut the second half.  ');

      const { status, body } = await history(tokens.mara);
      expect(status).toBe(200);
      expect(body.history.map((h: Record<string, unknown>) => [h.action, h.from, h.to, h.accountName, h.role, h.note])).toEqual([
        ['submit', 'draft', 'submitted', 'Mara Lindqvist', 'writer', ''],
        ['start-edit', 'submitted', 'in-edit', 'Tomas Okafor', 'editor', ''],
        ['return', 'in-edit', 'draft', 'Tomas Okafor', 'editor', 'Cut the second half.'],
      ]);
      const times = body.history.map((h: { at: string }) => Date.parse(h.at));
      expect(times[0]).toBeGreaterThanOrEqual(before - 1_000);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(body.history.every((h: Record<string, unknown>) => typeof h.accountId === 'string' && !('requestId' in h))).toBe(true);
      expect((await history(tokens.tomas)).body).toEqual(body);

      // Another writer does not see the article, so not its history either; a refused step is not logged.
      expect(await history(tokens.ines)).toEqual({ status: 404, body: { error: 'There is no such article, or this account may not see it.' } });
      expect((await api(server.http, `/api/articles/${id}/history`)).status).toBe(401);
      expect((await api(server.http, `/api/articles/${id}/transition`, { token: tokens.mara, body: { action: 'approve' } })).status).toBe(403);
      expect((await history(tokens.mara)).body.history).toHaveLength(3);
      expect(
        (await api(server.http, `/api/articles/${id}/transition`, { token: tokens.mara, body: { action: 'submit', requestId: 'NOT-A-UUID' } })).body.error,
      ).toMatch(/“requestId” is missing or not valid/);
    },
  );

  it.skipIf(!enabled)('lets exactly one of two editors who approve and return at once win, and tells the other plainly', async () => {
    const step = (token: string, id: string, body: Record<string, string>) =>
      api(server.http, `/api/articles/${id}/transition`, { token, body: { ...body, requestId: randomUUID() } });
    for (let round = 0; round < 8; round++) {
      const { id } = await createArticle(tokens.mara);
      await transition(tokens.mara, id, 'submit');
      await transition(tokens.tomas, id, 'start-edit');
      // Both editors saw the article in edit; their steps reach the server together.
      const [approved, returned] = await Promise.all([
        step(tokens.tomas, id, { action: 'approve', from: 'in-edit' }),
        step(tokens.lena, id, { action: 'return', from: 'in-edit', note: 'Needs a second source.' }),
      ]);
      const answers = [approved, returned];
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const winner = answers.find((a) => a.status === 200)!;
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.error).toMatch(
        /^(Someone moved the article meanwhile: it is (approved|draft) now, not in edit\. This step was not applied\.|Someone changed the article’s status meanwhile: reload and try again\.)$/,
      );
      const history = (await api(server.http, `/api/articles/${id}/history`, { token: tokens.tomas })).body.history as Array<{ action: string; to: string }>;
      expect(history.map((h) => h.action)).toEqual(['submit', 'start-edit', winner.body.step.action]);
      const listed = (await api(server.http, '/api/articles', { token: tokens.tomas })).body.articles.find((a: { id: string }) => a.id === id);
      expect(listed.status).toBe(winner.body.article.status);
    }
  });

  it.skipIf(!enabled)('takes an article created offline as the desk’s own document, so later edits merge without duplicating it', async () => {
    const desk = articleToDoc(sampleFields());
    setTextField(fieldsMap(desk).get('headline') as Y.Text, 'Written on the train');
    const id = randomUUID();
    const state = Buffer.from(Y.encodeStateAsUpdate(desk)).toString('base64');
    const created = await api(server.http, '/api/articles', { token: tokens.mara, body: { id, state } });
    expect([created.status, created.body.article.headline]).toEqual([201, 'Written on the train']);

    const onDesk = connect(server.ws, articleDocumentName(id), tokens.mara, { doc: desk });
    clients.push(onDesk);
    const tomas = open(articleDocumentName(id), tokens.tomas);
    await until('both synced', () => synced(onDesk) && synced(tomas));
    expect(docToArticleFields(tomas.doc)).toEqual({ ...sampleFields(), headline: 'Written on the train' });
    expect(docToArticleFields(desk)).toEqual(docToArticleFields(tomas.doc));

    const refused = async (body: unknown) => (await api(server.http, '/api/articles', { token: tokens.mara, body })).body.error as string;
    const stray = new Y.Doc();
    stray.getMap('status').set('approved', true);
    expect(await refused({ id: randomUUID(), state: Buffer.from(Y.encodeStateAsUpdate(stray)).toString('base64') })).toBe(
      'The update writes outside the article: it was refused and nothing was stored.',
    );
    expect(await refused({ id: randomUUID(), state: Buffer.from([0xff, 0xff, 0xff, 0x0f]).toString('base64') })).toMatch(
      /^The server received a malformed update/,
    );
    expect(await refused({ id: randomUUID(), state: 'not base64!' })).toMatch(/“state” is missing or not valid/);
    expect(await refused({ id: randomUUID(), state, fields: sampleFields() })).toMatch(
      /“state” is missing or not valid \(send either fields or state, not both\)/,
    );
  });

  it.skipIf(!enabled)('keeps the article’s language from a desk’s fields; a desk from before languages sends none and gets English', async () => {
    const arabic = await createArticle(tokens.mara, { ...sampleFields(), language: 'ar' });
    const reader = open(arabic.name, tokens.mara);
    await until('synced', () => synced(reader));
    expect(docToArticleFields(reader.doc).language).toBe('ar');
    const { language: _language, ...older } = sampleFields();
    const old = await createArticle(tokens.mara, older as ArticleFields);
    const oldReader = open(old.name, tokens.mara);
    await until('synced', () => synced(oldReader));
    expect(docToArticleFields(oldReader.doc).language).toBe('en');
    expect(
      (await api(server.http, '/api/articles', { token: tokens.mara, body: { id: randomUUID(), fields: { ...sampleFields(), language: 'Arabic!' } } })).body
        .error,
    ).toMatch(/“fields.language”/);
  });

  it.skipIf(!enabled)('two providers see each other’s edits, starting from the content the server created', async () => {
    const article = await createArticle(tokens.mara, sampleFields());
    const mara = open(article.name, tokens.mara);
    const tomas = open(article.name, tokens.tomas);
    await until('both synced', () => synced(mara) && synced(tomas));
    expect(docToArticleFields(mara.doc)).toEqual(sampleFields());

    typeHeadline(mara, ' (updated)');
    await until('the editor sees the writer’s headline', () => headline(tomas).endsWith(' (updated)'), 2_000);
    const firstParagraph = bodyType(tomas.doc).toDelta()[0].insert as Y.XmlText;
    firstParagraph.insert(0, 'VESTMARK — ');
    await until(
      'the writer sees the editor’s body edit',
      () => JSON.stringify(docToArticleFields(mara.doc).body[0]).includes('VESTMARK — The harbour city'),
      2_000,
    );
    await until('both acknowledged', () => synced(mara) && synced(tomas));
    expect(docToArticleFields(mara.doc)).toEqual(docToArticleFields(tomas.doc));

    // Signing out on one desk closes that session's connections at once, and only those.
    const laptop = await signInAs(server.http, 'Tomas Okafor', PASSWORDS.tomas);
    const second = open(article.name, laptop);
    await until('second desk synced', () => synced(second));
    expect((await api(server.http, '/api/sign-out', { token: laptop, method: 'POST' })).status).toBe(204);
    await until('the signed-out desk closed', () => second.closeCodes.includes(4401));
    await until('and refused on reconnecting', () => second.authFailures.length > 0);
    expect(tomas.closeCodes).toEqual([]);
  });

  it.skipIf(!enabled)('signs in the next provider of a document when the server reads it together with the last one’s close', async () => {
    // A desk lets go of an article it loaded in the background and opens it at once: its provider
    // sends "close" for the document, and the next one its sign-in. Through a busy proxy or server
    // both arrive in one read, and Hocuspocus would give the sign-in to the closing connection.
    const article = await createArticle(tokens.mara);
    const { ws } = await rawSocket(server.ws, article.name, tokens.mara);
    const replies: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => replies.push(new Uint8Array(data)));
    const prefix = varString(article.name);
    const after = (reply: Uint8Array) => (reply.length > prefix.length && prefix.every((b, i) => reply[i] === b) ? [...reply.subarray(prefix.length)] : []);
    // Sync step 1 from an empty document: answered only once the connection is set up.
    ws.send(Uint8Array.from([...prefix, 0, 0, ...varBytes(Y.encodeStateVector(new Y.Doc()))]));
    await until('the connection set up', () => replies.some((r) => after(r)[0] === 0 && after(r)[1] === 1));
    const socket = (ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
    socket.cork();
    ws.send(Uint8Array.from([...prefix, 7]));
    ws.send(authMessage(article.name, tokens.mara));
    process.nextTick(() => socket.uncork());
    // Auth (2), "authenticated" (2): the new provider is signed in, and its sync is answered.
    await until('signed in again', () => replies.some((r) => after(r)[0] === 2 && after(r)[1] === 2), 3_000);
    const signedIn = replies.find((r) => after(r)[0] === 2 && after(r)[1] === 2)!;
    expect(new TextDecoder().decode(Uint8Array.from(after(signedIn).slice(3)))).toBe('read-write');
    const answered = replies.length;
    ws.send(Uint8Array.from([...prefix, 0, 0, ...varBytes(Y.encodeStateVector(new Y.Doc()))]));
    await until('sync answered', () => replies.slice(answered).some((r) => after(r)[0] === 0 && after(r)[1] === 1), 3_000);
    ws.close();
  });

  it.skipIf(!enabled)('refuses connections without a valid session, to unknown documents and to articles the account may not see', async () => {
    const article = await createArticle(tokens.mara);
    const refused = async (documentName: string, token: string) => {
      const client = open(documentName, token);
      await until('a refusal', () => client.authFailures.length > 0);
      return client.authFailures[0];
    };
    expect(await refused(article.name, 'A'.repeat(43))).toBe('Your session has ended (signed out, or revoked by an admin): sign in again.');
    expect(await refused(article.name, '')).toBe('Sign in to the newsroom server first: no valid session token was sent.');
    expect(await refused(`author:${article.id}`, tokens.mara)).toBe('This server has no document of that name: article documents are named article:<id>.');
    expect(await refused('article:../../etc/passwd', tokens.mara)).toBe('This server has no document of that name: article documents are named article:<id>.');
    expect(await refused(articleDocumentName(randomUUID()), tokens.mara)).toBe('There is no article with this id on the server: create it first.');
    expect(await refused(article.name, tokens.ines)).toBe('This account may not open this article.');

    // A connection open when its account is disabled: its next change is refused and the socket closed.
    const samToken = await signInAs(server.http, 'Sam', PASSWORDS.sam);
    const samArticle = await createArticle(samToken);
    const sam = open(samArticle.name, samToken);
    const tomas = open(samArticle.name, tokens.tomas);
    await until('sam and tomas synced', () => synced(sam) && synced(tomas));
    // Another of Sam's sessions, only reading: closed by the server's periodic check of sessions.
    const samReading = open(samArticle.name, await signInAs(server.http, 'Sam', PASSWORDS.sam));
    await until('sam reading synced', () => synced(samReading));
    expect((await runCli(entry, backend, ['account', 'disable', '--name', 'Sam'])).stdout).toBe('Disabled Sam; 2 sessions ended.');
    typeHeadline(sam, 'written after being disabled');
    await until('sam’s socket closed as session ended', () => sam.closeCodes.includes(4401));
    await until('sam’s reconnection refused', () => sam.authFailures.length > 0);
    expect(sam.authFailures[0]).toBe('Your session has ended (signed out, or revoked by an admin): sign in again.');
    expect(headline(tomas)).toBe('');
    await until('the reading session closed too', () => samReading.closeCodes.includes(4401), 8_000);
    expect(await api(server.http, '/api/sign-in', { body: { name: 'Sam', password: 'sam-password-1' } })).toEqual({
      status: 403,
      body: { error: 'This account is disabled: ask an admin of the newsroom server.' },
    });
  });

  it.skipIf(!enabled)('keeps approved articles read-only for everyone and refuses writes that arrive anyway', async () => {
    const article = await createArticle(tokens.mara, sampleFields());
    await transition(tokens.mara, article.id, 'submit');
    await transition(tokens.tomas, article.id, 'start-edit');
    await transition(tokens.tomas, article.id, 'approve');

    const mara = open(article.name, tokens.mara);
    const tomas = open(article.name, tokens.tomas);
    await until('both synced', () => mara.provider.isSynced && tomas.provider.isSynced);
    expect([mara.provider.authorizedScope, tomas.provider.authorizedScope]).toEqual(['readonly', 'readonly']);
    await until('mara told why', () => mara.stateless.length > 0);
    expect(JSON.parse(mara.stateless[0]!)).toEqual({
      type: 'access',
      access: 'read',
      reason: 'The article is approved: nobody edits its text until an editor reopens it.',
    });

    typeHeadline(mara, ' WRITER EDIT');
    typeHeadline(tomas, ' EDITOR EDIT');
    await sleep(500);
    expect(mara.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(tomas.provider.unsyncedChanges).toBeGreaterThan(0);
    const reader = open(article.name, tokens.tomas);
    await until('a fresh reader synced', () => reader.provider.isSynced);
    expect(headline(reader)).toBe(sampleFields().headline);

    // Reopened: the editor's open connection may write again; the server asks it for what it lacks,
    // so the edit refused earlier goes through with the new one. The writer's stays refused (in edit).
    await transition(tokens.tomas, article.id, 'reopen');
    typeHeadline(tomas, '!');
    await until('the editor’s edits accepted after reopening', () => headline(reader) === `${sampleFields().headline} EDITOR EDIT!` && synced(tomas));
    expect(mara.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(headline(reader)).not.toContain('WRITER EDIT');
  });

  it.skipIf(!enabled)('makes a writer’s open connection read-only when the writer submits the article', async () => {
    const article = await createArticle(tokens.mara);
    const mara = open(article.name, tokens.mara);
    const tomas = open(article.name, tokens.tomas);
    await until('both synced', () => synced(mara) && synced(tomas));
    typeHeadline(mara, 'Draft headline');
    await until('accepted while a draft', () => headline(tomas) === 'Draft headline' && synced(mara));

    await transition(tokens.mara, article.id, 'submit');
    await until('mara told the article is with the editors', () => mara.stateless.some((s) => JSON.parse(s).access === 'read'));
    typeHeadline(mara, ' typed after submitting');
    typeHeadline(tomas, ' (edited)');
    await until('the editor’s edit reaches mara', () => headline(mara).includes(' (edited)'));
    await sleep(300);
    expect(headline(tomas)).toBe('Draft headline (edited)');
    expect(mara.provider.unsyncedChanges).toBeGreaterThan(0);
  });

  it.skipIf(!enabled)('refuses malformed and oversized messages without crashing or touching the document', async () => {
    const article = await createArticle(tokens.tomas, sampleFields());
    const garbage = await rawSocket(server.ws, article.name, tokens.tomas);
    garbage.ws.send(updateMessage(article.name, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])));
    expect(await garbage.closed).toEqual({ code: 1007, reason: 'The server received a malformed update: it was refused and nothing was stored.' });

    // A real update cut short: well-formed at the protocol level, broken inside.
    const scratch = new Y.Doc();
    scratch.getMap('fields').set('headline', new Y.Text('HIJACKED'));
    const update = Y.encodeStateAsUpdate(scratch);
    const truncated = await rawSocket(server.ws, article.name, tokens.tomas);
    truncated.ws.send(updateMessage(article.name, update.subarray(0, update.length - 6)));
    expect((await truncated.closed).code).toBe(1007);

    // Well-formed, but writing where no article has anything.
    const outside = new Y.Doc();
    outside.getMap('status').set('approved', true);
    const stray = await rawSocket(server.ws, article.name, tokens.tomas);
    stray.ws.send(updateMessage(article.name, Y.encodeStateAsUpdate(outside)));
    expect(await stray.closed).toEqual({ code: 1007, reason: 'The update writes outside the article: it was refused and nothing was stored.' });

    const big = await rawSocket(server.ws, article.name, tokens.tomas);
    big.ws.send(new Uint8Array(9 * 1024 * 1024));
    expect((await big.closed).code).toBe(1009);

    // A socket that never signs in cannot make the server queue without end.
    const flood = new WebSocket(server.ws);
    const floodClosed = new Promise<number>((resolve) => flood.once('close', (code) => resolve(code)));
    await new Promise((resolve) => flood.once('open', resolve));
    for (let i = 0; i < 2_100; i++) flood.send(updateMessage(article.name, Uint8Array.from([0, 0])));
    expect(await floodClosed).toBe(1008);

    expect((await api(server.http, '/api/health')).status).toBe(200);
    const reader = open(article.name, tokens.tomas);
    await until('a reader synced', () => synced(reader));
    expect(docToArticleFields(reader.doc)).toEqual(sampleFields());
    typeHeadline(reader, ' still editable');
    await until('edits still accepted', () => synced(reader));
  });

  it.skipIf(!enabled)('syncs comments under the authors’ account names and refuses forged, rewritten or removed ones', async () => {
    const article = await createArticle(tokens.mara, sampleFields());
    const who = async (token: string) => ((await api(server.http, '/api/session', { token })).body as { account: CommentAuthor }).account;
    const [maraAccount, tomasAccount] = [await who(tokens.mara), await who(tokens.tomas)];
    const mara = open(article.name, tokens.mara);
    const tomas = open(article.name, tokens.tomas);
    await until('both synced', () => synced(mara) && synced(tomas));

    const block = bodyType(tomas.doc).toDelta()[0].insert as Y.XmlText;
    const threadId = addThread(
      tomas.doc,
      {
        start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(block, 0, 0)),
        end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(block, 4, -1)),
        quote: block.toString().slice(0, 4),
        text: 'Who said this? @Mara Lindqvist',
      },
      tomasAccount,
    );
    await until('mara sees the comment', () => readThreads(mara.doc).length === 1);
    addReply(mara.doc, threadId, 'The mayor, on the record.', maraAccount);
    setThreadResolved(tomas.doc, threadId, true, tomasAccount);
    await until(
      'both agree',
      () => readThreads(tomas.doc)[0]?.messages.length === 2 && readThreads(mara.doc)[0]?.resolved === true && synced(mara) && synced(tomas),
    );
    expect(readThreads(mara.doc)).toEqual(readThreads(tomas.doc));
    expect(readThreads(mara.doc)[0]!.messages.map((m) => [m.by, m.text])).toEqual([
      ['Tomas Okafor', 'Who said this? @Mara Lindqvist'],
      ['Mara Lindqvist', 'The mayor, on the record.'],
    ]);

    // Under another account's name: refused whole, before it is stored.
    const forgedDoc = new Y.Doc();
    addReply(forgedDoc, threadId, 'Approved, no need to check. — Tomas', tomasAccount);
    const forger = await rawSocket(server.ws, article.name, tokens.mara);
    forger.ws.send(updateMessage(article.name, Y.encodeStateAsUpdate(forgedDoc)));
    expect(await forger.closed).toEqual({ code: 1007, reason: expect.stringMatching(/^A comment must carry the name of the account/) });

    // Removing or rewriting someone's comment: refused, even by a desk that has the whole document.
    for (const change of [
      (d: Y.Doc) => commentsMap(d).delete(`t:${threadId}`),
      (d: Y.Doc) => commentsMap(d).set(`t:${threadId}`, { ...(commentsMap(d).get(`t:${threadId}`) as object), text: 'Nothing to see.' }),
    ]) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(mara.doc));
      const before = Y.encodeStateVector(copy);
      change(copy);
      const tamper = await rawSocket(server.ws, article.name, tokens.mara);
      tamper.ws.send(updateMessage(article.name, Y.encodeStateAsUpdate(copy, before)));
      expect(await tamper.closed).toEqual({ code: 1007, reason: expect.stringMatching(/^Comments are never changed or removed/) });
    }
    const reader = open(article.name, tokens.tomas);
    await until('a reader synced', () => synced(reader));
    expect(readThreads(reader.doc)).toEqual(readThreads(tomas.doc));
  });

  it.skipIf(!enabled)('loses no acknowledged update when killed with SIGKILL while someone types, and the desk sends the rest after restart', async () => {
    const article = await createArticle(tokens.mara);
    const mara = open(article.name, tokens.mara);
    await until('synced', () => synced(mara));
    let acknowledged = '';
    mara.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0 && mara.provider.isSynced) acknowledged = headline(mara);
    });

    // A first stretch acknowledged for sure, then typing goes on and the server dies mid-stream.
    for (let i = 0; i < 30; i++) typeHeadline(mara, `w${i} `);
    await until('the first stretch acknowledged', () => synced(mara));
    for (let i = 30; i < 60; i++) {
      typeHeadline(mara, `w${i} `);
      await sleep(4);
    }
    server.child.kill('SIGKILL');
    await server.exited;
    // The desk goes on typing while the server is down (its provider keeps trying to reconnect).
    for (let i = 60; i < 80; i++) typeHeadline(mara, `w${i} `);
    // Every acknowledgement so far came from the killed server.
    const acknowledgedBeforeRestart = acknowledged;

    // Typed well within Hocuspocus' 2 s store debounce: only the per-update log can have kept these.
    expect(acknowledgedBeforeRestart.startsWith(Array.from({ length: 30 }, (_, i) => `w${i} `).join(''))).toBe(true);
    server = await startServerProcess(entry, backend, [], server.port);
    const reader = open(article.name, tokens.tomas);
    await until('reader synced', () => synced(reader));
    expect(headline(reader).startsWith(acknowledgedBeforeRestart), `server has “${headline(reader)}”, acknowledged “${acknowledgedBeforeRestart}”`).toBe(true);

    await until('the writer’s offline words reach the editor', () => synced(mara) && headline(reader) === headline(mara));
    expect(headline(reader)).toBe(Array.from({ length: 80 }, (_, i) => `w${i} `).join(''));
  });

  it.skipIf(!enabled)('stops gracefully on SIGTERM with close code 1012, and providers reconnect by themselves and converge', async () => {
    const article = await createArticle(tokens.mara, sampleFields());
    const mara = open(article.name, tokens.mara);
    const tomas = open(article.name, tokens.tomas);
    await until('both synced', () => synced(mara) && synced(tomas));
    typeHeadline(mara, ' before restart');
    await until('acknowledged', () => synced(mara) && headline(tomas).endsWith(' before restart'));

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('newsroom-server: stopped (SIGTERM); every document stored.');
    await until('both providers saw the close', () => mara.closeCodes.includes(1012) && tomas.closeCodes.includes(1012));
    expect(mara.provider.isSynced).toBe(false);

    // Stopping folded every appended update into the stored state.
    const storage = await openStorage(backend.location);
    const stored = await storage.documents.load(article.id);
    await storage.close();
    expect(stored.updates).toEqual([]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.state!);
    expect(docToArticleFields(copy).headline).toBe(`${sampleFields().headline} before restart`);

    // Both edit while the server is down.
    typeHeadline(mara, ' [writer offline]');
    (bodyType(tomas.doc).toDelta()[1].insert as Y.XmlText).insert(0, '[editor offline] ');

    server = await startServerProcess(entry, backend, [], server.port);
    await until(
      'both reconnected and converged',
      () =>
        synced(mara) &&
        synced(tomas) &&
        headline(mara) === headline(tomas) &&
        JSON.stringify(docToArticleFields(mara.doc)) === JSON.stringify(docToArticleFields(tomas.doc)),
      10_000,
    );
    expect(headline(tomas)).toBe(`${sampleFields().headline} before restart [writer offline]`);
    expect(JSON.stringify(docToArticleFields(mara.doc).body[1])).toContain('[editor offline] The barrier');
  });
});
