/**
 * The newsroom's PostgreSQL goes away under a running server (a relay in front of the real database
 * is cut, as a stopped or unreachable database looks to the server) while two desks edit: the desks
 * keep working on their own copies, the server refuses to acknowledge what it cannot store and says
 * so, and when the database is back everything typed meanwhile reaches it, nothing lost.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/src/auth/password';
import { openStorage, type Storage } from '../../../server/src/storage/storage';
import {
  buildServerForTests,
  postgresAvailable,
  postgresBackend,
  startServerProcess,
  storedDoc,
  tcpRelay,
  until,
  type Backend,
  type ServerProcess,
  type TcpRelay,
} from '../../../server/test/harness';
import { bodyType, docToArticleFields, fieldsMap } from '../../../shared/sync/articleDoc';
import { sampleArticleBody } from '../store/seed';
import { createSyncStore } from '../store/syncStore';
import { openDatabase, type Db } from '../store/database';
import { SyncEngine } from './syncEngine';

const PASSWORDS = { mara: 'mara-password-1', tomas: 'tomas-password-1' };
const NAMES = { mara: 'Mara Lindqvist', tomas: 'Tomas Okafor' };
const enabled = await postgresAvailable();

describe.skipIf(!enabled)('the server’s PostgreSQL stopped while desks edit', () => {
  let entry = '';
  let cleanupBuild = () => {};
  let backend: Backend;
  let storage: Storage;
  let relay: TcpRelay;
  let server: ServerProcess;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'storage-down-'));
  const desks: Array<{ engine: SyncEngine; db: Db; close: () => void }> = [];

  beforeAll(async () => {
    ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
    backend = await postgresBackend();
    const direct = (backend.location as { url: string }).url;
    storage = await openStorage(backend.location);
    for (const who of ['mara', 'tomas'] as const) {
      await storage.accounts.add({
        id: randomUUID(),
        name: NAMES[who],
        role: who === 'mara' ? 'writer' : 'editor',
        passwordHash: await hashPassword(PASSWORDS[who]),
        now: new Date().toISOString(),
      });
    }
    const url = new URL(direct);
    relay = await tcpRelay({ host: url.hostname, port: Number(url.port || 5432) });
    // The server reaches the database only through the relay; the test reads it directly.
    server = await startServerProcess(entry, { ...backend, args: ['--postgres', relay.rewrite(direct)] });
  }, 60_000);

  afterAll(async () => {
    for (const desk of desks.splice(0)) desk.close();
    server?.child.kill('SIGKILL');
    await server?.exited;
    await relay?.close();
    await storage?.close();
    await backend?.cleanup();
    cleanupBuild();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function signedInDesk(who: keyof typeof PASSWORDS) {
    const db = openDatabase(path.join(tmp, `${who}-${randomUUID()}.db`));
    const engine = new SyncEngine(db, { reconnect: { minDelay: 100, maxDelay: 200 } });
    const desk = { engine, db, close: () => (engine.close(), db.close()) };
    desks.push(desk);
    expect(engine.configure({ server: server.http })).toEqual({ ok: true, url: server.http });
    await engine.signIn(NAMES[who], PASSWORDS[who]);
    return desk;
  }

  const headlineText = (doc: Y.Doc) => fieldsMap(doc).get('headline') as Y.Text;
  const lead = (doc: Y.Doc) => bodyType(doc).toDelta()[0].insert as Y.XmlText;
  const whole = (doc: Y.Doc) => JSON.stringify(docToArticleFields(doc));
  const upToDate = (desk: { engine: SyncEngine }) => desk.engine.connectionState().kind === 'up-to-date';
  const inPostgres = (id: string) => storedDoc(storage, id);

  it('keeps both desks working, acknowledges nothing it cannot store, says why, and stores everything once the database is back', async () => {
    const mara = await signedInDesk('mara');
    const id = mara.engine.createArticle({ headline: 'Harbour wall', body: sampleArticleBody() });
    const maraDoc = mara.engine.openArticle(id);
    const tomas = await signedInDesk('tomas');
    await tomas.engine.refreshArticles();
    const tomasDoc = tomas.engine.openArticle(id);
    await until('both up to date', () => upToDate(mara) && upToDate(tomas));
    mara.engine.edit(id, (doc) => headlineText(doc).insert(12, ' holds'));
    await until('acknowledged before the database stops', () => upToDate(mara) && headlineText(tomasDoc).toString() === 'Harbour wall holds');

    await relay.down();
    // Both keep typing: the writer in the headline, the editor at the top of the story.
    for (let i = 0; i < 5; i++) {
      mara.engine.edit(id, (doc) => headlineText(doc).insert(headlineText(doc).length, ` m${i}`));
      tomas.engine.edit(id, (doc) => lead(doc).insert(0, `t${i} `));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await until('the desks say the server cannot store', () =>
      [mara, tomas].every((desk) => {
        const state = desk.engine.connectionState();
        return state.kind === 'offline' && /cannot reach its database/.test(state.reason ?? '');
      }),
    );
    for (const desk of [mara, tomas]) {
      expect(desk.engine.articleState(id).saved).toBe('saved-locally');
      desk.engine.flush();
      expect(createSyncStore(desk.db).pendingCount(id)).toBeGreaterThan(0);
    }
    // Each desk has all its own words meanwhile.
    expect(headlineText(maraDoc).toString()).toBe('Harbour wall holds m0 m1 m2 m3 m4');
    expect(lead(tomasDoc).toString().startsWith('t4 t3 t2 t1 t0 ')).toBe(true);
    // And a while later still nothing "up to date": the server acknowledges nothing it has not stored.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(upToDate(mara) || upToDate(tomas)).toBe(false);
    expect(server.child.exitCode).toBeNull();

    await relay.up();
    await until('both up to date again', () => upToDate(mara) && upToDate(tomas), 30_000);
    await until('converged', () => whole(maraDoc) === whole(tomasDoc), 5_000);
    expect(headlineText(maraDoc).toString()).toBe('Harbour wall holds m0 m1 m2 m3 m4');
    expect(lead(maraDoc).toString().startsWith('t4 t3 t2 t1 t0 ')).toBe(true);
    for (const desk of [mara, tomas]) {
      desk.engine.flush();
      expect(createSyncStore(desk.db).pendingCount(id)).toBe(0);
    }
    expect(whole(await inPostgres(id))).toBe(whole(maraDoc));
  }, 90_000);
});
