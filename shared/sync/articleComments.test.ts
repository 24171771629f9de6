import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../export/__fixtures__/sampleArticle';
import { sampleArticleBody } from '../../electron/node/store/seed';
import { articleToDoc, bodyType } from './articleDoc';
import {
  addReply,
  addThread,
  commentChangeProblem,
  commentsMap,
  mentionedNames,
  newCommentMessages,
  openThreadCount,
  readThreads,
  setThreadResolved,
  type CommentAuthor,
} from './articleComments';
import { updateProblem } from './updatePolicy';

const mara: CommentAuthor = { id: 'acc-mara', name: 'Mara Lindqvist', role: 'writer' };
const tomas: CommentAuthor = { id: 'acc-tomas', name: 'Tomas Okafor', role: 'editor' };

function article(): Y.Doc {
  const { id: _i, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(sampleArticleBody());
  return articleToDoc(fields);
}

/** The first thread entry of a document, as written. */
const readEntry = (doc: Y.Doc): Record<string, unknown> => [...commentsMap(doc).entries()].find(([k]) => k.startsWith('t:'))![1] as Record<string, unknown>;

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** The update a change to `doc` makes (the change is kept). */
function change(doc: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Positions around the first `length` characters of the first paragraph. */
function span(doc: Y.Doc, length = 5) {
  const block = bodyType(doc).toDelta()[0].insert as Y.XmlText;
  return {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(block, 0, 0)),
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(block, length, -1)),
    quote: block.toString().slice(0, length),
  };
}

describe('comments in the article document', () => {
  it('carries threads, replies and resolutions to another copy whole', () => {
    const desk = article();
    const other = copyOf(desk);
    const update = change(desk, (d) => {
      const id = addThread(d, { ...span(d), text: 'Source for this?' }, tomas, '2026-12-01T10:00:00.000Z');
      addReply(d, id, 'Added in para 3.', mara, '2026-12-01T10:05:00.000Z');
      setThreadResolved(d, id, true, tomas, '2026-12-01T10:06:00.000Z');
    });
    Y.applyUpdate(other, update);
    const [thread] = readThreads(other);
    expect(readThreads(other)).toEqual(readThreads(desk));
    expect(thread).toMatchObject({
      quote: span(desk).quote,
      createdAt: '2026-12-01T10:00:00.000Z',
      resolved: true,
      resolvedBy: 'Tomas Okafor',
      resolvedAt: '2026-12-01T10:06:00.000Z',
      messages: [
        { by: 'Tomas Okafor', role: 'editor', text: 'Source for this?', at: '2026-12-01T10:00:00.000Z' },
        { by: 'Mara Lindqvist', role: 'writer', text: 'Added in para 3.', at: '2026-12-01T10:05:00.000Z' },
      ],
    });
    expect(openThreadCount(other)).toBe(0);
  });

  it('keeps both replies written at once on two desks, and agrees on the latest resolution', () => {
    const a = article();
    let id = '';
    change(a, (d) => (id = addThread(d, { ...span(d), text: 'Check the name' }, tomas, '2026-12-01T10:00:00.000Z')));
    const b = copyOf(a);
    const fromA = change(a, (d) => {
      addReply(d, id, 'From A', tomas, '2026-12-01T10:01:00.000Z');
      setThreadResolved(d, id, true, tomas, '2026-12-01T10:02:00.000Z');
    });
    const fromB = change(b, (d) => {
      addReply(d, id, 'From B', mara, '2026-12-01T10:01:30.000Z');
      setThreadResolved(d, id, false, mara, '2026-12-01T10:03:00.000Z');
    });
    Y.applyUpdate(a, fromB);
    Y.applyUpdate(b, fromA);
    expect(readThreads(a)).toEqual(readThreads(b));
    expect(readThreads(a)[0]!.messages.map((m) => m.text)).toEqual(['Check the name', 'From A', 'From B']);
    expect(readThreads(a)[0]!.resolved).toBe(false);
  });

  it('keeps the commented text when others type before and inside it', () => {
    const desk = article();
    const other = copyOf(desk);
    Y.applyUpdate(
      other,
      change(desk, (d) => addThread(d, { ...span(d, 3), text: 'x' }, tomas)),
    );
    const block = (d: Y.Doc) => bodyType(d).toDelta()[0].insert as Y.XmlText;
    block(other).insert(0, 'NEW ');
    const [thread] = readThreads(other);
    const start = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(thread!.start), other)!;
    const end = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(thread!.end), other)!;
    expect(block(other).toString().slice(start.index, end.index)).toBe(thread!.quote);
  });
  it('carries a reply thread to a suggestion with the suggestion’s id, checked like any thread', () => {
    const desk = article();
    let id = '';
    const update = change(desk, (d) => {
      id = addThread(d, { ...span(d), text: 'Why cut this?', suggestionId: 'sugg-1' }, tomas, '2026-12-01T10:00:00.000Z');
    });
    expect(updateProblem(update, tomas)).toBeUndefined();
    expect(updateProblem(update, mara)).toMatch(/name of the account/);
    addReply(desk, id, 'Said twice.', mara, '2026-12-01T10:01:00.000Z');
    const other = copyOf(desk);
    const [thread] = readThreads(other);
    expect(thread).toMatchObject({ suggestionId: 'sugg-1', messages: [{ text: 'Why cut this?' }, { text: 'Said twice.' }] });
    // A suggestion id is bounded like the body's keys.
    const long = change(article(), (d) => commentsMap(d).set(`t:${crypto.randomUUID()}`, { ...readEntry(desk), suggestionId: 'x'.repeat(101) }));
    expect(updateProblem(long, tomas)).toMatch(/not well formed/);
  });
});

