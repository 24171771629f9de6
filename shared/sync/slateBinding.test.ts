import { slateNodesToInsertDelta, YjsEditor, yTextToSlateElement } from '@slate-yjs/core';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { emptyArticleFields } from '../model/article';
import type { ArticleBody } from '../model/document';
import { articleToDoc, bodyType, docToArticleFields } from './articleDoc';
import { withArticleBody } from './slateBinding';
import { withArticleEditing } from '../editor/withArticleEditing';

afterEach(() => vi.restoreAllMocks());

describe('typing into a long bound article (the fix scripts/patch-deps.mjs carries)', () => {
  it('finds the block without reading the whole body: no delta of the body per keystroke', async () => {
    const body: ArticleBody = Array.from({ length: 1_000 }, (_, i) => ({ type: 'paragraph', children: [{ text: `Paragraph ${i}.` }] }));
    const doc = articleToDoc({ ...emptyArticleFields(), body });
    const editor = withArticleBody(createEditor(), doc);
    YjsEditor.connect(editor);
    const root = bodyType(doc);
    const toDelta = vi.spyOn(Y.XmlText.prototype, 'toDelta');
    Transforms.select(editor, Editor.end(editor, [500]));
    for (const ch of ' More') {
      editor.insertText(ch);
      await Promise.resolve();
    }
    expect(toDelta.mock.contexts.filter((self) => self === root)).toHaveLength(0);
    expect(docToArticleFields(doc).body[500]).toEqual({ type: 'paragraph', children: [{ text: 'Paragraph 500. More' }] });
  });
});

describe('connecting an article editor to its document (the forced pass @slate-yjs/core runs)', () => {
  const heading = (depth?: number) => ({ type: 'heading', level: 2, ...(depth === undefined ? {} : { depth }), children: [{ text: 'Storm' }] });
  const paragraph = { type: 'paragraph', children: [{ text: 'The harbour flooded.' }] };

  it('fixes a body that breaks a rule, in the editor and in the document', async () => {
    const doc = new Y.Doc();
    // Written as an older desk or an import might have: headings with a list depth.
    bodyType(doc).applyDelta(slateNodesToInsertDelta([heading(1), heading(1), paragraph] as unknown as Descendant[]));
    const editor = withArticleEditing(withArticleBody(createEditor(), doc) as unknown as Editor);
    YjsEditor.connect(editor as unknown as YjsEditor);
    await Promise.resolve();
    const fixed = [heading(), heading(), paragraph];
    expect(editor.children).toEqual(fixed);
    expect(yTextToSlateElement(bodyType(doc)).children).toEqual(fixed);
  });

  it('leaves a normal body as it is: no change reaches the document', async () => {
    const body = [heading(), paragraph, { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'One' }] }] as ArticleBody;
    const doc = articleToDoc({ ...emptyArticleFields(), body });
    let updates = 0;
    doc.on('update', () => updates++);
    const editor = withArticleEditing(withArticleBody(createEditor(), doc) as unknown as Editor);
    YjsEditor.connect(editor as unknown as YjsEditor);
    await Promise.resolve();
    expect(editor.children).toEqual(body);
    expect(updates).toBe(0);
  });
});
