import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleBody } from '../../../shared/model/document';
import type { SuggestionMeta } from '../../../shared/model/suggestions';
import { medianCpuMs } from '../../../shared/security/__fixtures__/hostileArbitraries';
import { applyWordReview, MARKER_END, MARKER_START, type WordRevision } from '../../../shared/exchange/wordChanges';
import { DatabaseSession } from '../session';
import { convertImport } from './convertImport';
import { markDocumentXml, readComments } from './docxTracked';
import { importFile } from './importService';
import { DOCUMENT_END, DOCUMENT_START, wordFile } from './__fixtures__/zipBombs';

/** Written by LibreOffice Writer from tracked-review.fodt (make.sh beside it). */
const LIBREOFFICE_FIXTURE = fs.readFileSync(path.join(__dirname, '__fixtures__/word/tracked-review.docx'));

const word = (id: string, name: string, at: string): SuggestionMeta => ({ id, authorId: `word:${name}`, authorName: name, at });
const ines = (id: string, at: string) => word(id, 'Ines Halvorsen', at);
const tomas = (id: string, at: string) => word(id, 'Tomas Reyes', at);

const FIXTURE_BODY: ArticleBody = [
  {
    type: 'paragraph',
    children: [
      { text: 'The council voted ' },
      { text: 'on Tuesday ', ins: ines('word-ins-0', '2026-11-30T09:15:00.000Z') },
      { text: 'to build a barrier costing ' },
      { text: 'roughly ', del: ines('word-del-1', '2026-11-30T09:16:00.000Z') },
      { text: '412 million euros.' },
    ],
  },
  {
    type: 'paragraph',
    children: [{ text: 'Work starts in spring. ' }, { text: 'The mayor did not comment.', del: tomas('word-del-2', '2026-12-01T14:02:00.000Z') }],
  },
  {
    type: 'paragraph',
    children: [
      { text: 'Residents welcomed the decision, and the harbour ' },
      { text: 'master', bold: true, fmt: { ...tomas('word-fmt-4', '2026-12-01T14:10:00.000Z'), before: [] } },
      { text: ' agreed.' },
    ],
  },
  {
    type: 'paragraph',
    insBreak: tomas('word-break-3', '2026-12-01T14:05:00.000Z'),
    children: [{ text: 'Critics called it too late.' }, { text: ' Others disagreed.', ins: ines('word-ins-5', '2026-11-30T09:20:00.000Z') }],
  },
  { type: 'paragraph', children: [{ text: 'The vote was 31 to 12.' }] },
];

