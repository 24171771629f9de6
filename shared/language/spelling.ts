/**
 * Spelling, the pure part: which stretches of a text are words to check, and which checked words count
 * as known (the newsroom dictionary, names in the article's byline, dateline and tags, words ignored
 * in this article). The Hunspell lookups run elsewhere (a worker in the renderer) behind `Speller`.
 * Every pass here is linear in the text: whitespace-separated chunks first, one word pattern inside.
 */

/** What a loaded dictionary answers. */
export type Speller = { correct: (word: string) => boolean; suggest: (word: string) => string[] };

/** A word the dictionary does not know, by offsets into the checked text (end exclusive). */
export type WordHit = { start: number; end: number; word: string };

/** The longest chunk (between spaces) looked at; longer runs are pasted data, not prose. */
export const MAX_CHUNK = 200;
/** Words longer than this are skipped (Hunspell's suggestion search grows with length). */
export const MAX_WORD = 60;

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\u05F3\u05F4\u2010-][\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const CHUNK = /\S+/gu;

/** Chunks that are addresses, not words: links, e-mail addresses, paths, handles and hashtags. */
function isAddress(chunk: string): boolean {
  return (
    chunk.includes('://') || /^\(?(www\.|@|#)/iu.test(chunk) || chunk.includes('@') || /^[./~]*\//u.test(chunk) || /\.(com|org|net|io|gov|edu)\b/iu.test(chunk)
  );
}

/** The words of `text` worth looking up, in order: no numbers, addresses, acronyms or single letters. */
export function wordsToCheck(text: string): WordHit[] {
  const out: WordHit[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    const value = chunk[0];
    if (value.length > MAX_CHUNK || isAddress(value)) continue;
    for (const m of value.matchAll(WORD)) {
      const word = m[0];
      const start = chunk.index + m.index;
      if (word.length > MAX_WORD || DIGIT.test(word)) continue;
      // Hyphenated compounds: each part on its own (dictionaries list few compounds).
      if (/[-\u2010]/u.test(word)) {
        let offset = 0;
        for (const part of word.split(/[-\u2010]/u)) {
          if (checkable(part)) out.push({ start: start + offset, end: start + offset + part.length, word: part });
          offset += part.length + 1;
        }
      } else if (checkable(word)) {
        out.push({ start, end: start + word.length, word });
      }
    }
  }
  return out;
}

/** Single letters and all-capital acronyms (NATO, UN) are left alone, as Word does by default. */
function checkable(word: string): boolean {
  if ([...word].length < 2) return false;
  // Scripts without case (Hebrew, Arabic) have neither; only capitals with no small letters is an acronym.
  return HAS_LOWER.test(word) || !HAS_UPPER.test(word);
}

/** Hunspell dictionaries spell the apostrophe straight; writers and smart quotes use the curly one. */
export function dictionaryForm(word: string): string {
  return word.replace(/’/gu, "'");
}

/** Suggestions back in the writer's apostrophe. */
export function writerForm(suggestion: string, original: string): string {
  return original.includes('’') ? suggestion.replace(/'/gu, '’') : suggestion;
}

/** Does the dictionary know the word (with the apostrophe it expects, and without a possessive 's)? */
export function dictionaryKnows(speller: Speller, word: string): boolean {
  const form = dictionaryForm(word);
  if (speller.correct(form)) return true;
  const base = possessiveBase(form);
  return base !== undefined && speller.correct(base);
}

function possessiveBase(word: string): string | undefined {
  if (/'s$/iu.test(word)) return word.slice(0, -2);
  if (/s'$/iu.test(word)) return word.slice(0, -1);
  return undefined;
}

/** Words that count as spelled right whatever the dictionary says; kept folded for lookup. */
export class KnownWords {
  private readonly words = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    const clean = dictionaryForm(word.trim());
    if (clean) this.words.add(clean.toLocaleLowerCase());
  }

  /** Case-insensitive, so a name known as "Lindqvist" is known at the start of a sentence or in capitals. */
  has(word: string): boolean {
    const form = dictionaryForm(word).toLocaleLowerCase();
    if (this.words.has(form)) return true;
    const base = possessiveBase(form);
    return base !== undefined && this.words.has(base);
  }

  get size(): number {
    return this.words.size;
  }
}

/** The words of names (byline authors, dateline places, tags): each word of each name is known. */
export function namesAsWords(names: readonly string[]): string[] {
  const out: string[] = [];
  // Every word, capitals included: a dateline is often written in them ("KYIV").
  for (const name of names) for (const m of name.matchAll(WORD)) out.push(m[0]);
  return out;
}

/** The words of `text` the dictionary does not know (known words not yet taken out). */
export function misspellings(speller: Speller, text: string, cache?: Map<string, boolean>): WordHit[] {
  const out: WordHit[] = [];
  for (const hit of wordsToCheck(text)) {
    let ok = cache?.get(hit.word);
    if (ok === undefined) {
      ok = dictionaryKnows(speller, hit.word);
      cache?.set(hit.word, ok);
    }
    if (!ok) out.push(hit);
  }
  return out;
}

/** Suggestions for a word, likeliest typing slip first, in the writer's apostrophe, at most `limit`. */
export function suggestionsFor(speller: Speller, word: string, limit = 6): string[] {
  const form = dictionaryForm(word);
  return speller
    .suggest(form)
    .map((s, i) => ({ s, i, cost: slipCost(form, s) }))
    .sort((a, b) => a.cost - b.cost || a.i - b.i)
    .slice(0, limit)
    .map(({ s }) => writerForm(s, word));
}

/**
 * Edit distance with two swapped neighbours costing less than any other edit (the commonest slip at
 * a keyboard: "teh" is "the" before it is "ten") and a change of case costing little. Both words are
 * at most MAX_WORD long, so this stays small.
 */
export function slipCost(from: string, to: string): number {
  const a = [...from];
  const b = [...to];
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const sub = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.1 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + sub);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) best = Math.min(best, d[i - 2]![j - 2]! + 0.6);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A dictionary word as the newsroom dictionary accepts it: one word, letters and inner apostrophes or hyphens, 1–60 characters. */
export function isDictionaryWord(word: string): boolean {
  const w = word.trim();
  return w.length > 0 && w.length <= MAX_WORD && new RegExp(`^${WORD.source}$`, 'u').test(w);
}
