/**
 * The newsroom's shared libraries through the real server process, with SQLite and with PostgreSQL:
 * editors create, change and archive entries, writers read them and are refused changes, a change
 * based on an older version is refused with the current entry, and desks fetch what changed after
 * the last sequence number they saw.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_EDITORS_SENTENCE } from '../../shared/library/newsroomLibrary';
import type { AuthorInput, DisclosureInput } from '../../shared/library/entries';
import { hashPassword } from '../src/auth/password';
import { openStorage } from '../src/storage/storage';
import {
  api,
  buildServerForTests,
  postgresAvailable,
  postgresBackend,
  signInAs,
  sqliteBackend,
  startServerProcess,
  type Backend,
  type ServerProcess,
} from './harness';

let entry = '';
let cleanupBuild = () => {};
beforeAll(async () => {
  ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
}, 30_000);
afterAll(() => cleanupBuild());

const withPostgres = await postgresAvailable();

const author = (bio: string): AuthorInput => ({
  name: 'Mara Lindqvist',
  jobTitle: 'Climate reporter',
  bio: [{ text: bio }],
  email: 'mara@example.org',
  photoAssetId: '',
  readMoreUrl: 'https://example.org/mara',
  profileLinks: [{ label: 'Mastodon', url: 'https://social.example/@mara' }],
});
const disclosure: DisclosureInput = {
  title: 'AI-assisted translation',
  text: [{ text: 'Translated with AI, checked by us.' }],
  policyUrl: '',
  covers: ['translation'],
};

describe.each([
  { name: 'SQLite', make: async () => sqliteBackend(), enabled: true },
  { name: 'PostgreSQL', make: postgresBackend, enabled: withPostgres },
])('shared libraries with $name', ({ make, enabled }) => {
  let backend: Backend;
  let server: ServerProcess;
  const ids = { tomas: '', lena: '' };
  const tokens = { tomas: '', lena: '', mara: '' };

  beforeAll(async () => {
    if (!enabled) return;
    backend = await make();
    const storage = await openStorage(backend.location);
    for (const [key, name, role, password] of [
      ['tomas', 'Tomas Okafor', 'editor', 'tomas-password-1'],
      ['lena', 'Lena Berg', 'editor', 'lena-password-1'],
      ['mara', 'Mara Lindqvist', 'writer', 'mara-password-1'],
    ] as const) {
      const id = randomUUID();
      if (key !== 'mara') ids[key] = id;
      await storage.accounts.add({ id, name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
    }
    await storage.close();
    server = await startServerProcess(entry, backend);
    tokens.tomas = await signInAs(server.http, 'Tomas Okafor', 'tomas-password-1');
    tokens.lena = await signInAs(server.http, 'Lena Berg', 'lena-password-1');
    tokens.mara = await signInAs(server.http, 'Mara Lindqvist', 'mara-password-1');
  }, 30_000);

  afterAll(async () => {
    if (!enabled) return;
    server?.child.kill('SIGKILL');
    await server?.exited;
    await backend?.cleanup();
  });

  it.skipIf(!enabled)('editors write, writers read and are refused, a stale change gets the current entry, desks fetch what changed', async () => {
    const authorId = randomUUID();
    const empty = await api(server.http, '/api/library', { token: tokens.mara });
    expect(empty).toEqual({ status: 200, body: { entries: [], sequence: 0 } });
    expect((await api(server.http, '/api/library')).status).toBe(401);

    // A writer may not create, change or archive.
    const writerCreate = await api(server.http, '/api/library', { token: tokens.mara, body: { kind: 'author', id: authorId, data: author('Mine.') } });
    expect(writerCreate).toEqual({ status: 403, body: { error: LIBRARY_EDITORS_SENTENCE } });

    const created = await api(server.http, '/api/library', {
      token: tokens.tomas,
      body: { kind: 'author', id: authorId, data: author('Mara covers the climate.') },
    });
    expect(created.status).toBe(201);
    const first = created.body.entry;
    expect(first).toEqual({
      kind: 'author',
      id: authorId,
      version: 1,
      data: author('Mara covers the climate.'),
      archived: false,
      updatedAt: first.updatedAt,
      updatedBy: { id: ids.tomas, name: 'Tomas Okafor' },
      sequence: 1,
    });
    // The same request again (a lost answer) is answered, not refused; another with the id is.
    const again = await api(server.http, '/api/library', {
      token: tokens.tomas,
      body: { kind: 'author', id: authorId, data: author('Mara covers the climate.') },
    });
    expect(again).toEqual({ status: 200, body: { entry: first } });
    const taken = await api(server.http, '/api/library', { token: tokens.lena, body: { kind: 'author', id: authorId, data: author('Other.') } });
    expect(taken).toEqual({ status: 409, body: { error: 'The newsroom already has this author.', entry: first } });

    const bad = await api(server.http, '/api/library', { token: tokens.tomas, body: { kind: 'author', id: randomUUID(), data: { ...author('x'), name: '' } } });
    expect(bad).toEqual({ status: 400, body: { error: 'The author was refused: An author needs a name.' } });
    const badLink = await api(server.http, '/api/library', {
      token: tokens.tomas,
      body: { kind: 'disclosure', id: randomUUID(), data: { ...disclosure, text: [{ type: 'link', url: 'javascript:alert(1)', children: [{ text: 'x' }] }] } },
    });
    expect(badLink.status).toBe(400);

    const disclosureId = 'disclosure-ai-translation';
    const d = await api(server.http, '/api/library', { token: tokens.lena, body: { kind: 'disclosure', id: disclosureId, data: disclosure } });
    expect(d.status).toBe(201);
    expect(d.body.entry.sequence).toBe(2);

    const writerChange = await api(server.http, `/api/library/author/${authorId}`, {
      method: 'PUT',
      token: tokens.mara,
      body: { baseVersion: 1, data: author('Mine.') },
    });
    expect(writerChange).toEqual({ status: 403, body: { error: LIBRARY_EDITORS_SENTENCE } });

    // Lena changes the bio first; Tomas, still on version 1, is refused with her entry.
    const lenas = await api(server.http, `/api/library/author/${authorId}`, {
      method: 'PUT',
      token: tokens.lena,
      body: { baseVersion: 1, data: author('Mara covers climate and energy.') },
    });
    expect(lenas.status).toBe(200);
    expect(lenas.body.entry).toEqual({
      ...first,
      version: 2,
      data: author('Mara covers climate and energy.'),
      updatedAt: lenas.body.entry.updatedAt,
      updatedBy: { id: ids.lena, name: 'Lena Berg' },
      sequence: 3,
    });
    const stale = await api(server.http, `/api/library/author/${authorId}`, {
      method: 'PUT',
      token: tokens.tomas,
      body: { baseVersion: 1, data: author('Tomas’s words.') },
    });
    expect(stale).toEqual({
      status: 409,
      body: {
        error: 'Lena Berg changed this author since you opened it (it is at version 2); nothing was changed. Look at their version first.',
        entry: lenas.body.entry,
      },
    });

    // Incremental fetch: after 1, the disclosure and the changed author, oldest change first.
    const after1 = await api(server.http, '/api/library?after=1', { token: tokens.mara });
    expect(after1).toEqual({ status: 200, body: { entries: [d.body.entry, lenas.body.entry], sequence: 3 } });
    expect(await api(server.http, '/api/library?after=3', { token: tokens.mara })).toEqual({ status: 200, body: { entries: [], sequence: 3 } });
    expect((await api(server.http, '/api/library?after=-1', { token: tokens.mara })).status).toBe(400);

    // Archiving keeps the version and the words, moves the sequence, and the entry stays listed, archived.
    const staleArchive = await api(server.http, `/api/library/author/${authorId}/archive`, { token: tokens.tomas, body: { baseVersion: 1, archived: true } });
    expect(staleArchive.status).toBe(409);
    const writerArchive = await api(server.http, `/api/library/disclosure/${disclosureId}/archive`, {
      token: tokens.mara,
      body: { baseVersion: 1, archived: true },
    });
    expect(writerArchive).toEqual({ status: 403, body: { error: LIBRARY_EDITORS_SENTENCE } });
    const archived = await api(server.http, `/api/library/author/${authorId}/archive`, { token: tokens.tomas, body: { baseVersion: 2, archived: true } });
    expect(archived.status).toBe(200);
    expect(archived.body.entry).toEqual({
      ...lenas.body.entry,
      archived: true,
      updatedAt: archived.body.entry.updatedAt,
      updatedBy: { id: ids.tomas, name: 'Tomas Okafor' },
      sequence: 4,
    });
    const all = await api(server.http, '/api/library?after=0', { token: tokens.mara });
    expect(all).toEqual({ status: 200, body: { entries: [d.body.entry, archived.body.entry], sequence: 4 } });

    expect(
      (await api(server.http, `/api/library/author/${randomUUID()}`, { method: 'PUT', token: tokens.tomas, body: { baseVersion: 1, data: author('x') } }))
        .status,
    ).toBe(404);
    expect((await api(server.http, `/api/library/author/${authorId}`, { method: 'DELETE', token: tokens.tomas })).status).toBe(405);
  });
});
