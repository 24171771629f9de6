import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import { bodyOf, createTestEditor } from './testEditor';

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] }) as const;

function setup() {
  let clock = 0;
  const editor = createTestEditor([p('')], { path: [0, 0], offset: 0 }, () => clock);
  // Each keystroke is its own task in the browser; let Slate flush its operations between them.
  const type = async (text: string, gap = 50) => {
    for (const ch of text) {
      clock += gap;
      editor.insertText(ch);
      await Promise.resolve();
    }
  };
  return { editor, type, wait: (ms: number) => (clock += ms) };
}

describe('undo grouping', () => {
  it('undoes one word at a time', async () => {
    const { editor, type } = setup();
    await type('The quick fox');
    editor.undo();
    expect(Editor.string(editor, [])).toBe('The quick ');
    editor.undo();
    expect(Editor.string(editor, [])).toBe('The ');
    editor.undo();
    expect(Editor.string(editor, [])).toBe('');
  });

  it('splits after punctuation', async () => {
    const { editor, type } = setup();
    await type('Hi,there');
    editor.undo();
    expect(Editor.string(editor, [])).toBe('Hi,');
  });

  it('splits after a pause of a second', async () => {
    const { editor, type, wait } = setup();
    await type('abc');
    wait(1500);
    await type('def');
    editor.undo();
    expect(Editor.string(editor, [])).toBe('abc');
  });

  it('redo restores what undo took', async () => {
    const { editor, type } = setup();
    await type('one two');
    editor.undo();
    editor.redo();
    expect(Editor.string(editor, [])).toBe('one two');
  });

  it('never loses a block: undoing Enter rejoins, undoing more keeps the document valid', async () => {
    const { editor, type } = setup();
    await type('first');
    editor.insertBreak();
    await type('second');
    while (editor.history.undos.length) editor.undo();
    expect(bodyOf(editor)).toEqual([p('')]);
  });
});
