/**
 * The house-style check: `checkStyle(blocks, rules, options)` gives every finding in an article body,
 * each tied to the text leaf it starts in (shared/language/findings.ts). Pure, with no DOM or Node,
 * so it runs in the renderer, a worker or the store alike.
 *
 * What a block yields is kept per block object (Slate gives a changed block a new object), so after the
 * first pass a check reads only the blocks that changed and then compares numbers and names across
 * the article from what each block collected. `createStyleChecker().check(…, { deadline })` stops
 * between blocks when the deadline passes and picks up there on the next call, so a long article
 * is checked in slices that never hold up typing.
 */
import type { BlockElement } from '../../model/document';
import type { FindingSeverity, TextFinding } from '../findings';
import { nameForms, numberForms } from './articleWide';
import {
  balance,
  BUILTIN_CHECKS,
  doubleSpaces,
  longSentences,
  namesIn,
  numbersIn,
  repeatedWords,
  type BuiltinCheck,
  type Hit,
  type NameToken,
  type NumberToken,
} from './builtins';
import { compileRules, type CompiledRules } from './matchers';
import { ruleMessage, type StyleRule } from './rules';
import { leafAt, textRuns, type TextRun } from './text';

export type StyleOptions = {
  /** Built-in checks to leave out (all run by default). */
  off?: readonly BuiltinCheck[];
  /** Words past which a sentence is marked. */
  longSentenceWords?: number;
  /** Finding keys the writer chose to ignore. */
  ignored?: ReadonlySet<string>;
};

export const DEFAULT_LONG_SENTENCE_WORDS = 40;
/** Past this many findings an article is not being written in house style at all; more marks help nobody. */
export const MAX_FINDINGS = 5_000;

/** A finding inside one top-level block: `rel` is the leaf path below the block. */
type BlockFinding = Omit<TextFinding, 'path'> & { rel: number[] };
type Positioned<T> = T & { run: number };

type BlockResult = {
  findings: BlockFinding[];
  runs: TextRun[];
  openQuotes: Positioned<Hit>[];
  opensWithQuote: boolean[];
  numbers: Positioned<NumberToken>[];
  names: Positioned<NameToken>[];
  /** The findings with whole paths, for the position the block had when last assembled. */
  placed?: { index: number; findings: TextFinding[] };
};

/** FNV-1a, base 36: short keys for “ignore this one”. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const WORD_BEFORE = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u;
const WORD_AFTER = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/**
 * The same instance keeps its key while the word just before and just after it stay the same,
 * wherever it moves and whatever changes further along its sentence; fixing it, or rewording right
 * around it, makes a new instance. Identical instances between the same two words in one paragraph are numbered (checkBlock).
 */
function findingKey(ruleId: string, text: string, start: number, end: number): string {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
  const after = WORD_AFTER.exec(text.slice(end, end + 40))?.[1] ?? '';
  return `style:${ruleId}:${hash(`${before}\u0000${text.slice(start, end)}\u0000${after}`)}`;
}

function toFinding(run: TextRun, hit: Hit): BlockFinding | undefined {
  const leaf = leafAt(run, hit.start);
  if (!leaf) return undefined;
  const start = hit.start - leaf.start;
  const clipped = hit.end > leaf.start + leaf.length;
  const end = Math.min(hit.end, leaf.start + leaf.length) - leaf.start;
  if (end <= start) return undefined;
  return {
    source: 'style',
    rel: leaf.path,
    start,
    end,
    word: run.text.slice(hit.start, leaf.start + end),
    message: hit.message,
    severity: hit.severity,
    // A fix across bold and plain runs would lose the formatting of one: the writer changes it by hand.
    fixes: clipped ? [] : hit.fixes,
    ruleId: hit.ruleId,
    key: findingKey(hit.ruleId, run.text, hit.start, hit.end),
  };
}

function checkBlock(block: BlockElement, compiled: CompiledRules, on: (c: BuiltinCheck) => boolean, longWords: number): BlockResult {
  const runs = textRuns(block);
  const result: BlockResult = { findings: [], runs, openQuotes: [], opensWithQuote: [], numbers: [], names: [] };
  runs.forEach((run, r) => {
    const { text } = run;
    const hits: Hit[] = [];
    if (text.trim()) {
      for (const { rule, hits: find } of compiled.rules) {
        for (const h of find(text)) {
          hits.push({
            start: h.start,
            end: h.end,
            message: ruleMessage(rule, h.fix),
            severity: rule.severity as FindingSeverity,
            fixes: h.fix === undefined ? [] : [h.fix],
            ruleId: rule.id,
          });
        }
      }
      if (on('repeated-word')) hits.push(...repeatedWords(text));
      if (on('double-space')) hits.push(...doubleSpaces(text));
      if (on('long-sentence')) hits.push(...longSentences(text, longWords));
    }
    if (on('unbalanced')) {
      const b = balance(text);
      hits.push(...b.hits);
      result.openQuotes.push(...b.openQuotes.map((h) => ({ ...h, run: r })));
      result.opensWithQuote.push(b.opensWithQuote);
    } else result.opensWithQuote.push(false);
    if (on('number-forms')) result.numbers.push(...numbersIn(text).map((t) => ({ ...t, run: r })));
    if (on('name-forms')) for (const t of namesIn(text)) result.names.push({ ...t, run: r });
    // “an e-mail to book, or an e-mail to cancel”: the second instance between the same words is told apart by its place among them.
    const seen = new Map<string, number>();
    for (const hit of hits.sort((a, b) => a.start - b.start)) {
      const f = toFinding(run, hit);
      if (!f) continue;
      const n = seen.get(f.key) ?? 0;
      seen.set(f.key, n + 1);
      result.findings.push(n === 0 ? f : { ...f, key: `${f.key}.${n}` });
    }
  });
  return result;
}

