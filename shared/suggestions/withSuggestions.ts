/**
 * Suggesting mode as an editor plugin: while the source (setSuggestionSource) names an author,
 * typing, deleting, pasting, Enter and marks become suggestions. Block styles and links ask the same source
 * (blockStyles.ts, linkEditing.ts). Applied outermost, so smart quotes and the rest still shape what is typed.
 */
import { Editor, Range } from 'slate';
import { MARKS, type Mark } from '../model/document';
import { setSuggestionSource, suggestingAuthor, type SuggestionAuthor } from './mode';
import { suggestFragment } from './paste';
import { insertPlainText, suggestBreak, suggestDeleteAtCaret, suggestDeleteSelection, suggestInsertText, suggestMark } from './transforms';

const isMark = (key: string): key is Mark => (MARKS as readonly string[]).includes(key);

export function withSuggestions<E extends Editor>(editor: E, source?: () => SuggestionAuthor | null): E {
  const { insertText, deleteBackward, deleteForward, deleteFragment, insertFragment, insertBreak, addMark, removeMark } = editor;
  if (source) setSuggestionSource(editor, source);

  editor.insertText = (text, options) => {
    const author = suggestingAuthor(editor);
    if (options?.at) return insertText(text, options);
    if (!author) return insertPlainText(editor, () => insertText(text, options));
    suggestInsertText(editor, author, () => insertText(text, options));
  };
  editor.deleteBackward = (unit) => {
    const author = suggestingAuthor(editor);
    if (!author) return deleteBackward(unit);
    suggestDeleteAtCaret(editor, author, 'backward', unit, () => deleteBackward(unit));
  };
  editor.deleteForward = (unit) => {
    const author = suggestingAuthor(editor);
    if (!author) return deleteForward(unit);
    suggestDeleteAtCaret(editor, author, 'forward', unit, () => deleteForward(unit));
  };
  editor.deleteFragment = (options) => {
    const author = suggestingAuthor(editor);
    if (!author || !editor.selection || Range.isCollapsed(editor.selection)) return deleteFragment(options);
    suggestDeleteSelection(editor, author, options?.direction ?? 'backward');
  };
  // A paste: the selection struck, the pasted text one suggested insertion (shared/suggestions/paste).
  editor.insertFragment = (fragment, options) => {
    const author = suggestingAuthor(editor);
    if (!author || options?.at) return insertFragment(fragment, options);
    suggestFragment(editor, author, fragment, (marked) => insertFragment(marked, options));
  };
  editor.insertBreak = () => {
    const author = suggestingAuthor(editor);
    if (!author) return insertBreak();
    suggestBreak(editor, author, insertBreak);
  };
  editor.addMark = (key, value) => {
    const author = suggestingAuthor(editor);
    if (!author || !isMark(key) || !editor.selection || Range.isCollapsed(editor.selection)) return addMark(key, value);
    suggestMark(editor, author, key, true);
  };
  editor.removeMark = (key) => {
    const author = suggestingAuthor(editor);
    if (!author || !isMark(key) || !editor.selection || Range.isCollapsed(editor.selection)) return removeMark(key);
    suggestMark(editor, author, key, false);
  };
  return editor;
}
