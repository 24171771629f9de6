import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../shared/export/__fixtures__/sampleArticle';
import { bodyPlainText } from '../../../shared/model/document';
import { convertImport } from '../exchange/convertImport';
import { exportDocxWithWarnings, type DocxExportInput } from './docx';
import { withoutSuggestions } from '../../../shared/suggestions/list';
import { asFromWord, docxPart, reviewComments, reviewedBody, suggestionsOf } from './wordReview.fixtures';

const input = (withChanges: boolean): DocxExportInput => ({
  // No dek, dateline or byline: the body is all the file has after its headline.
  article: makeArticle(reviewedBody(), { dek: '', dateline: '' }),
  authors: [],
  assetUrl: () => undefined,
  assetBytes: () => undefined,
  withChanges,
  comments: reviewComments(),
});

const attr = (xml: string, name: string) => [...xml.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('Word export with changes', () => {
  it('writes each suggestion as a tracked change with its author and date, and each comment over its text with its replies', async () => {
    const { bytes, warnings } = await exportDocxWithWarnings(input(true));
    expect(warnings).toEqual([]);
    const document = docxPart(bytes, 'word/document.xml')!;
    const tags = [...document.matchAll(/<w:(ins|del|rPrChange|pPrChange) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)"/g)].map((m) => m.slice(1));
    expect(tags).toEqual([
      ['pPrChange', 'Edda Editor', '2026-12-01T09:30:00Z'],
      // The mark of the paragraph before the block a suggested break split off.
      ['ins', 'Wren Writer', '2026-12-01T11:45:00Z'],
      ['ins', 'Edda Editor', '2026-12-01T09:30:00Z'],
      ['del', 'Wren Writer', '2026-12-01T11:45:00Z'],
      ['rPrChange', 'Edda Editor', '2026-12-01T09:30:00Z'],
      ['del', 'Edda Editor', '2026-12-01T09:30:00Z'],
      ['pPrChange', 'Wren Writer', '2026-12-01T11:45:00Z'],
      ['ins', 'Wren Writer', '2026-12-01T11:45:00Z'],
      // The mark of the paragraph a suggested join takes the next one into.
      ['del', 'Edda Editor', '2026-12-01T09:30:00Z'],
    ]);
    expect(document).toMatch(/<w:p><w:pPr><w:rPr><w:del w:id="\d+" w:author="Edda Editor"[^>]*\/><\/w:rPr><\/w:pPr>(?:(?!<\/w:p>).)*A short paragraph/);
    // The inserted paragraph mark is the one of the paragraph before the split-off block.
    expect(document).toMatch(/<w:p><w:pPr><w:rPr><w:ins w:id="\d+" w:author="Wren Writer"[^>]*\/><\/w:rPr><\/w:pPr>(?:(?!<\/w:p>).)*council voted/);
    expect(document).toContain('<w:delText xml:space="preserve">roughly </w:delText>');
    expect(document).toMatch(/<w:rPrChange [^>]*><w:rPr><w:i\/><w:iCs\/><\/w:rPr><\/w:rPrChange>/);
    // Every message is a comment over the thread's text, as Word writes replies.
    expect(attr(document, '<w:commentRangeStart w:id')).toEqual(['0', '1', '2', '3']);
    expect(attr(document, '<w:commentRangeEnd w:id')).toEqual(['0', '1', '2', '3']);
    expect(attr(document, '<w:commentReference w:id')).toEqual(['0', '1', '2', '3']);
    const comments = docxPart(bytes, 'word/comments.xml')!;
    expect(attr(comments, 'w:author')).toEqual(['Edda Editor', 'Wren Writer', 'Edda Editor', 'Wren Writer']);
    expect(attr(comments, 'w:date')).toEqual(['2026-12-01T09:31:00.000Z', '2026-12-01T11:50:00.000Z', '2026-12-01T12:05:00.000Z', '2026-12-01T11:55:00.000Z']);
    const extended = docxPart(bytes, 'word/commentsExtended.xml')!;
    const threads = [...extended.matchAll(/<w15:commentEx ([^>]*)\/>/g)].map((m) => m[1]!);
    const paraIds = threads.map((t) => attr(t, 'w15:paraId')[0]);
    expect(threads.map((t) => attr(t, 'w15:paraIdParent')[0])).toEqual([undefined, paraIds[0], paraIds[0], undefined]);
    expect(threads.map((t) => attr(t, 'w15:done')[0])).toEqual([undefined, undefined, undefined, '1']);
    // Whoever opens it keeps tracking changes.
    expect(docxPart(bytes, 'word/settings.xml')).toContain('<w:trackRevisions/>');
  });

  it('for publication writes the text as if every suggestion were rejected, with no marks and no comments', async () => {
    const { bytes } = await exportDocxWithWarnings(input(false));
    const document = docxPart(bytes, 'word/document.xml')!;
    expect(document).not.toMatch(/<w:(ins|del|rPrChange|pPrChange|commentRangeStart|commentReference)\b/);
    expect(docxPart(bytes, 'word/comments.xml')).toBeUndefined();
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const rejected = withoutSuggestions(reviewedBody());
    expect(text.split('\n').filter(Boolean).slice(1)).toEqual(bodyPlainText(rejected).split('\n'));
    expect(bodyPlainText(rejected)).toContain(
      'costing roughly 412 million euros, its largest project. Read the minutes.Work starts in spring. The mayor did not comment.',
    );
  });

  it('is read by mammoth, the reader the desk uses: inserted text in, deleted text out', async () => {
    const { bytes } = await exportDocxWithWarnings(input(true));
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(html).toContain('<h3>What the council decided</h3>');
    expect(html).toContain('The council voted on Tuesday to build a barrier costing 412 million euros, <strong>its largest project</strong>');
    expect(html).not.toContain('roughly');
    expect(html).toContain('<ol><li>Residents welcomed it.</li></ol>');
  });

  it('comes back through the desk’s Word import with the same suggestions and comments', async () => {
    const { bytes } = await exportDocxWithWarnings(input(true));
    const result = await convertImport({ fileName: 'reviewed.docx', bytes });
    if (result.kind !== 'article') throw new Error(JSON.stringify(result));
    const { article } = result;
    expect(article.fields.headline).toBe(input(true).article.headline);
    expect(article.warnings).toEqual([]);
    // The whole body: text, marks, blocks, and every suggestion's kind, author, date and before.
    expect(asFromWord(article.body)).toEqual(asFromWord(reviewedBody()));
    expect(suggestionsOf(article.body)).toEqual(suggestionsOf(reviewedBody()));
    expect(
      article.comments!.map((c) => ({
        anchor: c.anchor,
        resolved: c.resolvedAt !== '',
        messages: c.messages.map(({ by, text, at }) => ({ by, text, at })),
      })),
    ).toEqual(reviewComments());
  });
});

describe('Word export of comments without replies', () => {
  it('keeps a thread resolved without any reply resolved (the docx library wrote the flag only beside replies)', async () => {
    const single = reviewComments().map((t) => ({ ...t, messages: t.messages.slice(0, 1) }));
    const { bytes } = await exportDocxWithWarnings({ ...input(true), comments: single });
    const extended = docxPart(bytes, 'word/commentsExtended.xml');
    expect(extended).toBeDefined();
    expect([...extended!.matchAll(/<w15:commentEx ([^>]*)\/>/g)].map((m) => attr(m[1]!, 'w15:done')[0])).toEqual([undefined, '1']);
    const result = await convertImport({ fileName: 'resolved.docx', bytes });
    if (result.kind !== 'article') throw new Error(JSON.stringify(result));
    expect(result.article.comments!.map((c) => [c.messages[0]!.text, c.resolvedAt !== ''])).toEqual([
      ['Which day exactly?', false],
      ['Source: the residents’ association.', true],
    ]);
  });
});

// LibreOffice, a word processor other than ours, reads the file: every change with its author and
// every comment. CI installs it (.ci/run); elsewhere the test is skipped, and says so.
const soffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
if (!soffice) console.warn('\n*** SKIPPED: LibreOffice (soffice) is not installed; the Word export is not checked against another word processor. ***\n');

describe.skipIf(!soffice)('Word export with changes, read by LibreOffice', () => {
  it('shows every tracked change with its author and date and every comment with its author, date and text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-lo-'));
    try {
      const file = path.join(dir, 'reviewed.docx');
      fs.writeFileSync(file, (await exportDocxWithWarnings(input(true))).bytes);
      // A profile of its own, so runs in parallel do not share (and lock) one.
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', dir, file], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      const fodt = fs.readFileSync(path.join(dir, 'reviewed.fodt'), 'utf8');
      const changes = [
        ...fodt.matchAll(
          /<text:changed-region[^>]*>\s*<text:([\w-]+)>\s*<office:change-info>\s*<dc:creator>([^<]*)<\/dc:creator>\s*<dc:date>([^<]*)<\/dc:date>/g,
        ),
      ].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
      // LibreOffice calls a paragraph's changed style an "UnknownChange" (its ParagraphFormat).
      const kind = {
        insert: 'insertion',
        break: 'insertion',
        delete: 'deletion',
        join: 'deletion',
        format: 'format-change',
        restyle: 'UnknownChange',
      } as Record<string, string>;
      const expected = suggestionsOf(reviewedBody()).map((s) => `${kind[s.kind]} ${s.authorName} ${s.at.replace(/\.000Z$/, '')}`);
      // Every change, and no other; LibreOffice records a list paragraph's changed style twice (style and numbering).
      expect([...new Set(changes)].sort()).toEqual([...new Set(expected)].sort());
      const count = (list: string[], kind: string) => list.filter((c) => c.startsWith(`${kind} `)).length;
      for (const kind of ['insertion', 'deletion', 'format-change']) expect(count(changes, kind)).toBe(count(expected, kind));
      const notes = [
        ...fodt.matchAll(/<office:annotation [^>]*>\s*<dc:creator>([^<]*)<\/dc:creator>\s*<dc:date>([^<]*)<\/dc:date>([\s\S]*?)<\/office:annotation>/g),
      ].map((m) => `${m[1]} ${m[2]} ${[...m[3]!.matchAll(/<text:p[^>]*>([^<]*)<\/text:p>/g)].map((p) => p[1]).join('\n')}`);
      const messages = reviewComments().flatMap((t) => t.messages.map((m) => `${m.by} ${m.at.replace(/\.000Z$/, '')} ${m.text.replace('’', '’')}`));
      expect(notes.sort()).toEqual(messages.sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
