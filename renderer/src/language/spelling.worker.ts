/**
 * The spelling worker: loads one language's Hunspell dictionary (Hunspell in WebAssembly, under a
 * second to about one for the largest) and looks words up, so neither ever holds up typing. Results are plain offsets; the editor decides
 * which count (known words) and where they go.
 */
import { loadSpeller } from '../../../shared/language/speller';
import { misspellings, suggestionsFor, type Speller } from '../../../shared/language/spelling';
import type { FromSpellingWorker, ToSpellingWorker } from './spellingProtocol';

// The DOM and web worker type libraries cannot both be in one program; this is the part used here.
const scope = self as unknown as { postMessage: (m: FromSpellingWorker) => void; onmessage: ((e: MessageEvent<ToSpellingWorker>) => void) | null };

let speller: Speller | undefined;
let failed = false;
const queue: ToSpellingWorker[] = [];
// Each word is looked up once per session: articles repeat most of theirs.
const known = new Map<string, boolean>();

const post = (message: FromSpellingWorker) => scope.postMessage(message);

async function load(language: ToSpellingWorker & { type: 'load' }) {
  const started = performance.now();
  let message = `The ${language.language} spelling dictionary could not be read, so spelling is not checked in this language.`;
  try {
    const [aff, dic] = await Promise.all([fetch(language.aff), fetch(language.dic)]);
    if (aff.ok && dic.ok) {
      const loaded = await loadSpeller(language.language, await aff.text(), await dic.text());
      if (loaded.ok) {
        speller = loaded.speller;
        post({ type: 'loaded', ok: true, ms: Math.round(performance.now() - started) });
        for (const m of queue.splice(0)) handle(m);
        return;
      }
      message = loaded.message;
    }
  } catch {
    // Falls through to the sentence above.
  }
  failed = true;
  queue.length = 0;
  post({ type: 'loaded', ok: false, message });
}

function handle(message: ToSpellingWorker) {
  if (message.type === 'load') return void load(message);
  if (failed) return;
  if (!speller) return void queue.push(message);
  if (message.type === 'check') post({ type: 'checked', id: message.id, hits: message.texts.map((t) => misspellings(speller!, t, known)) });
  else post({ type: 'suggested', id: message.id, fixes: suggestionsFor(speller, message.word) });
}

scope.onmessage = (event) => handle(event.data);
