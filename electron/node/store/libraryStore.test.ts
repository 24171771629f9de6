import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { authorBioBlock, disclosureBlock, libraryBlocksOf } from '../../../shared/library/blocks';
import type { AuthorInput, DisclosureInput } from '../../../shared/library/entries';
import { paragraph, type AiDisclosureElement, type AuthorBioElement } from '../../../shared/model/document';
import { createArticleStore, type ArticleStore } from './articleStore';
import { openDatabase, type Db } from './database';
import { createLibraryStore, type LibraryStore } from './libraryStore';
import { SEED_IDS, seedDemoNewsroom } from './seed';
import { createSyncStore } from './syncStore';

let dir: string;
let db: Db;
let articles: ArticleStore;
let library: LibraryStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-library-'));
  db = openDatabase(path.join(dir, 'library.db'));
  articles = createArticleStore(db);
  library = createLibraryStore(db);
  seedDemoNewsroom(articles, library);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const authorInput = (over: Partial<AuthorInput> = {}): AuthorInput => ({
  name: 'Ines Halvorsen',
  jobTitle: 'Reporter',
  bio: [{ text: 'Covers the harbour.' }],
  email: 'ines@example.org',
  photoAssetId: '',
  readMoreUrl: 'https://example.org/ines',
  profileLinks: [{ label: 'Website', url: 'https://ines.example.org/' }],
  ...over,
});
const inputOf = (id: string): AuthorInput => {
  const a = library.getAuthor(id);
  return {
    name: a.name,
    jobTitle: a.jobTitle,
    bio: a.bio,
    email: a.email,
    photoAssetId: a.photoAssetId,
    readMoreUrl: a.readMoreUrl,
    profileLinks: a.profileLinks,
  };
};
const disclosureInputOf = (id: string): DisclosureInput => {
  const t = library.getDisclosure(id);
  return { title: t.title, text: t.text, policyUrl: t.policyUrl, covers: t.covers };
};

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const seedArticle = () => articles.getArticle(articles.listArticles({ view: 'active' }).items[0]!.id);
const bioOf = (articleId: string) => libraryBlocksOf(articles.getArticle(articleId).body).find((b) => b.type === 'author-bio') as AuthorBioElement;
const disclosureOf = (articleId: string) => libraryBlocksOf(articles.getArticle(articleId).body).find((b) => b.type === 'ai-disclosure') as AiDisclosureElement;
const setStatus = (id: string, status: string) => db.prepare(`UPDATE articles SET status = ? WHERE id = ?`).run(status, id);

describe('author library', () => {
  it('creates, searches and versions authors; every version stays readable', () => {
    const created = library.createAuthor(authorInput());
    expect(created).toMatchObject({ name: 'Ines Halvorsen', version: 1, archived: false, profileLinks: [{ label: 'Website' }] });
    expect(library.listAuthors({ search: 'ines' }).map((a) => a.id)).toEqual([created.id]);
    expect(library.listAuthors({ search: 'REPORTER' })).toHaveLength(1);

    const { entry } = library.updateAuthor(created.id, 1, authorInput({ bio: [{ text: 'Now covers the port.' }] }));
    expect(entry.version).toBe(2);
    const versions = library.authorVersions(created.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.bio).toEqual([{ text: 'Covers the harbour.' }]);
    expect(library.authorVersion(created.id, 2)!.bio).toEqual([{ text: 'Now covers the port.' }]);
  });

  it('keeps a version for seeded authors and refuses stale saves', () => {
    expect(library.authorVersions(SEED_IDS.authorMara).map((v) => v.version)).toEqual([1]);
    library.updateAuthor(SEED_IDS.authorMara, 1, { ...inputOf(SEED_IDS.authorMara), jobTitle: 'Senior Writer' });
    const conflict = appError(() => library.updateAuthor(SEED_IDS.authorMara, 1, inputOf(SEED_IDS.authorMara)));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details?.currentVersion).toBe(2);
  });

  it('an unchanged save adds no version and touches no article', () => {
    const article = seedArticle();
    expect(library.updateAuthor(SEED_IDS.authorMara, 1, inputOf(SEED_IDS.authorMara))).toMatchObject({ updatedArticles: 0, entry: { version: 1 } });
    expect(articles.getArticle(article.id).version).toBe(article.version);
  });

  it('refuses to delete an author used in a byline or a bio block; archives instead', () => {
    const error = appError(() => library.deleteAuthor(SEED_IDS.authorMara));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toMatch(/Mara Lindqvist is used by an article.*Archive/);

    // Tomas is in no byline, but a bio block in a body is a use too.
    const tomas = library.getAuthor(SEED_IDS.authorTomas);
    const other = articles.createArticle({ body: [paragraph('x'), authorBioBlock(tomas)] });
    expect(appError(() => library.deleteAuthor(SEED_IDS.authorTomas)).code).toBe('NOT_ALLOWED');
    articles.trashArticle(other.id);
    articles.deleteArticleForever(other.id);
    library.deleteAuthor(SEED_IDS.authorTomas);
    expect(library.listAuthors({ includeArchived: true }).map((a) => a.id)).toEqual([SEED_IDS.authorMara]);

    const archived = library.setAuthorArchived(SEED_IDS.authorMara, true);
    expect(archived.archived).toBe(true);
    expect(library.listAuthors()).toEqual([]);
    expect(library.listAuthors({ includeArchived: true })).toHaveLength(1);
    // Old articles keep the name and the bio.
    expect(seedArticle().bylineAuthorIds).toEqual([SEED_IDS.authorMara]);
    expect(bioOf(seedArticle().id).snapshot.name).toBe('Mara Lindqvist');
    expect(library.setAuthorArchived(SEED_IDS.authorMara, false).archived).toBe(false);
  });
});

