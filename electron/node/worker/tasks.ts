/**
 * What may run in a contained worker (worker/containedTask.ts): each task takes and returns plain,
 * structured-cloneable data. Only the worker loads this table (and the parsers behind it).
 */
import { diffVersions, type VersionText } from '../../../shared/diff/wordDiff';
import { convertImport } from '../exchange/convertImport';

export const TASKS = {
  convertImport,
  diffVersions: ({ before, after }: { before: VersionText; after: VersionText }) => diffVersions(before, after),
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
