import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { ArticleFields } from '../model/article';
import type { ArticleBody } from '../model/document';
import { hostileInput, makeArticle } from '../export/__fixtures__/sampleArticle';
import { sampleArticleBody } from '../../electron/node/store/seed';
import { articleToDoc, bodyType, docToArticleFields, fieldsMap, readArticleDoc, setTextField } from './articleDoc';
import { addThread, commentsMap, readThreads } from './articleComments';
import { replaceArticleContent } from './articleRestore';
import { updateProblem } from './updatePolicy';

function fieldsOf(body: ArticleBody, overrides: Partial<ArticleFields> = {}): ArticleFields {
  const { id: _id, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(body, overrides);
  return { ...fields, ...overrides };
}

const wire = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** What a document holding these fields reads as (the body normalized as the desk reads it). */
const readAs = (fields: ArticleFields) => {
  const read = readArticleDoc(articleToDoc(fields));
  if (!read.ok) throw new Error(read.reason);
  return read.fields;
};

const RESTORE = Symbol('restore');

function hostileFields(): ArticleFields {
  const { article } = hostileInput();
  return fieldsOf(article.body, {
    headline: article.headline,
    dek: article.dek,
    slug: 'hostile',
    tags: ['a', 'b'],
    bylineAuthorIds: ['author-1'],
    plannedLength: 900,
    aiDeclaration: { uses: ['transcription'], tools: 'Whisper', note: 'Checked.' },
  });
}

describe('restoring a version into an article’s document', () => {
  it('makes the whole content the version’s, both ways, and a second replica reads the same after the update', () => {
    const versions = [fieldsOf(sampleArticleBody(), { headline: 'Sample', tags: ['flood'] }), hostileFields()];
    for (const [from, to] of [versions, [...versions].reverse()] as const) {
      const doc = articleToDoc(from!);
      const other = wire(doc);
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      replaceArticleContent(doc, readAs(to!), RESTORE);
      expect(docToArticleFields(doc)).toEqual(readAs(to!));
      // One ordinary update, which the server's checks accept, and which brings another desk to the same text.
      expect(updates).toHaveLength(1);
      expect(updateProblem(updates[0]!)).toBeUndefined();
      Y.applyUpdate(other, updates[0]!);
      expect(docToArticleFields(other)).toEqual(readAs(to!));
    }
  });

  it('changes nothing when the document already holds the version', () => {
    const fields = readAs(hostileFields());
    const doc = articleToDoc(fields);
    let updates = 0;
    doc.on('update', () => updates++);
    replaceArticleContent(doc, fields);
    expect(updates).toBe(0);
  });

  it('keeps the blocks the version shares, so a colleague’s typing in them meanwhile survives the merge', () => {
    const body = sampleArticleBody();
    const now = readAs(fieldsOf(body, { headline: 'Now' }));
    const earlier = readAs(fieldsOf([...body.slice(0, -1), { type: 'paragraph', children: [{ text: 'The ending as it was.' }] }], { headline: 'Then' }));
    const mine = articleToDoc(now);
    const theirs = wire(mine);
    const firstBlock = bodyType(mine).toDelta()[0].insert as Y.XmlText;

    // A colleague types at the start of the first block while this desk restores.
    (bodyType(theirs).toDelta()[0].insert as Y.XmlText).insert(0, 'Breaking: ');
    replaceArticleContent(mine, earlier);
    expect(bodyType(mine).toDelta()[0].insert).toBe(firstBlock);
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));

    const first = earlier.body[0]!;
    const expected = {
      ...earlier,
      body: [
        {
          ...first,
          children: [
            { ...(first as { children: { text: string }[] }).children[0]!, text: `Breaking: ${(first as { children: { text: string }[] }).children[0]!.text}` },
            ...(first as { children: unknown[] }).children.slice(1),
          ],
        },
        ...earlier.body.slice(1),
      ],
    };
    expect(docToArticleFields(mine)).toEqual(expected);
    expect(docToArticleFields(theirs)).toEqual(expected);
  });

  it('leaves the article’s comments as they are', () => {
    const doc = articleToDoc(readAs(fieldsOf(sampleArticleBody())));
    const author = { id: 'acc-1', name: 'Mara Lindqvist', role: 'writer' as const };
    const body = bodyType(doc);
    const position = (index: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(body, index));
    addThread(doc, { start: position(0), end: position(1), quote: 'x', text: 'Check this.' }, author);
    const threads = readThreads(doc);
    const entries = commentsMap(doc).size;
    replaceArticleContent(doc, readAs(hostileFields()));
    expect(commentsMap(doc).size).toBe(entries);
    expect(readThreads(doc).map((t) => t.messages)).toEqual(threads.map((t) => t.messages));
  });

  it('is undone whole by an undo manager that tracks its origin, details included', () => {
    const before = readAs(fieldsOf(sampleArticleBody(), { headline: 'Current headline', tags: ['now'] }));
    const doc = articleToDoc(before);
    const undo = new Y.UndoManager([bodyType(doc), fieldsMap(doc)], { trackedOrigins: new Set([RESTORE]) });
    replaceArticleContent(doc, readAs(hostileFields()), RESTORE);
    expect(docToArticleFields(doc)).toEqual(readAs(hostileFields()));
    undo.undo();
    expect(docToArticleFields(doc)).toEqual(before);
  });

  it('fills a document whose body is empty', () => {
    const doc = articleToDoc(readAs(fieldsOf([])));
    bodyType(doc).delete(0, bodyType(doc).length);
    setTextField(fieldsMap(doc).get('headline') as Y.Text, '');
    replaceArticleContent(doc, readAs(hostileFields()));
    expect(docToArticleFields(doc)).toEqual(readAs(hostileFields()));
  });
});
