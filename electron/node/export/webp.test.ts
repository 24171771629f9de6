/**
 * WebP images, which the desk accepts, reach every format that carries images: as files next to
 * HTML, Markdown and ninjs, inside the PDF and the bundle, and redrawn as PNG inside Word. When
 * Word's copy cannot be made, the export says which image it left out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../shared/export/__fixtures__/sampleArticle';
import type { ArticleBody } from '../../../shared/model/document';
import { decodeBundle } from '../exchange/bundleDecode';
import { chromiumPath } from '../exchange/chromiumPdf';
import { createExportJobs } from '../exchange/exportJobs';
import { exportArticleFormats } from '../exchange/exportService';
import { DatabaseSession } from '../session';
import { rasterizeWithChromium } from './chromiumRaster';
import { exportDocxWithWarnings, type ImageRasterizer } from './docx';
import { imageInfo } from './imageSize';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '__fixtures__', name)));
/** 12 × 8, left half red and right half blue (lossy, so colours are close, not exact). */
const LOSSY = fixture('lossy-12x8.webp');
const HAS_CHROMIUM = chromiumPath() !== undefined;
if (!HAS_CHROMIUM) console.warn('!!! Chromium not found: WebP-to-PNG conversion is not checked here (apt-get install chromium, or set CHROMIUM_PATH).');

/** The RGBA pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes). */
function decodePng(png: Uint8Array): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  const b = Buffer.from(png);
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const [depth, colour, , , interlace] = [b[24], b[25], b[26], b[27], b[28]];
  expect({ depth, interlace, colour: colour === 2 || colour === 6 }).toEqual({ depth: 8, interlace: 0, colour: true });
  const channels = colour === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let i = 8; i < b.length;) {
    const length = b.readUInt32BE(i);
    if (b.toString('latin1', i + 4, i + 8) === 'IDAT') idat.push(b.subarray(i + 8, i + 8 + length));
    i += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const prev = rows[y - 1] ?? new Uint8Array(stride);
    const row = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const up = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const p = a + up - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - up) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - up) <= Math.abs(p - c) ? up : c;
      row[x] = (line[x]! + [0, a, up, (a + up) >> 1, paeth][filter]!) & 0xff;
    }
    rows.push(row);
  }
  return { width, height, pixel: (x, y) => [...rows[y]!.subarray(x * channels, x * channels + 3)] };
}

const closeTo = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) < 40);

/** The images inside a .docx, as mammoth reads the file Word would open. */
async function docxImages(docx: Uint8Array): Promise<Uint8Array[]> {
  const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx) })).value;
  return [...html.matchAll(/<img[^>]* src="data:image\/([a-z]+);base64,([^"]+)"/g)].map((m) => new Uint8Array(Buffer.from(m[2]!, 'base64')));
}

const imageBody = (assetId: string): ArticleBody => [
  { type: 'paragraph', children: [{ text: 'Before the picture.' }] },
  { type: 'image', assetId, alt: 'Harbour at dusk', caption: 'The harbour', credit: 'Desk', children: [{ text: '' }] },
];

describe('imageInfo', () => {
  it('reads the size of lossy, lossless and extended WebP files', () => {
    expect(imageInfo(LOSSY)).toEqual({ kind: 'webp', width: 12, height: 8 });
    expect(imageInfo(fixture('lossless-7x5.webp'))).toEqual({ kind: 'webp', width: 7, height: 5 });
    expect(imageInfo(fixture('alpha-9x6.webp'))).toEqual({ kind: 'webp', width: 9, height: 6 });
    expect(imageInfo(LOSSY.subarray(0, 20))).toBeUndefined();
  });
});

