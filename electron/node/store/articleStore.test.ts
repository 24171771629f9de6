import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { bodyPlainText, paragraph, articleBodySchema, type ArticleBody } from '../../../shared/model/document';
import { storyWordCount } from '../../../shared/editor/counts';
import { articleSlug } from '../../../shared/text/slug';
import { createArticleStore, toFtsQuery, type ArticleStore } from './articleStore';
import { openDatabase, type Db } from './database';
import { createLibraryStore, type LibraryStore } from './libraryStore';
import { SEED_IDS, seedDemoNewsroom } from './seed';

let dir: string;
let db: Db;
let store: ArticleStore;
let library: LibraryStore;
let tick: number;

/** A clock one second further on at every call, so "newest edit first" is deterministic. */
const clock = () => new Date(Date.UTC(2025, 0, 1) + tick++ * 1000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-store-'));
  db = openDatabase(path.join(dir, 'store.db'));
  tick = 0;
  store = createArticleStore(db, clock);
  library = createLibraryStore(db, clock);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function addAuthors() {
  const blank = { email: '', photoAssetId: '', readMoreUrl: '', profileLinks: [] };
  library.createAuthor({ ...blank, id: 'mara', name: 'Mara Lindqvist', jobTitle: 'Writer', bio: [{ text: 'Bio' }] });
  library.createAuthor({ ...blank, id: 'tomas', name: 'Tomas Okafor', jobTitle: 'Editor', bio: [] });
}

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const search = (text: string, view: 'active' | 'trash' = 'active') => store.listArticles({ view, search: text }).items.map((a) => a.id);
/** FTS5's own check that the external-content index matches the articles table. */
const ftsIntact = () => db.prepare(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`).run();

describe('create, get and list', () => {
  it('creates a draft with defaults and reads it back', () => {
    const a = store.createArticle();
    expect(a).toMatchObject({ headline: '', status: 'draft', version: 1, tags: [], bylineAuthorIds: [], trashedAt: undefined, slugLocked: false });
    expect(a.body).toEqual([paragraph('')]);
    expect(a.aiDeclaration).toEqual({ uses: [], tools: '', note: '' });
    expect(store.getArticle(a.id)).toEqual(a);
  });

  it('creates with fields and derives slug and word count', () => {
    addAuthors();
    const a = store.createArticle({
      headline: 'Harbour Votes for Barrier',
      dek: 'Two words',
      body: [paragraph('one two three')],
      tags: ['flooding'],
      bylineAuthorIds: ['mara'],
    });
    expect(a.slug).toBe('harbour-votes-for-barrier');
    expect(a.tags).toEqual(['flooding']);
    expect(a.bylineAuthorIds).toEqual(['mara']);
    expect(store.listArticles({ view: 'active' }).items[0]!.wordCount).toBe(3);
  });

  it('getArticle of an unknown id is NOT_FOUND', () => {
    expect(appError(() => store.getArticle('nope')).code).toBe('NOT_FOUND');
  });

  it('lists newest edit first, with byline names in byline order', () => {
    addAuthors();
    const first = store.createArticle({ headline: 'First', bylineAuthorIds: ['tomas', 'mara'] });
    const second = store.createArticle({ headline: 'Second' });
    expect(store.listArticles({ view: 'active' }).items.map((a) => a.headline)).toEqual(['Second', 'First']);
    store.saveArticle(first.id, 1, { dek: 'edited' });
    const list = store.listArticles({ view: 'active' });
    expect(list.items.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(list.items[0]!.byline).toEqual(['Tomas Okafor', 'Mara Lindqvist']);
    expect(list.items[1]!.byline).toEqual([]);
    expect(list.total).toBe(2);
  });

  it('pages with limit and offset and reports the total', () => {
    const ids = Array.from({ length: 7 }, (_, i) => store.createArticle({ headline: `A${i}` }).id).reverse();
    const page = (limit: number, offset: number) => store.listArticles({ view: 'active', limit, offset });
    expect(page(3, 0).items.map((a) => a.id)).toEqual(ids.slice(0, 3));
    expect(page(3, 3).items.map((a) => a.id)).toEqual(ids.slice(3, 6));
    expect(page(3, 6).items.map((a) => a.id)).toEqual(ids.slice(6));
    expect(page(3, 9).items).toEqual([]);
    for (const offset of [0, 3, 6, 9]) expect(page(3, offset).total).toBe(7);
  });

  it('pages search results too', () => {
    for (let i = 0; i < 5; i++) store.createArticle({ headline: `Storm report ${i}` });
    store.createArticle({ headline: 'Other' });
    const all = store.listArticles({ view: 'active', search: 'storm' });
    expect(all.total).toBe(5);
    const p1 = store.listArticles({ view: 'active', search: 'storm', limit: 2, offset: 0 });
    const p2 = store.listArticles({ view: 'active', search: 'storm', limit: 2, offset: 2 });
    expect(p1.total).toBe(5);
    expect(p1.items).toHaveLength(2);
    expect(new Set([...p1.items, ...p2.items].map((a) => a.id)).size).toBe(4);
  });
});

describe('saveArticle', () => {
  it('saves a patch, bumps the version and updatedAt', () => {
    const a = store.createArticle({ headline: 'Old' });
    const result = store.saveArticle(a.id, 1, { headline: 'New', section: 'Climate', plannedLength: 600 });
    expect(result.version).toBe(2);
    const b = store.getArticle(a.id);
    expect(b).toMatchObject({ headline: 'New', section: 'Climate', plannedLength: 600, version: 2, updatedAt: result.updatedAt });
    expect(b.updatedAt > a.updatedAt).toBe(true);
    expect(b.createdAt).toBe(a.createdAt);
  });

  it('refuses a stale baseVersion with CONFLICT and the current version, writing nothing', () => {
    const a = store.createArticle({ headline: 'Old' });
    store.saveArticle(a.id, 1, { headline: 'Second' });
    const before = store.getArticle(a.id);
    const error = appError(() => store.saveArticle(a.id, 1, { headline: 'Stale', tags: ['x'], body: [paragraph('stale')] }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.currentVersion).toBe(2);
    expect(store.getArticle(a.id)).toEqual(before);
    expect(count('article_tags')).toBe(0);
    expect(search('stale')).toEqual([]);
  });

  it('refuses a baseVersion from the future too', () => {
    const a = store.createArticle();
    expect(appError(() => store.saveArticle(a.id, 5, { headline: 'x' })).code).toBe('CONFLICT');
  });

  it('saving an unknown article is NOT_FOUND', () => {
    expect(appError(() => store.saveArticle('nope', 1, { headline: 'x' })).code).toBe('NOT_FOUND');
  });

  it('the slug follows the headline until it is locked or set by hand', () => {
    const a = store.createArticle({ headline: 'First Draft' });
    expect(a.slug).toBe('first-draft');
    store.saveArticle(a.id, 1, { headline: 'Café Zürich Reopens' });
    expect(store.getArticle(a.id).slug).toBe('cafe-zurich-reopens');
    store.saveArticle(a.id, 2, { slug: 'my-slug', slugLocked: true });
    store.saveArticle(a.id, 3, { headline: 'Another Headline' });
    expect(store.getArticle(a.id).slug).toBe('my-slug');
    // Locking in the same save as a headline change keeps the slug too.
    const b = store.createArticle({ headline: 'Keep Me' });
    store.saveArticle(b.id, 1, { headline: 'Changed', slugLocked: true });
    expect(store.getArticle(b.id).slug).toBe('keep-me');
    // Unlocking lets it follow again.
    store.saveArticle(b.id, 2, { headline: 'Followed Again', slugLocked: false });
    expect(store.getArticle(b.id).slug).toBe('followed-again');
    // A hand-set slug in the same save wins over the headline.
    store.saveArticle(b.id, 3, { headline: 'Ignored', slug: 'chosen' });
    expect(store.getArticle(b.id).slug).toBe('chosen');
  });

  it('keeps the word count of the story, as the editor counts it', () => {
    const a = store.createArticle({ headline: 'One two', dek: 'three', body: [paragraph('four five six')] });
    const wc = () => store.listArticles({ view: 'active' }).items.find((x) => x.id === a.id)!.wordCount;
    expect(wc()).toBe(3);
    store.saveArticle(a.id, 1, { headline: 'One' });
    expect(wc()).toBe(3);
    store.saveArticle(a.id, 2, { body: [paragraph('a b'), paragraph("don't stop-gap 3.5")] });
    expect(wc()).toBe(2 + 3);
    const promo = { type: 'promo-box', title: 'Box', children: [paragraph('not the story')] } as ArticleBody[number];
    store.saveArticle(a.id, 3, { body: [paragraph('a b'), promo] });
    expect(wc()).toBe(2);
    store.saveArticle(a.id, 4, { section: 'not counted words here' });
    expect(wc()).toBe(2);
  });

  it('stores the byline in the given order, dropping repeats', () => {
    addAuthors();
    const a = store.createArticle({ bylineAuthorIds: ['mara'] });
    store.saveArticle(a.id, 1, { bylineAuthorIds: ['tomas', 'mara', 'tomas'] });
    expect(store.getArticle(a.id).bylineAuthorIds).toEqual(['tomas', 'mara']);
    store.saveArticle(a.id, 2, { bylineAuthorIds: [] });
    expect(store.getArticle(a.id).bylineAuthorIds).toEqual([]);
  });

  it('an unknown author in the byline is NOT_FOUND and rolls the whole save back', () => {
    addAuthors();
    const a = store.createArticle({ headline: 'Before', bylineAuthorIds: ['mara'], tags: ['old'] });
    const before = store.getArticle(a.id);
    const error = appError(() =>
      store.saveArticle(a.id, 1, { headline: 'After', tags: ['new'], bylineAuthorIds: ['tomas', 'ghost'], body: [paragraph('afterword')] }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(store.getArticle(a.id)).toEqual(before);
    expect(search('afterword')).toEqual([]);
    expect(search('before')).toEqual([a.id]);
    ftsIntact();
  });

  it('an unknown author when creating is NOT_FOUND and creates nothing', () => {
    const error = appError(() => store.createArticle({ headline: 'Ghost story', bylineAuthorIds: ['ghost'] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(count('articles')).toBe(0);
    expect(search('ghost')).toEqual([]);
  });

  it('trims, drops empty and deduplicates tags', () => {
    const a = store.createArticle({ tags: ['b', ' a ', 'b', '   '] });
    expect(store.getArticle(a.id).tags).toEqual(['a', 'b']);
    store.saveArticle(a.id, 1, { tags: ['c'] });
    expect(store.getArticle(a.id).tags).toEqual(['c']);
    store.saveArticle(a.id, 2, { headline: 'no tag change' });
    expect(store.getArticle(a.id).tags).toEqual(['c']);
  });

  it('round-trips the AI declaration and body JSON', () => {
    const a = store.createArticle();
    const body: ArticleBody = [
      { type: 'heading', level: 2, children: [{ text: 'Heads', bold: true }] },
      { type: 'list-item', list: 'numbered', depth: 1, children: [{ text: 'item' }] },
    ];
    store.saveArticle(a.id, 1, { body, aiDeclaration: { uses: ['research', 'editing'], tools: 'X', note: 'Checked' } });
    const b = store.getArticle(a.id);
    expect(b.body).toEqual(body);
    expect(b.aiDeclaration).toEqual({ uses: ['research', 'editing'], tools: 'X', note: 'Checked' });
  });
});

describe('duplicate, trash, restore, delete', () => {
  it('duplicates into a new draft with "Copy of" and the same body, tags and byline', () => {
    addAuthors();
    const a = store.createArticle({ headline: 'Original', body: [paragraph('same body')], tags: ['t'], bylineAuthorIds: ['mara'] });
    store.saveArticle(a.id, 1, { slug: 'locked', slugLocked: true });
    db.prepare(`UPDATE articles SET status = 'approved' WHERE id = ?`).run(a.id);
    const copy = store.duplicateArticle(a.id);
    expect(copy.id).not.toBe(a.id);
    expect(copy).toMatchObject({ headline: 'Copy of Original', status: 'draft', version: 1, slug: 'copy-of-original', slugLocked: false });
    expect(copy.body).toEqual([paragraph('same body')]);
    expect(copy.tags).toEqual(['t']);
    expect(copy.bylineAuthorIds).toEqual(['mara']);
    expect(store.getArticle(a.id).headline).toBe('Original');
    expect(search('copy')).toEqual([copy.id]);
  });

  it('duplicates a headline at the length limit without exceeding it', () => {
    const a = store.createArticle({ headline: 'x'.repeat(300) });
    const copy = store.duplicateArticle(a.id);
    expect(copy.headline.length).toBeLessThanOrEqual(300);
    expect(copy.headline.startsWith('Copy of ')).toBe(true);
  });

  it('duplicating an unknown id is NOT_FOUND', () => {
    expect(appError(() => store.duplicateArticle('nope')).code).toBe('NOT_FOUND');
  });

  it('trash moves an article between views; restore brings it back', () => {
    const a = store.createArticle({ headline: 'Bin me' });
    const b = store.createArticle({ headline: 'Keep me' });
    store.trashArticle(a.id);
    expect(store.listArticles({ view: 'active' }).items.map((x) => x.id)).toEqual([b.id]);
    const trash = store.listArticles({ view: 'trash' });
    expect(trash.items.map((x) => x.id)).toEqual([a.id]);
    expect(trash.items[0]!.trashedAt).toBeTruthy();
    expect(store.getArticle(a.id).trashedAt).toBe(trash.items[0]!.trashedAt);
    expect(search('bin', 'trash')).toEqual([a.id]);
    expect(search('bin', 'active')).toEqual([]);
    store.trashArticle(a.id); // twice is harmless
    expect(count('trash')).toBe(1);
    store.restoreArticle(a.id);
    expect(store.getArticle(a.id).trashedAt).toBeUndefined();
    expect(store.listArticles({ view: 'trash' }).total).toBe(0);
    expect(appError(() => store.trashArticle('nope')).code).toBe('NOT_FOUND');
    expect(appError(() => store.restoreArticle('nope')).code).toBe('NOT_FOUND');
  });

  it('deleteForever refuses an article that is not in the trash', () => {
    const a = store.createArticle({ headline: 'Precious' });
    const error = appError(() => store.deleteArticleForever(a.id));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(store.getArticle(a.id).headline).toBe('Precious');
    expect(appError(() => store.deleteArticleForever('nope')).code).toBe('NOT_FOUND');
  });

  it('deleteForever removes the article, its tags, byline and trash rows, and its search entry', () => {
    addAuthors();
    const a = store.createArticle({ headline: 'Doomed zeppelin', tags: ['x', 'y'], bylineAuthorIds: ['mara', 'tomas'] });
    const keep = store.createArticle({ headline: 'Survivor', tags: ['x'], bylineAuthorIds: ['mara'] });
    store.trashArticle(a.id);
    store.deleteArticleForever(a.id);
    expect(appError(() => store.getArticle(a.id)).code).toBe('NOT_FOUND');
    expect(db.prepare(`SELECT count(*) AS n FROM article_tags WHERE article_id = ?`).get(a.id)).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM article_authors WHERE article_id = ?`).get(a.id)).toEqual({ n: 0 });
    expect(count('trash')).toBe(0);
    expect(search('zeppelin', 'trash')).toEqual([]);
    expect(search('zeppelin')).toEqual([]);
    expect(store.getArticle(keep.id).tags).toEqual(['x']);
    expect(count('authors')).toBe(2);
    ftsIntact();
  });
});

