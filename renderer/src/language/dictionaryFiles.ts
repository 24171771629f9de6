/**
 * Where the shipped dictionaries are, as URLs of the built renderer: Vite copies each file next to
 * the bundle (app:// in Electron, the browser host's own origin), so the worker fetches them with
 * the CSP's connect-src 'self' and nothing is read from disk by the page.
 */
import type { SpellingLanguage } from '../../../shared/language/dictionaries';

export type DictionaryFiles = { aff: string; dic: string };

export const DICTIONARY_FILES: Record<SpellingLanguage, DictionaryFiles> = {
  'en-US': {
    aff: new URL('../../../node_modules/dictionary-en/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-en/index.dic', import.meta.url).href,
  },
  'en-GB': {
    aff: new URL('../../../node_modules/dictionary-en-gb/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-en-gb/index.dic', import.meta.url).href,
  },
  fr: {
    aff: new URL('../../../node_modules/dictionary-fr/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-fr/index.dic', import.meta.url).href,
  },
  de: {
    aff: new URL('../../../node_modules/dictionary-de/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-de/index.dic', import.meta.url).href,
  },
  es: {
    aff: new URL('../../../node_modules/dictionary-es/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-es/index.dic', import.meta.url).href,
  },
  he: {
    aff: new URL('../../../node_modules/dictionary-he/index.aff', import.meta.url).href,
    dic: new URL('../../../node_modules/dictionary-he/index.dic', import.meta.url).href,
  },
  ar: {
    aff: new URL('../../../assets/dictionaries/ar/ar.aff', import.meta.url).href,
    dic: new URL('../../../assets/dictionaries/ar/ar.dic', import.meta.url).href,
  },
};
