import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import type { ArticleBody } from '../model/document';
import { sampleInput } from '../export/__fixtures__/sampleArticle';
import { exportMarkdownBody } from '../export/markdown';
import { bodyOf, createTestEditor } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] }) as const;

function typeInto(editor: Editor, text: string) {
  for (const ch of text) editor.insertText(ch);
}

describe('markdown shortcuts', () => {
  it.each([
    ['# ', { type: 'heading', level: 1 }],
    ['## ', { type: 'heading', level: 1 }],
    ['### ', { type: 'heading', level: 2 }],
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
    typeInto(editor, '### ');
    expect(bodyOf(editor)[0]).toEqual({ type: 'heading', level: 2, children: [{ text: '' }] });
    editor.undo();
    expect(bodyOf(editor)[0]).toEqual(p('### '));
    expect(editor.selection?.anchor.offset).toBe(4);
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

  it('"---" then a space becomes a section break at once; undo gives the characters back', async () => {
    const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 });
    typeInto(editor, '--- ');
    expect(bodyOf(editor)).toEqual([{ type: 'section-break', children: [{ text: '' }] }, p('')]);
    // Keystrokes come in separate tasks; Slate flushes editor.operations between them.
    await Promise.resolve();
    typeInto(editor, 'After');
    expect(bodyOf(editor)[1]).toEqual(p('After'));
    editor.undo();
    editor.undo();
    expect(bodyOf(editor)).toEqual([p('--- ')]);
  });

  it('"---" with text after it, or inside a box, stays text', () => {
    const editor = createTestEditor([p('x')], { path: [0, 0], offset: 0 });
    typeInto(editor, '--- ');
    expect(bodyOf(editor)).toEqual([p('--- x')]);
  });

  it('the heading shortcuts write the levels the Markdown export writes back', () => {
    const editor = createTestEditor([p(''), p('')], { path: [0, 0], offset: 0 });
    typeInto(editor, '## Head');
    editor.selection = { anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 0 } };
    typeInto(editor, '### Sub');
    const md = exportMarkdownBody(sampleInput({ body: bodyOf(editor) as ArticleBody }));
    expect(md.trim().split(/\n+/)).toEqual(['## Head', '### Sub']);
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
