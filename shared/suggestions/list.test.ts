import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../model/document';
import { bodyWithEverySuggestion, meta } from './fixtures';
import { listSuggestions } from './list';

describe('listSuggestions: where each suggestion is and what it changes', () => {
  it('gives each suggestion the range of its text, from its first text to the end of its last', () => {
    const byId = new Map(listSuggestions(bodyWithEverySuggestion()).map((s) => [s.id, s]));
    expect(byId.get('s-del')).toMatchObject({
      authorName: 'Wren Writer',
      text: 'deleted',
      range: { anchor: { path: [1, 3], offset: 0 }, focus: { path: [1, 3], offset: 7 } },
    });
    expect(byId.get('s-link')!.range).toEqual({ anchor: { path: [1, 7, 0], offset: 0 }, focus: { path: [1, 7, 0], offset: 6 } });
    expect(byId.get('s-restyle')!.range).toEqual({ anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 30 } });
    expect(byId.get('s-break')!.range).toEqual({ anchor: { path: [2, 0], offset: 0 }, focus: { path: [2, 0], offset: 31 } });
  });

  it('says what a format, restyle or link suggestion changes, before and now', () => {
    const byId = new Map(listSuggestions(bodyWithEverySuggestion()).map((s) => [s.id, s]));
    expect(byId.get('s-fmt')).toMatchObject({ kind: 'format', marks: { before: ['italic'], now: ['bold'] } });
    expect(byId.get('s-restyle')).toMatchObject({ kind: 'restyle', style: { before: { type: 'paragraph' }, now: { type: 'heading', level: 2 } } });
    expect(byId.get('s-list')).toMatchObject({
      kind: 'restyle',
      style: { before: { type: 'block-quote' }, now: { type: 'list-item', list: 'numbered', depth: 0 } },
    });
    expect(byId.get('s-link')).toMatchObject({ kind: 'link', url: { before: 'https://example.com/old', now: 'https://example.com/new' } });
    // The style now is the block's own attributes, never its suggestion keys or children.
    const restyle = byId.get('s-restyle')!;
    expect(restyle.kind === 'restyle' && Object.keys(restyle.style.now).sort()).toEqual(['level', 'type']);
  });

  it('makes one suggestion of every leaf carrying one id, across marks and links', () => {
    const body: ArticleBody = [
      {
        type: 'paragraph',
        children: [
          { text: 'Now ' },
          { text: 'two ', ins: meta('s1') },
          { text: 'bold', bold: true, ins: meta('s1') },
          { type: 'link', url: 'https://example.com/', children: [{ text: ' linked', ins: meta('s1') }] },
          { text: ' words.' },
        ],
      },
    ];
    const [one, ...rest] = listSuggestions(body);
    expect(rest).toEqual([]);
    expect(one).toEqual({
      id: 's1',
      kind: 'insert',
      authorId: 'ed-1',
      authorName: 'Edda Editor',
      at: '2026-12-02T04:00:00.000Z',
      text: 'two bold linked',
      path: [0, 1],
      range: { anchor: { path: [0, 1], offset: 0 }, focus: { path: [0, 3, 0], offset: 7 } },
    });
  });

  it('finds suggestions inside a promo box, with paths into it', () => {
    const body = [
      {
        type: 'promo-box',
        children: [{ type: 'paragraph', children: [{ text: 'Read ' }, { text: 'more', del: meta('s-promo') }] }],
      },
    ] as unknown as ArticleBody;
    expect(listSuggestions(body).map((s) => [s.id, s.range])).toEqual([
      ['s-promo', { anchor: { path: [0, 0, 1], offset: 0 }, focus: { path: [0, 0, 1], offset: 4 } }],
    ]);
  });
});
