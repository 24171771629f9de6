/**
 * Redis goes away under two running instances (a relay in front of the real Redis is cut): each
 * instance keeps serving its own desks (edits acknowledged and stored, articles opened), desks on the
 * other instance stop seeing those edits live meanwhile, and once Redis is back the next change
 * brings both instances' copies together again.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password';
import { openStorage, type Storage } from '../src/storage/storage';
import { articleDocumentName } from '../../shared/sync/documentName';
import { emptyArticleFields } from '../../shared/model/article';
import {
  api,
  buildServerForTests,
  connect,
  postgresAvailable,
  postgresBackend,
  redisAvailable,
  redisPrefix,
  REDIS_URL,
  signInAs,
  startServerProcess,
  storedDoc,
  synced,
  typeHeadline,
  headlineOf,
  tcpRelay,
  until,
  type Backend,
  type Client,
  type ServerProcess,
  type TcpRelay,
} from './harness';

const PASSWORDS = { mara: 'mara-password-1', tomas: 'tomas-password-1' };
const enabled = (await postgresAvailable()) && (await redisAvailable());

describe.skipIf(!enabled)('two instances when Redis stops', () => {
  let entry = '';
  let cleanupBuild = () => {};
  let backend: Backend;
  let redis: ReturnType<typeof redisPrefix>;
  let relay: TcpRelay;
  let a: ServerProcess;
  let b: ServerProcess;
  let storage: Storage;
  const tokens = { mara: '', tomas: '' };
  const clients: Client[] = [];

  const open = (server: ServerProcess, documentName: string, token: string) => {
    const client = connect(server.ws, documentName, token);
    clients.push(client);
    return client;
  };
  const headline = headlineOf;
  const stored = (id: string) => storedDoc(storage, id);
  const createArticle = async (token: string, title: string) => {
    const id = randomUUID();
    const { status } = await api(a.http, '/api/articles', { token, body: { id, fields: { ...emptyArticleFields(), headline: title } } });
    expect(status).toBe(201);
    return { id, name: articleDocumentName(id) };
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
    const url = new URL(REDIS_URL);
    relay = await tcpRelay({ host: url.hostname, port: Number(url.port || 6379) });
    const args = ['--redis', relay.rewrite(REDIS_URL), '--redis-prefix', redis.prefix];
    [a, b] = await Promise.all([startServerProcess(entry, backend, args), startServerProcess(entry, backend, args)]);
    tokens.mara = await signInAs(a.http, 'Mara Lindqvist', PASSWORDS.mara);
    tokens.tomas = await signInAs(b.http, 'Tomas Okafor', PASSWORDS.tomas);
  }, 60_000);

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    for (const server of [a, b]) {
      server?.child.kill('SIGKILL');
      await server?.exited;
    }
    await relay?.close();
    await storage?.close();
    await backend?.cleanup();
    await redis?.cleanup();
    cleanupBuild();
  });

  it('keeps serving each instance’s own desks, stores everything, and brings the copies together when Redis is back', async () => {
    const { id, name } = await createArticle(tokens.mara, 'Harbour');
    const quiet = await createArticle(tokens.mara, 'Ferry');
    const onA = open(a, name, tokens.mara);
    const onB = open(b, name, tokens.tomas);
    await until('both synced', () => synced(onA) && synced(onB));
    typeHeadline(onA, ' wall');
    await until('live across instances', () => headline(onB.doc) === 'Harbour wall');

    await relay.down();
    typeHeadline(onA, ' holds');
    typeHeadline(onB, ' today');
    // Each instance acknowledges its own desks' edits: stored, Redis or not.
    await until('both acknowledged', () => synced(onA) && synced(onB), 5_000);
    // Another desk opens an article on A meanwhile, one that was not open there yet, and one that was.
    const ferry = open(a, quiet.name, tokens.tomas);
    const second = open(a, name, tokens.tomas);
    await until('articles open on A without Redis', () => synced(ferry) && synced(second), 10_000);
    expect(headline(ferry.doc)).toBe('Ferry');
    expect(headline(second.doc)).toBe('Harbour wall holds');
    // Desks on the other instance do not see it live meanwhile.
    expect(headline(onB.doc)).toBe('Harbour wall today');
    // The database has both.
    expect(headline(await stored(id))).toMatch(/^Harbour wall( holds today| today holds)$/);
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();

    await relay.up();
    // The next change after Redis is back brings the instances' copies together.
    await until(
      'the instances hear each other again',
      async () => {
        typeHeadline(onA, '.');
        await new Promise((resolve) => setTimeout(resolve, 300));
        return headline(onB.doc).includes('holds') && headline(onA.doc).includes('today');
      },
      20_000,
    );
    await until('converged', () => headline(onA.doc) === headline(onB.doc) && headline(second.doc) === headline(onA.doc), 5_000);
    // Every word typed on either side, in the one order both instances agree on, and in the database.
    expect(headline(onA.doc)).toMatch(/^Harbour wall (holds\.* today|today holds)\.*$/);
    await until('stored as the desks have it', async () => headline(await stored(id)) === headline(onA.doc), 5_000);
  }, 60_000);
});
