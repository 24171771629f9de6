import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { anchoredText } from '../comments/anchors';
import type { BundleComment } from '../exchange/bundle';
import type { ArticleBody } from '../model/document';
import { emptyArticleFields } from '../model/article';
import { articleToDoc, bodyType, docToArticleFields } from './articleDoc';
import { addReply, addThread, COMMENT_TEXT_MAX, commentsMap, readThreads, setThreadResolved, type CommentAuthor } from './articleComments';
import { addImportedComments, bodyRootOf, commentPosition, commentThreadsOf } from './commentAnchors';
import { updateProblem } from './updatePolicy';

const mara: CommentAuthor = { id: 'acc-mara', name: 'Mara Lindqvist', role: 'writer' };
const tomas: CommentAuthor = { id: 'acc-tomas', name: 'Tomas Okafor', role: 'editor' };

/**
 * A body whose plain JSON has more nodes than its Yjs document: the empty text before a link at the
 * start of a block is Slate's, not Yjs's, so paths in the JSON and offsets in Yjs do not line up one to one.
 */
const body = (): ArticleBody => [
  { type: 'heading', level: 2, children: [{ text: 'What the council decided' }] },
  {
    type: 'paragraph',
    children: [
      { text: '' },
      { type: 'link', url: 'https://example.org/minutes', children: [{ text: 'The minutes' }] },
      { text: ' say the council voted ' },
      { text: 'on Tuesday ', ins: { id: 'ins-1', authorId: 'acc-tomas', authorName: 'Tomas Okafor', at: '2026-12-01T09:30:00.000Z' } },
      { text: 'to build a barrier.' },
    ],
  },
  { type: 'paragraph', children: [{ text: 'Residents welcomed it.' }] },
];

const articleDoc = (b: ArticleBody = body()): Y.Doc => articleToDoc({ ...emptyArticleFields(), headline: 'Barrier vote', body: b });

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

function change(doc: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => edit(doc));
  return Y.encodeStateAsUpdate(doc, before);
}

/** A thread on the text between two points of the document's plain body, as the margin starts one. */
function comment(doc: Y.Doc, from: { path: number[]; offset: number }, to: { path: number[]; offset: number }, text: string, who: CommentAuthor, at: string) {
  const root = bodyRootOf(doc);
  const quote = anchoredText(docToArticleFields(doc).body, { anchor: from, focus: to, quote: '' })!;
  return addThread(
    doc,
    { start: commentPosition(bodyType(doc), root, from, 'start'), end: commentPosition(bodyType(doc), root, to, 'end'), quote, text },
    who,
    at,
  );
}

