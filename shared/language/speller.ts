/**
 * Loading and vetting one Hunspell dictionary. A file that does not load, or loads but does not know
 * its language's commonest word, is reported in a plain sentence and that language is left unchecked.
 *
 * The engine is Hunspell itself compiled to WebAssembly (hunspell-asm, the module inlined in its
 * script, so nothing is fetched): French loads in a fraction of a second and Hebrew in about one,
 * where the JavaScript port (nspell) took up to a minute and never finished. Imported by the spelling
 * worker only: the runtime is 0.7 MB of script the editor's own bundle does without.
 */
import { loadModule } from 'hunspell-asm';
import type { SpellingLanguage } from './dictionaries';
import { languageName } from './languageTag';
import type { Speller } from './spelling';

/** A word every dictionary of the language must know: the check that the file is whole. */
const PROBE: Record<SpellingLanguage, string> = {
  'en-US': 'the',
  'en-GB': 'the',
  fr: 'le',
  de: 'und',
  es: 'que',
  he: 'של',
  ar: 'في',
};

/** Largest dictionary file accepted (Hebrew's .dic is 5.7 MB). */
export const MAX_DICTIONARY_BYTES = 16 * 1024 * 1024;

/** A loaded speller holds WebAssembly memory of its own: `dispose` frees it (the speller is unusable after). */
export type LoadedSpeller = { ok: true; speller: Speller; dispose: () => void } | { ok: false; message: string };

/** Compiling and starting the WebAssembly module takes well under a second; this is a machine in trouble. */
const START_TIMEOUT_MS = 30_000;

/** Builds a speller from the two files' text; never rejects. */
export async function loadSpeller(language: SpellingLanguage, aff: string, dic: string): Promise<LoadedSpeller> {
  const damaged = (): LoadedSpeller => ({
    ok: false,
    message: `The ${languageName(language)} spelling dictionary is damaged, so spelling is not checked in this language. Reinstall Newsroom Desk to repair it.`,
  });
  if (aff.length > MAX_DICTIONARY_BYTES || dic.length > MAX_DICTIONARY_BYTES || aff.includes('\0') || dic.includes('\0')) return damaged();
  // A .dic starts with its word count: a cut-off file has far fewer lines. An .aff without affix rules is cut off too.
  const count = /^\uFEFF?\s*(\d+)/u.exec(dic);
  if (!count || lineCount(dic) < Number(count[1]) * 0.9 || !/^(SFX|PFX)\s/mu.test(aff)) return damaged();
  try {
    // One WebAssembly instance per speller: its memory only grows, so dropping the instance is what gives it back.
    const hunspell = await loadModule({ timeout: START_TIMEOUT_MS });
    const encoder = new TextEncoder();
    const affPath = hunspell.mountBuffer(encoder.encode(aff), 'index.aff');
    const dicPath = hunspell.mountBuffer(encoder.encode(dic), 'index.dic');
    const instance = hunspell.create(affPath, dicPath);
    // Hunspell has read both files into its own tables: the in-memory copies can go.
    hunspell.unmount(affPath);
    hunspell.unmount(dicPath);
    const speller: Speller = { correct: (word) => instance.spell(word), suggest: (word) => instance.suggest(word) };
    let disposed = false;
    const dispose = () => {
      if (!disposed) instance.dispose();
      disposed = true;
    };
    if (speller.correct(PROBE[language])) return { ok: true, speller, dispose };
    dispose();
    return damaged();
  } catch {
    return damaged();
  }
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
