/** Messages between the editor and the house-style worker. */
import type { TextFinding } from '../../../shared/language/findings';
import type { BodyDelta } from '../../../shared/language/style/bodyMirror';
import type { StyleRule } from '../../../shared/language/style/rules';

export type ToStyleWorker = {
  type: 'check';
  id: number;
  body: BodyDelta;
  /** Sent when they changed since the last check. */
  rules?: StyleRule[];
  ignored?: string[];
};

export type FromStyleWorker = { type: 'checked'; id: number; findings: TextFinding[] } | { type: 'failed'; id: number; message: string };
