/**
 * Issue 10: a big import must not stop the app answering. The real browser host serves a library
 * list over HTTP again and again while a slow Word file is read (in the contained worker); the
 * lists are answered within 100 ms, and the import lands.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { wordPerRunDocument } from '../node/exchange/__fixtures__/zipBombs';
import { startBrowserHost, type BrowserHost } from './server';

let dir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-serving-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>test</title>');
  host = await startBrowserHost({ dbPath: path.join(dir, 'host.db'), rendererDir: path.join(dir, 'renderer'), token: 'serving-token' });
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function ipc(channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/ipc/${channel}`,
        headers: { authorization: 'Bearer serving-token', 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const importDocx = (fileName: string, bytes: Buffer) => ipc('exchange:import', { fileName, dataBase64: bytes.toString('base64') });

it('answers a library list within 100 ms while a big Word file is imported', async () => {
  // The first import starts the worker; the measured one finds it warm, as a second import would.
  expect((await importDocx('warm-up.docx', wordPerRunDocument(100))).ok).toBe(true);
  const big = wordPerRunDocument(40_000);
  let importing = true;
  const started = performance.now();
  const imported = importDocx('big.docx', big).finally(() => (importing = false));
  const latencies: number[] = [];
  while (importing) {
    const t = performance.now();
    const list = await ipc('articles:list', { view: 'active' });
    if (importing) latencies.push(performance.now() - t);
    expect(list.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const result = await imported;
  const importMs = performance.now() - started;
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true, value: { kind: 'imported' } });
  // The import took long enough for the lists to mean something.
  expect(latencies.length, `import took ${Math.round(importMs)} ms`).toBeGreaterThanOrEqual(10);
  const sorted = [...latencies].sort((a, b) => a - b);
  const seen = `import ${Math.round(importMs)} ms; latencies ${latencies.map(Math.round).join(', ')}`;
  // Lists are answered within 100 ms. A machine shared by many processes (2 cores here) can
  // deschedule the host now and then whatever it runs, so a few lists may wait longer; a host
  // that read the file itself would hold every list for most of the import instead.
  expect(sorted[Math.floor(sorted.length * 0.95)]!, seen).toBeLessThan(100);
  expect(sorted[sorted.length - 1]!, seen).toBeLessThan(Math.max(100, importMs / 4));
});
