import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import { findAll, findInText, matchRange, replaceAll, replaceMatch } from './find';
import { bodyOf, createTestEditor } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });

describe('findInText', () => {
  it('finds non-overlapping matches, case-insensitively by default', () => {
    expect(findInText('Aaa aA', { query: 'aa', caseSensitive: false })).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ]);
    expect(findInText('Aaa aA', { query: 'aa', caseSensitive: true })).toEqual([{ start: 1, end: 3 }]);
    expect(findInText('anything', { query: '', caseSensitive: false })).toEqual([]);
  });
  it('keeps offsets right for characters whose lower case is longer', () => {
    expect(findInText('İstanbul x', { query: 'x', caseSensitive: false })).toEqual([{ start: 9, end: 10 }]);
  });
});

describe('findAll', () => {
  const body = [
    p('The mayor said'),
    { type: 'paragraph', children: [{ text: 'the ' }, { text: 'MAY', bold: true }, { text: 'OR left' }] },
    { type: 'promo-box', title: 'mayor', children: [p('Mayor box')] },
    { type: 'image', assetId: 'a', alt: 'mayor', caption: '', credit: '', children: [{ text: '' }] },
    p(''),
  ];

  it('finds matches across marks and inside promo boxes, in document order', () => {
    const editor = createTestEditor(body);
    const matches = findAll(editor.children, { query: 'mayor', caseSensitive: false });
    expect(matches.map((m) => m.path)).toEqual([[0], [1], [2, 0]]);
    expect(matchRange(matches[1]!)).toEqual({ anchor: { path: [1, 1], offset: 0 }, focus: { path: [1, 2], offset: 2 } });
  });

  it('reuses cached results for unchanged blocks', () => {
    const editor = createTestEditor(body);
    const first = findAll(editor.children, { query: 'mayor', caseSensitive: false });
    editor.selection = { anchor: { path: [4, 0], offset: 0 }, focus: { path: [4, 0], offset: 0 } };
    editor.insertText('mayor');
    const second = findAll(editor.children, { query: 'mayor', caseSensitive: false });
    expect(second).toHaveLength(4);
    expect(second[0]!.block).toBe(first[0]!.block);
  });

  it('replaces one match and then all as a single undo step', () => {
    const editor = createTestEditor(body);
    const options = { query: 'mayor', caseSensitive: false };
    replaceMatch(editor, findAll(editor.children, options)[0]!, 'governor');
    expect(Editor.string(editor, [0])).toBe('The governor said');
    expect(replaceAll(editor, options, 'chief')).toBe(2);
    expect(Editor.string(editor, [1])).toBe('the chief left');
    expect(Editor.string(editor, [2, 0])).toBe('chief box');
    editor.undo();
    expect(Editor.string(editor, [1])).toBe('the MAYOR left');
    expect(Editor.string(editor, [2, 0])).toBe('Mayor box');
    expect(bodyOf(editor)[3]!.type).toBe('image');
  });
});
