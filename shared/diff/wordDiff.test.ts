import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../model/document';
import { DIFF_TIME_BUDGET_MS, diffSequences, MAX_EDIT_LENGTH } from './sequence';
import { diffBlocks, diffVersions, diffWords, isUnchanged, tokenize, type VersionText, type WordPart } from './wordDiff';

const side = (parts: WordPart[], keep: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind !== keep)
    .map((p) => p.text)
    .join('');

describe('diffSequences', () => {
  it('finds a shortest edit script', () => {
    const edits = diffSequences([...'ABCABBA'], [...'CBABAC'])!;
    expect(edits.filter((e) => e.kind !== 'same')).toHaveLength(5);
  });

  it('rebuilds both sides (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 })), fc.array(fc.integer({ min: 0, max: 5 })), (a, b) => {
        const edits = diffSequences(a, b)!;
        expect(edits.filter((e) => e.kind !== 'added').map((e) => e.item)).toEqual(a);
        expect(edits.filter((e) => e.kind !== 'removed').map((e) => e.item)).toEqual(b);
      }),
    );
  });
});

describe('diffWords', () => {
  it('marks a replaced word, removed before added', () => {
    expect(diffWords('The council voted on Thursday.', 'The council voted on Friday.')).toEqual([
      { kind: 'same', text: 'The council voted on' },
      { kind: 'removed', text: ' Thursday' },
      { kind: 'added', text: ' Friday' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('marks insertions and deletions of whole words', () => {
    expect(diffWords('Build the barrier now', 'Build the new barrier')).toEqual([
      { kind: 'same', text: 'Build the' },
      { kind: 'added', text: ' new' },
      { kind: 'same', text: ' barrier' },
      { kind: 'removed', text: ' now' },
    ]);
  });

  it('keeps the exact text of both sides (property)', () => {
    const words = fc.array(fc.constantFrom('harbour', 'gate', 'city', ' ', ', ', 'vote.', 'Ünïcode', '\n'), { maxLength: 30 });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const before = a.join('');
        const after = b.join('');
        const parts = diffWords(before, after);
        expect(side(parts, 'added')).toBe(before);
        expect(side(parts, 'removed')).toBe(after);
      }),
    );
  });

  it('tokenizes words, spaces and punctuation', () => {
    expect(tokenize("Mayor's plan, 31-6. ")).toEqual(["Mayor's", ' plan', ',', ' 31-6', '.', ' ']);
  });
});

describe('diffBlocks', () => {
  it('marks added, removed and changed blocks', () => {
    const result = diffBlocks(
      ['Intro stays.', 'This paragraph is edited a little.', 'This one goes away entirely.'],
      ['Intro stays.', 'This paragraph is edited quite a little.', 'A brand new ending.'],
    );
    expect(result[0]).toEqual({ kind: 'same', text: 'Intro stays.' });
    expect(result[1]).toMatchObject({ kind: 'changed' });
    expect(result[1]!.kind === 'changed' && result[1]!.parts).toContainEqual({ kind: 'added', text: ' quite' });
    expect(result.slice(2)).toEqual([
      { kind: 'removed', text: 'This one goes away entirely.' },
      { kind: 'added', text: 'A brand new ending.' },
    ]);
  });

  it('handles an inserted block between unchanged ones', () => {
    expect(diffBlocks(['a b', 'c d'], ['a b', 'new', 'c d'])).toEqual([
      { kind: 'same', text: 'a b' },
      { kind: 'added', text: 'new' },
      { kind: 'same', text: 'c d' },
    ]);
  });
});

describe('diffVersions', () => {
  it('compares headline, dek and body and knows when nothing changed', () => {
    const v: VersionText = { headline: 'Flood barrier', dek: 'Vote', body: [paragraph('One.'), { type: 'section-break', children: [{ text: '' }] }] };
    expect(isUnchanged(diffVersions(v, v))).toBe(true);
    const d = diffVersions(v, { ...v, headline: 'Flood barrier approved', body: [paragraph('One.')] });
    expect(isUnchanged(d)).toBe(false);
    expect(d.headline).toContainEqual({ kind: 'added', text: ' approved' });
    expect(d.blocks).toEqual([
      { kind: 'same', text: 'One.' },
      { kind: 'removed', text: '[Section break]' },
    ]);
  });
});

/** `count` words drawn from a vocabulary by a seeded generator, so the inputs are the same on every run. */
function words(seed: number, count: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 1;
    out.push(`w${x % 5000}`);
  }
  return out.join(' ');
}

describe('bounded comparisons', () => {
  it('gives up on sequences more than MAX_EDIT_LENGTH edits apart', () => {
    const a = Array.from({ length: MAX_EDIT_LENGTH }, (_, i) => i);
    expect(
      diffSequences(
        a,
        a.map((i) => -i - 1),
      ),
    ).toBeUndefined();
    expect(diffSequences(a, [...a.slice(1), -1])).toHaveLength(MAX_EDIT_LENGTH + 1);
  });

  it('compares two different 10,000-word paragraphs quickly, as replaced, and says so', () => {
    const before = words(1, 10_000);
    const after = words(2, 10_000);
    const started = performance.now();
    const diff = diffVersions({ headline: 'H', dek: '', body: [paragraph(before)] }, { headline: 'H', dek: '', body: [paragraph(after)] });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(DIFF_TIME_BUDGET_MS + 1_000);
    expect(diff.coarse).toBe(true);
    expect(diff.blocks).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
    const parts = diffWords(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });

  it('still compares a long paragraph with a few edits word by word', () => {
    const before = words(3, 10_000);
    const middle = before.indexOf(' ', before.length / 2);
    const next = before.indexOf(' ', middle + 1);
    const after = `${before.slice(0, middle)} CHANGED${before.slice(next)} closing`;
    const diff = diffVersions({ headline: 'H', dek: '', body: [paragraph(before)] }, { headline: 'H', dek: '', body: [paragraph(after)] });
    expect(diff.coarse).toBeUndefined();
    expect(diff.blocks).toHaveLength(1);
    const block = diff.blocks[0]!;
    if (block.kind !== 'changed') throw new Error(`expected a changed block, got ${block.kind}`);
    expect(block.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: before.slice(middle, next) },
      { kind: 'added', text: ' CHANGED' },
      { kind: 'added', text: ' closing' },
    ]);
  });

  it('keeps a whole comparison of many changed paragraphs within its time budget', () => {
    const before = Array.from({ length: 400 }, (_, i) => words(10 + i, 1_500));
    const after = Array.from({ length: 400 }, (_, i) => words(1_000 + i, 1_500));
    const started = performance.now();
    const diff = diffVersions({ headline: '', dek: '', body: before.map(paragraph) }, { headline: '', dek: '', body: after.map(paragraph) });
    expect(performance.now() - started).toBeLessThan(DIFF_TIME_BUDGET_MS + 1_500);
    expect(diff.coarse).toBe(true);
    const kept = (keep: 'added' | 'removed') => diff.blocks.filter((b) => b.kind !== keep && b.kind !== 'changed').map((b) => ('text' in b ? b.text : ''));
    expect(kept('added')).toEqual(before);
    expect(kept('removed')).toEqual(after);
  });
});