describe('a newsroom article’s threads in the desk’s shape', () => {
  it('anchors each thread to the same words of the plain body, after a colleague typed before and inside them', () => {
    const desk = articleDoc();
    expect(docToArticleFields(desk).body).toEqual(body());
    const first = comment(desk, { path: [1, 2], offset: 5 }, { path: [1, 4], offset: 8 }, 'Which day exactly?', tomas, '2026-12-01T10:00:00.000Z');
    addReply(desk, first, 'Tuesday, checked with the clerk.', mara, '2026-12-01T10:05:00.000Z');
    const second = comment(desk, { path: [1, 1, 0], offset: 0 }, { path: [1, 1, 0], offset: 11 }, 'Link the PDF.', mara, '2026-12-01T10:06:00.000Z');
    setThreadResolved(desk, second, true, tomas, '2026-12-01T10:07:00.000Z');
    comment(desk, { path: [2, 0], offset: 0 }, { path: [2, 0], offset: 9 }, 'Gone soon.', tomas, '2026-12-01T10:08:00.000Z');

    // A colleague types before the first thread, into the second, and deletes the third's words.
    const other = copyOf(desk);
    const block = (d: Y.Doc, i: number) => bodyType(d).toDelta()[i].insert as Y.XmlText;
    block(other, 1).insert(0, 'Read: ');
    const link = block(other, 1).toDelta()[1].insert as Y.XmlText;
    link.insert(4, 'signed ');
    block(other, 2).delete(0, 'Residents '.length);
    Y.applyUpdate(desk, Y.encodeStateAsUpdate(other, Y.encodeStateVector(desk)));

    const threads = commentThreadsOf(desk, 'article-1');
    const now = docToArticleFields(desk).body;
    expect(threads.map((t) => ({ ...t, anchored: t.anchor && anchoredText(now, t.anchor) }))).toEqual([
      {
        id: first,
        articleId: 'article-1',
        anchor: { anchor: { path: [1, 2], offset: 5 }, focus: { path: [1, 4], offset: 8 }, quote: 'the council voted on Tuesday to build' },
        anchored: 'the council voted on Tuesday to build',
        quote: 'the council voted on Tuesday to build',
        createdAt: '2026-12-01T10:00:00.000Z',
        resolved: false,
        resolvedBy: '',
        resolvedAt: '',
        messages: [
          { id: first, by: 'Tomas Okafor', role: 'editor', text: 'Which day exactly?', at: '2026-12-01T10:00:00.000Z' },
          { id: expect.any(String), by: 'Mara Lindqvist', role: 'writer', text: 'Tuesday, checked with the clerk.', at: '2026-12-01T10:05:00.000Z' },
        ],
      },
      {
        id: second,
        articleId: 'article-1',
        anchor: { anchor: { path: [1, 1, 0], offset: 0 }, focus: { path: [1, 1, 0], offset: 18 }, quote: 'The minutes' },
        anchored: 'The signed minutes',
        quote: 'The minutes',
        createdAt: '2026-12-01T10:06:00.000Z',
        resolved: true,
        resolvedBy: 'Tomas Okafor',
        resolvedAt: '2026-12-01T10:07:00.000Z',
        messages: [{ id: second, by: 'Mara Lindqvist', role: 'writer', text: 'Link the PDF.', at: '2026-12-01T10:06:00.000Z' }],
      },
      // Its words were deleted: orphaned, kept, with no anchor.
      expect.objectContaining({ quote: 'Residents', anchor: undefined, anchored: undefined }),
    ]);
    expect(now[1]).toMatchObject({
      children: [{ text: 'Read: ' }, { type: 'link' }, { text: ' say the council voted ' }, { text: 'on Tuesday ' }, { text: 'to build a barrier.' }],
    });
  });
});

/** Threads as the Word importer makes them, on `body()`: anchors are paths of that plain body. */
const fromWord = (): BundleComment[] => [
  {
    id: 'word-comment-0',
    anchor: { anchor: { path: [1, 1, 0], offset: 4 }, focus: { path: [1, 2], offset: 4 }, quote: 'minutes say' },
    quote: 'minutes say',
    resolvedAt: '',
    resolvedBy: '',
    createdAt: '2026-11-30T10:00:00.000Z',
    messages: [
      { id: 'word-comment-0', by: 'Jane Lawyer', role: 'writer', text: 'Which minutes? Cite the date.', at: '2026-11-30T10:00:00.000Z' },
      { id: 'word-comment-3', by: 'Ines Halvorsen', role: 'writer', text: 'The 28 November session.', at: '2026-11-30T11:00:00.000Z' },
    ],
  },
  {
    id: 'word-comment-1',
    anchor: { anchor: { path: [2, 0], offset: 10 }, focus: { path: [2, 0], offset: 21 }, quote: 'welcomed it' },
    quote: 'welcomed it',
    resolvedAt: '2026-12-01T15:00:00.000Z',
    resolvedBy: 'Jane Lawyer',
    createdAt: '2026-12-01T15:00:00.000Z',
    messages: [{ id: 'word-comment-1', by: 'Jane Lawyer', role: 'writer', text: 'x'.repeat(COMMENT_TEXT_MAX + 10), at: '2026-12-01T15:00:00.000Z' }],
  },
  // The file's range was not found in the text: nothing to anchor it to.
  {
    id: 'word-comment-2',
    anchor: null,
    quote: '',
    resolvedAt: '',
    resolvedBy: '',
    createdAt: '2026-12-01T16:00:00.000Z',
    messages: [{ id: 'word-comment-2', by: 'Jane Lawyer', role: 'writer', text: 'Lost.', at: '2026-12-01T16:00:00.000Z' }],
  },
];

