/**
 * Our editor beside reference editors built from their npm packages — ProseMirror (basic schema,
 * with lists) and Slate as its examples build it (no chunking) — on the same documents, with the
 * same keystrokes and the same measures, in one run (`npm run bench -- --only reference`). Absolute
 * times on a shared 2-core machine are noisy; the ratios measured side by side are what we track.
 *
 * - Typing: keydown to paint p95 in the middle of 10, 1,000 and 10,000 mixed blocks.
 * - Opening 10,000 blocks to first paint in a fresh window (ours: click in the library to first
 *   paint; theirs: building the editor from the document to first paint).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { ArticleBody } from '../shared/model/document';
import { mixedBlocks } from './documents';
import { median, percentile, report, ROOT, tempDir } from './lib';
import { timeOpen } from './open.bench';
import type { ReferencePage } from './reference/pageApi';
import { measure, typeAndMeasure } from './typing.bench';

const REFERENCES = [
  { name: 'ProseMirror', entry: 'prosemirror.ts' },
  { name: 'Slate (plain)', entry: 'slate.tsx' },
] as const;
type Reference = (typeof REFERENCES)[number];

const TEXT = 'the council voted on thursday to fund the barrier and residents welcomed the news after years of floods';
const SIZES = [10, 1_000, 10_000] as const;
const OPENS = 3;

/** Bundles each reference page and serves them from 127.0.0.1. */
async function servePages(): Promise<{ url: (ref: Reference) => string; close: () => Promise<void> }> {
  const dir = tempDir('reference');
  for (const ref of REFERENCES) {
    await build({
      entryPoints: [path.join(ROOT, 'bench/reference', ref.entry)],
      bundle: true,
      format: 'iife',
      minify: true,
      jsx: 'automatic',
      target: 'chrome130',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: path.join(dir, `${ref.entry.replace(/\.tsx?$/, '')}.js`),
      logLevel: 'warning',
    });
  }
  const server = http.createServer((req, res) => {
    const name = path.basename(req.url ?? '');
    if (name.endsWith('.js') && fs.existsSync(path.join(dir, name))) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(dir, name)));
      return;
    }
    const script = `${name}.js`;
    if (!fs.existsSync(path.join(dir, script))) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><main id="root"></main><script src="/${script}"></script></body></html>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (ref) => `http://127.0.0.1:${port}/${ref.entry.replace(/\.tsx?$/, '')}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openReference(page: Page, url: string, body: ArticleBody): Promise<number> {
  await page.goto(url);
  return page.evaluate((b) => (window as unknown as ReferencePage).__open(b), body);
}

/** Typing in the middle of a reference editor, as `measure` types in ours. */
async function typeInReference(browser: Browser, url: string, blocks: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await openReference(page, url, mixedBlocks(blocks));
    const target = page.locator('#root p').nth(Math.floor((blocks * 0.7) / 2));
    await target.scrollIntoViewIfNeeded();
    await target.click();
    await page.keyboard.press('End');
    return (await typeAndMeasure(page, TEXT, false)).keys;
  } finally {
    await page.close();
  }
}

export async function referenceBench(browser: Browser): Promise<void> {
  const pages = await servePages();
  try {
    for (const blocks of SIZES) {
      const label = blocks.toLocaleString('en-US');
      const ours = percentile((await measure(browser, blocks, undefined, 'middle')).steady.keys, 95);
      report({ name: `reference: our typing p95 in the middle of ${label} blocks`, value: ours, unit: 'ms' });
      for (const ref of REFERENCES) {
        const theirs = percentile(await typeInReference(browser, pages.url(ref), blocks), 95);
        report({ name: `reference: ${ref.name} typing p95 in the middle of ${label} blocks`, value: theirs, unit: 'ms' });
        report({ name: `reference: our typing p95 ÷ ${ref.name}, ${label} blocks`, value: ours / theirs, unit: '×', note: 'below 1: we are faster' });
      }
    }
    const body = mixedBlocks(10_000);
    const [ourFirst] = await timeOpen(browser, body, 1);
    report({ name: 'reference: our first open of 10,000 blocks in a fresh window', value: ourFirst!, unit: 'ms' });
    for (const ref of REFERENCES) {
      const times: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        times.push(await openReference(page, pages.url(ref), body));
        await page.close();
      }
      const theirs = median(times);
      report({ name: `reference: ${ref.name} opens 10,000 blocks in a fresh window (median of ${OPENS})`, value: theirs, unit: 'ms' });
      report({ name: `reference: our first open ÷ ${ref.name}, 10,000 blocks`, value: ourFirst! / theirs, unit: '×', note: 'below 1: we are faster' });
    }
  } finally {
    await pages.close();
  }
}
