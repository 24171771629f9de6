import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleBodySchema } from './document';
import { normalizeBody } from '../editor/withArticleEditing';
import { bodyWithEverySuggestion, meta } from '../suggestions/fixtures';
import { articleToDoc, bodyType, docToArticleFields } from '../sync/articleDoc';
import { makeArticle } from '../export/__fixtures__/sampleArticle';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';

describe('suggestion keys in the body schema', () => {
  it('accepts every suggestion key on the node that carries it', () => {
    expect(articleBodySchema.safeParse(bodyWithEverySuggestion()).success).toBe(true);
  });

  it('refuses unknown keys, over-long ids, marks that do not exist and restyles to non-text blocks', () => {
    const cases: unknown[] = [
      [{ type: 'paragraph', children: [{ text: 'x', ins: { ...meta('a'), extra: 1 } }] }],
      [{ type: 'paragraph', children: [{ text: 'x', ins: meta('a'.repeat(101)) }] }],
      [{ type: 'paragraph', children: [{ text: 'x', fmt: { ...meta('a'), before: ['blink'] } }] }],
      [{ type: 'paragraph', restyle: { ...meta('a'), before: { type: 'image' } }, children: [{ text: 'x' }] }],
      [{ type: 'paragraph', restyle: { ...meta('a'), before: { type: 'heading', colour: 'red' } }, children: [{ text: 'x' }] }],
      [{ type: 'paragraph', children: [{ type: 'link', url: 'https://a.example', relink: { ...meta('a'), before: 3 }, children: [{ text: 'x' }] }] }],
      [{ type: 'section-break', insBreak: meta('a'), children: [{ text: '' }] }],
    ];
    for (const body of cases) expect(articleBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it('survives the editor’s normalization whole', () => {
    expect(normalizeBody(bodyWithEverySuggestion())).toEqual(bodyWithEverySuggestion());
  });

  it('survives the Yjs binding’s writing and reading whole', () => {
    const doc = new Y.Doc();
    const body = bodyWithEverySuggestion();
    bodyType(doc).applyDelta(slateNodesToInsertDelta(body as never));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const read = yTextToSlateElement(bodyType(copy)).children;
    expect(normalizeBody(read)).toEqual(body);
  });

  it('survives an article document sent to a second desk (the newsroom’s reading)', () => {
    const { id: _id, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(bodyWithEverySuggestion());
    const doc = articleToDoc(fields);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(docToArticleFields(copy)).toEqual(fields);
  });
});