describe('what a desk may write into the comments', () => {
  it('accepts entries under the sender’s own name', () => {
    const desk = article();
    const update = change(desk, (d) => addThread(d, { ...span(d), text: 'Fine' }, tomas));
    expect(updateProblem(update, tomas)).toBeUndefined();
    expect(commentChangeProblem(article(), update)).toBeUndefined();
  });

  it('refuses entries under another name, without an account, or not well formed', () => {
    const desk = article();
    const forged = change(desk, (d) => addThread(d, { ...span(d), text: 'I am Tomas' }, tomas));
    expect(updateProblem(forged, mara)).toMatch(/name of the account that is signed in/);
    expect(updateProblem(forged, { ...tomas, id: 'acc-other' })).toMatch(/name of the account/);
    expect(updateProblem(forged)).toMatch(/signed-in account/);
    expect(
      updateProblem(
        change(article(), (d) => commentsMap(d).set('x:1', {})),
        tomas,
      ),
    ).toMatch(/key comments do not have/);
    const t = crypto.randomUUID();
    expect(
      updateProblem(
        change(article(), (d) => commentsMap(d).set(`m:${t}`, { text: 'no author' })),
        tomas,
      ),
    ).toMatch(/not well formed/);
    expect(
      updateProblem(
        change(article(), (d) => commentsMap(d).set(`m:${t}`, new Y.Map())),
        tomas,
      ),
    ).toMatch(/not well formed/);
  });

  it('refuses removing or replacing an entry, even one’s own', () => {
    const server = article();
    let id = '';
    const desk = copyOf(server);
    Y.applyUpdate(
      server,
      change(desk, (d) => (id = addThread(d, { ...span(d), text: 'Mine' }, mara))),
    );
    const removal = change(desk, (d) => commentsMap(d).delete(`t:${id}`));
    expect(updateProblem(removal, mara)).toBeUndefined(); // a deletion names no author: only the document tells
    expect(commentChangeProblem(server, removal)).toMatch(/never changed or removed/);
    const replaced = change(desk, (d) => commentsMap(d).set(`t:${id}`, { ...commentsMap(d).get(`t:${id}`)!, text: 'Rewritten' } as never));
    expect(commentChangeProblem(server, replaced)).toMatch(/never changed or removed/);
  });

  it('lets text edits through, including deleting commented text', () => {
    const server = article();
    const desk = copyOf(server);
    Y.applyUpdate(
      server,
      change(desk, (d) => addThread(d, { ...span(d), text: 'x' }, mara)),
    );
    const edit = change(desk, (d) => {
      const block = bodyType(d).toDelta()[0].insert as Y.XmlText;
      block.delete(0, 8);
      block.insert(0, 'Rewritten ');
    });
    expect(commentChangeProblem(server, edit)).toBeUndefined();
    expect(updateProblem(edit, mara)).toBeUndefined();
  });
});

describe('@mentions', () => {
  const names = ['Ana', 'Ana Lima', 'Tomas Okafor', 'Mara Lindqvist'];
  it('finds whole names, the longest first, any case', () => {
    expect(mentionedNames('@Ana Lima please check, cc @tomas okafor', names).sort()).toEqual(['Ana Lima', 'Tomas Okafor']);
    expect(mentionedNames('@Ana, and @Ana Lima', names).sort()).toEqual(['Ana', 'Ana Lima']);
  });
  it('ignores e-mail addresses, longer words and plain names', () => {
    expect(mentionedNames('mail ana@Ana.org or @Anabel; Mara Lindqvist wrote it', names)).toEqual([]);
  });
});

describe('new comment messages in an update', () => {
  it('lists what the receiver does not have yet, once', () => {
    const server = article();
    const desk = copyOf(server);
    let id = '';
    const update = change(desk, (d) => {
      id = addThread(d, { ...span(d), text: 'Ask @Mara Lindqvist' }, tomas);
      addReply(d, id, 'On it', mara);
      setThreadResolved(d, id, true, tomas);
    });
    expect(newCommentMessages(server, update).map((m) => [m.threadId, m.authorId, m.text])).toEqual([
      [id, 'acc-tomas', 'Ask @Mara Lindqvist'],
      [id, 'acc-mara', 'On it'],
    ]);
    Y.applyUpdate(server, update);
    expect(newCommentMessages(server, update)).toEqual([]);
  });
});
