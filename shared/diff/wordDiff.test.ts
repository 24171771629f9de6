import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../model/document';
import { diffSequences } from './sequence';
import { diffBlocks, diffVersions, diffWords, isUnchanged, tokenize, type VersionText, type WordPart } from './wordDiff';

const side = (parts: WordPart[], keep: 'added' | 'removed') => parts.filter((p) => p.kind !== keep).map((p) => p.text).join('');

describe('diffSequences', () => {
  it('finds a shortest edit script', () => {
    const edits = diffSequences([...'ABCABBA'], [...'CBABAC']);
    expect(edits.filter((e) => e.kind !== 'same')).toHaveLength(5);
  });

  it('rebuilds both sides (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 })), fc.array(fc.integer({ min: 0, max: 5 })), (a, b) => {
        const edits = diffSequences(a, b);
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
    expect(d.blocks).toEqual([{ kind: 'same', text: 'One.' }, { kind: 'removed', text: '[Section break]' }]);
  });
});
