/**
 * Word, character and reading-time counts, cached per block so typing recounts one block.
 * The counts are the story's: its paragraphs, headings, quotes and lists. Promo boxes,
 * pull quotes, editor's notes, captions, embeds, author bios and AI-use disclosures are
 * around the story, not in it; their words are counted apart (`asideWords`). The
 * headline and dek have their own fields and are not counted either.
 */
import { blockText, countWords, type BlockElement } from '../model/document';
import { DEFAULT_WORDS_PER_MINUTE, readingWordsPerMinute } from '../language/readingSpeed';

export type BodyCounts = { words: number; characters: number; readingMinutes: number; asideWords: number };
export type LengthProgress = 'under' | 'on-target' | 'over';

export const WORDS_PER_MINUTE = DEFAULT_WORDS_PER_MINUTE;

const cache = new WeakMap<object, { words: number; characters: number }>();

export function blockCounts(block: BlockElement): { words: number; characters: number } {
  const hit = cache.get(block);
  if (hit) return hit;
  const text = blockText(block);
  const counts = { words: countWords(text), characters: text.length };
  cache.set(block, counts);
  return counts;
}

const STORY_BLOCK_TYPES = new Set<string>(['paragraph', 'heading', 'block-quote', 'list-item']);

/** True for blocks whose text is the story itself. */
export function isStoryBlock(block: BlockElement): boolean {
  return STORY_BLOCK_TYPES.has(block.type);
}

/** `language`: the article's BCP 47 tag, whose reading speed gives the reading time (English when not given). */
export function bodyCounts(blocks: readonly BlockElement[], language?: string): BodyCounts {
  let words = 0;
  let characters = 0;
  let asideWords = 0;
  for (const block of blocks) {
    const c = blockCounts(block);
    if (isStoryBlock(block)) {
      words += c.words;
      characters += c.characters;
    } else {
      asideWords += c.words;
    }
  }
  const perMinute = language === undefined ? WORDS_PER_MINUTE : readingWordsPerMinute(language);
  return { words, characters, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / perMinute)), asideWords };
}

/** The story's word count: what the status bar, the planned length and the library show. */
export function storyWordCount(blocks: readonly BlockElement[]): number {
  return bodyCounts(blocks).words;
}

/** Within ±10 % of the planned length is on target. */
export function lengthProgress(words: number, planned: number): LengthProgress {
  if (words < planned * 0.9) return 'under';
  if (words > planned * 1.1) return 'over';
  return 'on-target';
}
