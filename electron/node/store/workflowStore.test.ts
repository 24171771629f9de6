import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { paragraph } from '../../../shared/model/document';
import type { Profile } from '../../../shared/model/review';
import { createArticleStore, type ArticleStore } from './articleStore';
import { openDatabase, type Db } from './database';
import { createLibraryStore } from './libraryStore';
import { createReviewStores, type ReviewStores } from './reviewStores';

let dir: string;
let db: Db;
let articles: ArticleStore;
let review: ReviewStores;
let now: number;

const writer: Profile = { name: 'Mara Lindqvist', role: 'writer' };
const editor: Profile = { name: 'Tomas Okafor', role: 'editor' };
const clock = () => new Date(now);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-workflow-'));
  db = openDatabase(path.join(dir, 'review.db'));
  now = Date.UTC(2025, 0, 1);
  articles = createArticleStore(db, clock);
  review = createReviewStores(db, articles, createLibraryStore(db, clock), clock);
  createLibraryStore(db, clock).createAuthor({
    id: 'mara',
    name: 'Mara Lindqvist',
    jobTitle: '',
    bio: [],
    email: '',
    photoAssetId: '',
    readMoreUrl: '',
    profileLinks: [],
  });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function ready() {
  return articles.createArticle({ headline: 'Barrier approved', dek: 'After a decade.', bylineAuthorIds: ['mara'], body: [paragraph('The council voted.')] });
}

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

const anchor = { anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 0], offset: 11 }, quote: 'council' };

