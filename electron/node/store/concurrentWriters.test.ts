/**
 * Two processes writing the same database at once (two hosts, or the app and
 * a CLI import): 400 saves to different articles, started together. With
 * deferred transactions a save that read first could not wait for the other
 * writer and failed at once (241 of 400 did); with IMMEDIATE transactions the
 * busy timeout applies and none fail.
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

const SAVER = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'concurrentSaver.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-writers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Outcome = { saved: number; failures: string[] };

function startSaver(dbPath: string, label: string, count: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', SAVER, dbPath, label, String(count)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${label} exited early (${code})`)));
    lines.once('line', (line) => (line === 'ready' ? resolve() : reject(new Error(line))));
  });
  const outcome = new Promise<Outcome>((resolve) => lines.on('line', (line) => line.startsWith('{') && resolve(JSON.parse(line) as Outcome)));
  return { ready, go: () => child.stdin!.end('go\n'), outcome };
}

it('two processes make 400 saves to different articles at once and none fails', { timeout: 120_000 }, async () => {
  const dbPath = path.join(dir, 'newsroom.db');
  openDatabase(dbPath).close();
  const savers = [startSaver(dbPath, 'Host A', 200), startSaver(dbPath, 'Host B', 200)];
  await Promise.all(savers.map((s) => s.ready));
  for (const s of savers) s.go();
  const outcomes = await Promise.all(savers.map((s) => s.outcome));

  expect(outcomes.flatMap((o) => o.failures)).toEqual([]);
  expect(outcomes.map((o) => o.saved)).toEqual([200, 200]);
  const db = openDatabase(dbPath);
  try {
    const store = createArticleStore(db);
    const items = store.listArticles({ view: 'active', limit: 500 }).items;
    expect(items).toHaveLength(400);
    for (const item of items) {
      const [host, index] = [item.headline.slice(0, 6), item.headline.slice(7)];
      expect(store.getArticle(item.id).body).toEqual([{ type: 'paragraph', children: [{ text: `${host} saved ${index}` }] }]);
    }
  } finally {
    db.close();
  }
});
