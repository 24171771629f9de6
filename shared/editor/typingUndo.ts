/**
 * Undo granularity like Google Docs: slate-history merges every consecutive
 * insert_text into one step; this starts a new step at each word and after a pause.
 */
import type { BaseOperation } from 'slate';
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import { lastUndoStepClosed, startNewUndoStep } from './undoSteps';

export const TYPING_PAUSE_MS = 1000;
const WORD_END = /[\s.,;:!?)\]}"'”’…—–-]$/;

/** Operations that mark just-typed text in the same change (suggesting mode gives it its insertion). */
const MARKING = new Set(['split_node', 'merge_node', 'set_node', 'set_selection']);

export function withTypingUndoGroups<E extends Editor>(editor: E, now: () => number = Date.now): E {
  const { apply } = editor;
  let lastTypedAt = -Infinity;
  let lastTyped: BaseOperation | null = null;
  // The last typed text was marked right after it: slate-history would not merge the next key
  // into that step (its last operation is no insert_text), so the next key asks for the merge.
  let markedAfterTyping = false;

  editor.apply = (op) => {
    if (op.type === 'insert_text' && HistoryEditor.isSaving(editor) !== false) {
      const time = now();
      const continues =
        lastTyped?.type === 'insert_text' &&
        time - lastTypedAt < TYPING_PAUSE_MS &&
        // A word starts after whitespace or punctuation: split there.
        !(WORD_END.test(lastTyped.text) && !WORD_END.test(op.text));
      if (!continues && lastUndoStepClosed(editor)) startNewUndoStep(editor);
      const merge = continues && markedAfterTyping && HistoryEditor.isHistoryEditor(editor);
      markedAfterTyping = false;
      lastTypedAt = time;
      lastTyped = op;
      if (merge) return HistoryEditor.withMerging(editor, () => apply(op));
    } else if (lastTyped && MARKING.has(op.type) && editor.operations.includes(lastTyped)) {
      // Part of the keystroke that typed: typing goes on after it.
      if (op.type !== 'set_selection') markedAfterTyping = true;
    } else if (op.type === 'set_selection') {
      // The caret moved on its own (a click, an arrow): the next key does not join the marked text.
      markedAfterTyping = false;
    } else {
      lastTyped = null;
      markedAfterTyping = false;
    }
    apply(op);
  };
  return editor;
}