describe('full-text search', () => {
  it('finds new words after a save and forgets the old ones', () => {
    const a = store.createArticle({ headline: 'Lighthouse', body: [paragraph('The keeper counts gulls.')] });
    expect(search('gulls')).toEqual([a.id]);
    store.saveArticle(a.id, 1, { body: [paragraph('The keeper counts ferries.')] });
    expect(search('gulls')).toEqual([]);
    expect(search('ferries')).toEqual([a.id]);
    store.saveArticle(a.id, 2, { headline: 'Foghorn', dek: 'Quayside' });
    expect(search('lighthouse')).toEqual([]);
    expect(search('foghorn')).toEqual([a.id]);
    expect(search('quayside')).toEqual([a.id]);
    ftsIntact();
  });

  it('matches prefixes, any case, and folds diacritics both ways', () => {
    const a = store.createArticle({ body: [paragraph('A movable flood barrier at the Café Zürich in São Paulo')] });
    const b = store.createArticle({ body: [paragraph('cafe society')] });
    expect(search('barr')).toEqual([a.id]);
    expect(search('BARRIER')).toEqual([a.id]);
    expect(search('zurich')).toEqual([a.id]);
    expect(search('sao paulo')).toEqual([a.id]);
    expect(new Set(search('café'))).toEqual(new Set([a.id, b.id]));
    expect(new Set(search('cafe'))).toEqual(new Set([a.id, b.id]));
    expect(search('flood barrier')).toEqual([a.id]);
    expect(search('flood society')).toEqual([]);
  });

  it('searches text inside promo boxes, bios and disclosures', () => {
    seedDemoNewsroom(store, library);
    expect(search('uncommon')).toHaveLength(1);
    expect(search('Lindqvist')).toHaveLength(1);
    expect(search('newsroom tool')).toHaveLength(1);
  });

  it('never throws on hostile input', () => {
    store.createArticle({ headline: 'Near or not' });
    const hostile = [
      '"',
      '*',
      'NEAR(',
      'OR',
      ')',
      '-',
      '(',
      'AND',
      'NOT',
      '^',
      ':',
      'headline:near',
      'a"b',
      '""*',
      '"near" OR',
      'NEAR(a b, 2)',
      '{headline}: x',
      '\0',
      '\\',
      "'; DROP TABLE articles; --",
      '🦆',
      'x'.repeat(500),
      '- -- ---',
    ];
    for (const text of hostile) {
      expect(() => store.listArticles({ view: 'active', search: text }), JSON.stringify(text)).not.toThrow();
    }
    expect(search('near or')).toHaveLength(1);
    expect(count('articles')).toBe(1);
  });

  it('never throws for any string (property)', () => {
    store.createArticle({ headline: 'Alpha beta', body: [paragraph('gamma delta')] });
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('"', '*', 'NEAR(', ')', 'OR', 'AND NOT')),
        (text) => {
          const result = store.listArticles({ view: 'active', search: text });
          expect(result.total).toBeGreaterThanOrEqual(result.items.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('turns input into quoted terms, the last one (still being typed) a prefix', () => {
    expect(toFtsQuery('barr OR "x"')).toBe('"barr" "OR" "x"*');
    expect(toFtsQuery('flood barr')).toBe('"flood" "barr"*');
    expect(toFtsQuery('"*()-')).toBeUndefined();
    expect(toFtsQuery('')).toBeUndefined();
    expect(toFtsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(12);
  });
});

describe('store invariants under random edits (property)', () => {
  const text = fc.string({ maxLength: 40 });
  const op = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), headline: text, body: text }),
    fc.record({
      kind: fc.constant('save' as const),
      pick: fc.nat(),
      headline: fc.option(text, { nil: undefined }),
      dek: fc.option(text, { nil: undefined }),
      body: fc.option(text, { nil: undefined }),
    }),
    fc.record({ kind: fc.constant('trash' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  );

  it('keeps FTS, body_text, word_count and slug consistent with the row', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        db.exec('DELETE FROM trash; DELETE FROM articles;');
        const ids: string[] = [];
        for (const o of ops) {
          if (o.kind === 'create') {
            ids.push(store.createArticle({ headline: o.headline, body: [paragraph(o.body)] }).id);
            continue;
          }
          if (ids.length === 0) continue;
          const id = ids[o.pick % ids.length]!;
          if (o.kind === 'save') {
            const v = store.getArticle(id).version;
            store.saveArticle(id, v, {
              ...(o.headline !== undefined ? { headline: o.headline } : {}),
              ...(o.dek !== undefined ? { dek: o.dek } : {}),
              ...(o.body !== undefined ? { body: [paragraph(o.body)] } : {}),
            });
          } else if (o.kind === 'trash') store.trashArticle(id);
          else if (o.kind === 'restore') store.restoreArticle(id);
          else {
            store.trashArticle(id);
            store.deleteArticleForever(id);
            ids.splice(ids.indexOf(id), 1);
          }
        }
        ftsIntact();
        const rows = db.prepare(`SELECT id, headline, dek, slug, body_json, body_text, word_count FROM articles`).all() as Array<
          Record<string, string | number>
        >;
        expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
        for (const r of rows) {
          const body = JSON.parse(r.body_json as string) as ArticleBody;
          expect(r.body_text).toBe(bodyPlainText(body));
          expect(r.word_count).toBe(storyWordCount(body));
          expect(r.slug).toBe(articleSlug(r.headline as string, r.id as string));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('seedDemoNewsroom', () => {
  it('creates two authors, one disclosure and one finished sample article', () => {
    expect(seedDemoNewsroom(store, library)).toBe(true);
    const authors = library.listAuthors();
    expect(authors.map((a) => a.id).sort()).toEqual([SEED_IDS.authorMara, SEED_IDS.authorTomas].sort());
    // Besides the default templates every database gets from migration 003.
    expect(library.listDisclosures().map((d) => d.id)).toContain(SEED_IDS.disclosure);
    const list = store.listArticles({ view: 'active' });
    expect(list.total).toBe(1);
    expect(list.items[0]!.byline).toEqual(['Mara Lindqvist']);
    const article = store.getArticle(list.items[0]!.id);
    expect(articleBodySchema.safeParse(article.body).success).toBe(true);
    const types = article.body.map((b) => b.type);
    expect(types).toContain('promo-box');
    expect(types).toContain('author-bio');
    expect(types).toContain('ai-disclosure');
    const bio = article.body.find((b) => b.type === 'author-bio');
    expect(bio && bio.type === 'author-bio' && bio.authorId).toBe(SEED_IDS.authorMara);
    const disclosure = article.body.find((b) => b.type === 'ai-disclosure');
    expect(disclosure && disclosure.type === 'ai-disclosure' && disclosure.templateId).toBe(SEED_IDS.disclosure);
    expect(article.tags).toEqual(['flooding', 'local government']);
  });

  it('does nothing the second time', () => {
    seedDemoNewsroom(store, library);
    const snapshot = ['articles', 'authors', 'disclosure_templates', 'disclosure_template_versions', 'article_tags', 'article_authors'].map(count);
    expect(seedDemoNewsroom(store, library)).toBe(false);
    expect(['articles', 'authors', 'disclosure_templates', 'disclosure_template_versions', 'article_tags', 'article_authors'].map(count)).toEqual(snapshot);
  });
});

describe('taxonomy', () => {
  it('lists tags and sections in use, most used first', () => {
    store.createArticle({ tags: ['b', 'a'], section: 'Climate' });
    store.createArticle({ tags: ['b'], section: 'Climate' });
    store.createArticle({ tags: ['c'], section: 'Sport' });
    store.createArticle({ section: '' });
    expect(store.taxonomy()).toEqual({ tags: ['b', 'a', 'c'], sections: ['Climate', 'Sport'] });
  });
});

describe('language', () => {
  it('a new article is in English unless told; a language is kept, normalized, through create, save, duplicate and replace', () => {
    expect(store.createArticle().language).toBe('en');
    const a = store.createArticle({ language: 'ar', headline: 'عنوان' });
    expect(store.getArticle(a.id).language).toBe('ar');
    store.saveArticle(a.id, 1, { language: 'he-il' });
    expect(store.getArticle(a.id).language).toBe('he-IL');
    expect(store.duplicateArticle(a.id).language).toBe('he-IL');
    const replaced = store.replaceArticle(a.id, { ...store.getArticle(a.id), language: 'fr-CA' }, 'draft');
    expect(replaced.language).toBe('fr-CA');
  });

  it('refuses a tag that is not BCP 47 with a plain sentence, writing nothing', () => {
    const a = store.createArticle({ language: 'de' });
    const error = appError(() => store.saveArticle(a.id, 1, { language: 'German; DROP TABLE', headline: 'x' }));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toMatch(/language tag such as/);
    expect(store.getArticle(a.id)).toMatchObject({ language: 'de', headline: '', version: 1 });
  });
});
