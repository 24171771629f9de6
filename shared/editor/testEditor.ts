/** A DOM-less article editor for unit tests. */
import { createEditor, Editor, type Descendant, type Location } from 'slate';
import { withHistory } from 'slate-history';
import type { ArticleBody } from '../model/document';
import { withArticleEditing } from './withArticleEditing';

export function createTestEditor(body: readonly unknown[], selection?: Location, now?: () => number): Editor {
  const editor = withArticleEditing(withHistory(createEditor()) as unknown as Editor, now);
  editor.children = structuredClone(body) as Descendant[];
  if (selection) editor.selection = Editor.range(editor, selection);
  return editor;
}

export const bodyOf = (editor: Editor): ArticleBody => editor.children as ArticleBody;
