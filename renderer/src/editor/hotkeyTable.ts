/** The editor's keyboard shortcuts, one table (Google Docs conventions where they exist). */
import type { EditorCommand } from './commands';

export const HOTKEYS: Readonly<Record<string, EditorCommand>> = {
  'mod+b': 'bold',
  'mod+i': 'italic',
  'mod+u': 'underline',
  'alt+shift+5': 'strikethrough',
  'mod+.': 'superscript',
  'mod+,': 'subscript',
  'mod+k': 'link',
  'mod+alt+1': 'heading-1',
  'mod+alt+2': 'heading-2',
  'mod+alt+0': 'paragraph',
  'mod+shift+7': 'numbered-list',
  'mod+shift+8': 'bulleted-list',
  'mod+z': 'undo',
  'mod+shift+z': 'redo',
  'mod+y': 'redo',
  'mod+f': 'find',
  'mod+h': 'replace',
  'mod+alt+shift+x': 'suggesting-mode', // Google Docs: switch between editing and suggesting
  'mod+alt+shift+a': 'accept-suggestion', // the suggestion at the caret
  'mod+alt+shift+d': 'reject-suggestion',
  // The spelling suggestions for the word at the caret, or the next misspelled one: Word's Alt+F7, Google Docs' Ctrl+Alt+X.
  'alt+f7': 'spelling',
  'mod+alt+x': 'spelling',
};

/** The first shortcut for a command, for tooltips. */
export function hotkeyFor(command: EditorCommand): string | undefined {
  return Object.keys(HOTKEYS).find((k) => HOTKEYS[k] === command);
}

/** Desk shortcuts that work anywhere in an open article, not only in the text. */
export type DeskCommand = 'review' | 'comment' | 'margin' | 'submit';
export const DESK_HOTKEYS: Readonly<Record<string, DeskCommand>> = {
  'mod+alt+r': 'review', // the review tabs beside the article (details, checklist, history)
  'mod+alt+m': 'comment', // comment on the selected text
  'mod+alt+shift+m': 'margin', // the margin card of the text at the caret (Escape goes back)
  'mod+shift+enter': 'submit', // submit for review (the checklist runs first)
};

/** The first desk shortcut for a command, for tooltips and aria-keyshortcuts. */
export function deskHotkeyFor(command: DeskCommand): string | undefined {
  return Object.keys(DESK_HOTKEYS).find((k) => DESK_HOTKEYS[k] === command);
}
