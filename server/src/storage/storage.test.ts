/** The storage modules against real SQLite and PostgreSQL databases: one schema, one behaviour. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, postgresBackend, sqliteBackend, type Backend } from '../../test/harness';
import { isUniqueViolation } from './driver';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from './migrations';
import { openStorage, SQLITE_FILE_NAME, storageOn, type Storage } from './storage';
import { openSqliteDriver } from './sqliteDriver';
import { openPostgresDriver } from './postgresDriver';

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
    expect(await storage.db.all('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    await storage.db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [99, 'future', NOW]);
    await expect(migrate(storage.db)).rejects.toThrow(
      `The database is at schema 99, newer than this server (${LATEST_SCHEMA_VERSION}). Run a newer newsroom-server.`,
    );
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

  it.skipIf(!enabled)('moves an article only from the status it is still in; the move and its log entry are kept together or not at all', async () => {
    const id = await newArticle();
    const move = { id, from: 'draft' as const, to: 'submitted' as const, now: NOW };
    const entry = { articleId: id, action: 'submit' as const, from: 'draft' as const, to: 'submitted' as const, accountId: ownerId, accountName: 'Mara' };
    const logged = await storage.db.transaction(async (tx) => {
      const s = storageOn(tx);
      expect(await s.articles.moveStatus(move)).toBe(true);
      return s.workflowLog.append({ ...entry, role: 'writer', note: '', at: NOW, requestId: '0b0e4f7c-2a55-4c8e-9d7e-1f2a3b4c5d6e' });
    });
    expect(logged).toMatchObject({ ...entry, role: 'writer', requestId: '0b0e4f7c-2a55-4c8e-9d7e-1f2a3b4c5d6e' });
    expect(await storage.articles.moveStatus(move)).toBe(false);

    // The log refuses the same request id twice: the status change in that transaction goes with it.
    const back = { id, from: 'submitted' as const, to: 'draft' as const, now: NOW };
    const failed = await storage.db
      .transaction(async (tx) => {
        const s = storageOn(tx);
        expect(await s.articles.moveStatus(back)).toBe(true);
        await s.workflowLog.append({
          ...entry,
          action: 'withdraw',
          from: 'submitted',
          to: 'draft',
          role: 'writer',
          note: '',
          at: NOW,
          requestId: logged.requestId!,
        });
      })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(failed)).toBe(true);
    expect((await storage.articles.byId(id))?.status).toBe('submitted');
    expect((await storage.workflowLog.forArticle(id)).map((e) => [e.action, e.from, e.to, e.accountName, e.role])).toEqual([
      ['submit', 'draft', 'submitted', 'Mara', 'writer'],
    ]);
    expect(await storage.workflowLog.byRequest(logged.requestId!)).toEqual(logged);
  });

  it.skipIf(!enabled)('upgrades a schema-1 database: each logged transition becomes an audit entry with the account’s name and role', async () => {
    const old = await make();
    try {
      // A database as a server of part 1 left it: schema 1 only.
      const first = storageOn(
        old.location.kind === 'sqlite' ? openSqliteDriver(path.join(old.location.dataDir, SQLITE_FILE_NAME)) : await openPostgresDriver(old.location.url),
      );
      expect(await migrate(first.db, () => NOW, MIGRATIONS.slice(0, 1))).toBe(1);
      await first.accounts.add({ id: 'acc-1', name: 'Tomas', role: 'editor', passwordHash: 'h', now: NOW });
      await first.articles.add({ id: 'art-1', ownerId: 'acc-1', status: 'in-edit', headline: '', createdAt: NOW, updatedAt: NOW });
      for (const [action, from, to, at] of [
        ['submit', 'draft', 'submitted', '2026-01-01T00:00:01.000Z'],
        ['start-edit', 'submitted', 'in-edit', '2026-01-01T00:00:02.000Z'],
      ]) {
        await first.db.run('INSERT INTO article_transitions (article_id, action, from_status, to_status, account_id, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          'art-1',
          action!,
          from!,
          to!,
          'acc-1',
          'n',
          at!,
        ]);
      }
      expect(await migrate(first.db, () => NOW)).toBe(LATEST_SCHEMA_VERSION);
      expect((await first.workflowLog.forArticle('art-1')).map((e) => [e.action, e.from, e.to, e.accountId, e.accountName, e.role, e.note, e.at])).toEqual([
        ['submit', 'draft', 'submitted', 'acc-1', 'Tomas', 'editor', 'n', '2026-01-01T00:00:01.000Z'],
        ['start-edit', 'submitted', 'in-edit', 'acc-1', 'Tomas', 'editor', 'n', '2026-01-01T00:00:02.000Z'],
      ]);
      await expect(first.db.all('SELECT * FROM article_transitions')).rejects.toThrow();
      await first.close();
    } finally {
      await old.cleanup();
    }
  });

  it.skipIf(!enabled)('upgrades a schema-5 library to take house-style rules, keeping every entry, and fetches them only when asked', async () => {
    const old = await make();
    try {
      const first = storageOn(
        old.location.kind === 'sqlite' ? openSqliteDriver(path.join(old.location.dataDir, SQLITE_FILE_NAME)) : await openPostgresDriver(old.location.url),
      );
      expect(
        await migrate(
          first.db,
          () => NOW,
          MIGRATIONS.filter((m) => m.version <= 5),
        ),
      ).toBe(5);
      await first.accounts.add({ id: 'acc-1', name: 'Tomas', role: 'editor', passwordHash: 'h', now: NOW });
      const by = { id: 'acc-1', name: 'Tomas' };
      expect((await first.libraries.create({ kind: 'author', id: 'ines', data: { name: 'Ines' }, by, now: NOW })).ok).toBe(true);
      // Before 007 the table refuses the kind.
      await expect(first.libraries.create({ kind: 'style-rule', id: 'early', data: {}, by, now: NOW })).rejects.toThrow();
      expect(await migrate(first.db, () => NOW)).toBe(LATEST_SCHEMA_VERSION);
      const rule = await first.libraries.create({ kind: 'style-rule', id: 'style-email', data: { name: 'email' }, by, now: NOW });
      expect(rule).toMatchObject({ ok: true, entry: { kind: 'style-rule', version: 1, sequence: 2 } });
      const everything = await first.libraries.changedAfter(0);
      expect(everything.entries.map((e) => [e.kind, e.id, e.sequence])).toEqual([
        ['author', 'ines', 1],
        ['style-rule', 'style-email', 2],
      ]);
      const older = await first.libraries.changedAfter(0, ['author', 'disclosure']);
      expect(older).toEqual({ entries: [everything.entries[0]], sequence: 2 });
      // The rebuilt table still hands out one sequence per change and keeps (kind, id) unique.
      expect(await first.libraries.create({ kind: 'style-rule', id: 'style-email', data: {}, by, now: NOW })).toEqual({ ok: false, problem: 'exists' });
      await first.close();
    } finally {
      await old.cleanup();
    }
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
