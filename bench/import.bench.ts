/**
 * Imports (issue 10), through the built browser host in its own process, as the app runs them
 * (dist/node/browser-host.mjs with its contained-worker.cjs): the time and peak memory to refuse the
 * 147 KB Word bomb, the time to import a 1 MB Word file and a 1 MB Markdown file, and how long a
 * library list takes while a Word import runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { emptyParagraphsBomb } from '../electron/node/exchange/__fixtures__/zipBombs';
import { exportArticle } from '../electron/node/exchange/exportService';
import { DatabaseSession } from '../electron/node/session';
import { exportMarkdown } from '../shared/export/markdown';
import type { ArticleBody } from '../shared/model/document';
import { mixedBlocks } from './documents';
import { median, percentile, report, ROOT, tempDir } from './lib';

type Host = { process: ChildProcess; origin: string; token: string; pid: number };

async function startBuiltHost(dbPath: string): Promise<Host> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/node/browser-host.mjs'), '--db', dbPath, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the browser host stopped (exit code ${code})`)));
  });
  const { origin, token, pid } = JSON.parse(line) as { origin: string; token: string; pid: number };
  return { process: child, origin, token, pid };
}

/** One call on a fresh connection (a kept-alive one can be closed by the host just as it is reused). */
function call(host: Host, channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const { hostname, port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: `/ipc/${channel}`,
        agent: false,
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

async function importFile(host: Host, fileName: string, bytes: Uint8Array): Promise<{ ms: number; ok: boolean; message?: string }> {
  const started = performance.now();
  const reply = await call(host, 'exchange:import', { fileName, dataBase64: Buffer.from(bytes).toString('base64') });
  return { ms: performance.now() - started, ok: reply.ok, message: reply.error?.message };
}

/** Peak and current resident memory of a process, from Linux's /proc (undefined elsewhere). */
function memoryOf(pid: number): { peakMb: number; rssMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** A photo-sized PNG of noise (does not compress): 256 × 256 pixels, about 200 KB. */
function noisePng(seed: number, size = 256): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rowBytes = size * 3;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const pixels: Buffer[] = [];
    for (let k = 0; k * 32 < rowBytes; k++) pixels.push(createHash('sha256').update(`${seed}:${y}:${k}`).digest());
    rows.push(Buffer.from([0]), Buffer.concat(pixels).subarray(0, rowBytes));
  }
  const png = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ];
  return Buffer.concat(png);
}

/** A 1 MB Word file (text and five photos) and a 1 MB Markdown file, both written by the desk's own exporters. */
async function oneMegabyteFiles(dir: string): Promise<{ docx: Buffer; markdown: Buffer }> {
  const session = new DatabaseSession(path.join(dir, 'source.db'), { seedOnCreate: false });
  try {
    const store = session.store();
    const photos = [1, 2, 3, 4, 5].map((seed) => session.assets().putAsset(`photo-${seed}.png`, 'image/png', noisePng(seed)));
    const withPhotos = (body: ArticleBody): ArticleBody => {
      const out = [...body];
      photos.forEach((assetId, i) =>
        out.splice(Math.floor(((i + 1) * out.length) / 6), 0, {
          type: 'image',
          assetId,
          alt: `Photo ${i + 1}`,
          caption: 'The harbour',
          credit: 'Desk',
          children: [{ text: '' }],
        }),
      );
      return out;
    };
    const docxArticle = store.createArticle({ headline: 'A long report with photos', body: withPhotos(mixedBlocks(2_000)) });
    const [docxFile] = await exportArticle(session, docxArticle.id, 'docx', path.join(dir, 'out'));
    const mdArticle = store.createArticle({ headline: 'A long report', body: mixedBlocks(6_700) });
    const markdown = exportMarkdown({ article: store.getArticle(mdArticle.id), authors: [], assetUrl: () => undefined });
    return { docx: fs.readFileSync(docxFile!), markdown: Buffer.from(markdown) };
  } finally {
    session.close();
  }
}

export async function importBench(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist/node/browser-host.mjs')) || !fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
    console.log('import: skipped (run "node scripts/build.mjs --renderer --node" first; npm run bench does)');
    return;
  }
  const dir = tempDir('import');
  const host = await startBuiltHost(path.join(dir, 'newsroom.db'));
  try {
    const kb = (b: Uint8Array) => `${Math.round(b.length / 1024)} KB`;
    const bomb = emptyParagraphsBomb();
    const first = await importFile(host, 'first.md', Buffer.from('# First\n\nThe first import starts the worker.'));
    if (!first.ok) throw new Error(`import bench: ${first.message}`);
    report({ name: 'import: first import after start (worker starts)', value: first.ms, unit: 'ms' });

    const before = memoryOf(host.pid);
    const refusals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await importFile(host, 'bomb.docx', bomb);
      if (result.ok) throw new Error('import bench: the Word bomb was imported');
      refusals.push(result.ms);
    }
    const after = memoryOf(host.pid);
    report({ name: 'import: refuse the 147 KB Word bomb (16.7 M paragraphs)', value: median(refusals), unit: 'ms', note: `${kb(bomb)}, median of 5` });
    if (before && after) {
      report({
        name: 'import: host peak memory while refusing the Word bomb',
        value: after.peakMb,
        unit: 'MB',
        note: `peak before ${Math.round(before.peakMb)} MB, RSS after ${Math.round(after.rssMb)} MB`,
      });
    }

    const { docx, markdown } = await oneMegabyteFiles(dir);
    for (const [label, fileName, bytes] of [
      ['a 1 MB Word file', 'report.docx', docx],
      ['a 1 MB Markdown file', 'report.md', markdown],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const result = await importFile(host, fileName, bytes);
        if (!result.ok) throw new Error(`import bench: ${label}: ${result.message}`);
        times.push(result.ms);
      }
      report({ name: `import: ${label}`, value: median(times), unit: 'ms', note: `${kb(bytes)}, median of 3` });
    }

    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await call(host, 'articles:list', { view: 'active' });
      idle.push(performance.now() - t);
    }
    let importing = true;
    const running = importFile(host, 'report.docx', docx).finally(() => (importing = false));
    const busy: number[] = [];
    while (importing) {
      const t = performance.now();
      await call(host, 'articles:list', { view: 'active' });
      if (importing) busy.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await running;
    report({
      name: 'import: library list while a 1 MB Word file imports (median)',
      value: median(busy),
      unit: 'ms',
      note: `${busy.length} lists; idle median ${median(idle).toFixed(1)} ms`,
    });
    report({
      name: 'import: library list while a 1 MB Word file imports (max)',
      value: Math.max(...busy),
      unit: 'ms',
      note: `p95 ${percentile(busy, 95).toFixed(1)} ms`,
    });
  } finally {
    host.process.kill('SIGTERM');
    await new Promise((resolve) => host.process.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
