/**
 * Kill -9 while saving: a child process saves through the real store and
 * reports each committed save; after every SIGKILL the database must pass
 * `PRAGMA integrity_check` and hold every save that was acknowledged.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createArticleStore } from './articleStore';
import { openDatabase } from './database';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'writer.ts');
const ROUNDS = 25;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Ack = { id: string; version: number; marker: string };

/** Runs the writer until it has saved for a random while, then SIGKILLs it; returns what it acknowledged. */
async function runAndKill(dbPath: string, round: number): Promise<Ack[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, String(round)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acks: Ack[] = [];
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const lines = readline.createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.random() * 400);
    const [word, id, version, marker] = line.split(' ');
    if (word === 'ack') acks.push({ id: id!, version: Number(version), marker: marker! });
  });
  await exited; // 'close' comes after stdout has been read to the end.
  expect(child.signalCode, 'the writer died from SIGKILL, not by itself').toBe('SIGKILL');
  return acks;
}

it(`keeps every acknowledged save and a sound database across ${ROUNDS} SIGKILLs`, { timeout: 120_000 }, async () => {
  const dbPath = path.join(dir, 'crash.db');
  const acknowledged: Ack[] = [];
  let saves = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const acks = await runAndKill(dbPath, round);
    saves += acks.length;
    acknowledged.push(...acks);

    const db = openDatabase(dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
      const store = createArticleStore(db);
      const latest = new Map<string, Ack>();
      for (const ack of acknowledged) if ((latest.get(ack.id)?.version ?? 0) < ack.version) latest.set(ack.id, ack);
      const bodies = new Map<string, string>();
      for (const [id, ack] of latest) {
        const article = store.getArticle(id);
        expect(article.version, `round ${round}: ${id} was acknowledged at version ${ack.version}`).toBeGreaterThanOrEqual(ack.version);
        bodies.set(id, JSON.stringify(article.body));
      }
      for (const ack of acknowledged) expect(bodies.get(ack.id), `round ${round}: "${ack.marker}" was acknowledged`).toContain(`"${ack.marker}"`);
      // The full-text index was committed with the rows: the newest acknowledged headline is found by search.
      const newest = acks.at(-1);
      if (newest && newest.marker !== 'start') {
        expect(store.listArticles({ view: 'active', search: newest.marker }).items.map((a) => a.id)).toContain(newest.id);
      }
    } finally {
      db.close();
    }
  }
  expect(saves, 'the writer got to save in most rounds').toBeGreaterThan(ROUNDS * 5);
});
