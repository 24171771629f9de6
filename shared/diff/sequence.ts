/**
 * The one sequence diff of the desk: jsdiff's Myers diff, bounded. Two texts more different than
 * `MAX_EDIT_LENGTH` edits, or a comparison past its time budget, give up (undefined) within
 * milliseconds instead of taking seconds and a gigabyte; the caller then shows a coarser result.
 */
import { diffArrays } from 'diff';

export type Edit<T> = { kind: 'same' | 'added' | 'removed'; item: T };

/** Beyond this many inserted plus removed items a word-by-word comparison says nothing a reader can use. */
export const MAX_EDIT_LENGTH = 1_000;
/** Wall-clock budget of one whole comparison (all the diffs it runs), on a slow machine too. */
export const DIFF_TIME_BUDGET_MS = 1_500;

/** A deadline shared by the diffs of one comparison. */
export type DiffBudget = { deadline: number };

export const newBudget = (ms = DIFF_TIME_BUDGET_MS): DiffBudget => ({ deadline: Date.now() + ms });

/** The shortest edit script from `a` to `b`, or undefined when it is longer than the limits allow. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], budget: DiffBudget = newBudget()): Edit<T>[] | undefined {
  const timeout = budget.deadline - Date.now();
  if (timeout <= 0) return undefined;
  const changes = diffArrays([...a], [...b], { maxEditLength: MAX_EDIT_LENGTH, timeout });
  if (!changes) return undefined;
  const edits: Edit<T>[] = [];
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const item of change.value) edits.push({ kind, item });
  }
  return edits;
}
