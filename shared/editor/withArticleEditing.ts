/** All editing behaviour that needs no DOM, composed in the order the features expect. */
import { createEditor, Editor, type Descendant } from 'slate';
import { withHistory, type HistoryEditor } from 'slate-history';
import type { ArticleBody } from '../model/document';
import { withBlockBreaks } from './blockBreaks';
import { withLists } from './lists';
import { withMarkdownShortcuts } from './markdownShortcuts';
import { withArticleSchema } from './normalize';
import { withPromoBox } from './promoBox';
import { withTypingUndoGroups } from './typingUndo';
import { withTypography } from './typography';

/** Expects an editor that already has history (withHistory, or withYHistory on a newsroom article). Later plugins run first. */
export function withArticleEditing<E extends Editor>(editor: E, now?: () => number): E {
  return withTypingUndoGroups(withTypography(withMarkdownShortcuts(withLists(withPromoBox(withBlockBreaks(withArticleSchema(editor)))))), now);
}

/** Applies the body rules to a stored body once, before an editor shows it. */
export function normalizeBody(body: readonly unknown[]): ArticleBody {
  const editor = withArticleEditing(withHistory(createEditor()) as unknown as Editor & HistoryEditor);
  // No copy needed: Slate's transforms never mutate nodes in place (they produce new trees).
  editor.children = body as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor.children as ArticleBody;
}
