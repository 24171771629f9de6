import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../model/document';
import { bodyCounts, lengthProgress } from './counts';
import { listMarker, listNumbers } from './listNumbering';

describe('bodyCounts', () => {
  it('counts words, characters and reading time', () => {
    const body: ArticleBody = [
      { type: 'paragraph', children: [{ text: 'One two three.' }] },
      { type: 'heading', level: 1, children: [{ text: "It's 3.5 wide" }] },
      { type: 'section-break', children: [{ text: '' }] },
    ];
    expect(bodyCounts(body)).toEqual({ words: 6, characters: 27, readingMinutes: 1, asideWords: 0 });
    expect(bodyCounts([{ type: 'paragraph', children: [{ text: '' }] }])).toEqual({ words: 0, characters: 0, readingMinutes: 0, asideWords: 0 });
  });

  it('counts the story only, and the words around it apart', () => {
    const body: ArticleBody = [
      { type: 'paragraph', children: [{ text: 'The story has seven words in it.' }] },
      { type: 'block-quote', children: [{ text: 'Quoted two' }] },
      { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'one' }] },
      { type: 'promo-box', title: 'Box title', children: [{ type: 'paragraph', children: [{ text: 'three box words' }] }] },
      { type: 'pull-quote', attribution: 'Someone', children: [{ text: 'pulled line' }] },
      { type: 'editors-note', kind: 'correction', date: '2025-01-02', children: [{ text: 'A fix' }] },
      { type: 'image', assetId: 'a', alt: 'not counted', caption: 'Cap tion', credit: 'Cred' },
      {
        type: 'author-bio',
        authorId: 'mara',
        version: 1,
        synced: true,
        snapshot: { name: 'Mara Lindqvist', jobTitle: 'Writer', bio: [{ text: 'Writes about cities.' }] },
      },
    ] as unknown as ArticleBody;
    const counts = bodyCounts(body);
    expect(counts.words).toBe(7 + 2 + 1);
    expect(counts.asideWords).toBe(5 + 3 + 2 + 3 + 6);
  });

  it('recounts only blocks that changed (cached by identity)', () => {
    const same: ArticleBody[number] = { type: 'paragraph', children: [{ text: 'a b' }] };
    const body: ArticleBody = [same, { type: 'paragraph', children: [{ text: 'c' }] }];
    expect(bodyCounts(body).words).toBe(3);
    // Mutating in place is not how Slate works; a cached block keeps its count.
    (same.children as Array<{ text: string }>)[0]!.text = 'a b c d';
    expect(bodyCounts(body).words).toBe(3);
    expect(bodyCounts([{ ...same }]).words).toBe(4);
  });

  it('reads 2,300 words as ten minutes', () => {
    const text = Array.from({ length: 2300 }, () => 'word').join(' ');
    expect(bodyCounts([{ type: 'paragraph', children: [{ text }] }]).readingMinutes).toBe(10);
  });
});

describe('lengthProgress', () => {
  it('is on target within ten percent', () => {
    expect(lengthProgress(899, 1000)).toBe('under');
    expect(lengthProgress(900, 1000)).toBe('on-target');
    expect(lengthProgress(1100, 1000)).toBe('on-target');
    expect(lengthProgress(1101, 1000)).toBe('over');
  });
});

describe('list numbering', () => {
  it('numbers each depth separately and restarts after other blocks', () => {
    const li = (depth: number, list: 'bulleted' | 'numbered' = 'numbered') => ({ type: 'list-item', list, depth, children: [{ text: '' }] }) as const;
    const body = [li(0), li(1), li(1), li(0), { type: 'paragraph', children: [{ text: '' }] }, li(0), li(0, 'bulleted'), li(0)] as const;
    const numbers = listNumbers(body as never);
    expect(body.map((b) => numbers.get(b as never) ?? null)).toEqual([1, 1, 2, 2, null, 1, 1, 1]);
    expect([listMarker(3, 0), listMarker(3, 1), listMarker(4, 2), listMarker(28, 1)]).toEqual(['3.', 'c.', 'iv.', 'ab.']);
  });
});
