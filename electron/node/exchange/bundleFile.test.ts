import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BUNDLE_JSON_DEPTH } from '../../../shared/exchange/bundle';
import { AppError } from '../../../shared/ipc/contract';
import { DatabaseSession } from '../session';
import { SEED_IDS } from '../store/seed';
import { buildBundle, encodeBundle } from './bundleFile';
import { decodeBundle } from './bundleDecode';
import { importFile } from './importService';

let dir: string;
let session: DatabaseSession;
let seedId: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bundle-'));
  session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
  seedId = session.store().listArticles({ view: 'active' }).items[0]!.id;
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const TABLES = ['articles', 'assets', 'authors', 'disclosure_templates', 'disclosure_template_versions', 'comment_threads', 'revisions'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, (session.database()!.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));

/** A bundle of a fresh article whose JSON has `nested` where the marker value was (built as text: no recursion). */
function bundleWith(place: (bundle: ReturnType<typeof buildBundle>, marker: string) => void, nested: string): Buffer {
  const bundle = buildBundle(session, seedId);
  bundle.article.id = 'fresh-article';
  place(bundle, '__NESTED__');
  return zlib.gzipSync(JSON.stringify(bundle).replace('"__NESTED__"', nested));
}

const deep = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;
const anchorAt = (b: ReturnType<typeof buildBundle>, marker: string) => {
  b.comments = [{ id: 'c1', anchor: marker as never, quote: 'q', resolvedAt: '', resolvedBy: '', createdAt: '2025-01-01T00:00:00.000Z', messages: [] }];
};

async function refusal(bytes: Buffer): Promise<string> {
  const before = counts();
  const error = await importFile(session, 'deep.newsroom', bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('INVALID_PAYLOAD');
  expect(counts()).toEqual(before);
  return (error as AppError).message;
}

describe('deeply nested bundles', () => {
  it('refuses a comment anchor nested a million levels deep with a plain sentence, quickly', async () => {
    const bytes = bundleWith(anchorAt, deep(1_000_000));
    // The check itself is one linear pass (timed alone: the import adds a worker's start-up).
    const started = performance.now();
    expect(decodeBundle(bytes).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    const message = await refusal(bytes);
    expect(message).toBe(
      `This bundle nests its content more than ${MAX_BUNDLE_JSON_DEPTH} levels deep, which no Newsroom Desk bundle does, so it is damaged or was made elsewhere; nothing was imported (ask for a fresh export).`,
    );
  });

  it('refuses deep objects anywhere, even under keys the schema would drop', async () => {
    const inArticle = (b: ReturnType<typeof buildBundle>, marker: string) => Object.assign(b.article, { extra: marker });
    expect(await refusal(bundleWith(inArticle, deep(100_000, '{"a":', '}').replace(/\{"a":\}/, '{}')))).toMatch(/levels deep/);
    expect(await refusal(bundleWith(inArticle, deep(MAX_BUNDLE_JSON_DEPTH + 1)))).toMatch(/levels deep/);
  });

  it('an anchor that is not a comment anchor is refused by the schema, however it nests', async () => {
    expect(await refusal(bundleWith(anchorAt, deep(20)))).toMatch(/damaged or incomplete \(comments\.0\.anchor/);
    expect(await refusal(bundleWith(anchorAt, '"just text"'))).toMatch(/comments\.0\.anchor/);
  });

  it('counts only brackets outside strings', () => {
    const bytes = bundleWith(anchorAt, JSON.stringify({ anchor: { path: [0], offset: 0 }, focus: { path: [0], offset: 1 }, quote: '[['.repeat(1_000) }));
    expect(decodeBundle(bytes).ok).toBe(true);
  });
});

describe('what a bundle carries about the libraries', () => {
  it('refuses a template whose versions share a number or lack the current one, writing nothing', async () => {
    const twice = buildBundle(session, seedId);
    twice.article.id = 'fresh-article';
    twice.disclosures[0]!.versions.push({ ...twice.disclosures[0]!.versions[0]! });
    expect(await refusal(encodeBundle(twice))).toMatch(/disclosures\.0\.versions: two versions share a number/);

    const noCurrent = buildBundle(session, seedId);
    noCurrent.article.id = 'fresh-article';
    noCurrent.disclosures[0]!.currentVersion = 7;
    expect(await refusal(encodeBundle(noCurrent))).toMatch(/disclosures\.0\.currentVersion: the current version is missing/);
  });

  it('still imports a format 1 bundle (no profile links, no covered uses)', async () => {
    const bundle = buildBundle(session, seedId) as unknown as Record<string, unknown> & { authors: object[]; disclosures: object[]; article: { id: string } };
    bundle.formatVersion = 1;
    bundle.article.id = 'old-article';
    for (const a of bundle.authors) delete (a as { profileLinks?: unknown }).profileLinks;
    for (const d of bundle.disclosures) delete (d as { covers?: unknown }).covers;
    const other = new DatabaseSession(path.join(dir, 'other.db'));
    try {
      const result = await importFile(other, 'old.newsroom', zlib.gzipSync(JSON.stringify(bundle)));
      expect(result).toMatchObject({ kind: 'imported', articleId: 'old-article' });
      expect(other.library().getAuthor(SEED_IDS.authorMara).profileLinks).toEqual([]);
      // What templates from before coverage have always meant here.
      expect(other.library().getDisclosure(SEED_IDS.disclosure).covers).toEqual(['research', 'drafting', 'editing', 'translation', 'transcription', 'other']);
    } finally {
      other.close();
    }
  });
});

describe('links in a bundle from another desk', () => {
  it('meet this desk’s URL policy: refused links are unwrapped to their text, allowed ones kept', async () => {
    const bundle = buildBundle(session, seedId);
    bundle.article.id = 'linked-article';
    const risky = ['mailto:desk@example.org?attach=/etc/passwd', 'https://user:secret@bank.example/', 'javascript:alert(1)'];
    bundle.article.body = [
      {
        type: 'paragraph',
        children: [
          { text: 'Read ' },
          ...risky.map((url, i) => ({ type: 'link' as const, url, children: [{ text: `risky ${i}` }] })),
          { text: ' and ' },
          { type: 'link', url: 'https://example.org/story', children: [{ text: 'the story' }] },
        ],
      },
    ];
    const other = new DatabaseSession(path.join(dir, 'other.db'));
    try {
      const result = await importFile(other, 'linked.newsroom', encodeBundle(bundle));
      expect(result).toMatchObject({ kind: 'imported', articleId: 'linked-article' });
      expect(other.store().getArticle('linked-article').body).toEqual([
        {
          type: 'paragraph',
          children: [
            { text: 'Read ' },
            { text: 'risky 0' },
            { text: 'risky 1' },
            { text: 'risky 2' },
            { text: ' and ' },
            { type: 'link', url: 'https://example.org/story', children: [{ text: 'the story' }] },
          ],
        },
      ]);
    } finally {
      other.close();
    }
  });
});
