import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import type { ArticleBody } from '../model/document';
import { changeListDepth } from './lists';
import { bodyOf, createTestEditor } from './testEditor';

const li = (text: string, depth = 0, list: 'bulleted' | 'numbered' = 'bulleted') => ({ type: 'list-item', list, depth, children: [{ text }] }) as const;
const depths = (body: ArticleBody) => body.map((b) => (b.type === 'list-item' ? b.depth : b.type));

describe('lists', () => {
  it('Tab indents at most one level deeper than the previous item', () => {
    const editor = createTestEditor([li('a'), li('b')], { path: [1, 0], offset: 0 });
    expect(changeListDepth(editor, 1)).toBe(true);
    expect(depths(bodyOf(editor))).toEqual([0, 1]);
    changeListDepth(editor, 1);
    expect(depths(bodyOf(editor))).toEqual([0, 1]);
  });

  it('cannot indent the first item', () => {
    const editor = createTestEditor([li('a'), { type: 'paragraph', children: [{ text: '' }] }], { path: [0, 0], offset: 0 });
    changeListDepth(editor, 1);
    expect(depths(bodyOf(editor))).toEqual([0, 'paragraph']);
  });

  it('Shift+Tab outdents and keeps following items consistent', () => {
    const editor = createTestEditor([li('a'), li('b', 1), li('c', 2)], { path: [1, 0], offset: 0 });
    changeListDepth(editor, -1);
    expect(depths(bodyOf(editor))).toEqual([0, 0, 1]);
  });

  it('reports false outside lists so Tab keeps its default', () => {
    const editor = createTestEditor([{ type: 'paragraph', children: [{ text: 'x' }] }], { path: [0, 0], offset: 0 });
    expect(changeListDepth(editor, 1)).toBe(false);
  });

  it('Enter in a filled item starts another item of the same list and depth', () => {
    const editor = createTestEditor([li('a'), li('b', 1, 'numbered')], { path: [1, 0], offset: 1 });
    editor.insertBreak();
    expect(bodyOf(editor)[2]).toEqual(li('', 1, 'numbered'));
  });

  it('Enter on an empty nested item outdents, then leaves the list', () => {
    const editor = createTestEditor([li('a'), li('', 1)], { path: [1, 0], offset: 0 });
    editor.insertBreak();
    expect(depths(bodyOf(editor))).toEqual([0, 0]);
    editor.insertBreak();
    expect(bodyOf(editor)[1]).toEqual({ type: 'paragraph', children: [{ text: '' }] });
  });

  it('Backspace at the start of an item outdents, then converts it to a paragraph', () => {
    const editor = createTestEditor([li('a'), li('b', 1)], { path: [1, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(depths(bodyOf(editor))).toEqual([0, 0]);
    editor.deleteBackward('character');
    expect(bodyOf(editor)[1]).toEqual({ type: 'paragraph', children: [{ text: 'b' }] });
    editor.deleteBackward('character');
    expect(Editor.string(editor, [])).toBe('ab');
  });
});
