/**
 * Two desks on one newsroom article through the Yjs binding (withArticleBody, as createBodyEditor
 * builds it): one suggests, the other sees the suggestion whole, accepts and rejects; both end equal.
 */
import { YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyArticleFields } from '../model/article';
import type { ArticleBody } from '../model/document';
import { withArticleEditing } from '../editor/withArticleEditing';
import { setBlockStyle } from '../editor/blockStyles';
import { articleToDoc, docToArticleFields } from '../sync/articleDoc';
import { applyRemoteUpdate, withArticleBody } from '../sync/slateBinding';
import { acceptSuggestion, listSuggestions, rejectSuggestion, withSuggestions, type SuggestionAuthor } from './index';

function desk(doc: Y.Doc, author: SuggestionAuthor | null): Editor {
  const editor = withSuggestions(withArticleEditing(withArticleBody(createEditor(), doc) as unknown as Editor), () => author);
  YjsEditor.connect(editor as unknown as YjsEditor);
  return editor;
}

/** Sends every update of `from` to `to` as the server would (both ways call this). */
function link(a: Y.Doc, b: Y.Doc, editorA: Editor, editorB: Editor) {
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') applyRemoteUpdate(editorB as unknown as YjsEditor, update, 'remote');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') applyRemoteUpdate(editorA as unknown as YjsEditor, update, 'remote');
  });
}

const flush = (editor: Editor) => YjsEditor.flushLocalChanges(editor as unknown as YjsEditor);
const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });

describe('suggestions between two desks', () => {
  it('a suggestion made on one desk reaches the other whole, and each desk’s decision reaches the first', async () => {
    const start = articleToDoc({ ...emptyArticleFields(), body: [p('Council voted.'), p('Fares rise in June.')] as ArticleBody });
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(start));
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(start));
    let n = 0;
    const editorA = desk(docA, { authorId: 'account:ed', authorName: 'Tomas Okafor', newId: () => `t-${++n}`, now: () => new Date('2026-12-02T05:00:00Z') });
    const editorB = desk(docB, null);
    link(docA, docB, editorA, editorB);

    Transforms.select(editorA, { path: [0, 0], offset: 13 });
    for (const ch of ' today') {
      editorA.insertText(ch);
      await Promise.resolve();
    }
    Transforms.select(editorA, { anchor: { path: [1, 0], offset: 10 }, focus: { path: [1, 0], offset: 18 } });
    editorA.deleteFragment();
    setBlockStyle(editorA, 'heading-1', [0]);
    flush(editorA);

    const suggested = docToArticleFields(docA).body;
    expect(docToArticleFields(docB).body).toEqual(suggested);
    expect(editorB.children).toEqual(suggested);
    expect(listSuggestions(suggested).map((s) => [s.id, s.kind, s.text])).toEqual([
      ['t-3', 'restyle', 'Council voted today.'],
      ['t-1', 'insert', ' today'],
      ['t-2', 'delete', ' in June'],
    ]);

    acceptSuggestion(editorB, 't-1');
    acceptSuggestion(editorB, 't-2');
    rejectSuggestion(editorB, 't-3');
    flush(editorB);
    const settled = [p('Council voted today.'), p('Fares rise.')];
    expect(docToArticleFields(docB).body).toEqual(settled);
    expect(docToArticleFields(docA).body).toEqual(settled);
    expect(editorA.children).toEqual(settled);
  });
});
