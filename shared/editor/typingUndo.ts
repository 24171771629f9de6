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

export function withTypingUndoGroups<E extends Editor>(editor: E, now: () => number = Date.now): E {
  const { apply } = editor;
  let lastTypedAt = -Infinity;
  let lastTyped: BaseOperation | null = null;

  editor.apply = (op) => {
    if (op.type === 'insert_text' && HistoryEditor.isSaving(editor) !== false) {
      const time = now();
      const continues =
        lastTyped?.type === 'insert_text' &&
        time - lastTypedAt < TYPING_PAUSE_MS &&
        // A word starts after whitespace or punctuation: split there.
        !(WORD_END.test(lastTyped.text) && !WORD_END.test(op.text));
      if (!continues && lastUndoStepClosed(editor)) startNewUndoStep(editor);
      lastTypedAt = time;
      lastTyped = op;
    } else if (op.type !== 'set_selection') {
      lastTyped = null;
    }
    apply(op);
  };
  return editor;
}
