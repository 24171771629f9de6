import { describe, expect, it } from 'vitest';
import { activeLink, removeLink, setLink } from './linkEditing';
import { bodyOf, createTestEditor } from './testEditor';

describe('link editing', () => {
  it('wraps the selection, changes the URL in place and removes it', () => {
    const editor = createTestEditor([{ type: 'paragraph', children: [{ text: 'Read the report now' }] }]);
    editor.selection = { anchor: { path: [0, 0], offset: 9 }, focus: { path: [0, 0], offset: 15 } };
    setLink(editor, 'https://example.com/report');
    expect(bodyOf(editor)[0]).toEqual({
      type: 'paragraph',
      children: [{ text: 'Read the ' }, { type: 'link', url: 'https://example.com/report', children: [{ text: 'report' }] }, { text: ' now' }],
    });
    editor.selection = { anchor: { path: [0, 1, 0], offset: 2 }, focus: { path: [0, 1, 0], offset: 2 } };
    expect(activeLink(editor)?.[0].url).toBe('https://example.com/report');
    setLink(editor, 'https://example.org/');
    expect(activeLink(editor)?.[0].url).toBe('https://example.org/');
    removeLink(editor);
    expect(bodyOf(editor)[0]).toEqual({ type: 'paragraph', children: [{ text: 'Read the report now' }] });
  });

  it('inserts a new link at a collapsed cursor', () => {
    const editor = createTestEditor([{ type: 'paragraph', children: [{ text: 'See ' }] }], { path: [0, 0], offset: 4 });
    setLink(editor, 'mailto:desk@example.com', 'the desk');
    expect(bodyOf(editor)[0]).toMatchObject({ children: [{ text: 'See ' }, { type: 'link', children: [{ text: 'the desk' }] }, { text: '' }] });
  });

  it('refuses forbidden URLs', () => {
    const editor = createTestEditor([{ type: 'paragraph', children: [{ text: 'x' }] }]);
    editor.selection = { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 1 } };
    setLink(editor, 'javascript:alert(1)');
    expect(bodyOf(editor)[0]).toEqual({ type: 'paragraph', children: [{ text: 'x' }] });
  });
});
