import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchoredText, type CommentAnchor } from '../../../shared/comments/anchors';
import { emptyArticleFields } from '../../../shared/model/article';
import type { Profile } from '../../../shared/model/review';
import { addReply, addThread, setThreadResolved, type CommentAuthor } from '../../../shared/sync/articleComments';
import { articleToDoc, bodyType, docToArticleFields } from '../../../shared/sync/articleDoc';
import { addImportedComments, bodyRootOf, commentPosition, commentThreadsOf } from '../../../shared/sync/commentAnchors';
import { DatabaseSession } from '../session';
import { asFromWord, docxPart, reviewComments, reviewedBody } from '../export/wordReview.fixtures';
import { exportArticleFormats } from './exportService';
import { importFile } from './importService';

let dir: string;
let session: DatabaseSession;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-with-changes-'));
  session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const edda: Profile = { name: 'Edda Editor', role: 'editor' };
const wren: Profile = { name: 'Wren Writer', role: 'writer' };

/** An article under review in the store: the reviewed body, a thread with a reply, a resolved one and an orphaned one. */
function articleUnderReview(): string {
  const store = session.store();
  const review = session.review();
  const { id, version } = store.createArticle({ headline: 'Barrier vote', bylineAuthorIds: [] }, 'draft');
  store.saveArticle(id, version, { body: reviewedBody() });
  const [withReplies, resolved] = reviewComments();
  const open = review.comments.createThread(id, withReplies!.anchor!, 'Which day exactly?', edda);
  review.comments.reply(open.id, 'Tuesday, checked\nwith the clerk.', wren);
  const done = review.comments.createThread(id, resolved!.anchor!, 'Source: the residents’ association.', wren);
  review.comments.setResolved(done.id, true, edda);
  const orphan = review.comments.createThread(id, resolved!.anchor!, 'This sentence went.', edda);
  review.comments.updateAnchors(id, [{ threadId: orphan.id, anchor: null }]);
  return id;
}

describe('exporting with changes from the desk and importing the file again', () => {
  it('carries the suggestions and the threads through Word; the publication files carry the text with the suggestions rejected', async () => {
    const articleId = articleUnderReview();
    const out = path.join(dir, 'out');
    const result = await exportArticleFormats(session, articleId, ['docx', 'txt'], out, { withChanges: true });
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([{ format: 'docx', message: 'One comment whose text was deleted was left out of the Word file.' }]);
    const docx = fs.readFileSync(result.files.find((f) => f.endsWith('.docx'))!);
    expect(docxPart(docx, 'word/document.xml')).toMatch(/<w:ins w:id="\d+" w:author="Edda Editor" w:date="2026-12-01T09:30:00Z">/);

    // The plain text is for publication: the inserted words are not there, the deleted ones are.
    const text = fs.readFileSync(
      result.files.find((f) => f.endsWith('.txt'))!,
      'utf8',
    );
    expect(text).toContain('The council voted to build a barrier costing roughly 412 million euros, its largest project.');
    expect(text).not.toContain('on Tuesday');

    const imported = await importFile(session, 'barrier-vote.docx', docx);
    if (imported.kind !== 'imported') throw new Error(JSON.stringify(imported));
    expect(asFromWord(session.store().getArticle(imported.articleId).body)).toEqual(asFromWord(reviewedBody()));
    const threads = session.review().comments.listThreads(imported.articleId);
    expect(threads.map((t) => ({ anchor: t.anchor, quote: t.quote, resolved: t.resolved, messages: t.messages.map((m) => `${m.by}: ${m.text}`) }))).toEqual([
      {
        anchor: reviewComments()[0]!.anchor,
        quote: 'council voted on Tuesday to build',
        resolved: false,
        messages: ['Edda Editor: Which day exactly?', 'Wren Writer: Tuesday, checked\nwith the clerk.'],
      },
      { anchor: reviewComments()[1]!.anchor, quote: 'welcomed it', resolved: true, messages: ['Wren Writer: Source: the residents’ association.'] },
    ]);
  });

  it('without the option writes a Word file for publication: no tracked changes, no comments', async () => {
    const articleId = articleUnderReview();
    const result = await exportArticleFormats(session, articleId, ['docx'], path.join(dir, 'out'));
    expect(result.failures).toEqual([]);
    const docx = fs.readFileSync(result.files[0]!);
    expect(docxPart(docx, 'word/document.xml')).not.toMatch(/<w:(ins|del|rPrChange|pPrChange|commentRangeStart)\b/);
    expect(docxPart(docx, 'word/comments.xml')).toBeUndefined();
  });
});

