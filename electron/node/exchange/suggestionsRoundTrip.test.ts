/**
 * Suggestions are plain keys of the body: they survive a save and reopen of a real database file and
 * a bundle to another desk whole; publication exports drop them (HTML keeps them when asked); and
 * the store refuses to approve while one is open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleBody } from '../../../shared/model/document';
import type { Profile } from '../../../shared/model/review';
import { bodyWithEverySuggestion } from '../../../shared/suggestions/fixtures';
import { withoutSuggestions } from '../../../shared/suggestions/list';
import { DatabaseSession } from '../session';
import { SEED_IDS } from '../store/seed';
import { exportArticle, exportArticleFormats } from './exportService';
import { importFile } from './importService';

const editor: Profile = { name: 'Tomas Okafor', role: 'editor' };
const writer: Profile = { name: 'Mara Lindqvist', role: 'writer' };
let dir: string;
const open: DatabaseSession[] = [];
const desk = (name: string, seed = false) => {
  const session = new DatabaseSession(path.join(dir, name), { seedOnCreate: seed });
  open.push(session);
  return session;
};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-suggestions-'));
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function articleWithSuggestions(session: DatabaseSession, body: ArticleBody = bodyWithEverySuggestion()): string {
  const store = session.store();
  const article = store.createArticle({ headline: 'Barrier vote', dek: 'The council decides.' });
  store.saveArticle(article.id, article.version, { body });
  return article.id;
}

describe('suggestions in the store, bundles and exports', () => {
  it('come back whole after a save and reopening the database file', () => {
    const first = desk('desk.db');
    const id = articleWithSuggestions(first);
    first.close();
    open.splice(0);
    expect(desk('desk.db').store().getArticle(id).body).toEqual(bodyWithEverySuggestion());
  });

  it('travel whole in a bundle to another desk', async () => {
    const from = desk('from.db');
    const id = articleWithSuggestions(from);
    const [file] = await exportArticle(from, id, 'bundle', path.join(dir, 'out'));
    const to = desk('to.db');
    const result = await importFile(to, 'story.newsroom', fs.readFileSync(file!));
    expect(result).toMatchObject({ kind: 'imported' });
    expect(to.store().getArticle((result as { articleId: string }).articleId).body).toEqual(bodyWithEverySuggestion());
  });

  it('publication files carry the text as if every suggestion were rejected; HTML “with changes” keeps them marked', async () => {
    const session = desk('desk.db');
    const id = articleWithSuggestions(session);
    const plainId = articleWithSuggestions(session, withoutSuggestions(bodyWithEverySuggestion()));
    const read = async (articleId: string, sub: string, trackedChanges?: boolean) => {
      const result = await exportArticleFormats(
        session,
        articleId,
        ['fragment', 'txt', 'md'],
        path.join(dir, sub),
        trackedChanges ? { htmlWithChanges: true } : {},
      );
      return result.files.map((f) => fs.readFileSync(f, 'utf8'));
    };
    expect(await read(id, 'a')).toEqual(await read(plainId, 'b'));
    const [fragment, text] = await read(id, 'c', true);
    expect(fragment).toContain('<ins data-author="Edda Editor" datetime="2026-12-02T04:00:00.000Z">inserted</ins>');
    expect(text).not.toContain('inserted');
  });

  it('refuses approval while a suggestion is open, with the plain sentence, and approves once all are settled', () => {
    const session = desk('desk.db', true);
    const id = articleWithSuggestions(session);
    const { workflow } = session.review();
    const store = session.store();
    const a = store.getArticle(id);
    store.saveArticle(id, a.version, { bylineAuthorIds: [SEED_IDS.authorMara] });
    let v = workflow.transition(id, store.getArticle(id).version, 'submit', '', writer);
    v = workflow.transition(id, v.version, 'start-edit', '', editor);
    expect(() => workflow.transition(id, v.version, 'approve', '', editor)).toThrow('7 suggestions are still open: accept or reject them before approving.');
    const settled = store.saveArticle(id, v.version, { body: withoutSuggestions(store.getArticle(id).body) });
    expect(settled.version).toBeGreaterThan(v.version);
    expect(workflow.transition(id, store.getArticle(id).version, 'approve', '', editor).status).toBe('approved');
  });
});