describe('synced blocks follow the library; detached and frozen ones do not', () => {
  it('editing an author rewrites synced bios in drafts, in the same transaction, bumping versions', () => {
    const article = seedArticle();
    const result = library.updateAuthor(SEED_IDS.authorMara, 1, { ...inputOf(SEED_IDS.authorMara), bio: [{ text: 'Climate editor.' }] });
    expect(result.updatedArticles).toBe(1);
    const after = articles.getArticle(article.id);
    expect(after.version).toBe(article.version + 1);
    expect(bioOf(article.id)).toMatchObject({ mode: 'synced', version: 2, snapshot: { bio: [{ text: 'Climate editor.' }] } });
    // Search reads the stored body, so it finds the new words.
    expect(articles.listArticles({ view: 'active', search: 'climate editor' }).total).toBe(1);
  });

  it('leaves detached copies alone', () => {
    const article = seedArticle();
    const body = article.body.map((b) =>
      b.type === 'author-bio' ? { ...b, mode: 'detached' as const, snapshot: { ...b.snapshot, bio: [{ text: 'My own words.' }] } } : b,
    );
    articles.saveArticle(article.id, article.version, { body });
    const version = articles.getArticle(article.id).version;
    expect(library.updateAuthor(SEED_IDS.authorMara, 1, { ...inputOf(SEED_IDS.authorMara), name: 'Mara L.' }).updatedArticles).toBe(0);
    expect(bioOf(article.id)).toMatchObject({ mode: 'detached', version: 1, snapshot: { name: 'Mara Lindqvist', bio: [{ text: 'My own words.' }] } });
    expect(articles.getArticle(article.id).version).toBe(version);
  });

  it('does not touch approved or exported articles', () => {
    const article = seedArticle();
    setStatus(article.id, 'approved');
    expect(library.updateAuthor(SEED_IDS.authorMara, 1, { ...inputOf(SEED_IDS.authorMara), name: 'Changed' }).updatedArticles).toBe(0);
    expect(bioOf(article.id).snapshot.name).toBe('Mara Lindqvist');
  });

  it('editing a disclosure adds a version and updates synced disclosure blocks', () => {
    const article = seedArticle();
    const input = disclosureInputOf(SEED_IDS.disclosure);
    const { entry, updatedArticles } = library.updateDisclosure(SEED_IDS.disclosure, 1, { ...input, text: [{ text: 'We use AI carefully.' }] });
    expect(entry.version).toBe(2);
    expect(updatedArticles).toBe(1);
    expect(disclosureOf(article.id)).toMatchObject({ version: 2, snapshot: { text: [{ text: 'We use AI carefully.' }] } });
    expect(library.disclosureVersions(SEED_IDS.disclosure).map((v) => [v.version, v.text])).toEqual([
      [2, [{ text: 'We use AI carefully.' }]],
      [1, input.text],
    ]);
    // Changing only which uses it covers is not a new version of the text.
    expect(library.updateDisclosure(SEED_IDS.disclosure, 2, { ...disclosureInputOf(SEED_IDS.disclosure), covers: ['research'] }).entry).toMatchObject({
      version: 2,
      covers: ['research'],
    });
  });
});

