/** Builds the article body editor: React and history first, then the article's own plugins. */
import { YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor } from 'slate';
import { withReact } from 'slate-react';
import { withHistory } from 'slate-history';
import type * as Y from 'yjs';
import { withArticleEditing } from '../../../shared/editor/withArticleEditing';
import { withArticleBody } from '../../../shared/sync/slateBinding';
import { withPaste } from './plugins/paste';

/** Top-level blocks per chunk, the value Slate's huge-document example uses. */
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
