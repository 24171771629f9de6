import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { ArticleFields } from '../model/article';
import type { ArticleBody } from '../model/document';
import { hostileInput, makeArticle } from '../export/__fixtures__/sampleArticle';
import { sampleArticleBody } from '../../electron/node/store/seed';
import {
  articleToDoc,
  bodyType,
  docToArticleFields,
  docToDetails,
  fieldsMap,
  readArticleDoc,
  setTextField,
  writeArticleToDoc,
  writeDetailsToDoc,
} from './articleDoc';
import { articleDocumentName, isArticleId, parseArticleDocumentName } from './documentName';

function fieldsOf(body: ArticleBody, overrides: Partial<ArticleFields> = {}): ArticleFields {
  const { id: _id, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(body, overrides);
  return fields;
}

/** What a second desk sees: the state sent over the wire into a fresh document. */
function throughTheWire(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('article ⇄ Yjs document', () => {
  it('round-trips the sample article (every field and the seed page’s blocks) through a second document', () => {
    const fields = fieldsOf(sampleArticleBody());
    const back = docToArticleFields(throughTheWire(articleToDoc(fields)));
    expect(back).toEqual(fields);
    expect(readArticleDoc(articleToDoc(fields))).toEqual({ ok: true, fields });
  });

  it('round-trips every block type, links, marks and hostile text', () => {
    const { article } = hostileInput();
    const fields = fieldsOf(article.body, { headline: article.headline, dek: article.dek, slug: article.slug, tags: article.tags });
    expect(docToArticleFields(throughTheWire(articleToDoc(fields)))).toEqual(fields);
  });

  it('keeps the body in the Y.XmlText that @slate-yjs/core binds to', () => {
    const doc = articleToDoc(fieldsOf(sampleArticleBody()));
    expect(doc.share.get('body')).toBeInstanceOf(Y.XmlText);
    expect(bodyType(doc).length).toBe(sampleArticleBody().length);
    expect(fieldsMap(doc).get('headline')).toBeInstanceOf(Y.Text);
  });

  it('costs about as much as the JSON: the state of the sample article stays within 1.25× its JSON', () => {
    const fields = fieldsOf(sampleArticleBody());
    const json = new TextEncoder().encode(JSON.stringify(fields)).length;
    const state = Y.encodeStateAsUpdate(articleToDoc(fields)).length;
    expect(state / json).toBeLessThan(1.25);
    expect(state / json).toBeGreaterThan(0.5);
  });

  it('merges concurrent edits of a text field at character level', () => {
    const a = articleToDoc(fieldsOf(sampleArticleBody(), { headline: 'Council votes on barrier' }));
    const b = throughTheWire(a);
    setTextField(fieldsMap(a).get('headline') as Y.Text, 'City council votes on barrier');
    setTextField(fieldsMap(b).get('headline') as Y.Text, 'Council votes on flood barrier');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(docToArticleFields(a).headline).toBe('City council votes on flood barrier');
    expect(docToArticleFields(b)).toEqual(docToArticleFields(a));
  });

  it('writes the details a view changed, merging with a colleague’s and touching nothing else', () => {
    const a = articleToDoc(fieldsOf(sampleArticleBody(), { headline: 'Council votes on barrier', tags: ['flood'] }));
    const b = throughTheWire(a);
    const before = docToArticleFields(a);
    let updates = 0;
    a.on('update', () => updates++);
    writeDetailsToDoc(a, { tags: ['flood'], headline: before.headline });
    expect(updates).toBe(0);
    writeDetailsToDoc(a, {
      headline: 'City council votes on barrier',
      tags: ['flood', 'council'],
      aiDeclaration: { uses: ['transcription'], tools: 'Whisper', note: 'Checked by hand.' },
    });
    writeDetailsToDoc(b, { headline: 'Council votes on flood barrier', dek: 'A late vote.' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(docToDetails(b)).toEqual(docToDetails(a));
    expect(docToArticleFields(a)).toEqual({
      ...before,
      headline: 'City council votes on flood barrier',
      dek: 'A late vote.',
      tags: ['flood', 'council'],
      aiDeclaration: { uses: ['transcription'], tools: 'Whisper', note: 'Checked by hand.' },
    });
  });

  it('creates the structure only once', () => {
    const doc = articleToDoc(fieldsOf(sampleArticleBody()));
    expect(() => writeArticleToDoc(doc, fieldsOf(sampleArticleBody()))).toThrow(/created only once/);
  });

  it('reads a document with content no desk would write as an error sentence, not a throw', () => {
    const doc = articleToDoc(fieldsOf(sampleArticleBody()));
    const stray = new Y.XmlText();
    stray.setAttribute('type', 'script');
    bodyType(doc).insertEmbed(0, stray);
    const result = readArticleDoc(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^The article document has content the desk does not accept \(at body\.0/);
    fieldsMap(doc).set('plannedLength', 'lots');
    expect(readArticleDoc(doc).ok).toBe(false);
  });

  it('reads a block whose style two desks changed at once without the attributes its type does not have', () => {
    const doc = articleToDoc(fieldsOf([{ type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'gates' }] }]));
    // A quote that kept the list's attributes and a heading's level: a merge of concurrent style changes.
    const block = bodyType(doc).toDelta()[0].insert as Y.XmlText;
    block.setAttribute('type', 'block-quote');
    block.setAttribute('level', 1);
    expect(readArticleDoc(doc)).toMatchObject({ ok: true, fields: { body: [{ type: 'block-quote', children: [{ text: 'gates' }] }] } });
  });

  it('reads an empty document as an empty article', () => {
    const result = readArticleDoc(new Y.Doc());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.fields.body).toEqual([{ type: 'paragraph', children: [{ text: '' }] }]);
  });
});

describe('document names', () => {
  const id = 'a1b2c3d4-0000-4000-8000-000000000001';

  it('names an article document article:<uuid> and parses it back', () => {
    expect(articleDocumentName(id)).toBe(`article:${id}`);
    expect(parseArticleDocumentName(`article:${id}`)).toBe(id);
    expect(isArticleId(id)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const name of [
      '',
      'article:',
      `Article:${id}`,
      `article:${id.toUpperCase()}`,
      `article:${id} `,
      `author:${id}`,
      `article:${id}x`,
      'article:../../etc/passwd',
      'x'.repeat(10_000),
      42,
      null,
    ]) {
      expect(parseArticleDocumentName(name), String(name).slice(0, 40)).toBeUndefined();
    }
    expect(() => articleDocumentName('nope')).toThrow(/not an article id/);
  });
});
