/**
 * The newsroom dictionary through the real server process, with SQLite and with PostgreSQL: any
 * signed-in account adds words (once per word whatever its case), bad words and strangers are
 * refused, and desks fetch what was added after the last sequence number they saw.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.each([
  { name: 'SQLite', make: async () => sqliteBackend(), enabled: true },
  { name: 'PostgreSQL', make: postgresBackend, enabled: withPostgres },
])('newsroom dictionary with $name', ({ make, enabled }) => {
  let backend: Backend;
  let server: ServerProcess;
  const ids = { tomas: '', mara: '' };
  const tokens = { tomas: '', mara: '' };

  beforeAll(async () => {
    if (!enabled) return;
    backend = await make();
    const storage = await openStorage(backend.location);
    for (const [key, name, role, password] of [
      ['tomas', 'Tomas Okafor', 'editor', 'tomas-password-1'],
      ['mara', 'Mara Lindqvist', 'writer', 'mara-password-1'],
    ] as const) {
      ids[key] = randomUUID();
      await storage.accounts.add({ id: ids[key], name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
    }
    await storage.close();
    server = await startServerProcess(entry, backend);
    tokens.tomas = await signInAs(server.http, 'Tomas Okafor', 'tomas-password-1');
    tokens.mara = await signInAs(server.http, 'Mara Lindqvist', 'mara-password-1');
  }, 30_000);

  afterAll(async () => {
    if (!enabled) return;
    server?.child.kill('SIGKILL');
    await server?.exited;
    await backend?.cleanup();
  });

  it.skipIf(!enabled)('writers and editors add words, each once; desks fetch what was added after their last sequence', async () => {
    expect(await api(server.http, '/api/dictionary', { token: tokens.mara })).toEqual({ status: 200, body: { words: [], sequence: 0, more: false } });
    expect((await api(server.http, '/api/dictionary')).status).toBe(401);
    expect((await api(server.http, '/api/dictionary', { body: { word: 'Zelenskyy' } })).status).toBe(401);

    const added = await api(server.http, '/api/dictionary', { token: tokens.mara, body: { word: ' Zelenskyy ' } });
    expect(added).toEqual({
      status: 201,
      body: { word: { word: 'Zelenskyy', addedBy: { id: ids.mara, name: 'Mara Lindqvist' }, addedAt: added.body.word.addedAt, sequence: 1 } },
    });
    // The same word in another case is the same word: answered as it is, not added twice.
    expect(await api(server.http, '/api/dictionary', { token: tokens.tomas, body: { word: 'zelenskyy' } })).toEqual({ status: 200, body: added.body });
    const second = await api(server.http, '/api/dictionary', { token: tokens.tomas, body: { word: 'Kovalenko' } });
    expect(second.status).toBe(201);
    expect(second.body.word).toMatchObject({ word: 'Kovalenko', addedBy: { id: ids.tomas, name: 'Tomas Okafor' }, sequence: 2 });

    const all = await api(server.http, '/api/dictionary?after=0', { token: tokens.tomas });
    expect(all).toEqual({ status: 200, body: { words: [added.body.word, second.body.word], sequence: 2, more: false } });
    expect(await api(server.http, '/api/dictionary?after=1', { token: tokens.mara })).toEqual({
      status: 200,
      body: { words: [second.body.word], sequence: 2, more: false },
    });
    expect(await api(server.http, '/api/dictionary?after=2', { token: tokens.mara })).toEqual({ status: 200, body: { words: [], sequence: 2, more: false } });
  });

  it.skipIf(!enabled)('refuses what is not one word, in a sentence, and malformed requests', async () => {
    expect(await api(server.http, '/api/dictionary', { token: tokens.mara, body: { word: 'two words' } })).toEqual({
      status: 400,
      body: { error: '“two words” is not one word (letters, with apostrophes or hyphens inside, up to 60).' },
    });
    expect((await api(server.http, '/api/dictionary', { token: tokens.mara, body: { word: '' } })).status).toBe(400);
    expect((await api(server.http, '/api/dictionary', { token: tokens.mara, body: { word: 'x', extra: 1 } })).status).toBe(400);
    expect((await api(server.http, '/api/dictionary', { token: tokens.mara, body: { word: 'x'.repeat(101) } })).status).toBe(400);
    expect((await api(server.http, '/api/dictionary?after=-1', { token: tokens.mara })).status).toBe(400);
    const words = await api(server.http, '/api/dictionary?after=0', { token: tokens.mara });
    expect(words.body.words.map((w: { word: string }) => w.word)).not.toContain('two words');
  });
});
