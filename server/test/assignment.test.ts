/**
 * Assignment and notifications on a real server process, with SQLite and with PostgreSQL: who may
 * assign to whom, what the assigned writer may do, and who is told of an assignment, a return, an
 * approval and an `@name` in a comment (never the person who acted).
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../shared/model/article';
import { makeArticle } from '../../shared/export/__fixtures__/sampleArticle';
import { sampleArticleBody } from '../../electron/node/store/seed';
import { bodyType, fieldsMap } from '../../shared/sync/articleDoc';
import { addReply, addThread, type CommentAuthor } from '../../shared/sync/articleComments';
import { articleDocumentName } from '../../shared/sync/documentName';
import { hashPassword } from '../src/auth/password';
import { openStorage } from '../src/storage/storage';
import {
  api,
  buildServerForTests,
  connect,
  postgresAvailable,
  postgresBackend,
  signInAs,
  sqliteBackend,
  startServerProcess,
  synced,
  until,
  type Backend,
  type Client,
  type ServerProcess,
} from './harness';

const PEOPLE = [
  ['Mara Lindqvist', 'writer'],
  ['Ines Duarte', 'writer'],
  ['Pat', 'writer'],
  ['Tomas Okafor', 'editor'],
  ['Lena Berg', 'editor'],
  ['Olga Gone', 'writer'],
] as const;
type Who = 'mara' | 'ines' | 'pat' | 'tomas' | 'lena';
const password = (name: string) => `${name.toLowerCase().replace(/\s+/g, '-')}-password`;

function sampleFields(): ArticleFields {
  const { id: _i, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(sampleArticleBody());
  return fields;
}

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
])('assignment and notifications with $name', ({ make, enabled }) => {
  let backend: Backend;
  let server: ServerProcess;
  const tokens = {} as Record<Who, string>;
  const ids = {} as Record<Who | 'olga', string>;
  const accounts = {} as Record<Who, CommentAuthor>;
  const clients: Client[] = [];

  const createArticle = async (token: string) => {
    const id = randomUUID();
    const { status, body } = await api(server.http, '/api/articles', { token, body: { id, fields: sampleFields() } });
    expect(status, JSON.stringify(body)).toBe(201);
    return id;
  };
  const step = async (who: Who, id: string, action: string, note?: string) => {
    const { status, body } = await api(server.http, `/api/articles/${id}/transition`, { token: tokens[who], body: { action, ...(note ? { note } : {}) } });
    expect(status, JSON.stringify(body)).toBe(200);
  };
  const assign = (who: Who, id: string, writerId: string | null, editorId: string | null) =>
    api(server.http, `/api/articles/${id}/assignment`, { token: tokens[who], body: { writerId, editorId } });
  /** The person's notifications about one article, oldest first, as [kind, actor, text, read]. */
  const inbox = async (who: Who, articleId: string) => {
    const { status, body } = await api(server.http, '/api/notifications', { token: tokens[who] });
    expect(status).toBe(200);
    return (body.notifications as { kind: string; articleId: string; actorName: string; text: string; readAt: string | null }[])
      .filter((n) => n.articleId === articleId)
      .reverse()
      .map((n) => [n.kind, n.actorName, n.text, n.readAt !== null]);
  };

  beforeAll(async () => {
    if (!enabled) return;
    backend = await make();
    const storage = await openStorage(backend.location);
    const now = new Date().toISOString();
    for (const [name, role] of PEOPLE) {
      const id = randomUUID();
      await storage.accounts.add({ id, name, role, passwordHash: await hashPassword(password(name)), now });
      ids[name === 'Olga Gone' ? 'olga' : (name.split(' ')[0]!.toLowerCase() as Who)] = id;
    }
    await storage.accounts.setDisabled(ids.olga, true, now);
    await storage.close();
    server = await startServerProcess(entry, backend);
    for (const [name, role] of PEOPLE.slice(0, 5)) {
      const who = name.split(' ')[0]!.toLowerCase() as Who;
      tokens[who] = await signInAs(server.http, name, password(name));
      accounts[who] = { id: ids[who], name, role };
    }
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

  it.skipIf(!enabled)('lets only editors assign, to an enabled writer and an enabled editor, and lists who holds the article', async () => {
    const id = await createArticle(tokens.mara);
    expect(await assign('mara', id, ids.ines, ids.tomas)).toEqual({ status: 403, body: { error: 'Only editors assign articles.' } });
    expect(await assign('tomas', id, ids.lena, null)).toEqual({ status: 400, body: { error: 'Lena Berg is not a writer in this newsroom.' } });
    expect(await assign('tomas', id, null, ids.ines)).toEqual({ status: 400, body: { error: 'Ines Duarte is not an editor in this newsroom.' } });
    expect(await assign('tomas', id, ids.olga, null)).toEqual({ status: 400, body: { error: 'Olga Gone’s account is disabled: assign someone else.' } });
    expect(await assign('tomas', id, randomUUID(), null)).toEqual({ status: 400, body: { error: 'There is no such writer account in this newsroom.' } });
    expect((await assign('tomas', id, 'x', undefined as never)).body.error).toMatch(/^The request was refused: “editorId” is missing or not valid/);

    const assigned = await assign('tomas', id, ids.ines, ids.lena);
    expect(assigned.status).toBe(200);
    const holds = {
      writerId: ids.ines,
      writerName: 'Ines Duarte',
      editorId: ids.lena,
      editorName: 'Lena Berg',
      assignedByName: 'Tomas Okafor',
      assignedAt: expect.any(String),
    };
    expect(assigned.body.article.assignment).toEqual(holds);
    const listed = async (who: Who) => (await api(server.http, '/api/articles', { token: tokens[who] })).body.articles.find((a: { id: string }) => a.id === id);
    expect((await listed('lena')).assignment).toEqual(holds);
    expect(await listed('ines')).toMatchObject({ id, access: 'write', ownerName: 'Mara Lindqvist', assignment: holds });
    expect(await listed('pat')).toBeUndefined();

    // Nobody: the writer given the article before may no longer see it.
    expect((await assign('lena', id, null, null)).body.article.assignment).toEqual({
      writerId: null,
      writerName: null,
      editorId: null,
      editorName: null,
      assignedByName: 'Lena Berg',
      assignedAt: expect.any(String),
    });
    expect(await listed('ines')).toBeUndefined();
    expect((await api(server.http, `/api/articles/${id}`, { token: tokens.ines })).status).toBe(404);
  });

  it.skipIf(!enabled)('lists the newsroom’s enabled accounts without secrets to anyone signed in', async () => {
    const { status, body } = await api(server.http, '/api/accounts', { token: tokens.ines });
    expect(status).toBe(200);
    expect(body.accounts).toEqual(
      [
        ['Ines Duarte', 'writer'],
        ['Lena Berg', 'editor'],
        ['Mara Lindqvist', 'writer'],
        ['Pat', 'writer'],
        ['Tomas Okafor', 'editor'],
      ].map(([name, role]) => ({ id: ids[name!.split(' ')[0]!.toLowerCase() as Who], name, role })),
    );
    expect((await api(server.http, '/api/accounts')).status).toBe(401);
  });

  it.skipIf(!enabled)('lets the assigned writer edit the draft as its owner would, and read it once submitted', async () => {
    const id = await createArticle(tokens.mara);
    const name = articleDocumentName(id);
    expect((await assign('tomas', id, ids.ines, null)).status).toBe(200);
    const ines = connect(server.ws, name, tokens.ines);
    clients.push(ines);
    await until('ines synced', () => synced(ines));
    expect(ines.provider.authorizedScope).toBe('read-write');
    const headline = fieldsMap(ines.doc).get('headline') as Y.Text;
    headline.insert(headline.length, ' — by Ines');
    await until('her edit acknowledged', () => synced(ines));
    const tomas = connect(server.ws, name, tokens.tomas);
    clients.push(tomas);
    await until(
      'the editor has her words',
      () => (fieldsMap(tomas.doc).get('headline') as Y.Text | undefined)?.toString() === `${sampleFields().headline} — by Ines`,
    );

    await step('ines', id, 'submit');
    await until('read-only once submitted', () => ines.stateless.some((s) => JSON.parse(s).access === 'read'));
    await step('tomas', id, 'return', 'Shorter, please.');
    await until('hers to edit again once returned', () => ines.stateless.some((s) => JSON.parse(s).access === 'write'));
  });

  it.skipIf(!enabled)('tells the assigned, the returned, the approved and the mentioned, never the person who acted', async () => {
    const id = await createArticle(tokens.mara);
    // Tomas assigns himself as the editor: only Ines is told.
    expect((await assign('tomas', id, ids.ines, ids.tomas)).status).toBe(200);
    // Assigned again to the same people: nobody is told twice; a new editor is.
    expect((await assign('tomas', id, ids.ines, ids.lena)).status).toBe(200);
    expect(await inbox('ines', id)).toEqual([['assigned', 'Tomas Okafor', 'You are its writer.', false]]);
    expect(await inbox('lena', id)).toEqual([['assigned', 'Tomas Okafor', 'You are its editor.', false]]);
    expect(await inbox('tomas', id)).toEqual([]);

    // A comment by Ines naming Lena, herself, Pat (who may not see the article) and Tomas by first name.
    const ines = connect(server.ws, articleDocumentName(id), tokens.ines);
    clients.push(ines);
    await until('ines synced', () => synced(ines));
    const block = bodyType(ines.doc).toDelta()[0].insert as Y.XmlText;
    const threadId = addThread(
      ines.doc,
      {
        start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(block, 0, 0)),
        end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(block, 4, -1)),
        quote: block.toString().slice(0, 4),
        text: '@lena berg is this figure right? @Ines Duarte @Pat @Tomas',
      },
      accounts.ines,
    );
    await until('the comment acknowledged', () => synced(ines));
    addReply(ines.doc, threadId, 'Never mind, @Lena Berg: found it.', accounts.ines);
    await until('the reply acknowledged', () => synced(ines));
    expect(await inbox('lena', id)).toEqual([
      ['assigned', 'Tomas Okafor', 'You are its editor.', false],
      ['mentioned', 'Ines Duarte', '@lena berg is this figure right? @Ines Duarte @Pat @Tomas', false],
      ['mentioned', 'Ines Duarte', 'Never mind, @Lena Berg: found it.', false],
    ]);
    expect(await inbox('tomas', id)).toEqual([['mentioned', 'Ines Duarte', '@lena berg is this figure right? @Ines Duarte @Pat @Tomas', false]]);
    expect(await inbox('pat', id)).toEqual([]);
    expect(await inbox('ines', id)).toEqual([['assigned', 'Tomas Okafor', 'You are its writer.', false]]);

    // The same comment sent again (a desk reconnecting) tells nobody twice.
    const again = connect(server.ws, articleDocumentName(id), tokens.ines, {
      doc: (() => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(ines.doc));
        return copy;
      })(),
    });
    clients.push(again);
    await until('the copy synced', () => synced(again));
    expect((await inbox('lena', id)).length).toBe(3);

    await step('ines', id, 'submit');
    await step('lena', id, 'return', 'The second paragraph needs a source.');
    expect((await inbox('mara', id)).slice(-1)).toEqual([['returned', 'Lena Berg', 'The second paragraph needs a source.', false]]);
    expect((await inbox('ines', id)).slice(-1)).toEqual([['returned', 'Lena Berg', 'The second paragraph needs a source.', false]]);
    expect(await inbox('lena', id)).toHaveLength(3);

    await step('mara', id, 'submit');
    await step('tomas', id, 'start-edit');
    await step('tomas', id, 'approve');
    expect(await inbox('mara', id)).toEqual([
      ['returned', 'Lena Berg', 'The second paragraph needs a source.', false],
      ['approved', 'Tomas Okafor', '', false],
    ]);
    expect((await inbox('ines', id)).slice(-1)).toEqual([['approved', 'Tomas Okafor', '', false]]);
    expect(await inbox('tomas', id)).toHaveLength(1);
  });

  it.skipIf(!enabled)('marks a person’s own notifications read, by id or all, and counts what is unread', async () => {
    const id = await createArticle(tokens.pat);
    await assign('tomas', id, ids.pat, ids.lena);
    await step('pat', id, 'submit');
    await step('tomas', id, 'return', 'One more quote.');
    const list = async (who: Who) => (await api(server.http, '/api/notifications', { token: tokens[who] })).body;
    const before = await list('pat');
    expect(before.notifications.map((n: { kind: string; articleHeadline: string }) => [n.kind, n.articleHeadline])).toEqual([
      ['returned', sampleFields().headline],
      ['assigned', sampleFields().headline],
    ]);
    expect(before.unread).toBe(2);
    const [returned, assigned] = before.notifications as { id: number }[];

    // Someone else's id is not theirs to mark.
    const lenaIds = (await list('lena')).notifications.map((n: { id: number }) => n.id);
    expect(await api(server.http, '/api/notifications/read', { token: tokens.pat, body: { ids: lenaIds } })).toEqual({ status: 200, body: { unread: 2 } });
    expect((await list('lena')).notifications.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);

    expect(await api(server.http, '/api/notifications/read', { token: tokens.pat, body: { ids: [returned!.id] } })).toEqual({
      status: 200,
      body: { unread: 1 },
    });
    expect((await list('pat')).notifications.map((n: { id: number; readAt: string | null }) => [n.id, n.readAt !== null])).toEqual([
      [returned!.id, true],
      [assigned!.id, false],
    ]);
    expect(await api(server.http, '/api/notifications/read', { token: tokens.pat, body: { all: true } })).toEqual({ status: 200, body: { unread: 0 } });
    expect((await api(server.http, '/api/notifications/read', { token: tokens.pat, body: { ids: [] } })).status).toBe(400);
    expect((await api(server.http, '/api/notifications/read', { token: tokens.pat, body: { all: false } })).status).toBe(400);
  });
});
