import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSession } from '../node/session';
import { docxPart, reviewComments, reviewedBody } from '../node/export/wordReview.fixtures';
import { runCli } from './cli';

let dir: string;
let db: string;
let seedId: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-exchange-'));
  db = path.join(dir, 'newsroom.db');
  const s = new DatabaseSession(db, { seedOnCreate: true });
  seedId = s.store().listArticles({ view: 'active' }).items[0]!.id;
  s.store().createArticle({ headline: 'Approved one' }, 'approved');
  s.store().createArticle({ headline: 'Approved two' }, 'approved');
  s.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('newsroom export', () => {
  it('exports by id in several formats, with --json', async () => {
    const r = await cli('export', seedId, '--format', 'md,txt,bundle', '--out', path.join(dir, 'out'), '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out[0]!);
    expect(result.failures).toEqual([]);
    expect(result.files.map((f: string) => path.basename(f)).sort()).toEqual([
      'harbour-city-votes-to-build-flood-barrier-after-decade-of-debate.md',
      'harbour-city-votes-to-build-flood-barrier-after-decade-of-debate.newsroom',
      'harbour-city-votes-to-build-flood-barrier-after-decade-of-debate.txt',
    ]);
  });

  it('writes Word files for review with --with-changes: suggestions as tracked changes, comments as Word comments', async () => {
    const s = new DatabaseSession(db);
    const { id, version } = s.store().createArticle({ headline: 'Under review' }, 'draft');
    s.store().saveArticle(id, version, { body: reviewedBody() });
    s.review().comments.createThread(id, reviewComments()[0]!.anchor!, 'Which day exactly?', { name: 'Edda Editor', role: 'editor' });
    s.close();
    const out = path.join(dir, 'out');
    expect((await cli('export', id, '--format', 'docx', '--out', out, '--with-changes')).code).toBe(0);
    expect((await cli('export', id, '--format', 'docx', '--out', path.join(dir, 'published'))).code).toBe(0);
    const review = fs.readFileSync(path.join(out, 'under-review.docx'));
    expect(docxPart(review, 'word/document.xml')).toMatch(/<w:ins w:id="\d+" w:author="Edda Editor"/);
    expect(docxPart(review, 'word/comments.xml')).toContain('Which day exactly?');
    const published = fs.readFileSync(path.join(dir, 'published', 'under-review.docx'));
    expect(docxPart(published, 'word/document.xml')).not.toMatch(/<w:(ins|del)\b/);
    expect(docxPart(published, 'word/comments.xml')).toBeUndefined();
  });

  it('exports every article with a status', async () => {
    const r = await cli('export', '--status', 'approved', '--format', 'ninjs', '--out', path.join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['approved-one.ninjs.json', 'approved-two.ninjs.json']);
    expect(r.out.at(-1)).toMatch(/Exported 2 of 2/);
  });

  it('fails with one line per failure and exit 1 when any article fails', async () => {
    const r = await cli('export', seedId, 'missing-id', '--format', 'txt', '--out', path.join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['newsroom: missing-id: That article no longer exists.']);
  });

  it('refuses wrong usage with exit 2', async () => {
    expect((await cli('export', seedId, '--format', 'rtf', '--out', dir)).code).toBe(2);
    expect((await cli('export', seedId, '--format', 'md')).code).toBe(2);
    expect((await cli('export', '--format', 'md', '--out', dir)).code).toBe(2);
    expect((await cli('import')).code).toBe(2);
  });
});

describe('newsroom import', () => {
  it('imports files and reports each failure on its own line', async () => {
    const md = path.join(dir, 'story.md');
    fs.writeFileSync(md, '---\nheadline: "From the CLI"\n---\n\nHello.');
    const fake = path.join(dir, 'fake.docx');
    fs.writeFileSync(fake, 'not a zip');
    const r = await cli('import', md, fake, path.join(dir, 'missing.md'), '--json');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out[0]!);
    expect(result.imported).toHaveLength(1);
    expect(result.imported[0].headline).toBe('From the CLI');
    expect(r.err).toHaveLength(2);
    expect(r.err[0]).toMatch(/fake\.docx: "fake\.docx" is not a Word document/);
    expect(r.err[1]).toMatch(/missing\.md: no such file/);
  });

  it('reports a bundle conflict until --on-conflict says what to keep', async () => {
    await cli('export', seedId, '--format', 'bundle', '--out', path.join(dir, 'out'));
    const bundle = path.join(dir, 'out', fs.readdirSync(path.join(dir, 'out'))[0]!);
    const conflict = await cli('import', bundle);
    expect(conflict.code).toBe(1);
    expect(conflict.err[0]).toMatch(/already exists and differs; rerun with --on-conflict/);
    const both = await cli('import', bundle, '--on-conflict', 'keep-both');
    expect(both.code).toBe(0);
    expect(both.out[0]).toMatch(/imported .*\(imported copy\)/);
  });
});
