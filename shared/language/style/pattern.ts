/**
 * Patterns in house-style rules run on RE2 (re2js), whose time grows linearly with the text whatever
 * the pattern. A pattern is still refused when it is saved if it is too long, does not parse as RE2,
 * repeats a repetition (`(a+)+`: harmless here, but exponential in the backtracking engines other
 * tools would copy it into), matches empty text (it would mark every gap), or compiles to a program
 * too big to run quickly over a long article.
 */
import { RE2JS } from 're2js';

export const PATTERN_LIMITS = { length: 300, programSize: 800 } as const;

export type PatternVerdict = { ok: true } | { ok: false; reason: string };

const isRepeat = (pattern: string, at: number): { repeat: boolean; length: number } => {
  const c = pattern[at];
  if (c === '*' || c === '+') return { repeat: true, length: 1 };
  if (c === '?') return { repeat: false, length: 1 };
  if (c === '{') {
    const m = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(at, at + 16));
    if (!m) return { repeat: false, length: 0 };
    const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1]);
    return { repeat: max > 1, length: m[0].length };
  }
  return { repeat: false, length: 0 };
};

/** True when a group that repeats contains a repetition itself, as in `(a+)+` or `(?:x*y)*`. One pass. */
export function hasNestedRepetition(pattern: string): boolean {
  const stack: boolean[] = [false];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      // \p{…} and \x{…} carry braces that are not repeat counts.
      if ((pattern[i + 1] === 'p' || pattern[i + 1] === 'P' || pattern[i + 1] === 'x') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        i = close === -1 ? pattern.length : close;
      } else i++;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      continue;
    }
    if (c === ')') {
      const inner = stack.length > 1 ? stack.pop()! : false;
      const after = isRepeat(pattern, i + 1);
      if (inner && after.repeat) return true;
      stack[stack.length - 1] ||= inner || after.repeat;
      i += after.length;
      continue;
    }
    const q = isRepeat(pattern, i);
    if (q.repeat) stack[stack.length - 1] = true;
    if (q.length > 1) i += q.length - 1;
  }
  return false;
}

export function compilePattern(pattern: string, matchCase: boolean): RE2JS {
  return RE2JS.compile(pattern, matchCase ? 0 : RE2JS.CASE_INSENSITIVE);
}

/** Whether a rule's pattern may be saved, and if not, why, in the writer's words. */
export function checkPattern(pattern: string, matchCase: boolean): PatternVerdict {
  if (pattern.length > PATTERN_LIMITS.length)
    return { ok: false, reason: `The pattern is ${pattern.length} characters; the limit is ${PATTERN_LIMITS.length}.` };
  if (hasNestedRepetition(pattern)) {
    return {
      ok: false,
      reason: 'The pattern repeats a group that already repeats (like “(a+)+”). Such patterns can run for ever in other tools; write the repetition once.',
    };
  }
  let compiled: RE2JS;
  try {
    compiled = compilePattern(pattern, matchCase);
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    return { ok: false, reason: `The pattern cannot be used: ${detail}. Look-arounds and back-references are not supported.` };
  }
  if (compiled.programSize() > PATTERN_LIMITS.programSize) {
    return { ok: false, reason: 'The pattern is too large to check quickly (it expands to too many steps). Split it into simpler rules.' };
  }
  if (compiled.matcher('').find())
    return { ok: false, reason: 'The pattern also matches empty text, so it would mark every gap. Make it need at least one character.' };
  return { ok: true };
}
