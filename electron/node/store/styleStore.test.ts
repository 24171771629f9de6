import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { checkStyle } from '../../../shared/language/style/checkStyle';
import { STARTER_STYLE_RULES } from '../../../shared/language/style/starterRules';
import type { StyleRuleInput } from '../../../shared/language/style/rules';
import type { NewsroomLibraryEntry } from '../../../shared/library/newsroomLibrary';
import { paragraph } from '../../../shared/model/document';
import { createArticleStore, type ArticleStore } from './articleStore';
import { openDatabase, type Db } from './database';
import { createLibraryStore, type LibraryStore } from './libraryStore';
import { createReviewStores } from './reviewStores';
import type { StyleStore } from './styleStore';

let dir: string;
let db: Db;
let articles: ArticleStore;
let library: LibraryStore;
let styles: StyleStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-style-'));
  db = openDatabase(path.join(dir, 'style.db'));
  articles = createArticleStore(db);
  library = createLibraryStore(db);
  styles = library.styles;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rule = (over: Partial<StyleRuleInput> = {}): StyleRuleInput => ({
  name: 'use, not utilize',
  find: { kind: 'words', terms: ['utilize'] },
  matchCase: false,
  replacement: 'use',
  fixCase: 'as-written',
  message: '',
  category: 'usage',
  severity: 'error',
  ...over,
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, message: e.message } : { code: 'OTHER', message: String(e) };
  }
  return undefined;
};

describe('style rules', () => {
  it('start with the starter set, each at version 1', () => {
    const ids = styles.listRules().map((r) => r.id);
    expect(ids.sort()).toEqual(STARTER_STYLE_RULES.map((r) => r.id).sort());
    const { id: _id, ...email } = STARTER_STYLE_RULES.find((r) => r.id === 'style-email')!;
    expect(styles.getRule('style-email')).toEqual({ ...email, id: 'style-email', version: 1, archived: false, updatedAt: expect.any(String) });
  });

  it('keep every version: a change of words adds one, the same words do not, a stale base is refused', () => {
    const created = styles.createRule(rule(), 'r-utilize');
    expect(created.version).toBe(1);
    expect(styles.updateRule('r-utilize', 1, rule()).version).toBe(1);
    const v2 = styles.updateRule('r-utilize', 1, rule({ find: { kind: 'words', terms: ['utilize', 'utilise'] } }));
    expect(v2).toMatchObject({ version: 2, find: { kind: 'words', terms: ['utilize', 'utilise'] } });
    expect(refusal(() => styles.updateRule('r-utilize', 1, rule({ severity: 'warning' })))).toEqual({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone else changed this rule'),
    });
    const versions = styles.ruleVersions('r-utilize');
    expect(versions.map((v) => [v.version, v.find])).toEqual([
      [2, { kind: 'words', terms: ['utilize', 'utilise'] }],
      [1, { kind: 'words', terms: ['utilize'] }],
    ]);
    // Archiving keeps the version and leaves the rule out of checks.
    expect(styles.setRuleArchived('r-utilize', true)).toMatchObject({ version: 2, archived: true });
    expect(styles.activeRules().map((r) => r.id)).not.toContain('r-utilize');
    expect(styles.listRules({ includeArchived: true }).map((r) => r.id)).toContain('r-utilize');
  });

  it('refuse a catastrophic or broken pattern with its reason, whoever calls, and store nothing', () => {
    const before = styles.listRules({ includeArchived: true }).length;
    expect(refusal(() => styles.createRule(rule({ find: { kind: 'pattern', pattern: '(a+)+$' } }), 'bad'))).toEqual({
      code: 'NOT_ALLOWED',
      message: expect.stringContaining('repeats a group that already repeats'),
    });
    expect(refusal(() => styles.updateRule('style-email', 1, rule({ find: { kind: 'pattern', pattern: '(?<=x)y' } })))).toEqual({
      code: 'NOT_ALLOWED',
      message: expect.stringContaining('cannot be used'),
    });
    expect(styles.listRules({ includeArchived: true })).toHaveLength(before);
    expect(styles.getRule('style-email').version).toBe(1);
  });

  it('take the newsroom’s rule in place of the desk’s of the same id, at the server’s version', () => {
    const entry: Extract<NewsroomLibraryEntry, { kind: 'style-rule' }> = {
      kind: 'style-rule',
      id: 'style-percent',
      version: 3,
      data: rule({ name: 'per cent, two words', find: { kind: 'words', terms: ['percent'] }, replacement: 'per cent', severity: 'warning' }),
      archived: false,
      updatedAt: '2026-12-01T10:00:00.000Z',
      updatedBy: { id: 'a1', name: 'Petra Editor' },
      sequence: 7,
    };
    library.applyNewsroomEntries('https://news.example.org', [entry], 7);
    expect(styles.getRule('style-percent')).toMatchObject({ version: 3, name: 'per cent, two words', newsroom: true });
    expect(styles.newsroomOf('style-percent')).toBe('https://news.example.org');
    expect(styles.ruleVersions('style-percent').map((v) => v.version)).toEqual([3, 1]);
    expect(library.newsroomSequence('https://news.example.org')).toBe(7);
    // The same entry again changes nothing.
    expect(styles.applyNewsroomRule('https://news.example.org', entry)).toBe(false);
  });
});

describe('ignored findings and approval', () => {
  it('are kept per article, and unresolved style errors refuse approval until fixed or ignored', () => {
    const review = createReviewStores(db, articles, library);
    const editor = { name: 'Petra Editor', role: 'editor' } as const;
    review.settings.setProfile(editor);
    const authorId = library.createAuthor({
      name: 'Mara',
      jobTitle: '',
      bio: [{ text: '' }],
      email: '',
      photoAssetId: '',
      readMoreUrl: '',
      profileLinks: [],
    }).id;
    const created = articles.createArticle({ headline: 'Ferry', dek: 'Night crossing.', bylineAuthorIds: [authorId] });
    const saved = articles.saveArticle(created.id, created.version, { body: [paragraph('A very unique crossing.')] });
    let version = saved.version;
    for (const action of ['submit', 'start-edit'] as const) version = review.workflow.transition(created.id, version, action, '', editor).version;
    expect(refusal(() => review.workflow.transition(created.id, version, 'approve', '', editor))).toEqual({
      code: 'NOT_ALLOWED',
      message: expect.stringContaining('1 house-style error is still in the text'),
    });
    const [finding] = checkStyle(articles.getArticle(created.id).body, styles.activeRules()).filter((f) => f.severity === 'error');
    expect(styles.setIgnored(created.id, finding!.key, true)).toEqual([finding!.key]);
    expect(review.workflow.transition(created.id, version, 'approve', '', editor).status).toBe('approved');
    expect(styles.setIgnored(created.id, finding!.key, false)).toEqual([]);
    expect(refusal(() => styles.setIgnored('no-such-article', 'k', true))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
