import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spellingLanguageFor, type SpellingLanguage } from './dictionaries';
import { loadSpeller } from './speller';
import { KnownWords, isDictionaryWord, misspellings, namesAsWords, suggestionsFor, wordsToCheck, type Speller } from './spelling';

const modules = path.resolve(__dirname, '../../node_modules');
const read = (pkg: string, file: string) => fs.readFileSync(path.join(modules, pkg, file), 'utf8');

let en: Speller;
beforeAll(async () => {
  const loaded = await loadSpeller('en-US', read('dictionary-en', 'index.aff'), read('dictionary-en', 'index.dic'));
  if (!loaded.ok) throw new Error(loaded.message);
  en = loaded.speller;
});

const wrong = (text: string) => misspellings(en, text).map((h) => h.word);

describe('words to check', () => {
  it('gives offsets into the text', () => {
    const text = 'The  recieved letter';
    const [, hit] = wordsToCheck(text);
    expect(hit).toEqual({ start: 5, end: 13, word: 'recieved' });
    expect(text.slice(hit!.start, hit!.end)).toBe('recieved');
  });

  it('skips numbers, words with digits, links, e-mail addresses, acronyms and single letters', () => {
    const words = wordsToCheck('In 1990 the 3rd COVID-19 wave: see https://exmaple.org/pgae or www.foo.com, mail ed@nwes.org, NATO and a b.').map(
      (h) => h.word,
    );
    expect(words).toEqual(['In', 'the', 'wave', 'see', 'or', 'mail', 'and']);
  });

  it('keeps apostrophes inside words and checks hyphenated parts one by one', () => {
    expect(wordsToCheck('don’t rock’n’roll ‘quoted’').map((h) => h.word)).toEqual(['don’t', 'rock’n’roll', 'quoted']);
    const text = 'well-knwon';
    expect(wordsToCheck(text)).toEqual([
      { start: 0, end: 4, word: 'well' },
      { start: 5, end: 10, word: 'knwon' },
    ]);
  });

  it('reads scripts without case (Hebrew, Arabic) as words', () => {
    expect(wordsToCheck('שלום עולם في البيت').map((h) => h.word)).toEqual(['שלום', 'עולם', 'في', 'البيت']);
  });

  it('stays linear on a long run without spaces (pasted data is not prose)', () => {
    const started = performance.now();
    expect(wordsToCheck('a'.repeat(200_000) + '@')).toEqual([]);
    expect(wordsToCheck('ab '.repeat(100_000))).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('checking with the English dictionary', () => {
  it('finds misspelled words and leaves right ones', () => {
    expect(wrong('The council recieved teh report on Tuesday.')).toEqual(['recieved', 'teh']);
  });

  it('accepts curly and straight apostrophes and possessives', () => {
    expect(wrong("It isn't, it isn’t, the mayor’s plan and the councils' votes")).toEqual([]);
    expect(wrong('it doesn’t wrok')).toEqual(['wrok']);
  });

  it('checks hyphenated words by part', () => {
    expect(wrong('a well-known long-standing wel-known')).toEqual(['wel']);
  });

  it('suggests fixes in the writer’s apostrophe', () => {
    expect(suggestionsFor(en, 'recieved')[0]).toBe('received');
    // A swap of two neighbours is the likeliest slip.
    expect(suggestionsFor(en, 'teh')[0]).toBe('the');
    expect(suggestionsFor(en, 'dont’')).toBeInstanceOf(Array);
    expect(suggestionsFor(en, 'doesnt’t').every((s) => !s.includes("'"))).toBe(true);
  });
});

describe('known words', () => {
  it('names in byline, dateline and tags are known, in any case and as possessives', () => {
    const known = new KnownWords(namesAsWords(['Mara Lindqvist', 'KYIV, Ukraine', 'Zelenskyy']));
    const hits = misspellings(en, 'Lindqvist’s story from Kyiv: LINDQVIST met Zelenskyy and Kovalenko').filter((h) => !known.has(h.word));
    expect(hits.map((h) => h.word)).toEqual(['Kovalenko']);
  });

  it('newsroom words and words ignored in the article are known', () => {
    const newsroom = new KnownWords(['Hocuspocus']);
    const ignored = new KnownWords(['flibbertigibbet']);
    const hits = misspellings(en, 'Hocuspocus and flibbertigibbet and blorf').filter((h) => !newsroom.has(h.word) && !ignored.has(h.word));
    expect(hits.map((h) => h.word)).toEqual(['blorf']);
  });

  it('accepts one word as a dictionary entry, nothing else', () => {
    expect(isDictionaryWord('Lindqvist')).toBe(true);
    expect(isDictionaryWord('rock’n’roll')).toBe(true);
    expect(isDictionaryWord('two words')).toBe(false);
    expect(isDictionaryWord('')).toBe(false);
    expect(isDictionaryWord('x'.repeat(61))).toBe(false);
  });
});

describe('dictionaries', () => {
  it('a damaged dictionary is reported in a sentence, not thrown', async () => {
    const aff = read('dictionary-en', 'index.aff');
    const dic = read('dictionary-en', 'index.dic');
    for (const [a, d] of [
      [aff, 'garbage without a count'],
      [aff, dic.slice(0, 200)],
      ['\0\0\0binary', dic],
      [aff.slice(0, 10), dic],
      [aff, dic.slice(0, dic.length / 2)],
    ] as const) {
      const loaded = await loadSpeller('en-US', a, d);
      expect(loaded.ok).toBe(false);
      if (!loaded.ok)
        expect(loaded.message).toBe(
          'The American English spelling dictionary is damaged, so spelling is not checked in this language. Reinstall Newsroom Desk to repair it.',
        );
    }
  });

  // Hunspell in WebAssembly loads each in under a second (nspell took a minute for French and never finished Hebrew).
  it('every shipped dictionary loads, knows its language and suggests', async () => {
    const files: Array<[SpellingLanguage, string, string, string, string, string]> = [
      ['en-GB', 'dictionary-en-gb', 'index.aff', 'index.dic', 'colour', 'colour'],
      ['fr', 'dictionary-fr', 'index.aff', 'index.dic', 'aujourd’hui journaliste', 'journaliste'],
      ['de', 'dictionary-de', 'index.aff', 'index.dic', 'Zeitungsredaktion', 'Zeitung'],
      ['es', 'dictionary-es', 'index.aff', 'index.dic', 'periódico', 'periódico'],
      ['he', 'dictionary-he', 'index.aff', 'index.dic', 'שלום עיתון', 'שלום'],
      ['ar', '../assets/dictionaries/ar', 'ar.aff', 'ar.dic', 'البيت كتاب', 'كتاب'],
    ];
    for (const [language, pkg, aff, dic, right, target] of files) {
      const loaded = await loadSpeller(language, read(pkg, aff), read(pkg, dic));
      expect(loaded.ok, language).toBe(true);
      if (!loaded.ok) continue;
      expect(
        misspellings(loaded.speller, `${right} xqzzyv`).map((h) => h.word),
        language,
      ).toEqual(['xqzzyv']);
      // One letter doubled at the end: the slip Hunspell's suggestions undo.
      expect(suggestionsFor(loaded.speller, target + [...target].at(-1)), language).toContain(target);
      loaded.dispose();
    }
  });

  it('a disposed speller is freed once, however often it is asked', async () => {
    const loaded = await loadSpeller('en-US', read('dictionary-en', 'index.aff'), read('dictionary-en', 'index.dic'));
    if (!loaded.ok) throw new Error(loaded.message);
    loaded.dispose();
    expect(() => loaded.dispose()).not.toThrow();
  });

  it('picks the dictionary for an article language', () => {
    expect(spellingLanguageFor('en-US')).toBe('en-US');
    expect(spellingLanguageFor('en')).toBe('en-US');
    expect(spellingLanguageFor('en-GB')).toBe('en-GB');
    expect(spellingLanguageFor('fr-FR')).toBe('fr');
    expect(spellingLanguageFor('ar-EG')).toBe('ar');
    expect(spellingLanguageFor('ja')).toBeUndefined();
  });
});