describe('WebP in Word', () => {
  const input = (rasterize?: ImageRasterizer) => ({
    article: makeArticle(imageBody('webp-1')),
    authors: [],
    assetUrl: () => undefined,
    assetBytes: (id: string) => (id === 'webp-1' ? { bytes: LOSSY, mime: 'image/webp', fileName: 'harbour.webp' } : undefined),
    rasterize,
  });

  it.skipIf(!HAS_CHROMIUM)(
    'is redrawn as a PNG of the same picture',
    async () => {
      const { bytes, warnings } = await exportDocxWithWarnings(input(rasterizeWithChromium));
      expect(warnings).toEqual([]);
      const [image, ...more] = await docxImages(bytes);
      expect(more).toEqual([]);
      const png = decodePng(image!);
      expect(imageInfo(image!)).toEqual({ kind: 'png', width: 12, height: 8 });
      expect(closeTo(png.pixel(1, 1), [255, 0, 0]), `left ${png.pixel(1, 1)}`).toBe(true);
      expect(closeTo(png.pixel(10, 6), [0, 0, 255]), `right ${png.pixel(10, 6)}`).toBe(true);
    },
    60_000,
  );

  it('is left out with a sentence naming it when it cannot be converted', async () => {
    for (const [rasterize, reason] of [
      [undefined, /no converter is available/],
      [() => Promise.reject(new Error('the converter crashed')), /the converter crashed/],
      [async () => LOSSY, /did not return a PNG/],
    ] as const) {
      const { bytes, warnings } = await exportDocxWithWarnings(input(rasterize));
      expect(await docxImages(bytes)).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^The WEBP image “harbour\.webp”, which Word cannot show, was left out of the Word file: /);
      expect(warnings[0]).toMatch(reason);
      // The reader still learns there was a picture.
      expect((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value).toContain('The harbour');
    }
  });

  it('names images it cannot read or find', async () => {
    const { warnings } = await exportDocxWithWarnings({
      ...input(),
      article: makeArticle([...imageBody('broken'), ...imageBody('gone')]),
      assetBytes: (id) => (id === 'broken' ? { bytes: new Uint8Array([0x89, 0x50, 0x4e]), mime: 'image/png', fileName: 'broken.png' } : undefined),
    });
    expect(warnings).toEqual([
      'The image “broken.png” could not be read and was left out of the Word file.',
      'The image “Harbour at dusk” is missing from the database and was left out of the Word file.',
    ]);
  });
});

describe('WebP in every format that carries images', () => {
  let dir: string;
  let session: DatabaseSession;
  let articleId: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-webp-'));
    session = new DatabaseSession(path.join(dir, 'desk.db'), { seedOnCreate: false });
    const assetId = session.assets().putAsset('harbour.webp', 'image/webp', Buffer.from(LOSSY));
    articleId = session.store().createArticle({ headline: 'Harbour at dusk', body: imageBody(assetId) }).id;
  });
  afterAll(() => {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!HAS_CHROMIUM)(
    'writes it next to HTML, Markdown and ninjs, inside PDF and the bundle, and as PNG inside Word',
    async () => {
      const out = path.join(dir, 'all');
      const result = await exportArticleFormats(session, articleId, ['html', 'fragment', 'md', 'ninjs', 'ninjs2', 'docx', 'pdf', 'bundle'], out);
      expect(result.failures).toEqual([]);
      expect(result.warnings).toEqual([]);
      const file = (ending: string) => result.files.find((f) => f.endsWith(ending))!;
      const image = path.basename(file('-image-1.webp'));
      expect(Buffer.from(fs.readFileSync(path.join(out, image))).equals(Buffer.from(LOSSY))).toBe(true);
      const page = result.files.find((f) => f.endsWith('.html') && !f.endsWith('.fragment.html'))!;
      expect(fs.readFileSync(page, 'utf8')).toContain(`src="${image}"`);
      expect(fs.readFileSync(file('.fragment.html'), 'utf8')).toContain(`src="${image}"`);
      expect(fs.readFileSync(file('.md'), 'utf8')).toMatch(new RegExp(`!\\[Harbour at dusk\\]\\(<?${image.replace(/\./g, '\\.')}>?\\)`));
      expect(fs.readFileSync(file('.ninjs.json'), 'utf8')).toContain(image);
      const [png] = await docxImages(fs.readFileSync(file('.docx')));
      expect(imageInfo(png!)).toEqual({ kind: 'png', width: 12, height: 8 });
      // pdfimages lists every image the PDF draws: the WebP was decoded into it.
      const listed = execFileSync('pdfimages', ['-list', file('.pdf')], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2);
      expect(listed.length).toBeGreaterThan(0);
      const bundle = decodeBundle(fs.readFileSync(file('.newsroom')));
      if (!bundle.ok) throw new Error(bundle.message);
      expect(bundle.bundle.assets.map((a) => [a.fileName, a.mimeType, a.dataBase64])).toEqual([
        ['harbour.webp', 'image/webp', Buffer.from(LOSSY).toString('base64')],
      ]);
    },
    120_000,
  );

  it('tells the user, through the export job, which image Word could not carry', async () => {
    const jobs = createExportJobs(session, { rasterizeImage: () => Promise.reject(new Error('no converter is available here')) });
    const status = await jobs.wait(jobs.start([articleId], ['docx', 'html'], path.join(dir, 'job')));
    expect(status.failures).toEqual([]);
    expect(status.notes).toEqual([
      {
        articleId,
        headline: 'Harbour at dusk',
        message:
          'Word (.docx): The WEBP image “harbour.webp”, which Word cannot show, was left out of the Word file: no converter is available here. The HTML and PDF exports keep it.',
      },
    ]);
  });
});
