import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import { bodyOf, createTestEditor } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] }) as const;

function typeInto(editor: Editor, text: string) {
  for (const ch of text) editor.insertText(ch);
}

describe('markdown shortcuts', () => {
  it.each([
    ['# ', { type: 'heading', level: 1 }],
    ['## ', { type: 'heading', level: 2 }],
    ['> ', { type: 'block-quote' }],
    ['- ', { type: 'list-item', list: 'bulleted', depth: 0 }],
    ['* ', { type: 'list-item', list: 'bulleted', depth: 0 }],
    ['1. ', { type: 'list-item', list: 'numbered', depth: 0 }],
  ])('"%s" converts the paragraph', (prefix, expected) => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    typeInto(editor, `${prefix}News`);
    expect(bodyOf(editor)[0]).toEqual({ ...expected, children: [{ text: 'News' }] });
  });

  it('does nothing in the middle of text or in headings', () => {
    const editor = createTestEditor([p('a')], { path: [0, 0], offset: 1 });
    typeInto(editor, ' - x');
    expect(bodyOf(editor)[0]).toEqual(p('a - x'));
    const heading = createTestEditor([{ type: 'heading', level: 1, children: [{ text: '' }] }], { path: [0, 0], offset: 0 });
    typeInto(heading, '> x');
    expect(bodyOf(heading)[0]).toEqual({ type: 'heading', level: 1, children: [{ text: '> x' }] });
  });

  it('undo right after a shortcut restores the typed characters', () => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    typeInto(editor, '## ');
    expect(bodyOf(editor)[0]).toEqual({ type: 'heading', level: 2, children: [{ text: '' }] });
    editor.undo();
    expect(bodyOf(editor)[0]).toEqual(p('## '));
    expect(editor.selection?.anchor.offset).toBe(3);
  });

  it('"---" then Enter becomes a section break followed by a paragraph', () => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    typeInto(editor, '---');
    editor.insertBreak();
    expect(bodyOf(editor)).toEqual([{ type: 'section-break', children: [{ text: '' }] }, p('')]);
    expect(editor.selection?.anchor.path).toEqual([1, 0]);
    editor.undo();
    expect(bodyOf(editor)).toEqual([p('---')]);
  });

  it('allows only list shortcuts inside a promo box', () => {
    const editor = createTestEditor([{ type: 'promo-box', title: '', children: [p('')] }, p('')], { path: [0, 0, 0], offset: 0 });
    typeInto(editor, '## ');
    expect(bodyOf(editor)[0]).toEqual({ type: 'promo-box', title: '', children: [p('## ')] });
    const list = createTestEditor([{ type: 'promo-box', title: '', children: [p('')] }, p('')], { path: [0, 0, 0], offset: 0 });
    typeInto(list, '- a');
    expect(bodyOf(list)[0]).toEqual({
      type: 'promo-box',
      title: '',
      children: [{ type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'a' }] }],
    });
  });
});
