/**
 * Revisions kept on the server, as a real process with SQLite and with PostgreSQL: snapshots at the
 * workflow steps, on request, periodically while an article is edited (never a duplicate of identical
 * content), who may list, read and ask for them, and the bound on the periodic ones.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../shared/model/article';
import { makeArticle } from '../../shared/export/__fixtures__/sampleArticle';
import { sampleArticleBody } from '../../electron/node/store/seed';
import { docToArticleFields, fieldsMap } from '../../shared/sync/articleDoc';
import { articleDocumentName } from '../../shared/sync/documentName';
import { hashPassword } from '../src/auth/password';
import { periodicRevision } from '../src/revisionService';
import { KEPT_OTHERS } from '../src/storage/revisions';
import { openStorage, type Storage } from '../src/storage/storage';
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

const PASSWORDS = { mara: 'mara-password-1', ines: 'ines-password-1', tomas: 'tomas-password-1' };

function sampleFields(): ArticleFields {
  const { id: _i, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(sampleArticleBody());
  return fields;
}

const headlineText = (client: Client) => fieldsMap(client.doc).get('headline') as Y.Text;

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
])('revisions on the newsroom server with $name', ({ make, enabled }) => {
  let backend: Backend;
  let server: ServerProcess;
  const tokens = { mara: '', ines: '', tomas: '' };
  const ids = { mara: '', tomas: '' };
  const clients: Client[] = [];
  const open = (id: string, token: string) => {
    const client = connect(server.ws, articleDocumentName(id), token);
    clients.push(client);
    return client;
  };
  const createArticle = async (token: string, fields: ArticleFields = sampleFields()) => {
    const id = randomUUID();
    const { status, body } = await api(server.http, '/api/articles', { token, body: { id, fields } });
    expect(status, JSON.stringify(body)).toBe(201);
    return id;
  };
  const transition = async (token: string, id: string, action: string, note?: string) => {
    const { status, body } = await api(server.http, `/api/articles/${id}/transition`, { token, body: { action, ...(note ? { note } : {}) } });
    expect(status, JSON.stringify(body)).toBe(200);
  };
  const revisions = async (token: string, id: string) => api(server.http, `/api/articles/${id}/revisions`, { token });
  const listed = async (id: string) => (await revisions(tokens.tomas, id)).body.revisions as Array<Record<string, unknown>>;
  const revision = async (token: string, id: string, n: number) => api(server.http, `/api/articles/${id}/revisions/${n}`, { token });
  const request = async (token: string, id: string, body: Record<string, unknown> = {}) => api(server.http, `/api/articles/${id}/revisions`, { token, body });
  /** Types into the headline through a provider and waits until the server acknowledged it. */
  const editHeadline = async (client: Client, edit: (text: Y.Text) => void) => {
    edit(headlineText(client));
    await until('the edit is acknowledged', () => synced(client));
  };

  beforeAll(async () => {
    if (!enabled) return;
    backend = await make();
    const storage = await openStorage(backend.location);
    for (const [name, role, password] of [
      ['Mara Lindqvist', 'writer', PASSWORDS.mara],
      ['Ines', 'writer', PASSWORDS.ines],
      ['Tomas Okafor', 'editor', PASSWORDS.tomas],
    ] as const) {
      const id = randomUUID();
      if (name === 'Mara Lindqvist') ids.mara = id;
      if (name === 'Tomas Okafor') ids.tomas = id;
      await storage.accounts.add({ id, name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
    }
    await storage.close();
    // Every store may take a periodic snapshot: what decides is whether the content changed.
    server = await startServerProcess(entry, backend, [], 0, { NEWSROOM_REVISION_INTERVAL_MS: '0' });
    tokens.mara = await signInAs(server.http, 'Mara Lindqvist', PASSWORDS.mara);
    tokens.ines = await signInAs(server.http, 'Ines', PASSWORDS.ines);
    tokens.tomas = await signInAs(server.http, 'Tomas Okafor', PASSWORDS.tomas);
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

  it.skipIf(!enabled)('keeps the text at submit, return, approve and export, with who and why, and never drops them', async () => {
    const id = await createArticle(tokens.mara);
    const writer = open(id, tokens.mara);
    await until('the writer is synced', () => synced(writer));
    await editHeadline(writer, (t) => t.insert(0, 'Draft one: '));
    const submitted = docToArticleFields(writer.doc);
    await transition(tokens.mara, id, 'submit');
    await transition(tokens.tomas, id, 'start-edit');
    await transition(tokens.tomas, id, 'return', 'Cut the second half.');
    const editor = open(id, tokens.tomas);
    await until('the editor is synced', () => synced(editor));
    await transition(tokens.mara, id, 'submit');
    await transition(tokens.tomas, id, 'start-edit');
    await editHeadline(editor, (t) => t.insert(t.length, ' (edited)'));
    const approved = docToArticleFields(editor.doc);
    await transition(tokens.tomas, id, 'approve');
    await transition(tokens.tomas, id, 'export');

    const { status, body } = await revisions(tokens.mara, id);
    expect(status).toBe(200);
    const steps = (body.revisions as Array<Record<string, unknown>>).filter((r) => r.reason !== 'periodic');
    expect(steps.map((r) => [r.reason, r.accountName, r.accountId])).toEqual([
      ['exported', 'Tomas Okafor', ids.tomas],
      ['approved', 'Tomas Okafor', ids.tomas],
      ['submitted', 'Mara Lindqvist', ids.mara],
      ['returned', 'Tomas Okafor', ids.tomas],
      ['submitted', 'Mara Lindqvist', ids.mara],
    ]);
    // Newest first, numbered per article without gaps, each with its time and headline, no content in the list.
    const numbers = (body.revisions as Array<{ number: number }>).map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers[numbers.length - 1]).toBe(1);
    expect(steps.every((r) => typeof r.createdAt === 'string' && !('content' in r))).toBe(true);
    expect(steps[0]!.headline).toBe(approved.headline);

    // The whole content as it was at each step.
    const first = await revision(tokens.mara, id, steps[4]!.number as number);
    expect(first.status).toBe(200);
    expect(first.body.revision.content).toEqual(submitted);
    expect((await revision(tokens.tomas, id, steps[1]!.number as number)).body.revision.content).toEqual(approved);
  });

  it.skipIf(!enabled)('keeps a requested snapshot only when the text changed, and only for someone who may write', async () => {
    const id = await createArticle(tokens.mara);
    const created = await request(tokens.mara, id);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ created: true, revision: { number: 1, reason: 'requested', accountName: 'Mara Lindqvist' } });
    // Nothing changed: the newest is the answer, nothing is added.
    const again = await request(tokens.mara, id, { reason: 'requested' });
    expect(again).toEqual({ status: 200, body: { created: false, revision: created.body.revision } });
    // Nor is the text a restore is about to replace kept twice.
    expect(await request(tokens.mara, id, { reason: 'before-restore' })).toEqual({ status: 200, body: { created: false, revision: created.body.revision } });
    expect((await revision(tokens.mara, id, 1)).body.revision.content).toEqual(sampleFields());

    // Another writer does not see the article: not its revisions either, and may not ask for one.
    const hidden = { status: 404, body: { error: 'There is no such article, or this account may not see it.' } };
    expect(await revisions(tokens.ines, id)).toEqual(hidden);
    expect(await revision(tokens.ines, id, 1)).toEqual(hidden);
    expect(await request(tokens.ines, id)).toEqual(hidden);
    expect((await revisions('not-a-token', id)).status).toBe(401);

    // Submitted, the writer reads the history but saves no version.
    await transition(tokens.mara, id, 'submit');
    expect((await revisions(tokens.mara, id)).status).toBe(200);
    expect(await request(tokens.mara, id)).toEqual({
      status: 403,
      body: { error: 'No version can be saved or restored: The article is with the editors: a writer edits it again when it is returned.' },
    });
    // A restore names what it restored; the request is checked.
    expect((await request(tokens.tomas, id, { reason: 'restored' })).status).toBe(400);
    expect((await request(tokens.tomas, id, { reason: 'restored', restoredFrom: 99 })).status).toBe(404);
    expect((await request(tokens.tomas, id, { reason: 'someday' })).status).toBe(400);
    expect((await revision(tokens.tomas, id, 99)).status).toBe(404);
    // A restored snapshot is kept even when the text is the same as the newest: it records the restore.
    const restored = await request(tokens.tomas, id, { reason: 'restored', restoredFrom: 1 });
    expect(restored.status).toBe(201);
    expect(restored.body.revision).toMatchObject({ reason: 'restored', restoredFrom: 1, accountName: 'Tomas Okafor' });
  });

  it.skipIf(!enabled)('takes periodic snapshots while an article is edited, never of identical content', async () => {
    const id = await createArticle(tokens.mara);
    const writer = open(id, tokens.mara);
    await until('the writer is synced', () => synced(writer));
    await editHeadline(writer, (t) => t.insert(0, 'First: '));
    const first = docToArticleFields(writer.doc);
    await until('a periodic snapshot of the first edit', async () => (await listed(id)).some((r) => r.headline === first.headline));

    // Typed and taken back: stored again, identical to the snapshot, so no new one.
    const stored = (await api(server.http, `/api/articles/${id}`, { token: tokens.mara })).body.article.updatedAt;
    await editHeadline(writer, (t) => t.insert(0, 'x'));
    await editHeadline(writer, (t) => t.delete(0, 1));
    await until(
      'the document is stored again',
      async () => (await api(server.http, `/api/articles/${id}`, { token: tokens.mara })).body.article.updatedAt !== stored,
    );
    await editHeadline(writer, (t) => t.insert(0, 'Second: '));
    const second = docToArticleFields(writer.doc);
    await until('a periodic snapshot of the second edit', async () => (await listed(id)).some((r) => r.headline === second.headline));

    const list = await listed(id);
    expect(list.map((r) => [r.number, r.reason, r.headline, r.accountName])).toEqual([
      [2, 'periodic', second.headline, 'Mara Lindqvist'],
      [1, 'periodic', first.headline, 'Mara Lindqvist'],
    ]);
    expect((await revision(tokens.mara, id, 2)).body.revision.content).toEqual(second);
  });

  it.skipIf(!enabled)('waits out the interval between periodic snapshots and keeps the newest unpinned ones, never a step’s', async () => {
    const id = await createArticle(tokens.mara);
    await transition(tokens.mara, id, 'submit');
    const storage: Storage = await openStorage(backend.location);
    try {
      const editor = { id: ids.tomas, name: 'Tomas Okafor' };
      const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 0, minutes));
      const content = (n: number) => ({ ...sampleFields(), headline: `Take ${n}` });
      const tenMinutes = 10 * 60 * 1000;
      // The submit's snapshot was taken now, long before these times; from there, ten minutes apart at least.
      expect(await periodicRevision(storage, id, content(1), editor, at(0), tenMinutes)).toMatchObject({ reason: 'periodic', headline: 'Take 1' });
      expect(await periodicRevision(storage, id, content(2), editor, at(5), tenMinutes)).toBeUndefined();
      expect(await periodicRevision(storage, id, content(1), editor, at(20), tenMinutes)).toBeUndefined();
      expect(await periodicRevision(storage, id, content(2), editor, at(20), tenMinutes)).toMatchObject({ number: 3, headline: 'Take 2' });

      for (let n = 3; n <= KEPT_OTHERS + 5; n++) await periodicRevision(storage, id, content(n), editor, at(10 * n + 10), 0);
      const list = await storage.revisions.list(id);
      const periodic = list.filter((r) => r.reason === 'periodic');
      expect(periodic).toHaveLength(KEPT_OTHERS);
      expect(periodic[0]!.headline).toBe(`Take ${KEPT_OTHERS + 5}`);
      expect(periodic[periodic.length - 1]!.headline).toBe('Take 6');
      // The submit's snapshot (number 1) stays, and numbers are never reused.
      expect(list[list.length - 1]).toMatchObject({ number: 1, reason: 'submitted' });
      expect(list[0]!.number).toBe(KEPT_OTHERS + 6);
    } finally {
      await storage.close();
    }
  });
});