describe('comments imported from a file into a newsroom article', () => {
  it('are written under the importing account, name the file’s authors, and the server’s policy takes them', () => {
    const server = articleDoc();
    const desk = copyOf(server);
    let result = { added: 0, leftOut: 0 };
    const update = change(desk, (d) => (result = addImportedComments(d, fromWord(), mara, body())));
    expect(result).toEqual({ added: 2, leftOut: 1 });
    // As the server judges an update from Mara's desk: every entry is hers.
    expect(updateProblem(update, mara)).toBeUndefined();
    expect(updateProblem(update, tomas)).toMatch(/name of the account/);
    const entries = [...commentsMap(desk).values()] as Array<Record<string, unknown>>;
    expect(entries).toHaveLength(4);
    for (const e of entries) expect(e).toMatchObject({ authorId: mara.id, authorName: mara.name });
    expect(entries.map((e) => e.importedAuthor).sort()).toEqual(['Ines Halvorsen', 'Jane Lawyer', 'Jane Lawyer', 'Jane Lawyer']);

    // Readers anywhere see the file's authors, times and anchored words.
    Y.applyUpdate(server, update);
    const threads = commentThreadsOf(server, 'a');
    const plain = docToArticleFields(server).body;
    expect(
      threads.map((t) => ({
        anchored: t.anchor && anchoredText(plain, t.anchor),
        quote: t.quote,
        createdAt: t.createdAt,
        resolved: [t.resolved, t.resolvedBy, t.resolvedAt],
        messages: t.messages.map((m) => [m.by, m.role, m.text.length > 40 ? `${m.text.length} characters` : m.text, m.at]),
      })),
    ).toEqual([
      {
        anchored: 'minutes say',
        quote: 'minutes say',
        createdAt: '2026-11-30T10:00:00.000Z',
        resolved: [false, '', ''],
        messages: [
          ['Jane Lawyer', 'writer', 'Which minutes? Cite the date.', '2026-11-30T10:00:00.000Z'],
          ['Ines Halvorsen', 'writer', 'The 28 November session.', '2026-11-30T11:00:00.000Z'],
        ],
      },
      {
        anchored: 'welcomed it',
        quote: 'welcomed it',
        createdAt: '2026-12-01T15:00:00.000Z',
        resolved: [true, 'Jane Lawyer', '2026-12-01T15:00:00.000Z'],
        messages: [['Jane Lawyer', 'writer', `${COMMENT_TEXT_MAX} characters`, '2026-12-01T15:00:00.000Z']],
      },
    ]);
    expect(readThreads(server)).toEqual(readThreads(desk));
  });

  it('anchor by the body the file gave, which the document’s plain body may number differently', () => {
    // The importer's body has no empty text before the link; the document's plain body has one.
    const given: ArticleBody = body().map((b, i) => (i === 1 && 'children' in b ? { ...b, children: b.children.slice(1) } : b)) as ArticleBody;
    const doc = articleDoc(given);
    const comments: BundleComment[] = [
      { ...fromWord()[0]!, anchor: { anchor: { path: [1, 0, 0], offset: 4 }, focus: { path: [1, 1], offset: 4 }, quote: 'minutes say' } },
    ];
    expect(addImportedComments(doc, comments, mara, given)).toEqual({ added: 1, leftOut: 0 });
    const [thread] = commentThreadsOf(doc, 'a');
    expect(thread!.anchor).toEqual({ anchor: { path: [1, 1, 0], offset: 4 }, focus: { path: [1, 2], offset: 4 }, quote: 'minutes say' });
    expect(anchoredText(docToArticleFields(doc).body, thread!.anchor!)).toBe('minutes say');
  });
});