type Done = { findings: TextFinding[]; done: true };
type Pending = { done: false; checked: number; total: number };

export type StyleChecker = {
  /** All findings, or `done: false` when the deadline passed first (call again: finished blocks are kept). */
  check(blocks: readonly BlockElement[], rules: readonly StyleRule[], options?: StyleOptions, budget?: { deadline: () => boolean }): Done | Pending;
  /** Rules the checker had to leave out, with why (patterns stored before they were checked). */
  skipped(): CompiledRules['skipped'];
};

export function createStyleChecker(): StyleChecker {
  let stamp = '';
  let compiled: CompiledRules = { rules: [], skipped: [] };
  let cache = new WeakMap<BlockElement, BlockResult>();

  return {
    skipped: () => compiled.skipped,
    check(blocks, rules, options = {}, budget) {
      const off = new Set(options.off ?? []);
      const on = (c: BuiltinCheck) => !off.has(c);
      const longWords = options.longSentenceWords ?? DEFAULT_LONG_SENTENCE_WORDS;
      const nextStamp = JSON.stringify([rules, BUILTIN_CHECKS.filter(on), longWords]);
      if (nextStamp !== stamp) {
        stamp = nextStamp;
        compiled = compileRules(rules);
        cache = new WeakMap();
      }

      const results: BlockResult[] = [];
      for (let i = 0; i < blocks.length; i++) {
        const block = blocks[i]!;
        let result = cache.get(block);
        if (!result) {
          if (budget?.deadline()) return { done: false, checked: i, total: blocks.length };
          result = checkBlock(block, compiled, on, longWords);
          cache.set(block, result);
        }
        results.push(result);
      }
      return { done: true, findings: assemble(results, options.ignored) };
    },
  };
}

/**
 * A recheck after one keystroke assembles the whole article again, so nothing here is per block
 * unless it must be: a block's findings are placed once per position (kept with the block), tokens
 * are told their block by a field rather than copied, and the quotes that run on need only the blocks
 * that left one open.
 */
function assemble(results: readonly BlockResult[], ignored: ReadonlySet<string> | undefined): TextFinding[] {
  const out: TextFinding[] = [];
  const extra: TextFinding[] = [];
  const located = (index: number, run: TextRun, hit: Hit) => {
    const f = toFinding(run, hit);
    if (!f || ignored?.has(f.key)) return;
    const { rel, ...rest } = f;
    extra.push({ ...rest, path: [index, ...rel] });
  };

  const numbers: Positioned<NumberToken & { index: number }>[] = [];
  const names: Positioned<NameToken & { index: number }>[] = [];
  for (let index = 0; index < results.length; index++) {
    const r = results[index]!;
    if (r.findings.length > 0 && out.length < MAX_FINDINGS) {
      if (r.placed?.index !== index) r.placed = { index, findings: r.findings.map(({ rel, ...rest }) => ({ ...rest, path: [index, ...rel] })) };
      for (const f of r.placed.findings) if (!ignored?.has(f.key) && out.length < MAX_FINDINGS) out.push(f);
    }
    for (const t of r.numbers) numbers.push(Object.assign(t, { index }));
    for (const t of r.names) names.push(Object.assign(t, { index }));
    // A quotation may run on: its paragraph is left open when the next one opens a quote again.
    for (let k = 0; k < r.runs.length; k++) {
      if (r.openQuotes.length === 0) break;
      const open = r.openQuotes.filter((q) => q.run === k);
      if (open.length === 0) continue;
      const nextOpens = k + 1 < r.runs.length ? r.opensWithQuote[k + 1] : results[index + 1]?.opensWithQuote[0];
      for (const q of nextOpens === true ? open.slice(0, -1) : open) located(index, r.runs[k]!, q);
    }
  }

  for (const { token, hit } of numberForms(numbers))
    located(token.index, results[token.index]!.runs[token.run]!, { ...hit, start: token.start, end: token.end });
  // Asked only of the few names that look alike, so reading the text again is cheap.
  const small = (lower: string) => {
    const re = new RegExp(`(?<!\\p{L})${lower}(?!\\p{L})`, 'u');
    return results.some((r) => r.runs.some((run) => re.test(run.text)));
  };
  for (const { token, hit } of nameForms(names, small))
    located(token.index, results[token.index]!.runs[token.run]!, { ...hit, start: token.start, end: token.end });

  if (extra.length === 0) return out;
  return [...out, ...extra.slice(0, Math.max(0, MAX_FINDINGS - out.length))].sort((a, b) => comparePaths(a.path, b.path) || a.start - b.start);
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const shared = createStyleChecker();

/** Every house-style finding in a body (one full pass, reusing what earlier calls found for unchanged blocks). */
export function checkStyle(blocks: readonly BlockElement[], rules: readonly StyleRule[], options: StyleOptions = {}): TextFinding[] {
  const result = shared.check(blocks, rules, options);
  return result.done ? result.findings : [];
}

/** Findings still in the text by severity, as the pre-export checklist counts them (notes are not counted). */
export function countStyleFindings(findings: readonly TextFinding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
