/** Named editor commands shared by the toolbar, the hotkey table and menus. */
import type { Editor } from 'slate';
import { MARKS, type Mark } from '../../../shared/model/document';
import { BLOCK_STYLES, toggleBlockStyle, type BlockStyle } from '../../../shared/editor/blockStyles';
import { toggleMark } from '../../../shared/editor/marks';
import { decideSuggestions, suggestionAtSelection } from '../../../shared/suggestions/review';

export type EditorCommand =
  Mark | BlockStyle | 'link' | 'undo' | 'redo' | 'find' | 'replace' | 'suggesting-mode' | 'accept-suggestion' | 'reject-suggestion' | 'spelling';

const markSet = new Set<string>(MARKS);
const styleSet = new Set<string>(BLOCK_STYLES);

export const isMarkCommand = (c: EditorCommand): c is Mark => markSet.has(c);
export const isStyleCommand = (c: EditorCommand): c is BlockStyle => styleSet.has(c);

/** Runs commands that only change the document; returns false for ones the UI must handle. */
export function runDocumentCommand(editor: Editor, command: EditorCommand): boolean {
  if (isMarkCommand(command)) toggleMark(editor, command);
  else if (isStyleCommand(command)) toggleBlockStyle(editor, command);
  else if (command === 'undo') editor.undo();
  else if (command === 'redo') editor.redo();
  else if (command === 'accept-suggestion' || command === 'reject-suggestion') {
    const at = suggestionAtSelection(editor);
    if (at) decideSuggestions(editor, new Set([at.id]), command === 'accept-suggestion' ? 'accept' : 'reject');
  } else return false;
  return true;
}
