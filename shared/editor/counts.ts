/** Word, character and reading-time counts, cached per block so typing recounts one block. */
import { blockText, countWords, type BlockElement } from '../model/document';

export type BodyCounts = { words: number; characters: number; readingMinutes: number };
export type LengthProgress = 'under' | 'on-target' | 'over';

export const WORDS_PER_MINUTE = 230;

const cache = new WeakMap<object, { words: number; characters: number }>();

export function blockCounts(block: BlockElement): { words: number; characters: number } {
  const hit = cache.get(block);
  if (hit) return hit;
  const text = blockText(block);
  const counts = { words: countWords(text), characters: text.length };
  cache.set(block, counts);
  return counts;
}

export function bodyCounts(blocks: readonly BlockElement[]): BodyCounts {
  let words = 0;
  let characters = 0;
  for (const block of blocks) {
    const c = blockCounts(block);
    words += c.words;
    characters += c.characters;
  }
  return { words, characters, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

/** Within ±10 % of the planned length is on target. */
export function lengthProgress(words: number, planned: number): LengthProgress {
  if (words < planned * 0.9) return 'under';
  if (words > planned * 1.1) return 'over';
  return 'on-target';
}
