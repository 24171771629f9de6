/**
 * The import's calls into contained workers: reading a file (convertImport) and the word diff shown
 * for a bundle conflict. A breach of the worker's memory or time becomes the user's sentence for a
 * file, and a plain "everything replaced" comparison for a diff, so a conflict can still be decided.
 */
import { blockLabel, type VersionDiff, type VersionText, type WordPart } from '../../../shared/diff/wordDiff';
import { importStoppedMessage } from '../../../shared/exchange/importLimits';
import { ContainedTaskError, runContained, type TaskLimits } from '../worker/containedTask';
import type { ConvertedImport } from './convertImport';

/** A conflict diff that takes longer than this is shown as a whole replacement. */
export const DIFF_TIME_MS = 10_000;

export async function convertContained(fileName: string, bytes: Uint8Array): Promise<ConvertedImport> {
  try {
    return await runContained('convertImport', { fileName, bytes });
  } catch (error) {
    if (error instanceof ContainedTaskError) return { kind: 'refused', message: importStoppedMessage(fileName, error.reason, error.limit) };
    throw error;
  }
}

const replaced = (before: string, after: string): WordPart[] =>
  before === after
    ? before
      ? [{ kind: 'same', text: before }]
      : []
    : [...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])];

function wholeReplacement(before: VersionText, after: VersionText): VersionDiff {
  return {
    headline: replaced(before.headline, after.headline),
    dek: replaced(before.dek, after.dek),
    blocks: [
      ...before.body.map((b) => ({ kind: 'removed' as const, text: blockLabel(b) })),
      ...after.body.map((b) => ({ kind: 'added' as const, text: blockLabel(b) })),
    ],
  };
}

export async function diffContained(before: VersionText, after: VersionText, limits: Partial<TaskLimits> = { timeMs: DIFF_TIME_MS }): Promise<VersionDiff> {
  const text = ({ headline, dek, body }: VersionText): VersionText => ({ headline, dek, body });
  try {
    return await runContained('diffVersions', { before: text(before), after: text(after) }, limits);
  } catch (error) {
    if (error instanceof ContainedTaskError) return wholeReplacement(before, after);
    throw error;
  }
}
