/**
 * The editor's side of the spelling worker, one per language while an article in it is open, and a
 * while after (a dictionary takes up to about a second to load, so flipping between two articles
 * does not load it again each time). Results are cached by text, so a block whose text
 * did not change is never sent again, wherever it moved; only new texts go to the worker, in batches.
 */
import type { SpellingLanguage } from '../../../shared/language/dictionaries';
import type { WordHit } from '../../../shared/language/spelling';
import { DICTIONARY_FILES } from './dictionaryFiles';
import type { FromSpellingWorker, ToSpellingWorker } from './spellingProtocol';

export type SpellingState = { state: 'loading' } | { state: 'ready' } | { state: 'unavailable'; message: string };

/** Texts per message: results come back in pieces, so a huge article shows its first underlines early. */
const BATCH = 400;
/** Cached texts kept beyond the ones in use (older ones go first). */
const CACHE_LIMIT = 50_000;
/** How long a language no open article uses keeps its worker; then the worker ends, and the dictionary's memory with it. */
export const DROP_AFTER_MS = 60_000;

export class SpellChecker {
  private readonly worker: Worker;
  private readonly results = new Map<string, WordHit[]>();
  private readonly pending = new Set<string>();
  private readonly batches = new Map<number, string[]>();
  private readonly suggestions = new Map<number, (fixes: string[]) => void>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  state: SpellingState = { state: 'loading' };

  constructor(readonly language: SpellingLanguage) {
    this.worker = new Worker(new URL('./spelling.worker.ts', import.meta.url), { type: 'module', name: `spelling-${language}` });
    this.worker.onmessage = (event: MessageEvent<FromSpellingWorker>) => this.receive(event.data);
    this.worker.onerror = () => this.fail(`Spelling could not start, so it is not checked in this article.`);
    this.post({ type: 'load', language, ...DICTIONARY_FILES[language] });
  }

  /** Texts sent and not answered yet (the first full check of an article is done when this is 0). */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Misspellings in `text` as the dictionary sees them, or undefined while not checked yet. */
  hits(text: string): WordHit[] | undefined {
    return this.results.get(text);
  }

  /** Sends the texts not yet checked nor on their way. */
  check(texts: Iterable<string>): void {
    if (this.state.state === 'unavailable') return;
    let batch: string[] = [];
    for (const text of texts) {
      if (this.results.has(text) || this.pending.has(text)) continue;
      this.pending.add(text);
      batch.push(text);
      if (batch.length === BATCH) {
        this.send(batch);
        batch = [];
      }
    }
    if (batch.length) this.send(batch);
  }

  suggest(word: string): Promise<string[]> {
    if (this.state.state === 'unavailable') return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.suggestions.set(id, resolve);
      this.post({ type: 'suggest', id, word });
    });
  }

  /** Called after new results or a change of state (batched by the caller). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Texts no longer in the document may go (the cache is bounded, not per article). */
  trim(inUse: ReadonlySet<string>): void {
    if (this.results.size <= CACHE_LIMIT) return;
    for (const text of this.results.keys()) {
      if (this.results.size <= CACHE_LIMIT / 2) break;
      if (!inUse.has(text)) this.results.delete(text);
    }
  }

  private send(texts: string[]): void {
    const id = this.nextId++;
    this.batches.set(id, texts);
    this.post({ type: 'check', id, texts });
  }

  private post(message: ToSpellingWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromSpellingWorker): void {
    if (message.type === 'loaded') {
      if (message.ok) this.state = { state: 'ready' };
      else return this.fail(message.message);
    } else if (message.type === 'checked') {
      const texts = this.batches.get(message.id) ?? [];
      this.batches.delete(message.id);
      texts.forEach((text, i) => {
        this.pending.delete(text);
        this.results.set(text, message.hits[i] ?? []);
      });
    } else {
      this.suggestions.get(message.id)?.(message.fixes);
      this.suggestions.delete(message.id);
    }
    for (const listener of this.listeners) listener();
  }

  /** Ends the worker (Hunspell's WebAssembly memory goes with it); unanswered suggestions get none. */
  dispose(): void {
    this.worker.terminate();
    this.fail('Spelling stopped for this language.');
    this.listeners.clear();
  }

  private fail(message: string): void {
    this.state = { state: 'unavailable', message };
    this.pending.clear();
    this.batches.clear();
    for (const resolve of this.suggestions.values()) resolve([]);
    this.suggestions.clear();
    for (const listener of this.listeners) listener();
  }
}

type Held = { checker: SpellChecker; users: number; drop?: ReturnType<typeof setTimeout> };
const checkers = new Map<SpellingLanguage, Held>();

function scheduleDrop(held: Held): void {
  clearTimeout(held.drop);
  held.drop = setTimeout(() => {
    if (held.users > 0 || checkers.get(held.checker.language) !== held) return;
    checkers.delete(held.checker.language);
    held.checker.dispose();
  }, DROP_AFTER_MS);
}

/** The page's checker for a language, started on first use; dropped DROP_AFTER_MS after nobody holds it. */
export function spellCheckerFor(language: SpellingLanguage): SpellChecker {
  let held = checkers.get(language);
  if (!held) {
    held = { checker: new SpellChecker(language), users: 0 };
    checkers.set(language, held);
    // A checker made for a render that never committed is not held by anyone: it goes too.
    scheduleDrop(held);
  }
  return held.checker;
}

/** Keeps a language's checker while an editor uses it; returns the release. */
export function holdSpellChecker(checker: SpellChecker): () => void {
  const held = checkers.get(checker.language);
  if (held?.checker !== checker) return () => undefined;
  held.users++;
  clearTimeout(held.drop);
  held.drop = undefined;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.users--;
    if (held.users === 0) scheduleDrop(held);
  };
}
