import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { exportMarkdown } from '../../../shared/export/markdown';
import { MAX_IMPORT_BYTES } from '../../../shared/exchange/formats';
import { DatabaseSession } from '../session';
import { buildBundle, encodeBundle } from './bundleFile';
import { exportArticle } from './exportService';
import { importFile } from './importService';
import { buildZip, emptyParagraphsBomb, lyingBomb, oneHugeRunBomb, prose, readZip, wordFile } from './__fixtures__/zipBombs';
import { MAX_IMPORT_TEXT_CHARS } from '../../../shared/exchange/importLimits';

const PNG = fs.readFileSync(path.resolve(__dirname, '../../../e2e/fixtures/images/test-photo.png'));
let dir: string;
let session: DatabaseSession;
let seedId: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'));
  session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
  seedId = session.store().listArticles({ view: 'active' }).items[0]!.id;
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const TABLES = ['articles', 'assets', 'authors', 'disclosure_templates', 'disclosure_template_versions', 'article_authors', 'article_tags'];
function counts() {
  const db = session.database()!;
  return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

async function refused(name: string, bytes: Uint8Array): Promise<string> {
  const before = counts();
  const error = await importFile(session, name, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, name).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('INVALID_PAYLOAD');
  expect(counts(), `${name}: nothing written`).toEqual(before);
  return (error as AppError).message;
}

function withImage(): string {
  const a = session.store().getArticle(seedId);
  const assetId = session.assets().putAsset('harbour.png', 'image/png', PNG);
  const body = [...a.body];
  body.splice(1, 0, { type: 'image', assetId, alt: 'Port', caption: 'Gates', credit: 'Desk', children: [{ text: '' }] });
  session.store().saveArticle(seedId, a.version, { body });
  return assetId;
}

describe('round trips', () => {
  it('model → Markdown → model gives the same document', async () => {
    const article = session.store().getArticle(seedId);
    const authors = session
      .library()
      .listAuthors({ includeArchived: true })
      .filter((a) => article.bylineAuthorIds.includes(a.id));
    const md = exportMarkdown({ article, authors, assetUrl: () => undefined });
    const result = await importFile(session, 'story.md', Buffer.from(md));
    expect(result.kind).toBe('imported');
    const imported = session.store().getArticle((result as { articleId: string }).articleId);
    expect(imported.headline).toBe(article.headline);
    expect(imported.dek).toBe(article.dek);
    expect(imported.body).toEqual(article.body);
    expect(imported.bylineAuthorIds).toEqual(article.bylineAuthorIds);
  });

  it('model → bundle → model gives the same document, with its image, into another database', async () => {
    withImage();
    const [file] = await exportArticle(session, seedId, 'bundle', path.join(dir, 'out'));
    const original = session.store().getArticle(seedId);
    const other = new DatabaseSession(path.join(dir, 'other.db'));
    try {
      const result = await importFile(other, 'story.newsroom', fs.readFileSync(file!));
      expect(result).toMatchObject({ kind: 'imported', articleId: seedId });
      const copy = other.store().getArticle(seedId);
      const { updatedAt: _u, ...rest } = original;
      expect(copy).toMatchObject({ ...rest, trashedAt: undefined });
      const image = copy.body.find((b) => b.type === 'image');
      expect(
        other
          .assets()
          .getAssetBytes((image as { assetId: string }).assetId)
          ?.bytes.equals(PNG),
      ).toBe(true);
      expect(
        other
          .library()
          .listAuthors({ includeArchived: true })
          .map((a) => a.id),
      ).toContain('author-mara-lindqvist');
      expect(
        other
          .library()
          .listDisclosures()
          .map((d) => d.id),
      ).toContain('disclosure-ai-newsroom-tool');
    } finally {
      other.close();
    }
  });
});

describe('spelling in bundles', () => {
  it('carries the newsroom words the article uses and its ignored words to another desk', async () => {
    const article = session.store().getArticle(seedId);
    const word = article.headline.split(/\s+/u).find((w) => /^\p{L}{3,}$/u.test(w))!;
    session.spelling().addWord(word, 'Mara');
    session.spelling().addWord('Unusedword', 'Mara');
    session.spelling().ignoreWord(seedId, 'blorf');
    const [file] = await exportArticle(session, seedId, 'bundle', path.join(dir, 'out'));
    const other = new DatabaseSession(path.join(dir, 'other.db'));
    try {
      await importFile(other, 'story.newsroom', fs.readFileSync(file!));
      expect(
        other
          .spelling()
          .listWords()
          .map((w) => w.word),
      ).toEqual([word]);
      expect(other.spelling().listWords()[0]).toMatchObject({ addedBy: 'An imported bundle' });
      expect(other.spelling().ignoredWords(seedId)).toEqual(['blorf']);
    } finally {
      other.close();
    }
  });

  it('opens an older bundle that has no spelling, and leaves the dictionary as it was', async () => {
    const bundle = buildBundle(session, seedId);
    delete bundle.spelling;
    const other = new DatabaseSession(path.join(dir, 'other.db'));
    try {
      other.spelling().addWord('Lindqvist', 'Ines');
      const result = await importFile(other, 'old.newsroom', encodeBundle(bundle));
      expect(result).toMatchObject({ kind: 'imported', articleId: seedId });
      expect(
        other
          .spelling()
          .listWords()
          .map((w) => w.word),
      ).toEqual(['Lindqvist']);
      expect(other.spelling().ignoredWords(seedId)).toEqual([]);
    } finally {
      other.close();
    }
  });
});

describe('bundle conflicts', () => {
  async function changedBundle() {
    const bundle = buildBundle(session, seedId);
    bundle.article.headline = 'Theirs: barrier vote delayed';
    bundle.article.body = [{ type: 'paragraph', children: [{ text: 'Their version of the story.' }] }];
    return encodeBundle(bundle);
  }

  it('shows what differs and changes nothing until the user chooses', async () => {
    const before = counts();
    const result = await importFile(session, 'x.newsroom', await changedBundle());
    expect(result.kind).toBe('conflict');
    if (result.kind !== 'conflict') return;
    expect(result.mine.headline).toContain('Harbour City');
    expect(result.theirs.headline).toBe('Theirs: barrier vote delayed');
    expect(result.diff.headline.some((p) => p.kind === 'added')).toBe(true);
    expect(result.diff.blocks.some((b) => b.kind !== 'same')).toBe(true);
    expect(counts()).toEqual(before);
  });

  it('keep mine writes nothing; take theirs replaces; keep both adds a copy', async () => {
    const bytes = await changedBundle();
    const before = counts();
    expect((await importFile(session, 'x.newsroom', bytes, { onConflict: 'keep-mine' })).kind).toBe('kept-mine');
    expect(counts()).toEqual(before);

    const both = await importFile(session, 'x.newsroom', bytes, { onConflict: 'keep-both' });
    expect(both.kind).toBe('imported');
    expect(both.articleId).not.toBe(seedId);
    expect(session.store().getArticle(both.articleId).headline).toBe('Theirs: barrier vote delayed (imported copy)');
    expect(session.store().getArticle(seedId).headline).toContain('Harbour City');

    const mine = session.store().getArticle(seedId);
    const theirs = await importFile(session, 'x.newsroom', bytes, { onConflict: 'take-theirs' });
    expect(theirs).toMatchObject({ kind: 'imported', articleId: seedId });
    const replaced = session.store().getArticle(seedId);
    expect(replaced.headline).toBe('Theirs: barrier vote delayed');
    expect(replaced.version).toBe(mine.version + 1);
  });
});

describe('other formats', () => {
  it('imports plain text, HTML, ninjs and Word', async () => {
    const txt = await importFile(session, 'note.txt', Buffer.from('Council meets\n\nFirst line.\nSecond line.'));
    expect(session.store().getArticle(txt.articleId)).toMatchObject({
      headline: 'Council meets',
      body: [{ children: [{ text: 'First line.' }] }, { children: [{ text: 'Second line.' }] }],
    });

    const html = await importFile(session, 'page.html', Buffer.from('<h1>Port news</h1><p>Hello <b>world</b><script>alert(1)</script></p>'));
    const a = session.store().getArticle(html.articleId);
    expect(a.headline).toBe('Port news');
    expect(JSON.stringify(a.body)).not.toContain('alert');

    const [ninjsFile] = await exportArticle(session, seedId, 'ninjs', path.join(dir, 'out'));
    const ninjs = await importFile(session, 'story.json', fs.readFileSync(ninjsFile!));
    const n = session.store().getArticle(ninjs.articleId);
    expect(n.headline).toContain('Harbour City');
    expect(n.bylineAuthorIds).toEqual(['author-mara-lindqvist']);

    const [docxFile] = await exportArticle(session, seedId, 'docx', path.join(dir, 'out'));
    const docx = await importFile(session, 'story.docx', fs.readFileSync(docxFile!));
    const d = session.store().getArticle(docx.articleId);
    expect(d.headline).toContain('Harbour City');
    expect(JSON.stringify(d.body)).toContain('Uncommon Knowledge');
  });

  it('imports the images of a Word file into the database in the same transaction', async () => {
    withImage();
    const [docxFile] = await exportArticle(session, seedId, 'docx', path.join(dir, 'out'));
    const assetsBefore = counts().assets;
    const result = await importFile(session, 'story.docx', fs.readFileSync(docxFile!));
    const image = session
      .store()
      .getArticle(result.articleId)
      .body.find((b) => b.type === 'image');
    expect(image).toBeDefined();
    // Identical bytes are stored once.
    expect(counts().assets).toBe(assetsBefore);
  });
});

describe('refusals', () => {
  it('refuses damaged, foreign and oversized files with a reason, writing nothing', async () => {
    expect(await refused('story.docx', Buffer.from('just some text'))).toMatch(/not a Word document: it is text/);
    expect(await refused('story.docx', Buffer.from('PK\u0003\u0004garbage'))).toMatch(/damaged/);
    expect(await refused('story.newsroom', PNG)).toMatch(/not an article bundle: it is an image/);
    expect(await refused('story.newsroom', Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toMatch(/damaged/);
    expect(await refused('story.newsroom', zlib.gzipSync('{"format":"other"}'))).toMatch(/not a Newsroom Desk article bundle/);
    expect(await refused('story.newsroom', zlib.gzipSync('{"format":"newsroom-bundle","formatVersion":9}'))).toMatch(/newer version/);
    expect(await refused('story.md', PNG)).toMatch(/not a Markdown file: it is an image/);
    expect(await refused('story.json', Buffer.from('[1,2]'))).toMatch(/not a ninjs JSON file/);
    expect(await refused('story.json', Buffer.from('{"uri":"x"}'))).toMatch(/no headline and no body/);
    expect(await refused('story.pdf', Buffer.from('%PDF-1.4'))).toMatch(/not a file Newsroom Desk can import/);
    expect(await refused('empty.md', Buffer.alloc(0))).toMatch(/empty/);
    expect(await refused('huge.txt', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61))).toMatch(/larger than 40 MB/);
  });

  it('refuses a bundle whose article holds more text than an import may bring in', async () => {
    const bundle = buildBundle(session, seedId);
    bundle.article.id = 'huge-article';
    bundle.article.body = Array.from({ length: 11 }, () => ({ type: 'paragraph' as const, children: [{ text: 'x'.repeat(200_000) }] }));
    expect(await refused('huge.newsroom', encodeBundle(bundle))).toBe(
      'This bundle holds more text than an article can hold (2,200,000 characters; an article holds at most 2,000,000). Nothing was imported.',
    );
  });

  it('refuses a bundle whose image is not what it says, rolling back everything', async () => {
    const bundle = buildBundle(session, seedId);
    bundle.article.id = 'fresh-article';
    bundle.authors.push({
      id: 'author-new',
      name: 'New Person',
      jobTitle: '',
      bio: [],
      email: '',
      photoAssetId: '',
      readMoreUrl: '',
      profileLinks: [],
      archived: false,
      version: 1,
    });
    bundle.article.bylineAuthorIds = ['author-new'];
    bundle.assets.push({ id: 'a1', fileName: 'fake.png', mimeType: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') });
    expect(await refused('x.newsroom', encodeBundle(bundle))).toMatch(/not a PNG/);
    expect(
      session
        .library()
        .listAuthors({ includeArchived: true })
        .some((a) => a.id === 'author-new'),
    ).toBe(false);
  });

  it('refuses a zip bomb bundle without unpacking it all', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(210 * 1024 * 1024, 0x20));
    expect(await refused('bomb.newsroom', bomb)).toMatch(/more than 200 MB/);
  });
});

describe('Word files that would take the app down (issue 10)', () => {
  async function refusedQuickly(name: string, bytes: Uint8Array): Promise<string> {
    const started = performance.now();
    const message = await refused(name, bytes);
    expect(performance.now() - started, `${name} refused in time`).toBeLessThan(2_000);
    return message;
  }

  it('refuses 16.7 million empty paragraphs in 147 KB at once, writing nothing', async () => {
    const bomb = emptyParagraphsBomb();
    expect(bomb.length).toBeLessThan(150 * 1024);
    expect(await refusedQuickly('bomb.docx', bomb)).toBe(
      'This Word file expands to more text than an article can hold (word/document.xml unpacks to 96 MB, more than the 32 MB allowed; an article holds at most 2,000,000 characters). Nothing was imported.',
    );
  });

  it('refuses one text run of 300 MB and one of 100 MB', async () => {
    expect(await refusedQuickly('run300.docx', oneHugeRunBomb(300))).toMatch(
      /expands to more text than an article can hold \(word\/document\.xml unpacks to 300 MB/,
    );
    expect(await refusedQuickly('run100.docx', oneHugeRunBomb(100))).toMatch(
      /expands to more text than an article can hold \(word\/document\.xml unpacks to 100 MB/,
    );
  });

  it('refuses a bomb whose headers lie about its size, after unpacking no more than the limit', async () => {
    expect(await refusedQuickly('liar.docx', lyingBomb())).toMatch(
      /expands to more text than an article can hold \(word\/document\.xml unpacks to more than the 32 MB allowed/,
    );
  });

  it('refuses a part packed far tighter than any Word file is', async () => {
    // 12 MB of empty paragraphs: under the size cap, 700 times its packed size.
    expect(await refusedQuickly('tight.docx', emptyParagraphsBomb(2_000_000))).toMatch(/word\/document\.xml unpacks to \d+ times its packed size/);
  });

  it('refuses text past the import cap, saying the cap', async () => {
    // Long paragraphs of varied numbers: few elements for mammoth, and no bomb-like packing.
    const paragraph = (i: number) => Array.from({ length: 1_000 }, (_, k) => `${(i * 7919 + k * 104_729) % 1_000_003}`).join(' ');
    const paragraphs = Math.ceil(MAX_IMPORT_TEXT_CHARS / paragraph(0).length) + 10;
    const docx = wordFile({ data: prose(paragraphs, paragraph) });
    expect(await refused('long.docx', docx)).toMatch(
      /^This Word file holds more text than an article can hold \([\d,]+ characters; an article holds at most 2,000,000\)\. Nothing was imported\.$/,
    );
    expect(await refused('long.txt', Buffer.from(`Long\n\n${'word '.repeat(MAX_IMPORT_TEXT_CHARS / 5 + 10)}`))).toMatch(
      /This text file holds more text than an article can hold/,
    );
  });

  it('imports a Word file whose images cannot be read, and says how many were left out', async () => {
    withImage();
    const [docxFile] = await exportArticle(session, seedId, 'docx', path.join(dir, 'out'));
    const entries = readZip(fs.readFileSync(docxFile!));
    const media = entries.filter((e) => e.name.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    const damaged = buildZip(
      entries.map((e) => (e.name.startsWith('word/media/') ? { name: e.name, data: Buffer.from('not an image at all') } : { name: e.name, data: e.data })),
    );
    const before = counts().assets;
    const result = await importFile(session, 'story.docx', damaged);
    expect(result.kind).toBe('imported');
    if (result.kind !== 'imported') return;
    expect(result.warnings).toContain(
      `${media.length} image(s) in the Word file could not be read (damaged, missing or of a type the desk does not take) and were left out.`,
    );
    const body = session.store().getArticle(result.articleId).body;
    expect(body.some((b) => b.type === 'image')).toBe(false);
    expect(JSON.stringify(body)).toContain('Uncommon Knowledge');
    expect(counts().assets).toBe(before);

    const missing = buildZip(entries.filter((e) => !e.name.startsWith('word/media/')).map((e) => ({ name: e.name, data: e.data })));
    const second = await importFile(session, 'story.docx', missing);
    expect(second.kind === 'imported' && second.warnings.some((w) => w.startsWith(`${media.length} image(s) in the Word file could not be read`))).toBe(true);
  });
});

describe('every importer, random and hostile bytes', () => {
  const names = ['a.md', 'a.txt', 'a.html', 'a.json', 'a.docx', 'a.newsroom', 'a.ninjs'];
  const hostile = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }),
    fc.string({ maxLength: 2_000 }).map((s) => Buffer.from(s)),
    fc
      .constantFrom(
        '<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">x</a>',
        '{"headlines":[{"role":"main","value":"\u202Eevil"}],"bodies":[{"role":"main","contentType":"text/html","value":"<img src=x onerror=alert(1)><p>t</p>"}]}',
        '---\nheadline: "\u202Egnp"\nbyline: [<script>]\n---\n[x](javascript:alert(1))',
        '{"format":"newsroom-bundle","formatVersion":1}',
      )
      .map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), b])),
    fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.concat([Buffer.from([0x1f, 0x8b]), b])),
    fc.jsonValue().map((v) => zlib.gzipSync(JSON.stringify({ format: 'newsroom-bundle', formatVersion: 1, article: v }))),
  );

  it('never crash: a typed refusal or a valid article', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), hostile, async (name, bytes) => {
        const before = counts();
        try {
          const result = await importFile(session, name, bytes);
          expect(['imported', 'conflict', 'kept-mine']).toContain(result.kind);
          const article = session.store().getArticle(result.articleId);
          // Hostile text may survive as text (exporters escape it); no link may carry a script URL.
          expect(JSON.stringify(article.body)).not.toMatch(/"url":"\s*(javascript|vbscript|data):/i);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect(counts()).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the imported article’s language', () => {
  const languageOf = (result: Awaited<ReturnType<typeof importFile>>) => session.store().getArticle((result as { articleId: string }).articleId).language;

  it('is the file’s own when it says one, else the desk’s default; a bad tag is named in a warning', async () => {
    session.review().settings.setWritingSettings({ smartTypography: true, language: 'he' });
    expect(languageOf(await importFile(session, 'a.html', Buffer.from('<html lang="ar"><h1>عنوان</h1><p>متن</p></html>')))).toBe('ar');
    expect(languageOf(await importFile(session, 'b.md', Buffer.from('---\nlanguage: fr-ca\n---\n\n# Titre\n\nTexte')))).toBe('fr-CA');
    expect(languageOf(await importFile(session, 'c.txt', Buffer.from('כותרת\n\nטקסט')))).toBe('he');
    const bad = await importFile(session, 'd.html', Buffer.from('<html lang="Hebrew please"><h1>x</h1></html>'));
    expect(languageOf(bad)).toBe('he');
    expect((bad as { warnings: string[] }).warnings.join(' ')).toMatch(/not a language tag/);
  });

  it('travels in a bundle into another database', async () => {
    const a = session.store().getArticle(seedId);
    session.store().saveArticle(seedId, a.version, { language: 'ur' });
    const bytes = encodeBundle(buildBundle(session, seedId));
    const other = new DatabaseSession(path.join(dir, 'other.db'), { seedOnCreate: false });
    try {
      const result = await importFile(other, 'story.newsroom', bytes);
      expect(other.store().getArticle((result as { articleId: string }).articleId).language).toBe('ur');
    } finally {
      other.close();
    }
  });
});
