import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION } from '../../../shared/exchange/bundle';
import { EXPORT_FORMATS, FORMAT_EXTENSION } from '../../../shared/exchange/formats';
import { DatabaseSession } from '../session';
import { APP_VERSION } from '../store/database';
import { chromiumPath } from './chromiumPdf';
import { exportArticle, exportArticleFormats } from './exportService';

const PNG = fs.readFileSync(path.resolve(__dirname, '../../../e2e/fixtures/images/test-photo.png'));
let dir: string;
let session: DatabaseSession;
let seedId: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-export-'));
  session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
  const seed = session.store().listArticles({ view: 'active' }).items[0]!;
  seedId = seed.id;
  const article = session.store().getArticle(seedId);
  const assetId = session.assets().putAsset('harbour.png', 'image/png', PNG);
  const body = [...article.body];
  body.splice(2, 0, { type: 'image', assetId, alt: 'The inner port', caption: 'Harbour gates', credit: 'Desk photo', children: [{ text: '' }] });
  session.store().saveArticle(seedId, article.version, { body });
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const out = () => path.join(dir, 'out');
const read = (f: string) => fs.readFileSync(f, 'utf8');

describe('exportArticleFormats', () => {
  it('writes every format with names from the slug, and images next to the HTML', async () => {
    const formats = EXPORT_FORMATS.filter((f) => f !== 'pdf');
    const result = await exportArticleFormats(session, seedId, formats, out());
    expect(result.failures).toEqual([]);
    const slug = session.store().getArticle(seedId).slug;
    for (const f of formats) expect(fs.existsSync(path.join(out(), slug + FORMAT_EXTENSION[f])), f).toBe(true);
    const html = read(path.join(out(), `${slug}.html`));
    expect(html).toContain(`src="${slug}-image-1.png"`);
    expect(fs.readFileSync(path.join(out(), `${slug}-image-1.png`)).equals(PNG)).toBe(true);
    // A second export never overwrites the first.
    const again = await exportArticleFormats(session, seedId, ['html'], out());
    expect(path.basename(again.files[0]!)).toBe(`${slug}-2.html`);
  });

  it("carries the seed page's structure (promo box, bio, disclosure with its link) into every text format", async () => {
    const result = await exportArticleFormats(session, seedId, ['html', 'fragment', 'md', 'txt', 'ninjs', 'ninjs2'], out());
    for (const file of result.files.filter((f) => !f.endsWith('.png'))) {
      const text = read(file);
      expect(text, file).toContain('Uncommon Knowledge');
      expect(text, file).toContain('Mara Lindqvist');
      expect(text, file).toContain('https://example.org/newsroom/ai-policy');
    }
  });

  it('writes a Word file that reads back with the structure and the image', async () => {
    const [file] = await exportArticle(session, seedId, 'docx', out());
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain('Harbour City Votes to Build Flood Barrier');
    expect(html).toContain('Uncommon Knowledge');
    expect(html).toContain('Mara Lindqvist');
    expect(html).toContain('href="https://example.org/newsroom/ai-policy"');
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);
  });

  it('writes a gzip bundle with the article, its image, authors and disclosure versions', async () => {
    const [file] = await exportArticle(session, seedId, 'bundle', out());
    const bundle = JSON.parse(zlib.gunzipSync(fs.readFileSync(file!)).toString('utf8'));
    expect(bundle.format).toBe('newsroom-bundle');
    expect(bundle.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
    expect(bundle.article.id).toBe(seedId);
    expect(bundle.assets).toHaveLength(1);
    expect(bundle.authors.map((a: { id: string }) => a.id)).toContain('author-mara-lindqvist');
    expect(bundle.disclosures[0].id).toBe('disclosure-ai-newsroom-tool');
    expect(bundle.disclosures[0].versions[0].policyUrl).toBe('https://example.org/newsroom/ai-policy');
    expect(bundle.disclosures[0].covers).toEqual(['research', 'drafting', 'editing', 'translation', 'transcription', 'other']);
  });

  it('escapes hostile content in docx and PDF input', async () => {
    const hostile = session.store().createArticle({
      headline: '\u202Egnp.exe <script>alert(1)</script>',
      body: [
        {
          type: 'paragraph',
          children: [{ text: '<img src=x onerror=alert(1)>' }, { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'click' }] }],
        },
      ],
    });
    const [docx] = await exportArticle(session, hostile.id, 'docx', out());
    const { value: html } = await mammoth.convertToHtml({ buffer: fs.readFileSync(docx!) });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it.skipIf(!chromiumPath())('prints a PDF whose text carries the structure', async () => {
    const [file] = await exportArticle(session, seedId, 'pdf', out());
    expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file!, '-'], { encoding: 'utf8' });
    expect(text).toContain('Harbour City Votes to Build Flood Barrier');
    expect(text).toContain('Uncommon Knowledge');
    expect(text).toContain('Mara Lindqvist');
    expect(text).toContain('Click here');
    // The disclosure's link survives as a link annotation.
    const pdf = fs.readFileSync(file!).toString('latin1');
    expect(pdf).toContain('https://example.org/newsroom/ai-policy');
    const info = execFileSync('pdfinfo', [file!], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`^Creator:\\s+Newsroom Desk ${APP_VERSION.replace(/\./g, '\\.')}$`, 'm'));
    expect(info).not.toContain('HeadlessChrome');
  });

  it('fails PDF alone with a clear reason when there is no Chromium', async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(dir, 'no-chromium');
    try {
      const result = await exportArticleFormats(session, seedId, ['pdf', 'txt'], out());
      expect(result.failures).toEqual([{ format: 'pdf', message: expect.stringMatching(/needs Chromium/) }]);
      expect(result.files.map((f) => path.extname(f))).toEqual(['.txt']);
      expect(fs.readdirSync(out()).filter((f) => f.endsWith('.pdf') || f.endsWith('.part'))).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
  });
});
