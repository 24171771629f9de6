import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContainedWorker, cjsImportMetaUrl, nodeCommon } from '../../../scripts/lib/bundling.mjs';
import { diffVersions, type VersionText } from '../../../shared/diff/wordDiff';
import { diffContained } from '../exchange/containedImport';
import { wordPerRunDocument } from '../exchange/__fixtures__/zipBombs';
import { ContainedTaskError, runContained, stopIdleWorker } from './containedTask';

const root = path.resolve(import.meta.dirname, '../../..');
const textFile = (title: string) => ({ fileName: 'story.txt', bytes: Buffer.from(`${title}\n\nFirst paragraph.\n`) });
const version = (words: string[]): VersionText => ({ headline: 'Harbour', dek: '', body: [{ type: 'paragraph', children: [{ text: words.join(' ') }] }] });

afterAll(() => stopIdleWorker());

async function breach(run: Promise<unknown>): Promise<ContainedTaskError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContainedTaskError);
  return error as ContainedTaskError;
}

describe('contained tasks', () => {
  it('runs a task in a worker and hands back its result', async () => {
    const result = await runContained('convertImport', textFile('Port news'));
    expect(result).toMatchObject({ kind: 'article', format: 'text' });
    const before = version(['the', 'council', 'voted']);
    const after = version(['the', 'council', 'agreed']);
    expect(await runContained('diffVersions', { before, after })).toEqual(diffVersions(before, after));
  });

  it('stops a task past its time budget, and the next task runs in a fresh worker', async () => {
    await runContained('convertImport', textFile('Warm'));
    const started = performance.now();
    const error = await breach(runContained('convertImport', { fileName: 'slow.docx', bytes: wordPerRunDocument(20_000) }, { timeMs: 50 }));
    expect(error.reason).toBe('time');
    expect(error.limit).toBe('50 ms');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await runContained('convertImport', textFile('After'))).toMatchObject({ kind: 'article' });
  });

  it('stops a task that runs out of its memory', async () => {
    // 300,000 one-word runs: mammoth's tree of them needs far more than 128 MB.
    const error = await breach(runContained('convertImport', { fileName: 'heavy.docx', bytes: wordPerRunDocument(300_000) }, { memoryMb: 128 }));
    expect(error.reason).toBe('memory');
    expect(error.limit).toBe('128 MB');
    expect(await runContained('convertImport', textFile('After'))).toMatchObject({ kind: 'article' });
  }, 120_000);

  it('runs more tasks than workers: the rest wait their turn', async () => {
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
    const results = await Promise.all(titles.map((t) => runContained('convertImport', textFile(t))));
    expect(results.map((r) => r.kind === 'article' && r.article.fields.headline)).toEqual(titles);
  });

  it('shows a conflict as a whole replacement when its diff breaches the budget', async () => {
    const before = version(Array.from({ length: 5_000 }, (_, i) => `w${i}`));
    const after = version(Array.from({ length: 5_000 }, (_, i) => `v${i}`));
    const diff = await diffContained(before, after, { timeMs: 1 });
    expect(diff.headline).toEqual([{ kind: 'same', text: 'Harbour' }]);
    expect(diff.blocks).toEqual([
      { kind: 'removed', text: (before.body[0] as { children: { text: string }[] }).children[0]!.text },
      { kind: 'added', text: (after.body[0] as { children: { text: string }[] }).children[0]!.text },
    ]);
  });
});

describe('built like the app', () => {
  let out: string;
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-contained-'));
    await buildContainedWorker(root, out);
  }, 120_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  // Reads a 147 KB Word bomb and a Markdown file, then must exit on its own (the idle worker never holds the process).
  const imports = `
    import { runContained } from ${JSON.stringify(path.join(root, 'electron/node/worker/containedTask.ts'))};
    import { emptyParagraphsBomb } from ${JSON.stringify(path.join(root, 'electron/node/exchange/__fixtures__/zipBombs.ts'))};`;
  const body = `
    const bomb = await runContained('convertImport', { fileName: 'bomb.docx', bytes: emptyParagraphsBomb() });
    const md = await runContained('convertImport', { fileName: 'a.md', bytes: Buffer.from('# Port news\\n\\nText.') });
    console.log(JSON.stringify([bomb.kind, md.kind]));
  `;

  async function bundleAndRun(format: 'esm' | 'cjs'): Promise<string> {
    const outfile = path.join(out, format === 'esm' ? 'cli.mjs' : 'main.cjs');
    await build({
      ...nodeCommon,
      sourcemap: false,
      format,
      stdin: { contents: format === 'cjs' ? `${imports} (async () => { ${body} })();` : imports + body, resolveDir: root, loader: 'ts' },
      outfile,
      ...(format === 'cjs'
        ? cjsImportMetaUrl
        : { banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } }),
    });
    const run = spawnSync(process.execPath, [outfile], { cwd: os.tmpdir(), encoding: 'utf8', timeout: 25_000 });
    expect(run.stderr).toBe('');
    return run.stdout.trim();
  }

  it('runs from an ES module bundle (the CLI and browser host in dist/node)', async () => {
    expect(await bundleAndRun('esm')).toBe('["refused","article"]');
  }, 60_000);

  it('runs from a CommonJS bundle (the Electron main process in dist/electron)', async () => {
    expect(await bundleAndRun('cjs')).toBe('["refused","article"]');
  }, 60_000);
});
