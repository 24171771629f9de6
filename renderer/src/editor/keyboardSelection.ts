/**
 * Keeps Slate's selection and the page's in step when the keyboard changes the selection.
 *
 * Left to the browser, Shift+Arrow moves only the page's selection; Slate reads it back on a 100 ms
 * throttle, and a render in between puts Slate's older selection back on the page. Under load,
 * presses were lost that way ("report" selected with six presses, "ort" linked by Ctrl+K). So the
 * editor extends the selection itself, with the browser's own movement, and tells Slate at once.
 */
import { Editor, Range, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { isMacPlatform, type KeyEventLike } from '../../../shared/editor/hotkeys';
import { scrollIntoViewSettled } from './scrollSettled';

/** Makes Slate's selection the page's, so a shortcut acts on what the writer sees selected. */
export function syncSelectionFromDom(editor: Editor): void {
  const dom = window.getSelection();
  if (!dom || dom.rangeCount === 0 || !ReactEditor.hasDOMNode(editor, dom.anchorNode as globalThis.Node, { editable: true })) return;
  const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
  if (range && (!editor.selection || !Range.equals(range, editor.selection))) Transforms.select(editor, range);
}

export type SelectionExtension = {
  direction: 'left' | 'right' | 'backward' | 'forward';
  granularity: 'character' | 'word' | 'line' | 'lineboundary';
};

/** What a key press does to the selection if it extends it (Shift+Arrow, by word, to the line's edge), or null. */
export function selectionExtension(event: KeyEventLike, mac = isMacPlatform()): SelectionExtension | null {
  if (!event.shiftKey) return null;
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  const byWord = mac ? event.altKey && !event.ctrlKey && !event.metaKey : event.ctrlKey && !event.metaKey && !event.altKey;
  const toLineEdge = mac && event.metaKey && !event.ctrlKey && !event.altKey;
  switch (event.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = event.key === 'ArrowLeft' ? 'left' : 'right';
      if (plain) return { direction, granularity: 'character' };
      if (byWord) return { direction, granularity: 'word' };
      return toLineEdge ? { direction, granularity: 'lineboundary' } : null;
    }
    case 'ArrowUp':
    case 'ArrowDown':
      return plain ? { direction: event.key === 'ArrowUp' ? 'backward' : 'forward', granularity: 'line' } : null;
    case 'Home':
    case 'End':
      // On macOS Home and End scroll; the line's edges are Cmd+Arrow there.
      return plain && !mac ? { direction: event.key === 'Home' ? 'backward' : 'forward', granularity: 'lineboundary' } : null;
    default:
      return null;
  }
}

/**
 * Extends the page's selection as the browser would for that key, and Slate's with it in the same task.
 * False when the page's selection is not in this editor (the browser then handles the key).
 */
export function extendSelection(editor: Editor, extension: SelectionExtension): boolean {
  const dom = window.getSelection();
  if (!dom || dom.rangeCount === 0 || !ReactEditor.hasDOMNode(editor, dom.focusNode as globalThis.Node, { editable: true })) return false;
  dom.modify('extend', extension.direction, extension.granularity);
  syncSelectionFromDom(editor);
  return true;
}

/** For an editor's keydown: handles a selection-extending key and says whether it did. */
export function handleSelectionKey(editor: Editor, event: { nativeEvent: KeyboardEvent; preventDefault(): void }): boolean {
  if (event.nativeEvent.isComposing) return false;
  const extension = selectionExtension(event.nativeEvent);
  if (!extension || !extendSelection(editor, extension)) return false;
  event.preventDefault();
  return true;
}

/** Ctrl+Home and Ctrl+End (Cmd+Up and Cmd+Down on a Mac), with Shift to extend, and Ctrl+A: where they go. */
export function documentJump(event: KeyEventLike, mac = isMacPlatform()): 'start' | 'end' | 'all' | null {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.altKey) return null;
  if (event.key === 'Home' || (mac && event.key === 'ArrowUp')) return 'start';
  if (event.key === 'End' || (mac && event.key === 'ArrowDown')) return 'end';
  return !event.shiftKey && (event.key === 'a' || event.key === 'A') ? 'all' : null;
}

/**
 * Moves to the start or end of the article, or selects all of it, in Slate's selection. The browser
 * moves over the page, which in a long article does not hold every block yet (progressiveBody.tsx)
 * and skips laying out the chunks off screen: Ctrl+End left the caret at the start of the last chunk.
 */
export function handleDocumentJump(editor: Editor, event: { nativeEvent: KeyboardEvent; shiftKey: boolean; preventDefault(): void }): boolean {
  if (event.nativeEvent.isComposing) return false;
  const jump = documentJump(event.nativeEvent);
  if (!jump) return false;
  event.preventDefault();
  if (jump === 'all') {
    Transforms.select(editor, Editor.range(editor, []));
    return true;
  }
  syncSelectionFromDom(editor);
  const to = jump === 'start' ? Editor.start(editor, []) : Editor.end(editor, []);
  if (event.shiftKey && editor.selection) Transforms.select(editor, { anchor: editor.selection.anchor, focus: to });
  else Transforms.select(editor, to);
  // Slate scrolls to the caret once, before the chunks it passes are laid out; look again after.
  requestAnimationFrame(() =>
    scrollIntoViewSettled(() => {
      try {
        return ReactEditor.toDOMNode(editor, Editor.node(editor, to.path)[0]).parentElement;
      } catch {
        return null;
      }
    }),
  );
  return true;
}
