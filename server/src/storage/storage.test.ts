/** The storage modules against real SQLite and PostgreSQL databases: one schema, one behaviour. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, postgresBackend, sqliteBackend, type Backend } from '../../test/harness';
import { isUniqueViolation } from './driver';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { openStorage, type Storage } from './storage';

const withPostgres = await postgresAvailable();
const NOW = '2026-01-01T00:00:00.000Z';

describe.each([
  { name: 'SQLite', make: async () => sqliteBackend(), enabled: true },
  { name: 'PostgreSQL', make: postgresBackend, enabled: withPostgres },
])('storage on $name', ({ make, enabled }) => {
  let backend: Backend;
  let storage: Storage;
  let ownerId = '';

  beforeAll(async () => {
    if (!enabled) return;
    backend = await make();
    storage = await openStorage(backend.location);
    ownerId = randomUUID();
    await storage.accounts.add({ id: ownerId, name: 'Mara', role: 'writer', passwordHash: 'h', now: NOW });
  });
  afterAll(async () => {
    if (!enabled) return;
    await storage?.close();
    await backend?.cleanup();
  });

  const newArticle = async () => {
    const id = randomUUID();
    await storage.articles.add({ id, ownerId, status: 'draft', headline: '', createdAt: NOW, updatedAt: NOW });
    return id;
  };

  it.skipIf(!enabled)('migrates once, and refuses a database newer than the server', async () => {
    expect(await migrate(storage.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await storage.db.all('SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
    await storage.db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [99, 'future', NOW]);
    await expect(migrate(storage.db)).rejects.toThrow('The database is at schema 99, newer than this server (1). Run a newer newsroom-server.');
    await storage.db.run('DELETE FROM schema_migrations WHERE version = ?', [99]);
  });

  it.skipIf(!enabled)('keeps account names unique regardless of case', async () => {
    const error = await storage.accounts.add({ id: randomUUID(), name: ' mara ', role: 'editor', passwordHash: 'h', now: NOW }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect((await storage.accounts.byName('MARA'))?.id).toBe(ownerId);
  });

  it.skipIf(!enabled)('appends updates, loads them after the state in order, and drops only those a stored state contains', async () => {
    const id = await newArticle();
    await storage.documents.create(id, Uint8Array.from([1]), NOW);
    const seqs = [];
    for (const byte of [10, 11, 12]) seqs.push(await storage.documents.append(id, Uint8Array.from([byte, 0, 255]), NOW));
    expect(seqs[1]! > seqs[0]! && seqs[2]! > seqs[1]!).toBe(true);
    const loaded = await storage.documents.load(id);
    expect([...loaded.state!]).toEqual([1]);
    expect(loaded.updates.map((u) => [u.seq, [...u.data]])).toEqual([
      [seqs[0], [10, 0, 255]],
      [seqs[1], [11, 0, 255]],
      [seqs[2], [12, 0, 255]],
    ]);
    let seen: number[] | undefined;
    await storage.documents.store(
      id,
      (stored) => {
        seen = [...stored!];
        return Uint8Array.from([2, 2]);
      },
      [seqs[0]!, seqs[2]!],
      NOW,
    );
    // The new state is combined with the stored one (read inside the transaction).
    expect(seen).toEqual([1]);
    const after = await storage.documents.load(id);
    expect([...after.state!]).toEqual([2, 2]);
    expect(after.updates.map((u) => u.seq)).toEqual([seqs[1]]);
  });

  it.skipIf(!enabled)('combines with the latest stored state when another instance stores at the same moment', async () => {
    const id = await newArticle();
    await storage.documents.create(id, Uint8Array.from([1]), NOW);
    const lock = storage.db.dialect === 'postgres' ? ' FOR UPDATE' : '';
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // "Another instance" in the middle of its store: it has read the state and not yet written it.
    const other = storage.db.transaction(async (tx) => {
      await tx.get(`SELECT state FROM article_documents WHERE article_id = ?${lock}`, [id]);
      entered();
      await held;
      await tx.run('UPDATE article_documents SET state = ? WHERE article_id = ?', [Uint8Array.from([7]), id]);
    });
    await inside;
    let seen: number[] | undefined;
    const combine = (stored: Uint8Array | undefined) => {
      seen = [...stored!];
      return Uint8Array.from([8]);
    };
    const ours = storage.documents.store(id, combine, [], NOW);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toBeUndefined();
    release();
    await Promise.all([other, ours]);
    expect(seen).toEqual([7]);
    expect([...(await storage.documents.load(id)).state!]).toEqual([8]);
  });

  it.skipIf(!enabled)('moves an article only from the status it is still in, and logs the move', async () => {
    const id = await newArticle();
    const move = { id, action: 'submit' as const, from: 'draft' as const, to: 'submitted' as const, accountId: ownerId, note: '', now: NOW };
    expect(await storage.articles.transition(move)).toBe(true);
    expect(await storage.articles.transition(move)).toBe(false);
    expect((await storage.articles.byId(id))?.status).toBe('submitted');
    expect(await storage.db.all('SELECT action, from_status, to_status FROM article_transitions WHERE article_id = ?', [id])).toEqual([
      { action: 'submit', from_status: 'draft', to_status: 'submitted' },
    ]);
  });

  it.skipIf(!enabled)('counts failed sign-ins in the window, per name and per address', async () => {
    const now = new Date('2026-01-01T12:00:00.000Z');
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    await storage.signInAttempts.record({ nameKey: 'pat', address: '10.0.0.1', succeeded: false, now: minutesAgo(20) });
    await storage.signInAttempts.record({ nameKey: 'pat', address: '10.0.0.1', succeeded: false, now: minutesAgo(5) });
    await storage.signInAttempts.record({ nameKey: 'kim', address: '10.0.0.1', succeeded: false, now: minutesAgo(1) });
    await storage.signInAttempts.record({ nameKey: 'pat', address: '10.0.0.2', succeeded: true, now: minutesAgo(1) });
    expect(await storage.signInAttempts.failuresSince('pat', '10.0.0.1', minutesAgo(15))).toEqual({ byName: 1, byAddress: 2 });
    await storage.signInAttempts.forgive('pat');
    expect(await storage.signInAttempts.failuresSince('pat', '10.0.0.1', minutesAgo(15))).toEqual({ byName: 0, byAddress: 1 });
  });
});
