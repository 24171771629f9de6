/**
 * Undo steps whichever history the editor has: slate-history on a solo desk, or the Yjs undo manager
 * of @slate-yjs/core on a newsroom article (which undoes only this desk's own changes, never a
 * colleague's). The editing plugins ask here instead of reading either history directly.
 */
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';

type YUndo = { undoManager: { stopCapturing(): void; undoStack: unknown[]; redoStack: unknown[] }; flushLocalChanges(): void };

/**
 * The Yjs undo manager, with the editor's pending operations written to the document first: the
 * binding writes a whole Slate batch in one transaction at onChange, which would make one undo step.
 */
const yUndo = (editor: Editor): YUndo['undoManager'] | undefined => {
  const y = editor as unknown as Partial<YUndo>;
  if (!y.undoManager) return undefined;
  y.flushLocalChanges?.();
  return y.undoManager;
};
const yStacks = (editor: Editor): YUndo['undoManager'] | undefined => (editor as unknown as Partial<YUndo>).undoManager;

/** The next change starts its own undo step. */
export function startNewUndoStep(editor: Editor): void {
  const manager = yUndo(editor);
  if (manager) manager.stopCapturing();
  else if (HistoryEditor.isHistoryEditor(editor)) HistoryEditor.setSplittingOnce(editor, true);
}

/** Runs `change` as an undo step of its own. */
export function asOwnUndoStep(editor: Editor, change: () => void): void {
  const manager = yUndo(editor);
  if (manager) {
    manager.stopCapturing();
    change();
    yUndo(editor)?.stopCapturing();
  } else if (HistoryEditor.isHistoryEditor(editor)) HistoryEditor.withNewBatch(editor, change);
  else change();
}

/** Whether the last undo step ends with an operation already applied before this change began. */
export function lastUndoStepClosed(editor: Editor): boolean {
  // The binding writes a batch at onChange: a step is closed once no operation of this batch is pending.
  if (yStacks(editor)) return editor.operations.length === 0;
  if (!HistoryEditor.isHistoryEditor(editor)) return true;
  const lastBatch = editor.history.undos[editor.history.undos.length - 1];
  const lastOp = lastBatch?.operations[lastBatch.operations.length - 1];
  return lastOp !== undefined && !editor.operations.includes(lastOp);
}

export function canUndo(editor: Editor): boolean {
  const manager = yStacks(editor);
  if (manager) return manager.undoStack.length > 0;
  return HistoryEditor.isHistoryEditor(editor) && editor.history.undos.length > 0;
}

export function canRedo(editor: Editor): boolean {
  const manager = yStacks(editor);
  if (manager) return manager.redoStack.length > 0;
  return HistoryEditor.isHistoryEditor(editor) && editor.history.redos.length > 0;
}
