/**
 * An article's language as a BCP 47 tag ("en-GB", "fr", "ar", "sr-Latn-RS") and the direction its
 * text runs. Tags are checked by shape (RFC 5646: language, script, region, variants, extensions,
 * private use), not against the IANA registry, so a newsroom can use any language; they are
 * written in the registry's case ("en-gb" → "en-GB", "zh-hant-tw" → "zh-Hant-TW").
 *
 * Other features read the tag through `primaryLanguage` (spelling dictionaries, quote styles) and
 * `languageDirection` (the editor's and the exports' `dir`).
 */
import { z } from 'zod';

/** RFC 5646 asks for at least 35 characters; longer tags are refused (and every input is bounded). */
export const LANGUAGE_TAG_MAX = 35;

/** What a new article gets when neither the desk nor the file says otherwise. */
export const DEFAULT_LANGUAGE = 'en';

export type TextDirection = 'ltr' | 'rtl';

const ALPHA = /^[a-z]+$/;
const DIGIT = /^[0-9]+$/;
const ALNUM = /^[a-z0-9]+$/;

/** The tag in registry case, or null when it is not shaped like a BCP 47 tag. Accepts "_" for "-". */
export function normalizeLanguageTag(input: string): string | null {
  if (typeof input !== 'string') return null;
  const raw = input.trim();
  if (raw === '' || raw.length > LANGUAGE_TAG_MAX) return null;
  const parts = raw.toLowerCase().replace(/_/g, '-').split('-');
  const out: string[] = [];
  let i = 0;
  const language = parts[i];
  if (!language || !ALPHA.test(language) || language.length < 2 || language.length > 8 || language.length === 4) return null;
  out.push(language);
  i++;
  // Extended language subtags ("zh-yue"), up to three, only after a 2–3 letter language.
  for (let n = 0; n < 3 && language.length <= 3 && isExtlang(parts[i]) && !isScript(parts[i]); n++) out.push(parts[i++]!);
  if (isScript(parts[i])) {
    const s = parts[i++]!;
    out.push(s[0]!.toUpperCase() + s.slice(1));
  }
  if (isRegion(parts[i])) out.push(parts[i++]!.toUpperCase());
  while (isVariant(parts[i])) out.push(parts[i++]!);
  while (i < parts.length && parts[i]!.length === 1 && parts[i] !== 'x') {
    // An extension: a singleton then one or more 2–8 character subtags.
    out.push(parts[i++]!);
    const start = i;
    while (i < parts.length && parts[i]!.length >= 2 && parts[i]!.length <= 8 && ALNUM.test(parts[i]!)) out.push(parts[i++]!);
    if (i === start) return null;
  }
  if (parts[i] === 'x') {
    out.push(parts[i++]!);
    const start = i;
    while (i < parts.length && parts[i]!.length >= 1 && parts[i]!.length <= 8 && ALNUM.test(parts[i]!)) out.push(parts[i++]!);
    if (i === start) return null;
  }
  if (i !== parts.length) return null;
  return out.join('-');
}

const isExtlang = (s: string | undefined) => s !== undefined && s.length === 3 && ALPHA.test(s);
const isScript = (s: string | undefined) => s !== undefined && s.length === 4 && ALPHA.test(s);
const isRegion = (s: string | undefined) => s !== undefined && ((s.length === 2 && ALPHA.test(s)) || (s.length === 3 && DIGIT.test(s)));
const isVariant = (s: string | undefined) => s !== undefined && ALNUM.test(s) && ((s.length >= 5 && s.length <= 8) || (s.length === 4 && /^[0-9]/.test(s)));

/** True when `input` is a BCP 47 tag (in any case). */
export const isLanguageTag = (input: string): boolean => normalizeLanguageTag(input) !== null;

/** The plain sentence shown when a tag is refused. */
export const LANGUAGE_TAG_MESSAGE =
  'The language must be a language tag such as “en”, “en-GB”, “fr” or “ar” (letters, digits and hyphens, at most 35 characters).';

/** A BCP 47 tag, normalized to registry case. */
export const languageTagSchema = z
  .string()
  .max(LANGUAGE_TAG_MAX, { message: LANGUAGE_TAG_MESSAGE })
  .refine(isLanguageTag, { message: LANGUAGE_TAG_MESSAGE })
  .transform((tag) => normalizeLanguageTag(tag) ?? tag);

/** The language subtag in lower case ("en-GB" → "en"), or "" for an invalid tag. */
export function primaryLanguage(tag: string): string {
  const normal = normalizeLanguageTag(tag);
  return normal ? normal.split('-')[0]! : '';
}

/** The script subtag ("sr-Latn" → "Latn"), or "" when the tag names none. */
export function languageScript(tag: string): string {
  const normal = normalizeLanguageTag(tag);
  if (!normal) return '';
  return normal.split('-').find((part, i) => i > 0 && part.length === 4 && /^[A-Z][a-z]{3}$/.test(part)) ?? '';
}

/** Languages written right to left in their usual script. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'prs', 'he', 'iw', 'ji', 'ks', 'ku', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Right-to-left scripts (ISO 15924), which decide when a tag names one ("ku-Arab", "az-Arab"). */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Aran', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/**
 * The direction an article in `tag` is written: Arabic, Hebrew, Persian, Urdu, Pashto, Yiddish…
 * are right to left, unless the tag names a left-to-right script ("ku-Latn"); anything else, an
 * invalid tag included, is left to right.
 */
export function languageDirection(tag: string): TextDirection {
  const script = languageScript(tag);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(primaryLanguage(tag)) ? 'rtl' : 'ltr';
}

/** The tag to use for an article: `tag` when valid, else `fallback` (itself checked), else English. */
export function articleLanguageOr(tag: string | undefined | null, fallback: string = DEFAULT_LANGUAGE): string {
  return normalizeLanguageTag(tag ?? '') ?? normalizeLanguageTag(fallback) ?? DEFAULT_LANGUAGE;
}

/** Languages offered first in the pickers; any other tag can be typed. */
export const COMMON_LANGUAGES = [
  'en',
  'en-GB',
  'en-US',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'sv',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'fa',
  'ur',
  'hi',
  'zh',
  'ja',
] as const;

/** A readable name for a tag ("fr" → "French", "en-GB" → "English (United Kingdom)"), else the tag. */
export function languageName(tag: string, displayIn = 'en'): string {
  const normal = normalizeLanguageTag(tag);
  if (!normal) return tag;
  try {
    return new Intl.DisplayNames([displayIn], { type: 'language', fallback: 'code' }).of(normal) ?? normal;
  } catch {
    return normal;
  }
}