describe('freezeLibraryBlocks', () => {
  it('freezes synced blocks at their version; later library edits leave them unchanged', () => {
    const article = seedArticle();
    const result = library.freezeLibraryBlocks(article.id);
    expect(result).toMatchObject({ frozen: 2, version: article.version + 1 });
    expect(bioOf(article.id)).toMatchObject({ mode: 'frozen', version: 1 });
    expect(disclosureOf(article.id)).toMatchObject({ mode: 'frozen', version: 1 });
    const frozenBody = articles.getArticle(article.id).body;

    library.updateAuthor(SEED_IDS.authorMara, 1, { ...inputOf(SEED_IDS.authorMara), bio: [{ text: 'Rewritten.' }] });
    library.updateDisclosure(SEED_IDS.disclosure, 1, { ...disclosureInputOf(SEED_IDS.disclosure), text: [{ text: 'Rewritten.' }] });
    expect(articles.getArticle(article.id).body).toEqual(frozenBody);
    expect(articles.getArticle(article.id).version).toBe(result.version);
    // Nothing left to freeze: no new version.
    expect(library.freezeLibraryBlocks(article.id)).toMatchObject({ frozen: 0, version: result.version });
  });

  it('freezes a stale synced block at the library version it references now', () => {
    const mara = library.getAuthor(SEED_IDS.authorMara);
    const stale = articles.createArticle({ body: [authorBioBlock(mara)] });
    library.updateAuthor(SEED_IDS.authorMara, 1, { ...inputOf(SEED_IDS.authorMara), jobTitle: 'Editor' });
    // A block inserted from an old copy of the library (e.g. another window) before the edit landed.
    const a = articles.getArticle(stale.id);
    articles.saveArticle(a.id, a.version, { body: [authorBioBlock(mara)] });
    library.freezeLibraryBlocks(stale.id);
    expect(bioOf(stale.id)).toMatchObject({ mode: 'frozen', version: 2, snapshot: { jobTitle: 'Editor' } });
  });

  it('an archived source keeps its last saved content when frozen', () => {
    const article = seedArticle();
    library.setAuthorArchived(SEED_IDS.authorMara, true);
    library.freezeLibraryBlocks(article.id);
    expect(bioOf(article.id)).toMatchObject({ mode: 'frozen', version: 1, snapshot: { name: 'Mara Lindqvist' } });
  });

  it('refuses, changing nothing, when the declared AI use has no fitting disclosure', () => {
    const article = seedArticle();
    articles.saveArticle(article.id, article.version, { aiDeclaration: { uses: ['research', 'images'], tools: 'ChatGPT', note: '' } });
    const before = articles.getArticle(article.id);
    const error = appError(() => library.freezeLibraryBlocks(article.id));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toContain('images');
    expect(error.message).toContain('“AI-generated illustration”');
    expect(articles.getArticle(article.id)).toEqual(before);

    const illustration = library.getDisclosure('disclosure-ai-generated-illustration');
    articles.saveArticle(article.id, before.version, { body: [...before.body, disclosureBlock(illustration)] });
    expect(library.freezeLibraryBlocks(article.id).frozen).toBe(3);
  });
});

describe('disclosure library', () => {
  it('ships the default templates with the uses they cover', () => {
    const byTitle = Object.fromEntries(library.listDisclosures().map((t) => [t.title, t.covers]));
    expect(byTitle).toMatchObject({
      'AI-assisted research': ['research'],
      'AI-generated illustration': ['images'],
      'No generative AI used': [],
    });
    expect(byTitle['AI as a newsroom tool']).toContain('research');
  });

  it('refuses to delete a template in use; archives it; deletes an unused one with its versions', () => {
    expect(appError(() => library.deleteDisclosure(SEED_IDS.disclosure)).code).toBe('NOT_ALLOWED');
    library.setDisclosureArchived(SEED_IDS.disclosure, true);
    expect(library.listDisclosures().map((t) => t.id)).not.toContain(SEED_IDS.disclosure);
    expect(library.listDisclosures({ includeArchived: true }).map((t) => t.id)).toContain(SEED_IDS.disclosure);

    const t = library.createDisclosure({ title: 'Transcribed', text: [{ text: 'x' }], policyUrl: '', covers: ['transcription'] });
    library.updateDisclosure(t.id, 1, { title: 'Transcribed', text: [{ text: 'y' }], policyUrl: '', covers: ['transcription'] });
    library.deleteDisclosure(t.id);
    expect(appError(() => library.disclosureVersions(t.id)).code).toBe('NOT_FOUND');
  });
});

