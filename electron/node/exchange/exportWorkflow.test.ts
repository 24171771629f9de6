/**
 * What exporting means for the article itself: the AI-use disclosure rule
 * refuses publication formats, and exporting an approved article moves it to
 * Exported with its library blocks frozen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/model/review';
import { DatabaseSession } from '../session';
import { exportArticleFormats } from './exportService';

let dir: string;
let session: DatabaseSession;
let seedId: string;
const writer: Profile = { name: 'Mara Lindqvist', role: 'writer' };
const editor: Profile = { name: 'Tomas Okafor', role: 'editor' };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-export-wf-'));
  session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
  seedId = session.store().listArticles({ view: 'active' }).items[0]!.id;
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const out = () => path.join(dir, 'out');

function approve(): void {
  const { workflow } = session.review();
  let a = session.store().getArticle(seedId);
  a = workflow.transition(seedId, a.version, 'submit', '', writer);
  a = workflow.transition(seedId, a.version, 'start-edit', '', editor);
  workflow.transition(seedId, a.version, 'approve', '', editor);
}

describe('export and the workflow', () => {
  it('refuses publication formats while the AI-use disclosure does not fit, but still writes a bundle', async () => {
    const a = session.store().getArticle(seedId);
    // Declares AI-generated images; the seed's disclosure does not cover images.
    session.store().saveArticle(seedId, a.version, { aiDeclaration: { uses: ['images'], tools: 'An image model', note: '' } });
    const result = await exportArticleFormats(session, seedId, ['html', 'md', 'bundle'], out());
    expect(result.failures.map((f) => f.format).sort()).toEqual(['html', 'md']);
    expect(result.failures[0]!.message).toMatch(/^Export refused: .*disclosure/i);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatch(/\.newsroom$/);
    expect(fs.readdirSync(out())).toHaveLength(1);
  });

  it('moves an approved article to Exported when an editor exports it, with its library blocks frozen', async () => {
    session.review().settings.setProfile(editor);
    approve();
    const result = await exportArticleFormats(session, seedId, ['html'], out());
    expect(result.failures).toEqual([]);
    expect(result.statusNote).toBeUndefined();
    const after = session.store().getArticle(seedId);
    expect(after.status).toBe('exported');
    const blocks = after.body.filter((b) => b.type === 'author-bio' || b.type === 'ai-disclosure');
    expect(blocks.length).toBe(2);
    for (const b of blocks) expect(b).toMatchObject({ mode: 'frozen' });
  });

  it('leaves an approved article Approved when a writer exports it, and says so', async () => {
    session.review().settings.setProfile(editor);
    approve();
    session.review().settings.setProfile(writer);
    const result = await exportArticleFormats(session, seedId, ['txt'], out());
    expect(result.failures).toEqual([]);
    expect(result.statusNote).toMatch(/stays Approved until an editor exports it/);
    expect(session.store().getArticle(seedId).status).toBe('approved');
  });

  it('does not move a draft, and a bundle alone never changes the status', async () => {
    session.review().settings.setProfile(editor);
    await exportArticleFormats(session, seedId, ['html'], out());
    expect(session.store().getArticle(seedId).status).toBe('draft');
    approve();
    await exportArticleFormats(session, seedId, ['bundle'], out());
    expect(session.store().getArticle(seedId).status).toBe('approved');
  });
  it('does not mark Exported an article approved while its files were being written from the draft', async () => {
    session.review().settings.setProfile(editor);
    // The draft is read, then approved in another window while the PDF prints.
    const printPdf = async (_html: string, pdf: string) => {
      approve();
      fs.writeFileSync(pdf, '%PDF-1.4');
    };
    const result = await exportArticleFormats(session, seedId, ['pdf'], out(), { printPdf });
    expect(result.failures).toEqual([]);
    expect(session.store().getArticle(seedId).status).toBe('approved');
  });

  it('does not mark Exported an approved article that was reopened and changed while it was exported', async () => {
    session.review().settings.setProfile(editor);
    approve();
    const printPdf = async (_html: string, pdf: string) => {
      const { workflow } = session.review();
      let a = workflow.transition(seedId, session.store().getArticle(seedId).version, 'reopen', '', editor);
      session.store().saveArticle(seedId, a.version, { headline: 'A corrected headline' });
      a = session.store().getArticle(seedId);
      workflow.transition(seedId, a.version, 'approve', '', editor);
      fs.writeFileSync(pdf, '%PDF-1.4');
    };
    const result = await exportArticleFormats(session, seedId, ['pdf'], out(), { printPdf });
    expect(result.failures).toEqual([]);
    expect(session.store().getArticle(seedId).status).toBe('approved');
    expect(result.statusNote).toMatch(/could not be moved to Exported/);
  });
});
