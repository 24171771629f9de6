import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Stands in for the spelling worker: records what it was sent and whether it was ended. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  FakeWorker.made = [];
  vi.resetModules();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a language’s spelling worker', () => {
  it('is kept while an editor holds it and ended a while after the last lets go', async () => {
    const { spellCheckerFor, holdSpellChecker, DROP_AFTER_MS } = await import('./spellChecker');
    const checker = spellCheckerFor('fr');
    const releaseA = holdSpellChecker(checker);
    const releaseB = holdSpellChecker(spellCheckerFor('fr'));
    expect(FakeWorker.made).toHaveLength(1);
    releaseA();
    vi.advanceTimersByTime(DROP_AFTER_MS * 2);
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    releaseB();
    releaseB();
    vi.advanceTimersByTime(DROP_AFTER_MS - 1);
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(checker.state.state).toBe('unavailable');
    // Asked for again: a new worker loads the dictionary again.
    expect(spellCheckerFor('fr')).not.toBe(checker);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('taken up again before the delay runs out, it stays', async () => {
    const { spellCheckerFor, holdSpellChecker, DROP_AFTER_MS } = await import('./spellChecker');
    const checker = spellCheckerFor('he');
    holdSpellChecker(checker)();
    vi.advanceTimersByTime(DROP_AFTER_MS / 2);
    const release = holdSpellChecker(spellCheckerFor('he'));
    vi.advanceTimersByTime(DROP_AFTER_MS * 2);
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    expect(spellCheckerFor('he')).toBe(checker);
    release();
  });

  it('a checker nobody ever held goes too (a render that never committed)', async () => {
    const { spellCheckerFor, DROP_AFTER_MS } = await import('./spellChecker');
    spellCheckerFor('de');
    vi.advanceTimersByTime(DROP_AFTER_MS);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });
});
