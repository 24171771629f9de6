/**
 * fast-check generators of hostile parser input (repeated delimiters, unclosed tags and containers,
 * long whitespace runs, deep nesting) and a CPU-time clock for per-input time limits. CPU time, not
 * wall time: a loaded machine slows the wall clock of a linear parser as much as a quadratic one.
 */
import fc from 'fast-check';
import { HOSTILE_UNITS } from './hostileContent';

/** Hostile inputs stay under this many characters, so a run of them fits a unit test. */
export const MAX_HOSTILE_LENGTH = 120_000;

const unit = fc.constantFrom(...HOSTILE_UNITS);
const clip = (s: string) => s.slice(0, MAX_HOSTILE_LENGTH);

/** One unit repeated: `*a_*a_*a_…`, `<li><li>…`, 100,000 spaces. */
const repeated = fc.tuple(unit, fc.integer({ min: 1_000, max: 40_000 })).map(([u, n]) => clip(u.repeat(n)));

/** A few units joined, then repeated: mixes of delimiters that never match. */
const mixed = fc
  .tuple(fc.array(unit, { minLength: 2, maxLength: 6 }), fc.integer({ min: 200, max: 10_000 }))
  .map(([units, n]) => clip(units.join('').repeat(n)));

/** Openers nested deep around some text, closed partly or not at all. */
const nested = fc
  .tuple(
    fc.constantFrom('<div>', '<ul><li>', '<blockquote>', '<b><i>', '> ', '- ', '*', '[', '(', '{"a":', '['),
    fc.integer({ min: 500, max: 20_000 }),
    fc.boolean(),
  )
  .map(([open, n, close]) => clip(`${open.repeat(n)}deep text${close ? open.replace('<', '</').repeat(n) : ''}`));

/** A long run of whitespace inside content and before a unit. */
const whitespace = fc
  .tuple(fc.constantFrom(' ', '\t', '\n', '\u00a0', ' \n', '\r\n'), fc.integer({ min: 10_000, max: 100_000 }), unit)
  .map(([ws, n, u]) => clip(`a${ws.repeat(n)}${u}b${u}`));

/** Any of the above, behind ordinary text or YAML front matter. */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(repeated, mixed, nested, whitespace),
    fc.constantFrom('', 'Plain words first.\n\n', '---\nheadline: Hostile\n---\n', '---\ndek: >\n  folded\n---\n# Head\n\n', '<p>hello</p>'),
  )
  .map(([body, prefix]) => prefix + body);

/** A ninjs item carrying hostile text in every string it reads. */
export const hostileNinjs: fc.Arbitrary<string> = fc
  .tuple(hostileText, fc.constantFrom('body_html', 'body_text', 'by', 'headline'))
  .map(([text, key]) => JSON.stringify({ headline: 'Hostile', [key]: text, ...(key === 'by' ? { body_text: 'x' } : {}) }));

/** CPU milliseconds `fn` takes (this process's user and system time). */
export function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1_000;
}

/** The median CPU time of `runs` calls. */
export function medianCpuMs(fn: () => unknown, runs = 5): number {
  const times = Array.from({ length: runs }, () => cpuMs(fn)).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}