describe('bundles through the library', () => {
  const bundled = () => library.disclosureForBundle(SEED_IDS.disclosure)!;

  it('lists authors by name whatever the case', () => {
    library.createAuthor({ ...authorInput(), name: 'abe Zed' });
    expect(library.listAuthors().map((a) => a.name)).toEqual(['abe Zed', 'Mara Lindqvist', 'Tomas Okafor']);
  });

  it('adds an author with every field, and keeps one it already has as it is', () => {
    const incoming = { id: 'ines', ...authorInput(), photoAssetId: 'photo-1', archived: true, version: 3 };
    expect(library.importAuthor(incoming)).toBe(true);
    const { updatedAt: _u, ...stored } = library.getAuthor('ines');
    expect(stored).toEqual(incoming);
    expect(library.importAuthor({ ...incoming, name: 'Someone Else' })).toBe(false);
    expect(library.getAuthor('ines').name).toBe('Ines Halvorsen');
    expect(library.authorVersions('ines').map((v) => v.version)).toEqual([3]);
  });

  it('stores a template new here exactly, with its uses and version numbers', () => {
    const t = bundled();
    const incoming = {
      ...t,
      id: 'from-elsewhere',
      covers: ['images' as const],
      currentVersion: 2,
      versions: [t.versions[0]!, { ...t.versions[0]!, version: 2, title: 'Second' }],
    };
    expect([...library.importDisclosure(incoming)]).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(library.disclosureForBundle('from-elsewhere')).toEqual(incoming);
  });

  it('matches incoming versions by their words (key order aside) and numbers the others after the newest here', () => {
    library.updateDisclosure(SEED_IDS.disclosure, 1, { ...disclosureInputOf(SEED_IDS.disclosure), title: 'Ours' });
    const seedVersion = bundled().versions[0]!;
    const reordered = { ...seedVersion, text: seedVersion.text.map((n) => Object.fromEntries(Object.entries(n).reverse()) as typeof n) };
    const incoming = {
      ...bundled(),
      covers: ['images' as const],
      archived: true,
      currentVersion: 3,
      versions: [reordered, { ...seedVersion, version: 2, title: 'Theirs' }, { ...seedVersion, version: 3, title: 'Theirs again' }],
    };
    expect([...library.importDisclosure(incoming)]).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
    ]);
    expect(library.disclosureVersions(SEED_IDS.disclosure).map((v) => [v.version, v.title])).toEqual([
      [4, 'Theirs again'],
      [3, 'Theirs'],
      [2, 'Ours'],
      [1, 'AI as a newsroom tool'],
    ]);
    // This library's current version, uses and archive state are its own.
    expect(library.getDisclosure(SEED_IDS.disclosure)).toMatchObject({ version: 2, title: 'Ours', archived: false });
    expect(library.getDisclosure(SEED_IDS.disclosure).covers).not.toEqual(['images']);
    expect(library.updateDisclosure(SEED_IDS.disclosure, 2, { ...disclosureInputOf(SEED_IDS.disclosure), title: 'Ours, later' }).entry.version).toBe(5);
  });

  it('edits a template an earlier import left with versions past its current one', () => {
    // What importing a bundle did before: a version 2 row while the template still said version 1.
    db.prepare(
      `INSERT INTO disclosure_template_versions (template_id, version, title, text_json, policy_url, created_at) VALUES (?, 2, 'Theirs', '[{"text":"x"}]', '', 'x')`,
    ).run(SEED_IDS.disclosure);
    const { entry } = library.updateDisclosure(SEED_IDS.disclosure, 1, { ...disclosureInputOf(SEED_IDS.disclosure), title: 'Ours' });
    expect(entry).toMatchObject({ version: 3, title: 'Ours' });
    expect(library.disclosureVersions(SEED_IDS.disclosure).map((v) => v.title)).toEqual(['Ours', 'Theirs', 'AI as a newsroom tool']);
  });
});

