import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/exchange/formats';
import { bundlePathsIn, OpenedFiles } from './openedFiles';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-opened-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('files the operating system opens', () => {
  it('finds bundle paths among command-line arguments', () => {
    expect(bundlePathsIn(['/opt/newsroom/newsroom-desk', '--no-sandbox', 'draft.newsroom', '/x/Other.NEWSROOM', 'notes.txt'], '/home/mara')).toEqual([
      '/home/mara/draft.newsroom',
      '/x/Other.NEWSROOM',
    ]);
  });

  it('hands each queued file over once, with its bytes, and reports what it cannot read', () => {
    const good = path.join(dir, 'story.newsroom');
    fs.writeFileSync(good, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const big = path.join(dir, 'big.newsroom');
    fs.writeFileSync(big, Buffer.alloc(0));
    fs.truncateSync(big, MAX_IMPORT_BYTES + 1);
    const queue = new OpenedFiles();
    expect(queue.add([good, path.join(dir, 'gone.newsroom'), big])).toBe(true);
    expect(queue.add([good])).toBe(false);
    const { files, problems } = queue.take();
    expect(files).toEqual([{ fileName: 'story.newsroom', dataBase64: Buffer.from([0x1f, 0x8b, 1, 2, 3]).toString('base64') }]);
    expect(problems.map((p) => p.fileName).sort()).toEqual(['big.newsroom', 'gone.newsroom']);
    expect(problems.find((p) => p.fileName === 'gone.newsroom')!.message).toMatch(/no longer exists/);
    expect(queue.take()).toEqual({ files: [], problems: [] });
  });
});
