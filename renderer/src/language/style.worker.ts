/**
 * The house-style worker: keeps a copy of the open article's body (from deltas: only changed blocks
 * come over) and checks it against the rules, so neither a first check of a long article nor the
 * comparison of names and numbers across it ever holds up typing.
 */
import { createBodyMirror } from '../../../shared/language/style/bodyMirror';
import { createStyleChecker } from '../../../shared/language/style/checkStyle';
import type { StyleRule } from '../../../shared/language/style/rules';
import type { FromStyleWorker, ToStyleWorker } from './styleProtocol';

// The DOM and web worker type libraries cannot both be in one program; this is the part used here.
const scope = self as unknown as { postMessage: (m: FromStyleWorker) => void; onmessage: ((e: MessageEvent<ToStyleWorker>) => void) | null };

const mirror = createBodyMirror();
const checker = createStyleChecker();
let rules: StyleRule[] = [];
let ignored: ReadonlySet<string> = new Set();

scope.onmessage = ({ data }) => {
  try {
    if (data.rules) rules = data.rules;
    if (data.ignored) ignored = new Set(data.ignored);
    const body = mirror.apply(data.body);
    const result = checker.check(body, rules, { ignored });
    scope.postMessage({ type: 'checked', id: data.id, findings: result.done ? result.findings : [] });
  } catch (error) {
    scope.postMessage({ type: 'failed', id: data.id, message: error instanceof Error ? error.message : String(error) });
  }
};