describe('Word import of tracked changes and comments', () => {
  it('reads a file LibreOffice wrote: every change a suggestion of its author at its date, every comment a thread on its text', async () => {
    const result = await convertImport({ fileName: 'tracked-review.docx', bytes: LIBREOFFICE_FIXTURE });
    if (result.kind !== 'article') throw new Error(JSON.stringify(result));
    const { article } = result;
    expect(article.fields.headline).toBe('Harbour City votes for the barrier');
    expect(article.warnings).toEqual([]);
    expect(article.body).toEqual(FIXTURE_BODY);
    expect(article.comments).toEqual([
      {
        id: 'word-comment-0',
        anchor: { anchor: { path: [2, 0], offset: 10 }, focus: { path: [2, 0], offset: 31 }, quote: 'welcomed the decision' },
        quote: 'welcomed the decision',
        resolvedAt: '',
        resolvedBy: '',
        createdAt: '2026-11-30T10:00:00.000Z',
        messages: [{ id: 'word-comment-0', by: 'Ines Halvorsen', role: 'writer', text: 'Which residents? Name one.', at: '2026-11-30T10:00:00.000Z' }],
      },
      {
        id: 'word-comment-1',
        anchor: { anchor: { path: [3, 0], offset: 18 }, focus: { path: [3, 0], offset: 26 }, quote: 'too late' },
        quote: 'too late',
        resolvedAt: '2026-12-01T15:00:00.000Z',
        resolvedBy: 'Tomas Reyes',
        createdAt: '2026-12-01T15:00:00.000Z',
        messages: [{ id: 'word-comment-1', by: 'Tomas Reyes', role: 'writer', text: 'Quote checked against the recording.', at: '2026-12-01T15:00:00.000Z' }],
      },
      {
        id: 'word-comment-2',
        anchor: { anchor: { path: [4, 0], offset: 0 }, focus: { path: [4, 0], offset: 22 }, quote: 'The vote was 31 to 12.' },
        quote: 'The vote was 31 to 12.',
        resolvedAt: '',
        resolvedBy: '',
        createdAt: '2026-12-01T16:30:00.000Z',
        messages: [{ id: 'word-comment-2', by: 'Mara Lindqvist', role: 'writer', text: 'Added Ruth Olsen, a shop owner.', at: '2026-12-01T16:30:00.000Z' }],
      },
    ]);
  });

  it('takes text that looks like its markers as text, and a deleted paragraph mark as a suggested join of the next paragraph', async () => {
    const xml =
      DOCUMENT_START +
      // Private-use characters in the text itself are not markers.
      '<w:p><w:r><w:t>Odd \uE000d0\uE001 text</w:t></w:r><w:ins w:id="1" w:author="A. Writer" w:date="2026-01-02T03:04:05Z"><w:r><w:t> added</w:t></w:r></w:ins></w:p>' +
      // A deleted paragraph mark joins the next paragraph to this one: the next one carries the suggested join.
      '<w:p><w:pPr><w:rPr><w:del w:id="2" w:author="A. Writer" w:date="2026-01-02T03:04:05Z"/></w:rPr></w:pPr><w:r><w:t>First half</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>second half</w:t></w:r></w:p>' +
      DOCUMENT_END;
    const result = await convertImport({ fileName: 'odd.docx', bytes: wordFile({ data: xml }) });
    if (result.kind !== 'article') throw new Error(JSON.stringify(result));
    expect(result.article.body).toEqual([
      { type: 'paragraph', children: [{ text: 'Odd d0 text' }, { text: ' added', ins: word('word-ins-0', 'A. Writer', '2026-01-02T03:04:05.000Z') }] },
      { type: 'paragraph', children: [{ text: 'First half' }] },
      { type: 'paragraph', delBreak: word('word-join-1', 'A. Writer', '2026-01-02T03:04:05.000Z'), children: [{ text: 'second half' }] },
    ]);
    expect(result.article.warnings).toEqual([]);
  });

  it('keeps an author whose name is longer than the desk keeps, shortened, instead of refusing the file', async () => {
    const long = `Dr. ${'Very '.repeat(60)}Long`;
    const xml = `${DOCUMENT_START}<w:p><w:ins w:id="1" w:author="${long}" w:date="2026-01-02T03:04:05Z"><w:r><w:t>added</w:t></w:r></w:ins></w:p>${DOCUMENT_END}`;
    const result = await convertImport({ fileName: 'long.docx', bytes: wordFile({ data: xml }) });
    if (result.kind !== 'article') throw new Error(JSON.stringify(result));
    const leaf = (result.article.body[0] as { children: Array<{ ins?: SuggestionMeta }> }).children[0]!;
    expect(leaf.ins!.authorName).toBe(long.slice(0, 200));
    expect(leaf.ins!.authorId).toBe(`word:${long}`.slice(0, 100));
  });

  it('marks moved text as deleted where it was and inserted where it went, inside links too', () => {
    const { xml, revisions } = markDocumentXml(
      '<w:document><w:body><w:p>' +
        '<w:moveFrom w:id="1" w:author="M" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>old</w:delText></w:r></w:moveFrom>' +
        '<w:hyperlink r:id="x"><w:ins w:id="2" w:author="N" w:date="2026-01-01T00:00:00Z"><w:r><w:t>new &amp; linked</w:t></w:r></w:ins></w:hyperlink>' +
        '<w:moveTo w:id="3" w:author="M" w:date="2026-01-01T00:00:00Z"><w:r><w:t>old</w:t></w:r></w:moveTo>' +
        '</w:p></w:body></w:document>',
    );
    expect(revisions.map((r) => `${r.kind} ${r.author}`)).toEqual(['del M', 'ins N', 'ins M']);
    const m = (kind: string, n: number) => `<w:r><w:t>\uE000${kind}${n}\uE001</w:t></w:r>`;
    expect(xml).toBe(
      '<w:document><w:body><w:p>' +
        `${m('d', 0)}<w:r><w:t>old</w:t></w:r>${m('D', 0)}` +
        `<w:hyperlink r:id="x">${m('i', 1)}<w:r><w:t>new &amp; linked</w:t></w:r>${m('I', 1)}</w:hyperlink>` +
        `${m('i', 2)}<w:r><w:t>old</w:t></w:r>${m('I', 2)}` +
        '</w:p></w:body></w:document>',
    );
  });

  it('threads replies under their first comment and keeps a thread resolved in Word resolved', () => {
    const comments =
      '<w:comments>' +
      '<w:comment w:id="4" w:author="A" w:date="2026-01-01T00:00:00Z"><w:p w14:paraId="0A"><w:r><w:t>Why?</w:t></w:r></w:p></w:comment>' +
      '<w:comment w:id="5" w:author="B" w:date="2026-01-01T01:00:00Z"><w:p><w:r><w:t>Because</w:t></w:r></w:p><w:p w14:paraId="0B"><w:r><w:t>of this.</w:t></w:r></w:p></w:comment>' +
      '<w:comment w:id="6" w:author="A" w:date="2026-01-01T02:00:00Z"><w:p w14:paraId="0C"><w:r><w:t>Fine.</w:t></w:r></w:p></w:comment>' +
      '</w:comments>';
    const extended =
      '<w15:commentsEx><w15:commentEx w15:paraId="0A" w15:done="1"/><w15:commentEx w15:paraId="0B" w15:paraIdParent="0A"/><w15:commentEx w15:paraId="0C" w15:paraIdParent="0B"/></w15:commentsEx>';
    expect(readComments(comments, extended)).toEqual([
      { id: '4', author: 'A', date: '2026-01-01T00:00:00Z', text: 'Why?', done: true },
      { id: '5', author: 'B', date: '2026-01-01T01:00:00Z', text: 'Because\nof this.', parentId: '4' },
      { id: '6', author: 'A', date: '2026-01-01T02:00:00Z', text: 'Fine.', parentId: '5' },
    ]);
  });
});

