/** Builds the article body editor: React and history first, then the article's own plugins. */
import { YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor } from 'slate';
import { withReact } from 'slate-react';
import { withHistory } from 'slate-history';
import type * as Y from 'yjs';
import { withArticleEditing } from '../../../shared/editor/withArticleEditing';
import { withArticleBody } from '../../../shared/sync/slateBinding';
import { withPaste } from './plugins/paste';

/**
 * Top-level blocks per chunk. The chunk holding the caret is laid out in full (the others skip layout
 * off screen, editor.css) and re-rendered on each keystroke, and Chromium's selection sync walks it:
 * with 1,000 (Slate's huge-document example) a keystroke at 10,000 blocks cost 1.8× one at 10.
 */
export const CHUNK_SIZE = 100;

/**
 * A solo article keeps its own history (slate-history). A newsroom article's body is bound to the
 * Y.XmlText of its Yjs document, and undo takes back only this desk's changes (the Yjs undo manager).
 */
export function createBodyEditor(shared?: Y.Doc): Editor {
  const base = withReact(createEditor());
  const withUndo = shared ? (withArticleBody(base, shared) as unknown as Editor) : withHistory(base);
  const editor = withPaste(withArticleEditing(withUndo));
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
  return editor;
}

/** Binds a newsroom article's editor to its document (once) until the returned function is called. */
export function connectSharedBody(editor: Editor): () => void {
  if (!YjsEditor.isYjsEditor(editor)) return () => undefined;
  if (!YjsEditor.connected(editor)) YjsEditor.connect(editor);
  return () => YjsEditor.disconnect(editor);
}