describe('workflow store', () => {
  it('moves an article through the workflow, logging who, when, from, to and the note, with a revision per step', () => {
    const a = ready();
    let v = review.workflow.transition(a.id, a.version, 'submit', '', writer);
    expect(v.status).toBe('submitted');
    v = review.workflow.transition(a.id, v.version, 'return', 'Needs a quote from the mayor.', editor);
    expect(v.status).toBe('draft');
    v = review.workflow.transition(a.id, v.version, 'submit', '', writer);
    v = review.workflow.transition(a.id, v.version, 'start-edit', '', editor);
    v = review.workflow.transition(a.id, v.version, 'approve', '', editor);
    expect(v.status).toBe('approved');
    const log = review.workflow.history(a.id);
    expect(log.map((t) => `${t.from}>${t.to}:${t.by}`)).toEqual([
      'draft>submitted:Mara Lindqvist',
      'submitted>draft:Tomas Okafor',
      'draft>submitted:Mara Lindqvist',
      'submitted>in-edit:Tomas Okafor',
      'in-edit>approved:Tomas Okafor',
    ]);
    expect(log[1]).toMatchObject({ action: 'return', role: 'editor', note: 'Needs a quote from the mayor.' });
    expect(review.revisions.list(a.id).filter((r) => r.kind === 'status')).toHaveLength(5);
  });

  it('locks the text of approved, exported and spiked articles until an editor reopens or restores them', () => {
    const a = ready();
    let v = review.workflow.transition(a.id, a.version, 'submit', '', writer);
    v = review.workflow.transition(a.id, v.version, 'start-edit', '', editor);
    v = review.workflow.transition(a.id, v.version, 'approve', '', editor);
    expect(refused(() => articles.saveArticle(a.id, v.version, { headline: 'Changed after approval' })).message).toMatch(/approved.*locked.*reopen/);
    v = review.workflow.transition(a.id, v.version, 'export', '', editor);
    expect(refused(() => articles.saveArticle(a.id, v.version, { dek: 'x' })).code).toBe('NOT_ALLOWED');
    // A correction after publication: reopen, edit, approve again.
    v = review.workflow.transition(a.id, v.version, 'reopen', '', editor);
    expect(v.status).toBe('in-edit');
    const saved = articles.saveArticle(a.id, v.version, { headline: 'Corrected headline' });
    expect(saved.version).toBe(v.version + 1);
    v = review.workflow.transition(a.id, saved.version, 'spike', '', editor);
    expect(refused(() => articles.saveArticle(a.id, v.version, { headline: 'y' })).message).toMatch(/spiked/);
    expect(articles.getArticle(a.id).headline).toBe('Corrected headline');
  });

  it('refuses what the role may not do, a missing note and a stale version, changing nothing', () => {
    const a = ready();
    const s = review.workflow.transition(a.id, a.version, 'submit', '', writer);
    expect(refused(() => review.workflow.transition(a.id, s.version, 'start-edit', '', writer)).code).toBe('NOT_ALLOWED');
    expect(refused(() => review.workflow.transition(a.id, s.version, 'return', '  ', editor)).message).toMatch(/note/);
    expect(refused(() => review.workflow.transition(a.id, a.version, 'start-edit', '', editor))).toMatchObject({
      code: 'CONFLICT',
      details: { currentVersion: s.version },
    });
    expect(articles.getArticle(a.id)).toMatchObject({ status: 'submitted', version: s.version });
    expect(review.workflow.history(a.id)).toHaveLength(1);
  });

  it('refuses approval while the checklist has errors, including open comments', () => {
    const a = articles.createArticle({ headline: 'No dek yet', bylineAuthorIds: ['mara'], body: [paragraph('The council voted.')] });
    let v = review.workflow.transition(a.id, a.version, 'submit', '', writer);
    v = review.workflow.transition(a.id, v.version, 'start-edit', '', editor);
    expect(refused(() => review.workflow.transition(a.id, v.version, 'approve', '', editor)).message).toMatch(/Add a dek/);
    const saved = articles.saveArticle(a.id, v.version, { dek: 'Now with a dek.' });
    const thread = review.comments.createThread(a.id, anchor, 'Check the vote count.', editor);
    expect(refused(() => review.workflow.transition(a.id, saved.version, 'approve', '', editor)).message).toMatch(/1 open comment/);
    review.comments.setResolved(thread.id, true, editor);
    expect(review.workflow.transition(a.id, saved.version, 'approve', '', editor).status).toBe('approved');
  });

  it('honours the configured headline limit', () => {
    review.settings.setReviewSettings({ headlineMaxLength: 10 });
    const a = ready();
    let v = review.workflow.transition(a.id, a.version, 'submit', '', writer);
    v = review.workflow.transition(a.id, v.version, 'start-edit', '', editor);
    expect(refused(() => review.workflow.transition(a.id, v.version, 'approve', '', editor)).message).toMatch(/limit is 10/);
  });

  it('runs hooks inside the transaction; a throwing hook rolls the transition back', () => {
    const seen: string[] = [];
    const off = review.workflow.onTransition((id, from, to, tx) => {
      expect(tx.inTransaction).toBe(true);
      seen.push(`${from}>${to}`);
      if (to === 'submitted') throw new AppError('NOT_ALLOWED', 'Hook says no.');
    });
    const a = ready();
    expect(refused(() => review.workflow.transition(a.id, a.version, 'submit', '', writer)).message).toBe('Hook says no.');
    expect(articles.getArticle(a.id).status).toBe('draft');
    expect(review.workflow.history(a.id)).toEqual([]);
    expect(review.revisions.list(a.id)).toEqual([]);
    off();
    review.workflow.transition(a.id, a.version, 'submit', '', writer);
    expect(seen).toEqual(['draft>submitted']);
  });
});

describe('revisions', () => {
  it('snapshots on save only when the last revision is ten minutes old', () => {
    const a = ready();
    expect(review.revisions.snapshotIfStale(a.id, writer)).toBeDefined();
    now += 9 * 60_000;
    expect(review.revisions.snapshotIfStale(a.id, writer)).toBeUndefined();
    now += 2 * 60_000;
    expect(review.revisions.snapshotIfStale(a.id, writer)).toMatchObject({ kind: 'auto', by: 'Mara Lindqvist' });
  });

  it('restores a revision as a new version, keeping the replaced text in the history', () => {
    const a = ready();
    const first = review.revisions.snapshot(a.id, 'manual', 'First draft', writer);
    const s = articles.saveArticle(a.id, a.version, { body: [paragraph('Rewritten entirely.')] });
    const restored = review.revisions.restore(a.id, first.id, s.version, editor);
    expect(restored.body).toEqual([paragraph('The council voted.')]);
    expect(restored.version).toBe(s.version + 1);
    const list = review.revisions.list(a.id);
    expect(list.map((r) => `${r.kind}:${r.label}`)).toEqual(['restore:Restored “First draft”', 'auto:Before restoring', 'manual:First draft']);
    expect(review.revisions.get(list[1]!.id).fields.body).toEqual([paragraph('Rewritten entirely.')]);
    expect(refused(() => review.revisions.restore(a.id, first.id, s.version, editor)).code).toBe('CONFLICT');
  });
});