describe('exporting a newsroom article with changes', () => {
  /** A newsroom article: its row derived from its document, and its threads in that document (none in the desk's table). */
  function teamArticle(): { articleId: string; doc: Y.Doc } {
    const doc = articleToDoc({ ...emptyArticleFields(), headline: 'Barrier vote', body: reviewedBody() });
    const store = session.store();
    const { id, version } = store.createArticle({ headline: 'Barrier vote' }, 'draft');
    store.saveArticle(id, version, { body: docToArticleFields(doc).body });
    const root = bodyRootOf(doc);
    const positions = (anchor: CommentAnchor) => ({
      start: commentPosition(bodyType(doc), root, anchor.anchor, 'start'),
      end: commentPosition(bodyType(doc), root, anchor.focus, 'end'),
      quote: anchor.quote,
    });
    const [withReplies, resolved] = reviewComments();
    const edda: CommentAuthor = { id: 'acc-edda', name: 'Edda Editor', role: 'editor' };
    const wrenAccount: CommentAuthor = { id: 'acc-wren', name: 'Wren Writer', role: 'writer' };
    const open = addThread(doc, { ...positions(withReplies!.anchor!), text: 'Which day exactly?' }, edda, '2026-12-01T09:31:00.000Z');
    addReply(doc, open, 'Tuesday, checked\nwith the clerk.', wrenAccount, '2026-12-01T11:50:00.000Z');
    const done = addThread(doc, { ...positions(resolved!.anchor!), text: 'Source: the residents’ association.' }, wrenAccount, '2026-12-01T11:55:00.000Z');
    setThreadResolved(doc, done, true, edda, '2026-12-01T12:00:00.000Z');
    // An imported comment reads under the file's author.
    addImportedComments(
      doc,
      [
        {
          id: 'word-comment-9',
          anchor: { anchor: { path: [2, 0], offset: 0 }, focus: { path: [2, 0], offset: 4 }, quote: 'Work' },
          quote: 'Work',
          resolvedAt: '',
          resolvedBy: '',
          createdAt: '2026-12-02T08:00:00.000Z',
          messages: [{ id: 'word-comment-9', by: 'Jane Lawyer', role: 'writer', text: 'Confirm the start date.', at: '2026-12-02T08:00:00.000Z' }],
        },
      ],
      wrenAccount,
    );
    return { articleId: id, doc };
  }

  it('carries the threads of its document into Word, anchored to their words, and they come back whole', async () => {
    const { articleId, doc } = teamArticle();
    // The desk's own table holds nothing of it; a thread there would be another article's business.
    session.review().comments.createThread(articleId, reviewComments()[0]!.anchor!, 'Only on this desk.', edda);
    const result = await exportArticleFormats(session, articleId, ['docx'], path.join(dir, 'out'), {
      withChanges: true,
      newsroomComments: (id) => (id === articleId ? commentThreadsOf(doc, id) : undefined),
    });
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    const docx = fs.readFileSync(result.files[0]!);
    expect(docxPart(docx, 'word/comments.xml')).toContain('w:author="Jane Lawyer"');

    const imported = await importFile(session, 'barrier-vote.docx', docx);
    if (imported.kind !== 'imported') throw new Error(JSON.stringify(imported));
    const body = session.store().getArticle(imported.articleId).body;
    expect(asFromWord(body)).toEqual(asFromWord(reviewedBody()));
    const threads = session.review().comments.listThreads(imported.articleId);
    expect(
      threads.map((t) => ({
        anchor: t.anchor,
        anchored: t.anchor && anchoredText(body, t.anchor),
        resolved: t.resolved,
        messages: t.messages.map((m) => `${m.by} ${m.at}: ${m.text}`),
      })),
    ).toEqual([
      {
        anchor: reviewComments()[0]!.anchor,
        anchored: 'council voted on Tuesday to build',
        resolved: false,
        messages: ['Edda Editor 2026-12-01T09:31:00.000Z: Which day exactly?', 'Wren Writer 2026-12-01T11:50:00.000Z: Tuesday, checked\nwith the clerk.'],
      },
      {
        anchor: reviewComments()[1]!.anchor,
        anchored: 'welcomed it',
        resolved: true,
        messages: ['Wren Writer 2026-12-01T11:55:00.000Z: Source: the residents’ association.'],
      },
      {
        anchor: { anchor: { path: [2, 0], offset: 0 }, focus: { path: [2, 0], offset: 4 }, quote: 'Work' },
        anchored: 'Work',
        resolved: false,
        messages: ['Jane Lawyer 2026-12-02T08:00:00.000Z: Confirm the start date.'],
      },
    ]);
  });
});