describe('reading tracked changes and comments is linear', () => {
  const marker = (kind: string, n: number) => `${MARKER_START}${kind}${n}${MARKER_END}`;
  /** `n` paragraphs, each with an insertion, a deletion, a format change and a comment; the comments a chain of replies. */
  function review(n: number) {
    let xml = '<w:document><w:body>';
    let comments = '<w:comments>';
    let extended = '<w15:commentsEx>';
    const body: ArticleBody = [];
    const revisions: WordRevision[] = [];
    for (let i = 0; i < n; i++) {
      const change = `w:author="Writer ${i % 7}" w:date="2026-01-01T00:00:00Z"`;
      xml +=
        `<w:p><w:r><w:t>Kept </w:t></w:r><w:ins w:id="${3 * i}" ${change}><w:r><w:t>added</w:t></w:r></w:ins>` +
        `<w:del w:id="${3 * i + 1}" ${change}><w:r><w:delText>gone</w:delText></w:r></w:del><w:commentRangeStart w:id="${i}"/>` +
        `<w:r><w:rPr><w:b/><w:rPrChange w:id="${3 * i + 2}" ${change}><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>noted</w:t></w:r><w:commentRangeEnd w:id="${i}"/></w:p>`;
      comments += `<w:comment w:id="${i}" w:author="Editor" w:date="2026-01-02T00:00:00Z"><w:p w14:paraId="${i.toString(16)}"><w:r><w:t>Note ${i}</w:t></w:r></w:p></w:comment>`;
      extended += `<w15:commentEx w15:paraId="${i.toString(16)}"${i > 0 ? ` w15:paraIdParent="${(i - 1).toString(16)}"` : ''}/>`;
      revisions.push(
        { kind: 'ins', author: 'A', date: '2026-01-01T00:00:00Z' },
        { kind: 'del', author: 'A', date: '2026-01-01T00:00:00Z' },
        { kind: 'fmt', author: 'A', date: '2026-01-01T00:00:00Z', before: ['italic'] },
      );
      body.push({
        type: 'paragraph',
        children: [
          { text: `Kept ${marker('i', 3 * i)}added${marker('I', 3 * i)}${marker('d', 3 * i + 1)}gone${marker('D', 3 * i + 1)}${marker('c', i)}` },
          { text: `${marker('f', 3 * i + 2)}noted${marker('F', 3 * i + 2)}`, bold: true },
          { text: marker('C', i) },
        ],
      });
    }
    return { xml: `${xml}</w:body></w:document>`, comments: `${comments}</w:comments>`, extended: `${extended}</w15:commentsEx>`, body, revisions };
  }
  const run = (input: ReturnType<typeof review>) => {
    markDocumentXml(input.xml);
    const comments = readComments(input.comments, input.extended);
    const article = { fields: {}, byline: [], body: structuredClone(input.body), images: [], warnings: [] };
    return applyWordReview(article, { revisions: input.revisions, comments }, '2026-01-03T00:00:00.000Z');
  };

  it('four times the changes and comments take well under eight times the time', () => {
    const small = review(500);
    const large = review(2_000);
    const result = run(large);
    // One thread: every comment is a reply in one chain under the first.
    expect(result.comments).toHaveLength(1);
    expect(result.comments![0]!.messages).toHaveLength(2_000);
    run(small); // warm up
    const smallMs = Math.max(
      medianCpuMs(() => run(small), 3),
      1,
    );
    const largeMs = medianCpuMs(() => run(large), 3);
    expect(largeMs / smallMs, `${smallMs} ms, then ${largeMs} ms`).toBeLessThan(8);
  });
});

