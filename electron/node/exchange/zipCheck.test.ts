/**
 * The zip check every Word import passes before mammoth sees it: bombs of every known shape are
 * refused fast and in little memory, real Word files pass, and random bytes never throw.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSession } from '../session';
import { DOCX_ZIP_LIMITS } from './convertImport';
import { exportArticle } from './exportService';
import { buildZip, emptyParagraphsBomb, lyingBomb, oneHugeRunBomb, overlappingBomb, plainProse, readZip, wordFile } from './__fixtures__/zipBombs';
import { checkZip, type ZipCheck } from './zipCheck';

const problemOf = (check: ZipCheck) => (check.ok ? undefined : check.problem);

function timed(bytes: Uint8Array): { check: ZipCheck; ms: number } {
  const started = performance.now();
  const check = checkZip(bytes, DOCX_ZIP_LIMITS);
  return { check, ms: performance.now() - started };
}

describe('zip check', () => {
  let dir: string;
  let exported: Buffer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-zip-'));
    const session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
    try {
      const id = session.store().listArticles({ view: 'active' }).items[0]!.id;
      const [file] = await exportArticle(session, id, 'docx', path.join(dir, 'out'));
      exported = fs.readFileSync(file!);
    } finally {
      session.close();
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a Word file the desk exported, listing every part', () => {
    const { check } = timed(exported);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.entries.map((e) => e.name)).toEqual(readZip(exported).map((e) => e.name));
    expect(check.entries.map((e) => e.name)).toContain('word/document.xml');
  });

  it('refuses the bombs of issue 10 from their declared sizes, at once', () => {
    for (const [bomb, size] of [
      [emptyParagraphsBomb(), 100_663_447],
      [oneHugeRunBomb(300), 314_572_984],
      [oneHugeRunBomb(100), 104_857_784],
    ] as const) {
      const { check, ms } = timed(bomb);
      expect(problemOf(check)).toEqual({ kind: 'entry-too-large', entry: 'word/document.xml', bytes: size, limit: 32 * 1024 * 1024, declared: true });
      expect(ms).toBeLessThan(50);
    }
  });

  it('refuses a part whose headers lie, unpacking no further than the cap', () => {
    const { check, ms } = timed(lyingBomb());
    expect(problemOf(check)).toEqual({
      kind: 'entry-too-large',
      entry: 'word/document.xml',
      bytes: 32 * 1024 * 1024 + 1,
      limit: 32 * 1024 * 1024,
      declared: false,
    });
    expect(ms).toBeLessThan(1_000);
    // A smaller lie (the real size within the cap) is damage, not a bomb.
    const small = wordFile({ data: '<w:document/>'.repeat(1000), declaredSize: 10 });
    expect(problemOf(checkZip(small, DOCX_ZIP_LIMITS))).toMatchObject({ kind: 'damaged' });
  });

  it('refuses a part packed like a bomb, and many honest parts sharing one packed stretch', () => {
    expect(problemOf(checkZip(emptyParagraphsBomb(1_000_000), DOCX_ZIP_LIMITS))).toMatchObject({ kind: 'ratio', entry: 'word/document.xml' });
    const shared = overlappingBomb(100, Buffer.from(plainProse(2 * 1024 * 1024)));
    expect(shared.length).toBeLessThan(1024 * 1024);
    const { check, ms } = timed(shared);
    expect(problemOf(check)).toEqual({ kind: 'total-too-large', bytes: 100 * 2 * 1024 * 1024, limit: 128 * 1024 * 1024 });
    expect(ms).toBeLessThan(50);
  });

  it('refuses too many parts, zip64 markers and archives cut short', () => {
    const many = buildZip(Array.from({ length: 5_001 }, (_, i) => ({ name: `p${i}.xml`, data: '' })));
    expect(problemOf(checkZip(many, DOCX_ZIP_LIMITS))).toEqual({ kind: 'too-many-entries', count: 5_001, limit: 5_000 });
    const zip64 = Buffer.from(exported);
    zip64.writeUInt32LE(0xffffffff, zip64.length - 6);
    expect(problemOf(checkZip(zip64, DOCX_ZIP_LIMITS))).toMatchObject({ kind: 'damaged' });
    for (const cut of [10, 100, exported.length / 2, exported.length - 30]) {
      expect(problemOf(checkZip(exported.subarray(0, exported.length - cut), DOCX_ZIP_LIMITS)), `cut ${cut}`).toMatchObject({ kind: 'damaged' });
    }
  });

  it('never throws on random or mangled bytes, and answers fast', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 4_000 }),
          fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, patch]) => {
            const copy = Buffer.from(exported);
            copy.set(patch.subarray(0, Math.max(0, copy.length - (at % copy.length))), at % copy.length);
            return copy;
          }),
        ),
        (bytes) => {
          const { check, ms } = timed(bytes);
          expect(typeof check.ok).toBe('boolean');
          expect(ms).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses every generated bomb within a second, whatever its unit, size or lie', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('<w:p/>', 'a', '<w:r><w:t>x</w:t></w:r>', '<w:p><w:pPr/></w:p>'),
        fc.integer({ min: 40, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
        (unit, megabytes, declaredSize) => {
          const bomb = wordFile({ repeat: { unit, times: Math.floor((megabytes * 1024 * 1024) / unit.length) }, declaredSize });
          const { check, ms } = timed(bomb);
          expect(check.ok).toBe(false);
          expect(ms).toBeLessThan(1_000);
        },
      ),
      { numRuns: 12 },
    );
  });
});
