/**
 * The Hunspell dictionaries shipped with the desk, by article language (what the editor needs to
 * pick one; loading one is ./speller.ts, in the spelling worker only).
 */
export const SPELLING_LANGUAGES = ['en-US', 'en-GB', 'fr', 'de', 'es', 'he', 'ar'] as const;
export type SpellingLanguage = (typeof SPELLING_LANGUAGES)[number];

/** The dictionary for a BCP 47 tag: exact, else by primary language (en → US English); undefined when none ships. */
export function spellingLanguageFor(tag: string): SpellingLanguage | undefined {
  const exact = SPELLING_LANGUAGES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const primary = tag.split('-')[0]!.toLowerCase();
  if (primary === 'en') return /-(gb|uk|ie|au|nz|za|in)$/iu.test(tag) ? 'en-GB' : 'en-US';
  return SPELLING_LANGUAGES.find((l) => l === primary);
}
