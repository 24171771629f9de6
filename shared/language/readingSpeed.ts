/**
 * How fast an adult reads a language silently, in words per minute, for the reading time: the
 * International Reading Speed Texts study (Trauzettel-Klosinski & Dietz, IOVS 2012), which
 * measured the same text in 17 languages. Words are longer or shorter by language, so Arabic
 * (138) reads in fewer words a minute than English (228) for the same content. Languages it did
 * not measure, and languages written without spaces (where the desk cannot count words), use
 * the English figure.
 */
import { primaryLanguage } from './languageTag';

/** English: the desk's figure from before languages (the study has 228). */
export const DEFAULT_WORDS_PER_MINUTE = 230;

const WORDS_PER_MINUTE: Record<string, number> = {
  ar: 138,
  de: 179,
  en: DEFAULT_WORDS_PER_MINUTE,
  es: 218,
  fi: 161,
  fr: 195,
  he: 187,
  it: 188,
  nl: 202,
  pl: 166,
  pt: 181,
  ru: 184,
  sl: 180,
  sv: 199,
  tr: 166,
};

/** Words a minute for an article in `tag` (any BCP 47 tag; English's figure when unknown). */
export function readingWordsPerMinute(tag: string): number {
  return WORDS_PER_MINUTE[primaryLanguage(tag)] ?? DEFAULT_WORDS_PER_MINUTE;
}
