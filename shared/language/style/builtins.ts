/**
 * The checks every newsroom gets beside its own rules, each one linear pass over a paragraph's text:
 * a word written twice, double spaces, quotes and brackets left open or closing nothing, and a
 * sentence past the length limit. Numbers and names written two ways need the whole article: this
 * file only collects them per paragraph (`articleWide.ts` compares).
 */
import type { FindingSeverity } from '../findings';

export const BUILTIN_CHECKS = ['repeated-word', 'double-space', 'unbalanced', 'long-sentence', 'number-forms', 'name-forms'] as const;
export type BuiltinCheck = (typeof BUILTIN_CHECKS)[number];

export const BUILTIN_LABELS: Record<BuiltinCheck, string> = {
  'repeated-word': 'A word written twice (“the the”)',
  'double-space': 'Double spaces',
  unbalanced: 'Quotes and brackets left open',
  'long-sentence': 'Sentences over the length limit',
  'number-forms': 'A number written two ways (“2,500” and “2500”)',
  'name-forms': 'A name spelled two ways (“Smirnov” and “Smirnoff”)',
};

export const builtinRuleId = (check: BuiltinCheck) => `builtin:${check}`;

/** A place in one text, before it is tied to a leaf. */
export type Hit = { start: number; end: number; message: string; severity: FindingSeverity; fixes: string[]; ruleId: string };

export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Doubled on purpose in English: “had had”, “that that”. */
const FINE_TWICE = new Set(['had', 'that']);

export function repeatedWords(text: string): Hit[] {
  const out: Hit[] = [];
  let previous: { word: string; end: number } | undefined;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0].toLowerCase();
    const end = m.index + m[0].length;
    if (previous && previous.word === word && !FINE_TWICE.has(word) && /^[ \u00a0\t]+$/.test(text.slice(previous.end, m.index))) {
      out.push({
        start: previous.end,
        end,
        message: `“${m[0]}” is written twice.`,
        severity: 'warning',
        fixes: [''],
        ruleId: builtinRuleId('repeated-word'),
      });
    }
    previous = { word, end };
  }
  return out;
}

export function doubleSpaces(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/ {2,}/g)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      message: 'Two spaces: one is enough.',
      severity: 'warning',
      fixes: [' '],
      ruleId: builtinRuleId('double-space'),
    });
  }
  return out;
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '«': '»', '„': '“' };
const OPENERS = new Set(Object.keys(CLOSER));
const CLOSERS = new Set(Object.values(CLOSER));
const QUOTE_OPENERS = new Set(['“', '"', '«', '„']);

export type Balance = {
  hits: Hit[];
  /** Quotes left open at the end: forgiven when the next paragraph opens a quote again (a quotation that runs on). */ openQuotes: Hit[];
  opensWithQuote: boolean;
};

/**
 * One stack over the paragraph. A straight double quote opens after a space or an opening bracket (or
 * at the start) and closes otherwise. “ is both the German closing quote and the English opening one:
 * it closes a „ first.
 */
export function balance(text: string): Balance {
  const stack: { char: string; at: number }[] = [];
  const hits: Hit[] = [];
  const hit = (at: number, message: string): Hit => ({ start: at, end: at + 1, message, severity: 'warning', fixes: [], ruleId: builtinRuleId('unbalanced') });
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    if (c === '"') {
      const before = i === 0 ? ' ' : text[i - 1]!;
      const opens = /[\s([{“]/.test(before) && stack[stack.length - 1]?.char !== '"';
      if (!opens) c = '”';
      else {
        stack.push({ char: '"', at: i });
        continue;
      }
      if (stack[stack.length - 1]?.char === '"') {
        stack.pop();
        continue;
      }
    }
    const top = stack[stack.length - 1];
    if (c === '“' && top?.char === '„') {
      stack.pop();
      continue;
    }
    if (OPENERS.has(c)) {
      stack.push({ char: c, at: i });
      continue;
    }
    if (CLOSERS.has(c)) {
      if (top && CLOSER[top.char] === c) stack.pop();
      else hits.push(hit(i, `This “${text[i]}” closes nothing before it.`));
    }
  }
  const openQuotes: Hit[] = [];
  for (const open of stack) {
    const h = hit(open.at, `This “${open.char}” is never closed.`);
    if (QUOTE_OPENERS.has(open.char)) openQuotes.push(h);
    else hits.push(h);
  }
  const first = text.trimStart()[0];
  return { hits, openQuotes, opensWithQuote: first !== undefined && QUOTE_OPENERS.has(first) };
}

/** Ends of sentences: . ! ? … (and closing quotes or brackets after them), then a space. */
const SENTENCE_END = /[.!?…]+["”’)\]]*[\s\u00a0]+/g;

export function longSentences(text: string, limit: number): Hit[] {
  const out: Hit[] = [];
  let start = 0;
  const consider = (end: number) => {
    const sentence = text.slice(start, end);
    const lead = sentence.length - sentence.trimStart().length;
    const words = sentence.match(WORD)?.length ?? 0;
    if (words > limit) {
      out.push({
        start: start + lead,
        end: start + sentence.trimEnd().length,
        message: `This sentence has ${words} words; house style keeps them to ${limit}. Consider splitting it.`,
        severity: 'info',
        fixes: [],
        ruleId: builtinRuleId('long-sentence'),
      });
    }
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    // “Mr. Smith”, “3. März”: a sentence goes on when the next word starts small.
    if (end < text.length && /\p{Ll}/u.test(text[end]!)) continue;
    consider(end);
    start = end;
  }
  if (start < text.length) consider(text.length);
  return out;
}

// ---- Collected per paragraph for the article-wide checks ----------------------------------------

export type NumberToken = { start: number; end: number; written: string; value: string };

/** Thousands written with separators (2,500 or 2 500 with a no-break space) or without (2500). */
const NUMBER = /(?<![\d.,\p{L}])(\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d{4,})(?:\.\d+)?(?![.,]?\d|\p{L})/gu;

export function numbersIn(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    out.push({ start: m.index, end: m.index + m[0].length, written: m[0], value: m[0].replace(/[,\u00a0\u202f]/g, '') });
  }
  return out;
}

export type NameToken = {
  start: number;
  end: number;
  name: string;
  /** At the start of a sentence, where any word is capitalized. */
  atStart: boolean;
  /** The capitalized word just before it (“Alexei” in “Alexei Smirnov”). */
  first?: string;
};

const CAPITALIZED = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}{3,}(?![\p{L}\p{N}])/gu;

/** Capitalized words, each with whether it starts a sentence and the capitalized word just before it. */
export function namesIn(text: string): NameToken[] {
  const names: NameToken[] = [];
  let previous: NameToken | undefined;
  for (const m of text.matchAll(CAPITALIZED)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const sentenceStart = m.index === 0 || /(^|[.!?…:]["”’)]*)[\s\u00a0]*["“‘(]?$/u.test(before) || /^[\s"“‘(]*$/.test(text.slice(0, m.index));
    const first = previous && previous.end + 1 === m.index && text[previous.end] === ' ' ? previous.name : undefined;
    const token: NameToken = { start: m.index, end: m.index + m[0].length, name: m[0], atStart: sentenceStart, ...(first ? { first } : {}) };
    names.push(token);
    previous = token;
  }
  return names;
}
