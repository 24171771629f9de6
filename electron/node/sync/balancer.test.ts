/**
 * The desk's sync engine through a real load balancer: Debian's nginx (generated config, see
 * server/test/nginx.ts) in front of two newsroom server instances that share one PostgreSQL database
 * (made for this run, dropped after) and relay changes through Redis (a key prefix of this run).
 * Each desk has its own SQLite database file. Desks that nginx sends to different instances edit one
 * article live and converge; when one instance is killed, its desk reconnects through nginx to the
 * other and no acknowledged edit is lost, in the desks or in PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/src/auth/password';
import { openStorage, type Storage } from '../../../server/src/storage/storage';
import {
  buildServerForTests,
  establishedTo,
  postgresAvailable,
  postgresBackend,
  redisAvailable,
  redisKeys,
  redisPrefix,
  startServerProcess,
  storedDoc,
  until,
  type Backend,
  type ServerProcess,
} from '../../../server/test/harness';
import { findNginx, startNginx, type Balancer } from '../../../server/test/nginx';
import { bodyType, docToArticleFields, fieldsMap } from '../../../shared/sync/articleDoc';
import { sampleArticleBody } from '../store/seed';
import { openDatabase, type Db } from '../store/database';
import { SyncEngine } from './syncEngine';

const PASSWORDS = { mara: 'mara-password-1', tomas: 'tomas-password-1' };
const NAMES = { mara: 'Mara Lindqvist', tomas: 'Tomas Okafor' };

const nginx = findNginx();
if (!nginx) console.warn('\n*** Load-balancer tests SKIPPED: nginx not found (apt-get install nginx, or set NGINX=/path/to/nginx). ***\n');
const enabled = !!nginx && (await postgresAvailable()) && (await redisAvailable());

type Desk = { engine: SyncEngine; db: Db; close: () => void };

describe.skipIf(!enabled)('desks through nginx in front of two server instances', () => {
  let entry = '';
  let cleanupBuild = () => {};
  let backend: Backend;
  let storage: Storage;
  let redis: ReturnType<typeof redisPrefix>;
  const instances: ServerProcess[] = [];
  let balancer: Balancer;
  const desks: Desk[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'desk-balancer-'));

  beforeAll(async () => {
    ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
    backend = await postgresBackend();
    redis = redisPrefix();
    storage = await openStorage(backend.location);
    for (const [who, role] of [
      ['mara', 'writer'],
      ['tomas', 'editor'],
    ] as const) {
      await storage.accounts.add({ id: randomUUID(), name: NAMES[who], role, passwordHash: await hashPassword(PASSWORDS[who]), now: new Date().toISOString() });
    }
    instances.push(...(await Promise.all([startServerProcess(entry, backend, redis.args), startServerProcess(entry, backend, redis.args)])));
    balancer = await startNginx(
      nginx!,
      instances.map((i) => i.port),
    );
  }, 60_000);

  afterEach(async () => {
    for (const desk of desks.splice(0)) desk.close();
    // An instance a test killed comes back on its port, where nginx expects it.
    for (const [i, instance] of instances.entries()) {
      if (instance.child.exitCode !== null || instance.child.signalCode !== null) {
        instances[i] = await startServerProcess(entry, backend, redis.args, instance.port);
      }
    }
    await until('the old desks’ connections gone', () => instances.every((i) => establishedTo(i.port) === 0), 5_000);
  });

  afterAll(async () => {
    await balancer?.stop();
    for (const instance of instances) {
      instance.child.kill('SIGKILL');
      await instance.exited;
    }
    await storage?.close();
    await backend?.cleanup();
    await redis?.cleanup();
    // Every test leaves Redis as it found it.
    const left = redis ? await redisKeys(redis.prefix) : [];
    if (left.length > 0) throw new Error(`Redis keys left behind: ${left.join(', ')}`);
    cleanupBuild();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function signedInDesk(who: keyof typeof PASSWORDS): Promise<Desk> {
    const db = openDatabase(path.join(tmp, `${who}-${randomUUID()}.db`));
    const engine = new SyncEngine(db, { reconnect: { minDelay: 100, maxDelay: 200 } });
    const desk = {
      engine,
      db,
      close: () => {
        engine.close();
        db.close();
      },
    };
    desks.push(desk);
    expect(engine.configure({ server: balancer.http })).toEqual({ ok: true, url: balancer.http });
    await engine.signIn(NAMES[who], PASSWORDS[who]);
    return desk;
  }

  const upToDate = (desk: Desk) => desk.engine.connectionState().kind === 'up-to-date';
  const headline = (doc: Y.Doc) => (fieldsMap(doc).get('headline') as Y.Text).toString();
  const lead = (doc: Y.Doc) => (bodyType(doc).toDelta()[0].insert as Y.XmlText).toString();
  const whole = (doc: Y.Doc) => JSON.stringify(docToArticleFields(doc));
  /** What PostgreSQL holds: the stored state plus every update appended since. */
  const inPostgres = (id: string) => storedDoc(storage, id);

  /** A writer's and an editor's desk on one article, each landing on a different instance. */
  async function twoDesksOnDifferentInstances(): Promise<{ mara: Desk; tomas: Desk; id: string }> {
    const mara = await signedInDesk('mara');
    const id = mara.engine.createArticle({ headline: 'Harbour wall', body: sampleArticleBody() });
    await until('the article on the server', () => mara.engine.articleState(id).saved === 'on-the-server');
    const tomas = await signedInDesk('tomas');
    await tomas.engine.refreshArticles();
    mara.engine.openArticle(id);
    tomas.engine.openArticle(id);
    await until('both up to date', () => upToDate(mara) && upToDate(tomas));
    // One WebSocket per desk, and least_conn puts the second on the other instance (API requests
    // through nginx come and go; only the two sockets stay).
    await until('one desk on each instance', () => instances.every((i) => establishedTo(i.port) === 1), 5_000);
    return { mara, tomas, id };
  }

  it('lets desks on different instances edit the same article live, and they converge', async () => {
    const { mara, tomas, id } = await twoDesksOnDifferentInstances();
    const maraDoc = mara.engine.openArticle(id);
    const tomasDoc = tomas.engine.openArticle(id);

    mara.engine.edit(id, (doc) => (fieldsMap(doc).get('headline') as Y.Text).insert(12, ' holds'));
    await until('the editor sees the writer’s headline', () => headline(tomasDoc) === 'Harbour wall holds', 3_000);
    tomas.engine.edit(id, (doc) => (bodyType(doc).toDelta()[0].insert as Y.XmlText).insert(0, 'VESTMARK — '));
    await until('the writer sees the editor’s edit', () => lead(maraDoc).startsWith('VESTMARK — '), 3_000);
    // Both at once, in the same paragraph.
    for (let i = 0; i < 20; i++) {
      mara.engine.edit(id, (doc) => (bodyType(doc).toDelta()[1].insert as Y.XmlText).insert(0, `m${i} `));
      tomas.engine.edit(id, (doc) => {
        const text = bodyType(doc).toDelta()[1].insert as Y.XmlText;
        text.insert(text.length, ` t${i}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await until('both up to date', () => upToDate(mara) && upToDate(tomas), 10_000);
    await until('converged', () => whole(maraDoc) === whole(tomasDoc), 5_000);
    const second = (bodyType(maraDoc).toDelta()[1].insert as Y.XmlText).toString();
    for (let i = 0; i < 20; i++) {
      expect(second).toContain(`m${i} `);
      expect(second).toContain(` t${i}`);
    }
    expect(whole(await inPostgres(id))).toBe(whole(maraDoc));
  });

  it('moves the desks of a killed instance to the other through nginx and loses no acknowledged edit', async () => {
    const { mara, tomas, id } = await twoDesksOnDifferentInstances();
    const maraDoc = mara.engine.openArticle(id);
    const tomasDoc = tomas.engine.openArticle(id);
    // Each desk's words, and how many of them its state said had reached the server, when it said so.
    const typed = { mara: [] as string[], tomas: [] as string[] };
    const acked = { mara: 0, tomas: 0 };
    for (const [who, desk] of [
      ['mara', mara],
      ['tomas', tomas],
    ] as const) {
      desk.engine.onChange(() => {
        if (desk.engine.articleState(id).saved === 'on-the-server' && upToDate(desk)) acked[who] = typed[who].length;
      });
    }

    const victim = instances[0]!;
    for (let i = 0; i < 40; i++) {
      typed.mara.push(` m${i}`);
      mara.engine.edit(id, (doc) => {
        const text = fieldsMap(doc).get('headline') as Y.Text;
        text.insert(text.length, ` m${i}`);
      });
      typed.tomas.push(` t${i}`);
      tomas.engine.edit(id, (doc) => {
        const text = bodyType(doc).toDelta()[0].insert as Y.XmlText;
        text.insert(text.length, ` t${i}`);
      });
      // Typing every 5 ms leaves no moment without a change in flight: pause twice so that some
      // edits are surely acknowledged before the kill, which lands with others in flight.
      if (i === 10 || i === 20) await until('both acknowledged', () => upToDate(mara) && upToDate(tomas), 5_000);
      if (i === 25) victim.child.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await victim.exited;
    const ackedAtKill = { mara: typed.mara.slice(0, acked.mara), tomas: typed.tomas.slice(0, acked.tomas) };
    expect(ackedAtKill.mara.length).toBeGreaterThanOrEqual(21);
    expect(ackedAtKill.tomas.length).toBeGreaterThanOrEqual(21);
    // Everything acknowledged before the kill is in PostgreSQL, whichever instance took it.
    const atKill = await inPostgres(id);
    expect(headline(atKill).startsWith(`Harbour wall${ackedAtKill.mara.join('')}`)).toBe(true);
    expect(lead(atKill)).toContain(ackedAtKill.tomas.join(''));

    // The killed instance's desk reconnects through nginx to the survivor, with nobody's help.
    await until('both desks up to date again', () => upToDate(mara) && upToDate(tomas), 15_000);
    expect(establishedTo(instances[1]!.port)).toBe(2);
    await until('converged', () => whole(maraDoc) === whole(tomasDoc), 5_000);
    expect(headline(maraDoc)).toBe(`Harbour wall${typed.mara.join('')}`);
    expect(lead(tomasDoc).endsWith(typed.tomas.join(''))).toBe(true);
    // Every edit is acknowledged now, and PostgreSQL holds the very same document.
    expect(whole(await inPostgres(id))).toBe(whole(maraDoc));
  });
});
