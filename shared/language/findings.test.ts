import { describe, expect, it } from 'vitest';
import { findingsForLeaf, spellingKey, type TextFinding } from './findings';

const finding = (path: number[], start: number, end: number, source: TextFinding['source'] = 'style'): TextFinding => ({
  source,
  path,
  start,
  end,
  word: 'x',
  message: 'm',
  severity: 'warning',
  fixes: [],
  key: `${source}:${path.join('.')}:${start}`,
});

describe('findings by leaf', () => {
  it('keeps the leaf’s own findings, in order, longer first where they start together', () => {
    const all = [finding([0, 1], 5, 9), finding([0, 0], 3, 4), finding([0, 1], 1, 2), finding([0, 1], 5, 12), finding([0, 1, 0], 0, 1)];
    expect(findingsForLeaf(all, [0, 1]).map((f) => [f.start, f.end])).toEqual([
      [1, 2],
      [5, 12],
      [5, 9],
    ]);
  });

  it('keys spelling by the word, so ignoring one occurrence ignores them all', () => {
    expect(spellingKey('recieved')).toBe(spellingKey('recieved'));
    expect(spellingKey('recieved')).not.toBe(spellingKey('Recieved'));
  });
});
