/**
 * A rule turned into something that finds its matches in one text and writes their fixes. Words and
 * phrases become one alternation of escaped literals (linear for the engine: no nested choices);
 * patterns run on RE2. A rule that cannot run (a pattern stored before a check existed, or sent by an
 * older server) is skipped and reported, never thrown: checking must go on for the other rules.
 */
import type { RE2JS } from 're2js';
import { checkPattern, compilePattern } from './pattern';
import { ruleMessage, type FixCase, type StyleRule } from './rules';

export type RuleHit = { start: number; end: number; fix: string | undefined };

export type CompiledRule = { rule: StyleRule; hits: (text: string) => RuleHit[] };

/** A rule marks at most this many places in one paragraph; past it the text is not ours to restyle. */
export const MAX_HITS_PER_TEXT = 200;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function applyCase(text: string, how: FixCase): string {
  switch (how) {
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'title':
      return text.replace(/(^|[\s-])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
    default:
      return text;
  }
}

/** “E-mail” → “Email”, “E-MAIL” → “EMAIL”: a fix keeps the capitals of what it replaces. */
function followCapitals(found: string, replacement: string): string {
  if (!replacement) return replacement;
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = found.match(/\p{L}/u)?.[0];
  if (first && first !== first.toLowerCase() && replacement[0] === replacement[0]!.toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/** `$&` (or `$0`) is the whole match, `$1`…`$9` its groups; `$$` a dollar sign. */
function fillReplacement(template: string, group: (n: number) => string): string {
  return template.replace(/\$(\$|&|\d)/g, (_m, what: string) => (what === '$' ? '$' : group(what === '&' ? 0 : Number(what))));
}

function wordsRule(rule: StyleRule, terms: readonly string[]): CompiledRule {
  // Longest first, so “per cent of” wins over “per cent”; spaces in a phrase match any run of spaces.
  const alternation = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escape(t.trim()).replace(/\s+/g, '[\\s\\u00a0]+'))
    .join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternation})(?![\\p{L}\\p{N}_])`, rule.matchCase ? 'gu' : 'giu');
  return {
    rule,
    hits(text) {
      const out: RuleHit[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m && out.length < MAX_HITS_PER_TEXT; m = re.exec(text)) {
        const found = m[0];
        const fix = rule.replacement ? applyCase(followCapitals(found, rule.replacement), rule.fixCase) : undefined;
        out.push({ start: m.index, end: m.index + found.length, fix: fix === found ? undefined : fix });
      }
      return out;
    },
  };
}

function patternRule(rule: StyleRule, compiled: RE2JS): CompiledRule {
  const groups = compiled.groupCount();
  return {
    rule,
    hits(text) {
      const out: RuleHit[] = [];
      const m = compiled.matcher(text);
      let from = 0;
      while (out.length < MAX_HITS_PER_TEXT && from <= text.length && m.find(from)) {
        const start = m.start();
        const end = m.end();
        // Stored patterns were checked not to match empty text; this keeps a bad one from looping anyway.
        if (end === start) {
          from = end + 1;
          continue;
        }
        from = end;
        let fix: string | undefined;
        if (rule.replacement) {
          const filled = fillReplacement(rule.replacement, (n) => (n <= groups ? (m.group(n) ?? '') : ''));
          fix = applyCase(filled, rule.fixCase);
          if (fix === text.slice(start, end)) continue; // Already in house style (a pattern wider than the fault).
        }
        out.push({ start, end, fix });
      }
      return out;
    },
  };
}

export type CompiledRules = { rules: CompiledRule[]; skipped: { rule: StyleRule; reason: string }[] };

export function compileRules(rules: readonly StyleRule[]): CompiledRules {
  const out: CompiledRules = { rules: [], skipped: [] };
  for (const rule of rules) {
    if (rule.archived) continue;
    if (rule.find.kind === 'words') {
      const terms = rule.find.terms.filter((t) => t.trim());
      if (terms.length > 0) out.rules.push(wordsRule(rule, terms));
      continue;
    }
    const verdict = checkPattern(rule.find.pattern, rule.matchCase);
    if (!verdict.ok) {
      out.skipped.push({ rule, reason: verdict.reason });
      continue;
    }
    out.rules.push(patternRule(rule, compilePattern(rule.find.pattern, rule.matchCase)));
  }
  return out;
}

export { ruleMessage };
