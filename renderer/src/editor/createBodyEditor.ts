/** Builds the article body editor: React and history first, then the article's own plugins. */
import { createEditor, Editor } from 'slate';
import { withReact } from 'slate-react';
import { withHistory } from 'slate-history';
import { withArticleEditing } from '../../../shared/editor/withArticleEditing';
import { withPaste } from './plugins/paste';

/** Top-level blocks per chunk, the value Slate's huge-document example uses. */
export const CHUNK_SIZE = 1000;

export function createBodyEditor(): Editor {
  const editor = withPaste(withArticleEditing(withHistory(withReact(createEditor()))));
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
  return editor;
}
