import { YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Transforms } from 'slate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { emptyArticleFields } from '../model/article';
import type { ArticleBody } from '../model/document';
import { articleToDoc, bodyType, docToArticleFields } from './articleDoc';
import { withArticleBody } from './slateBinding';

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
