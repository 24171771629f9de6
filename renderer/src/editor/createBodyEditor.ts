/** Builds the article body editor: React and history first, then the article's own plugins. */
import { YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor } from 'slate';
import { withReact } from 'slate-react';
import { withHistory } from 'slate-history';
import type * as Y from 'yjs';
import { withArticleEditing } from '../../../shared/editor/withArticleEditing';
import { withArticleBody } from '../../../shared/sync/slateBinding';
import { fieldsMap } from '../../../shared/sync/articleDoc';
import { RESTORE_ORIGIN } from '../../../shared/sync/articleRestore';
import { withPaste } from './plugins/paste';
import { withSuggestions } from '../../../shared/suggestions/withSuggestions';
import { withProgressiveBody } from './progressiveBody';

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
  const withUndo = shared ? restorable(withArticleBody(base, shared), shared) : withHistory(base);
  // Outermost: in suggesting mode typing still goes through smart quotes and the rest, then becomes a suggestion.
  const editor = withProgressiveBody(withSuggestions(withPaste(withArticleEditing(withUndo))));
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
  return editor;
}

/**
 * Restoring an earlier version (History) writes body and details under RESTORE_ORIGIN: the undo
 * manager tracks that origin over both, so the next Ctrl+Z in the body takes the whole restore back.
 * Typing in the details is not tracked (its origin is not), so undo in the body stays the body's.
 */
function restorable(editor: ReturnType<typeof withArticleBody>, doc: Y.Doc): Editor {
  editor.undoManager.addTrackedOrigin(RESTORE_ORIGIN);
  editor.undoManager.addToScope(fieldsMap(doc));
  return editor as unknown as Editor;
}

/** Binds a newsroom article's editor to its document (once) until the returned function is called. */
export function connectSharedBody(editor: Editor): () => void {
  if (!YjsEditor.isYjsEditor(editor)) return () => undefined;
  if (!YjsEditor.connected(editor)) YjsEditor.connect(editor);
  return () => YjsEditor.disconnect(editor);
}
