import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import { articleBodySchema } from '../model/document';
import { currentBlockStyle, setBlockStyle, toggleBlockStyle } from './blockStyles';
import { activeMarks, toggleMark } from './marks';
import { bodyOf, createTestEditor } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] }) as const;

describe('block styles', () => {
  it('toggles a heading on and back to a paragraph', () => {
    const editor = createTestEditor([p('Title')], { path: [0, 0], offset: 2 });
    toggleBlockStyle(editor, 'heading-1');
    expect(bodyOf(editor)[0]).toEqual({ type: 'heading', level: 1, children: [{ text: 'Title' }] });
    expect(currentBlockStyle(editor)).toBe('heading-1');
    toggleBlockStyle(editor, 'heading-2');
    expect(bodyOf(editor)[0]).toEqual({ type: 'heading', level: 2, children: [{ text: 'Title' }] });
    toggleBlockStyle(editor, 'heading-2');
    expect(bodyOf(editor)[0]).toEqual(p('Title'));
  });

  it('turns every selected block into list items and drops stale fields', () => {
    const editor = createTestEditor([{ type: 'heading', level: 2, children: [{ text: 'a' }] }, p('b')]);
    editor.selection = { anchor: { path: [0, 0], offset: 0 }, focus: { path: [1, 0], offset: 1 } };
    setBlockStyle(editor, 'numbered-list');
    expect(bodyOf(editor)).toEqual([
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'a' }] },
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'b' }] },
    ]);
    setBlockStyle(editor, 'pull-quote');
    expect(bodyOf(editor)[0]).toEqual({ type: 'pull-quote', attribution: '', children: [{ text: 'a' }] });
    setBlockStyle(editor, 'editors-note');
    expect(articleBodySchema.safeParse(bodyOf(editor)).success).toBe(true);
  });

  it('keeps promo box children to paragraphs and lists', () => {
    const editor = createTestEditor([{ type: 'promo-box', title: 'T', children: [p('x')] }, p('')], { path: [0, 0, 0], offset: 0 });
    setBlockStyle(editor, 'heading-1');
    expect(bodyOf(editor)[0]).toEqual({ type: 'promo-box', title: 'T', children: [p('x')] });
    setBlockStyle(editor, 'bulleted-list');
    expect(bodyOf(editor)[0]!.type === 'promo-box' && bodyOf(editor)[0]).toMatchObject({ children: [{ type: 'list-item' }] });
  });
});

describe('marks', () => {
  it('toggles marks on a selection and reports them', () => {
    const editor = createTestEditor([p('hello world')]);
    editor.selection = { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 5 } };
    toggleMark(editor, 'bold');
    toggleMark(editor, 'italic');
    expect(activeMarks(editor)).toEqual(['bold', 'italic']);
    expect(bodyOf(editor)[0]!.type === 'paragraph' && bodyOf(editor)[0]).toMatchObject({
      children: [{ text: 'hello', bold: true, italic: true }, { text: ' world' }],
    });
    toggleMark(editor, 'bold');
    expect(activeMarks(editor)).toEqual(['italic']);
  });

  it('makes superscript and subscript exclusive', () => {
    const editor = createTestEditor([p('x2')]);
    editor.selection = { anchor: { path: [0, 0], offset: 1 }, focus: { path: [0, 0], offset: 2 } };
    toggleMark(editor, 'superscript');
    toggleMark(editor, 'subscript');
    expect(activeMarks(editor)).toEqual(['subscript']);
    expect(Editor.string(editor, [])).toBe('x2');
  });
});
