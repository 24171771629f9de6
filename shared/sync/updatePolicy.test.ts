import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../export/__fixtures__/sampleArticle';
import { sampleArticleBody } from '../../electron/node/store/seed';
import { articleToDoc, bodyType, fieldsMap } from './articleDoc';
import { updateProblem } from './updatePolicy';

function article(): Y.Doc {
  const { id: _i, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = makeArticle(sampleArticleBody());
  return articleToDoc(fields);
}

/** The update a change to a copy of the article produces, as a desk would send it. */
function edit(change: (doc: Y.Doc) => void): Uint8Array {
  const base = article();
  const desk = new Y.Doc();
  Y.applyUpdate(desk, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(desk);
  change(desk);
  return Y.encodeStateAsUpdate(desk, before);
}

describe('what an update may contain', () => {
  it('accepts what a desk writes: the whole article, typing, formatting, field changes', () => {
    expect(updateProblem(Y.encodeStateAsUpdate(article()))).toBeUndefined();
    expect(updateProblem(edit((d) => (fieldsMap(d).get('headline') as Y.Text).insert(0, 'New: ')))).toBeUndefined();
    expect(updateProblem(edit((d) => (bodyType(d).toDelta()[0].insert as Y.XmlText).format(0, 5, { bold: true })))).toBeUndefined();
    expect(updateProblem(edit((d) => fieldsMap(d).set('tags', ['flooding'])))).toBeUndefined();
    expect(updateProblem(edit((d) => bodyType(d).delete(0, 1)))).toBeUndefined();
  });

  it('refuses updates that do not decode', () => {
    const good = edit((d) => (fieldsMap(d).get('headline') as Y.Text).insert(0, 'x'));
    expect(updateProblem(good.subarray(0, good.length - 3))).toMatch(/^The server received a malformed update/);
    expect(updateProblem(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]))).toMatch(/malformed/);
  });

  it('refuses new top-level types, unknown fields and content an article never has', () => {
    expect(updateProblem(edit((d) => d.getMap('evil').set('x', 1)))).toMatch(/outside the article/);
    expect(updateProblem(edit((d) => d.getMap('fields').set('status', 'approved')))).toMatch(/field articles do not have/);
    expect(updateProblem(edit((d) => d.getMap('meta').set('owner', 'me')))).toMatch(/field articles do not have/);
    expect(updateProblem(edit((d) => fieldsMap(d).set('aiDeclaration', new Y.Doc() as never)))).toMatch(/content an article never has/);
    expect(updateProblem(edit((d) => d.getArray('x').insert(0, [new Uint8Array(4)])))).toMatch(/outside the article|never has/);
  });
});
