import { describe, expect, it } from 'vitest';
import {
  articleLanguageOr,
  isLanguageTag,
  LANGUAGE_TAG_MESSAGE,
  languageDirection,
  languageName,
  languageScript,
  languageTagSchema,
  normalizeLanguageTag,
  primaryLanguage,
} from './languageTag';

describe('normalizeLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-gb', 'en-GB'],
    ['en_GB', 'en-GB'],
    [' fr-ca ', 'fr-CA'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['sr-latn-rs', 'sr-Latn-RS'],
    ['es-419', 'es-419'],
    ['de-CH-1996', 'de-CH-1996'],
    ['zh-yue-HK', 'zh-yue-HK'],
    ['en-US-u-ca-gregory', 'en-US-u-ca-gregory'],
    ['ar-x-newsroom', 'ar-x-newsroom'],
    ['haw', 'haw'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeLanguageTag(input)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'e',
    'english!',
    'en-',
    '-en',
    'en--GB',
    'en-GB-',
    'abcd',
    'toolonglang',
    'en-u',
    'en-x',
    'en-GB-x-',
    'fr ca',
    '12',
    'a'.repeat(36),
    'en-<script>',
  ])('refuses %j', (input) => {
    expect(normalizeLanguageTag(input)).toBeNull();
    expect(isLanguageTag(input)).toBe(false);
  });

  it('refuses a tag longer than 35 characters even when well shaped', () => {
    const tag = 'en-' + Array.from({ length: 8 }, () => 'abcde').join('-');
    expect(tag.length).toBeGreaterThan(35);
    expect(normalizeLanguageTag(tag)).toBeNull();
  });
});

describe('languageDirection', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa', 'rtl'],
    ['ur-PK', 'rtl'],
    ['ps', 'rtl'],
    ['yi', 'rtl'],
    ['az-Arab', 'rtl'],
    ['ku-Latn', 'ltr'],
    ['ku', 'rtl'],
    ['en', 'ltr'],
    ['en-GB', 'ltr'],
    ['fr', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['not a tag', 'ltr'],
    ['', 'ltr'],
  ] as const)('%s is %s', (tag, dir) => {
    expect(languageDirection(tag)).toBe(dir);
  });
});

describe('tag parts', () => {
  it('reads the primary language and script', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('AR')).toBe('ar');
    expect(primaryLanguage('!!')).toBe('');
    expect(languageScript('sr-latn-RS')).toBe('Latn');
    expect(languageScript('en-GB')).toBe('');
  });

  it('falls back to the desk language, then English', () => {
    expect(articleLanguageOr('fr-ca')).toBe('fr-CA');
    expect(articleLanguageOr(undefined, 'de')).toBe('de');
    expect(articleLanguageOr('bad tag', 'he')).toBe('he');
    expect(articleLanguageOr('', 'also bad')).toBe('en');
  });

  it('names languages', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('ar')).toBe('Arabic');
    expect(languageName('en-GB')).toMatch(/English/);
    expect(languageName('not valid')).toBe('not valid');
  });
});

describe('languageTagSchema', () => {
  it('normalizes a good tag', () => {
    expect(languageTagSchema.parse('en-gb')).toBe('en-GB');
  });

  it('refuses a bad one with a plain sentence', () => {
    const result = languageTagSchema.safeParse('English (UK)');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(LANGUAGE_TAG_MESSAGE);
    expect(languageTagSchema.safeParse('x'.repeat(400)).error?.issues[0]?.message).toBe(LANGUAGE_TAG_MESSAGE);
  });
});

describe('reading speed', () => {
  it('reads Arabic slower in words a minute than English, by the primary language; unknown languages as English', async () => {
    const { readingWordsPerMinute, DEFAULT_WORDS_PER_MINUTE } = await import('./readingSpeed');
    const { bodyCounts } = await import('../editor/counts');
    expect(readingWordsPerMinute('ar-EG')).toBe(138);
    expect(readingWordsPerMinute('he')).toBe(187);
    expect(readingWordsPerMinute('de-AT')).toBe(179);
    expect(readingWordsPerMinute('en-GB')).toBe(DEFAULT_WORDS_PER_MINUTE);
    expect(readingWordsPerMinute('sw')).toBe(DEFAULT_WORDS_PER_MINUTE);
    const words = Array.from({ length: 690 }, () => 'word').join(' ');
    const body = [{ type: 'paragraph' as const, children: [{ text: words }] }];
    expect(bodyCounts(body).readingMinutes).toBe(3);
    expect(bodyCounts(body, 'en').readingMinutes).toBe(3);
    expect(bodyCounts(body, 'ar').readingMinutes).toBe(5);
  });
});
