import { withYHistory, withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleToDoc, bodyType, docToArticleFields } from '../sync/articleDoc';
import { emptyArticleFields } from '../model/article';
import { withArticleEditing } from './withArticleEditing';
import { canRedo, canUndo } from './undoSteps';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });

/** An article editor bound to a newsroom document, as the desk builds it (createBodyEditor). */
function boundEditor(doc: Y.Doc, now?: () => number): Editor {
  const editor = withArticleEditing(withYHistory(withYjs(createEditor(), bodyType(doc))) as unknown as Editor, now);
  YjsEditor.connect(editor as unknown as YjsEditor);
  return editor;
}

/** Types as a keyboard does: one insertText per character, each in its own task (Slate's onChange writes it). */
async function typeInto(editor: Editor, text: string) {
  for (const ch of text) {
    editor.insertText(ch);
    await Promise.resolve();
  }
}

describe('undo on a newsroom article (the Yjs undo manager)', () => {
  it('gives back the straight quote in one undo, and the words typed before it in the next', async () => {
    const doc = articleToDoc({ ...emptyArticleFields(), body: [p('')] as never });
    const editor = boundEditor(doc);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    await typeInto(editor, 'Say "');
    expect(docToArticleFields(doc).body).toEqual([p('Say “')]);
    expect(canUndo(editor)).toBe(true);
    editor.undo();
    expect(docToArticleFields(doc).body).toEqual([p('Say "')]);
    editor.undo();
    expect(docToArticleFields(doc).body).toEqual([p('')]);
    expect(canRedo(editor)).toBe(true);
  });

  it('undoes only this desk’s words, never a colleague’s', async () => {
    const mine = articleToDoc({ ...emptyArticleFields(), body: [p('Start.')] as never });
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    mine.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(theirs, u, 'remote'));
    theirs.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(mine, u, 'remote'));
    const editor = boundEditor(mine);
    Transforms.select(editor, Editor.end(editor, []));
    await typeInto(editor, ' Mine');
    const paragraph = bodyType(theirs).toDelta()[0].insert as Y.XmlText;
    paragraph.insert(0, 'Theirs ');
    expect(docToArticleFields(mine).body).toEqual([p('Theirs Start. Mine')]);
    // Undo goes a word at a time, as on a solo desk.
    editor.undo();
    expect(docToArticleFields(mine).body).toEqual([p('Theirs Start. ')]);
    editor.undo();
    expect(docToArticleFields(mine).body).toEqual([p('Theirs Start.')]);
    expect(docToArticleFields(theirs).body).toEqual([p('Theirs Start.')]);
  });
});
