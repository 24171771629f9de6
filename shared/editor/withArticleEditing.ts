/** All editing behaviour that needs no DOM, composed in the order the features expect. */
import type { Editor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import { withBlockBreaks } from './blockBreaks';
import { withLists } from './lists';
import { withMarkdownShortcuts } from './markdownShortcuts';
import { withArticleSchema } from './normalize';
import { withPromoBox } from './promoBox';
import { withTypingUndoGroups } from './typingUndo';

/** Expects an editor that already has history (withHistory). Later plugins run first. */
export function withArticleEditing<E extends Editor & HistoryEditor>(editor: E, now?: () => number): E {
  return withTypingUndoGroups(withMarkdownShortcuts(withLists(withPromoBox(withBlockBreaks(withArticleSchema(editor))))), now);
}