describe('comments and the library list', () => {
  it('keeps threads with replies, resolves and reopens, and orphans a thread whose text is gone', () => {
    const a = ready();
    const t = review.comments.createThread(a.id, anchor, 'Which council?', editor);
    review.comments.reply(t.id, 'The city council.', writer);
    expect(review.comments.listThreads(a.id)[0]!.messages.map((m) => `${m.by}: ${m.text}`)).toEqual([
      'Tomas Okafor: Which council?',
      'Mara Lindqvist: The city council.',
    ]);
    expect(review.comments.setResolved(t.id, true, editor)).toMatchObject({ resolved: true, resolvedBy: 'Tomas Okafor' });
    expect(review.comments.setResolved(t.id, false, writer)).toMatchObject({ resolved: false, resolvedBy: '' });
    review.comments.updateAnchors(a.id, [{ threadId: t.id, anchor: null }]);
    expect(review.comments.listThreads(a.id)[0]).toMatchObject({ anchor: undefined, quote: 'council' });
  });

  it('filters and sorts the list, counts open comments, shows return notes and search snippets', () => {
    const a = ready();
    const b = articles.createArticle({ headline: 'Ferry timetable', section: 'Transport', tags: ['ferries'], deadline: '2025-01-02T09:00:00.000Z' });
    now += 60_000;
    const c = articles.createArticle({ headline: 'Port strike', deadline: '2025-01-01T12:00:00.000Z', body: [paragraph('Dockworkers walked out over pay.')] });
    review.comments.createThread(a.id, anchor, 'One', editor);
    let v = review.workflow.transition(a.id, a.version, 'submit', '', writer);
    now += 60_000;
    review.workflow.transition(c.id, c.version, 'submit', '', writer);
    v = review.workflow.transition(a.id, v.version, 'return', 'Add the vote count.', editor);

    const list = (q: Parameters<ArticleStore['listArticles']>[0]) => articles.listArticles(q).items.map((i) => i.headline);
    expect(list({ view: 'active', status: ['submitted', 'in-edit'], sort: 'waiting' })).toEqual(['Port strike']);
    expect(list({ view: 'active', section: 'transport' })).toEqual(['Ferry timetable']);
    expect(list({ view: 'active', tag: 'FERRIES' })).toEqual(['Ferry timetable']);
    expect(list({ view: 'active', authorId: 'mara' })).toEqual(['Barrier approved']);
    expect(list({ view: 'active', sort: 'deadline' })).toEqual(['Port strike', 'Ferry timetable', 'Barrier approved']);
    expect(list({ view: 'active', editedAfter: new Date(Date.UTC(2025, 0, 1) + 1).toISOString() })).not.toContain('Ferry timetable');
    const returned = articles.listArticles({ view: 'active', status: ['draft'] }).items.find((i) => i.id === a.id)!;
    expect(returned).toMatchObject({ returnNote: 'Add the vote count.', openComments: 1 });
    expect(articles.listArticles({ view: 'active' }).items.find((i) => i.id === b.id)!.returnNote).toBeUndefined();

    const hit = articles.listArticles({ view: 'active', search: 'dockwork' }).items[0]!;
    expect(hit.snippet).toEqual([
      { text: 'Dockworkers', match: true },
      { text: ' walked out over pay.', match: false },
    ]);
  });
});
