import { describe, expect, it } from 'vitest';
import { insertBlocks } from './insertBlock';
import { bodyOf, createTestEditor } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] }) as const;
const box = (...children: ReturnType<typeof p>[]) => ({ type: 'promo-box', title: 'Know', children }) as const;

describe('Enter in special blocks', () => {
  it('continues a heading as a paragraph when at its end', () => {
    const editor = createTestEditor([{ type: 'heading', level: 1, children: [{ text: 'Head' }] }], { path: [0, 0], offset: 4 });
    editor.insertBreak();
    expect(bodyOf(editor)).toEqual([{ type: 'heading', level: 1, children: [{ text: 'Head' }] }, p('')]);
  });

  it('splits a heading in its middle into two headings', () => {
    const editor = createTestEditor([{ type: 'heading', level: 1, children: [{ text: 'Head' }] }], { path: [0, 0], offset: 2 });
    editor.insertBreak();
    expect(bodyOf(editor).map((b) => b.type)).toEqual(['heading', 'heading']);
  });

  it('continues pull quotes and editors notes as paragraphs', () => {
    const editor = createTestEditor(
      [
        { type: 'pull-quote', attribution: 'A', children: [{ text: 'Quote' }] },
        { type: 'editors-note', kind: 'correction', date: '2024-01-02', children: [{ text: 'Fixed' }] },
      ],
      { path: [0, 0], offset: 5 },
    );
    editor.insertBreak();
    expect(bodyOf(editor)[1]).toEqual(p(''));
    editor.selection = { anchor: { path: [2, 0], offset: 5 }, focus: { path: [2, 0], offset: 5 } };
    editor.insertBreak();
    expect(bodyOf(editor)[3]).toEqual(p(''));
  });

  it('adds a paragraph after a selected void', () => {
    const editor = createTestEditor([{ type: 'section-break', children: [{ text: '' }] }, p('x')], { path: [0, 0], offset: 0 });
    editor.insertBreak();
    expect(bodyOf(editor).map((b) => b.type)).toEqual(['section-break', 'paragraph', 'paragraph']);
    expect(editor.selection?.anchor.path).toEqual([1, 0]);
  });

  it('Shift+Enter inserts a line break inside the block', () => {
    const editor = createTestEditor([p('ab')], { path: [0, 0], offset: 1 });
    editor.insertSoftBreak();
    expect(bodyOf(editor)).toEqual([p('a\nb')]);
  });
});

describe('promo box', () => {
  it('Enter at the end of an empty last paragraph leaves the box', () => {
    const editor = createTestEditor([box(p('one'), p('')), p('after')], { path: [0, 1, 0], offset: 0 });
    editor.insertBreak();
    expect(bodyOf(editor)).toEqual([box(p('one')), p(''), p('after')]);
    expect(editor.selection?.anchor.path).toEqual([1, 0]);
  });

  it('Enter in a filled paragraph stays in the box', () => {
    const editor = createTestEditor([box(p('one')), p('')], { path: [0, 0, 0], offset: 3 });
    editor.insertBreak();
    expect(bodyOf(editor)[0]).toEqual(box(p('one'), p('')));
  });

  it('Backspace at the start of the box does not merge it away', () => {
    const editor = createTestEditor([p('before'), box(p('one')), p('')], { path: [1, 0, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([p('before'), box(p('one')), p('')]);
  });

  it('Backspace in an entirely empty box removes it', () => {
    const editor = createTestEditor([p('before'), { type: 'promo-box', title: '', children: [p('')] }, p('x')], { path: [1, 0, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([p('before'), p(''), p('x')]);
  });
});

describe('insertBlocks', () => {
  it('replaces an empty paragraph and puts the cursor after a void', () => {
    const editor = createTestEditor([p('a'), p(''), p('b')], { path: [1, 0], offset: 0 });
    insertBlocks(editor, [{ type: 'section-break', children: [{ text: '' }] }]);
    expect(bodyOf(editor).map((b) => b.type)).toEqual(['paragraph', 'section-break', 'paragraph']);
    expect(editor.selection?.anchor.path).toEqual([2, 0]);
  });

  it('inserts after a filled block and adds a trailing paragraph at the end', () => {
    const editor = createTestEditor([p('a')], { path: [0, 0], offset: 1 });
    insertBlocks(editor, [{ type: 'embed', url: '', caption: '', children: [{ text: '' }] }]);
    expect(bodyOf(editor).map((b) => b.type)).toEqual(['paragraph', 'embed', 'paragraph']);
    expect(editor.selection?.anchor.path).toEqual([2, 0]);
  });

  it('inserts after the promo box when the cursor is inside one', () => {
    const editor = createTestEditor([box(p('')), p('z')], { path: [0, 0, 0], offset: 0 });
    insertBlocks(editor, [{ type: 'section-break', children: [{ text: '' }] }]);
    expect(bodyOf(editor).map((b) => b.type)).toEqual(['promo-box', 'section-break', 'paragraph']);
  });

  it('puts the cursor inside an inserted promo box', () => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    insertBlocks(editor, [{ type: 'promo-box', title: '', children: [{ type: 'paragraph', children: [{ text: '' }] }] }]);
    expect(editor.selection?.anchor.path).toEqual([0, 0, 0]);
    expect(bodyOf(editor).map((b) => b.type)).toEqual(['promo-box', 'paragraph']);
  });
});

describe('leaving a quote', () => {
  const q = (text: string) => ({ type: 'block-quote', children: [{ text }] }) as const;

  it('Enter on a quote line with text continues the quote', () => {
    const editor = createTestEditor([q('Said')], { path: [0, 0], offset: 4 });
    editor.insertBreak();
    expect(bodyOf(editor)).toEqual([q('Said'), q('')]);
  });

  it('Enter on an empty quote line makes it a paragraph', () => {
    const editor = createTestEditor([q('Said'), q('')], { path: [1, 0], offset: 0 });
    editor.insertBreak();
    expect(bodyOf(editor)).toEqual([q('Said'), p('')]);
  });

  it('Backspace at the start of a quote makes it a paragraph and keeps its text', () => {
    const editor = createTestEditor([p('Before'), q('Said')], { path: [1, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([p('Before'), p('Said')]);
  });

  it('Backspace inside a quote deletes a character', () => {
    const editor = createTestEditor([q('Said')], { path: [0, 0], offset: 2 });
    editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([q('Sid')]);
  });

  it('"- " typed in a quote starts a bulleted list', () => {
    const editor = createTestEditor([q('')], { path: [0, 0], offset: 0 });
    editor.insertText('-');
    editor.insertText(' ');
    expect(bodyOf(editor)).toEqual([{ type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: '' }] }]);
  });
});
