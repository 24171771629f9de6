import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../../../shared/model/review';
import { bodyWithEverySuggestion } from '../../../shared/suggestions/fixtures';
import { listSuggestions } from '../../../shared/suggestions/list';
import { itemAt, marginItems, suggestionSummary } from './marginItems';

const thread = (id: string, path: number[], offset: number, length: number, extra: Partial<CommentThread> = {}): CommentThread => ({
  id,
  articleId: 'a',
  anchor: { anchor: { path, offset }, focus: { path, offset: offset + length }, quote: 'x' },
  quote: 'x',
  resolved: false,
  resolvedBy: '',
  resolvedAt: '',
  createdAt: '2026-12-02T04:00:00.000Z',
  messages: [{ id: `${id}-m`, by: 'Tomas Okafor', role: 'editor', text: `Note ${id}`, at: '2026-12-02T04:00:00.000Z' }],
  ...extra,
});

describe('suggestion summaries', () => {
  it('says what each suggestion does', () => {
    const byId = new Map(listSuggestions(bodyWithEverySuggestion()).map((s) => [s.id, suggestionSummary(s)]));
    expect(byId.get('s-ins')).toBe('Inserted: “inserted”');
    expect(byId.get('s-del')).toBe('Deleted: “deleted”');
    expect(byId.get('s-restyle')).toBe('Changed to Subheading');
    expect(byId.get('s-list')).toBe('Changed to Numbered list');
    expect(byId.get('s-fmt')).toBe('Formatted: bold, not italic');
    expect(byId.get('s-link')).toBe('Link changed to https://example.com/new');
    expect(byId.get('s-break')).toBe('New paragraph');
  });
});

describe('marginItems', () => {
  it('orders comments and suggestions by where their text starts; replies to a suggestion go in its card', () => {
    const suggestions = listSuggestions(bodyWithEverySuggestion());
    const threads = [thread('c-late', [2, 0], 3, 4), thread('c-early', [1, 0], 0, 4), thread('r1', [1, 3], 0, 7, { suggestionId: 's-del' })];
    const items = marginItems(threads, suggestions);
    const ids = items.map((i) => i.id);
    expect(ids.slice(0, 4)).toEqual(['suggestion:s-restyle', 'c-early', 'suggestion:s-ins', 'suggestion:s-del']);
    expect(ids.indexOf('c-late')).toBeGreaterThan(ids.indexOf('suggestion:s-break'));
    expect(ids).not.toContain('r1');
    const del = items.find((i) => i.id === 'suggestion:s-del')!;
    expect(del.kind === 'suggestion' && del.thread?.id).toBe('r1');
  });

  it('leaves resolved comments out unless asked, and puts orphaned ones last', () => {
    const threads = [thread('gone', [0, 0], 0, 1, { anchor: undefined }), thread('done', [0, 0], 0, 1, { resolved: true }), thread('open', [0, 0], 0, 1)];
    expect(marginItems(threads, []).map((i) => i.id)).toEqual(['open', 'gone']);
    expect(marginItems(threads, [], true).map((i) => i.id)).toEqual(['done', 'open', 'gone']);
  });

  it('finds the innermost item at a point', () => {
    const threads = [thread('outer', [0, 0], 0, 20), thread('inner', [0, 0], 5, 3)];
    const items = marginItems(threads, []);
    expect(itemAt(items, { path: [0, 0], offset: 6 })?.id).toBe('inner');
    expect(itemAt(items, { path: [0, 0], offset: 15 })?.id).toBe('outer');
    expect(itemAt(items, { path: [1, 0], offset: 0 })).toBeUndefined();
  });
});