describe('the newsroom’s entries on this desk', () => {
  const SERVER = 'http://127.0.0.1:4567';
  const by = { id: 'acct-tomas', name: 'Tomas Okafor' };
  const newsroomAuthor = (version: number, bio: string, archived = false) => ({
    kind: 'author' as const,
    id: 'f3a1c2d4-0000-4000-8000-00000000000a',
    version,
    data: authorInput({ bio: [{ text: bio }] }),
    archived,
    updatedAt: `2026-01-0${version}T00:00:00.000Z`,
    updatedBy: by,
    sequence: version,
  });

  it('stores them as the server has them, marked, and moves this desk’s own drafts on; newsroom articles are left to their documents', () => {
    expect(library.applyNewsroomEntries(SERVER, [newsroomAuthor(1, 'Covers the port.')], 1).map((c) => c.entry.version)).toEqual([1]);
    const first = library.getAuthor(newsroomAuthor(1, '').id);
    expect(first).toEqual({
      ...authorInput({ bio: [{ text: 'Covers the port.' }] }),
      id: newsroomAuthor(1, '').id,
      archived: false,
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      newsroom: true,
    });
    expect(library.newsroomOf('author', first.id)).toBe(SERVER);
    expect(library.newsroomOf('author', SEED_IDS.authorMara)).toBeUndefined();
    expect(library.newsroomSequence(SERVER)).toBe(1);

    const local = articles.createArticle({ body: [paragraph('Lead.'), authorBioBlock(first)] });
    const newsroomArticle = articles.createArticle({ body: [paragraph('Lead.'), authorBioBlock(first)] });
    createSyncStore(db).addReplica({
      articleId: newsroomArticle.id,
      serverUrl: SERVER,
      accountId: 'acct-mara',
      state: new Uint8Array([0, 0]),
      onServer: true,
      serverStatus: 'draft',
      access: 'write',
    });

    const changed = library.applyNewsroomEntries(SERVER, [newsroomAuthor(2, 'Covers the port and the ferries.')], 2);
    const second = library.getAuthor(first.id);
    expect(changed).toEqual([{ kind: 'author-bio', entry: second }]);
    expect(articles.getArticle(local.id).body).toEqual([
      paragraph('Lead.'),
      { ...authorBioBlock(first), version: 2, snapshot: authorBioBlock(second).snapshot },
    ]);
    expect(articles.getArticle(newsroomArticle.id).body).toEqual(newsroomArticle.body);
    expect(library.authorVersions(first.id).map((v) => [v.version, v.bio])).toEqual([
      [2, [{ text: 'Covers the port and the ferries.' }]],
      [1, [{ text: 'Covers the port.' }]],
    ]);

    // The same entry again changes nothing; archiving alone is stored but moves no block; an older
    // sequence never takes the desk's back.
    expect(library.applyNewsroomEntries(SERVER, [newsroomAuthor(2, 'Covers the port and the ferries.')], 2)).toEqual([]);
    expect(library.applyNewsroomEntries(SERVER, [newsroomAuthor(2, 'Covers the port and the ferries.', true)], 1)).toEqual([]);
    expect(library.getAuthor(first.id)).toMatchObject({ archived: true, version: 2, newsroom: true });
    expect(library.newsroomSequence(SERVER)).toBe(2);
  });

  it('keeps a disclosure template under the server’s version number', () => {
    const entry = {
      kind: 'disclosure' as const,
      id: 'disclosure-ai-translation',
      version: 3,
      data: { title: 'AI-assisted translation', text: [{ text: 'Translated with AI.' }], policyUrl: '', covers: ['translation' as const] },
      archived: false,
      updatedAt: '2026-01-03T00:00:00.000Z',
      updatedBy: by,
      sequence: 7,
    };
    library.applyNewsroomEntries(SERVER, [entry], 7);
    expect(library.getDisclosure(entry.id)).toEqual({ ...entry.data, id: entry.id, archived: false, version: 3, updatedAt: entry.updatedAt, newsroom: true });
    expect(library.disclosureVersions(entry.id).map((v) => v.version)).toEqual([3]);
  });
});