describe('importing a Word file with tracked changes into the desk', () => {
  let dir: string;
  let session: DatabaseSession;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-word-import-'));
    session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
  });
  afterEach(() => {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the suggestions in the article and the comments as its threads, in the contained worker', async () => {
    const outcome = await importFile(session, 'tracked-review.docx', LIBREOFFICE_FIXTURE);
    if (outcome.kind !== 'imported') throw new Error(JSON.stringify(outcome));
    const article = session.store().getArticle(outcome.articleId);
    expect(article.body).toEqual(FIXTURE_BODY);
    const threads = session.review().comments.listThreads(outcome.articleId);
    expect(threads.map((t) => [t.quote, t.resolved, t.messages.map((m) => `${m.by}: ${m.text}`)])).toEqual([
      ['welcomed the decision', false, ['Ines Halvorsen: Which residents? Name one.']],
      ['too late', true, ['Tomas Reyes: Quote checked against the recording.']],
      ['The vote was 31 to 12.', false, ['Mara Lindqvist: Added Ruth Olsen, a shop owner.']],
    ]);
    expect(threads.map((t) => t.anchor)).toEqual([
      { anchor: { path: [2, 0], offset: 10 }, focus: { path: [2, 0], offset: 31 }, quote: 'welcomed the decision' },
      { anchor: { path: [3, 0], offset: 18 }, focus: { path: [3, 0], offset: 26 }, quote: 'too late' },
      { anchor: { path: [4, 0], offset: 0 }, focus: { path: [4, 0], offset: 22 }, quote: 'The vote was 31 to 12.' },
    ]);
  });
});
