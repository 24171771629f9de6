import { Editor } from 'slate';
import { describe, expect, it } from 'vitest';
import { bodyOf, createTestEditor } from '../editor/testEditor';
import { acceptSuggestion, rejectSuggestion, withSuggestions, type SuggestionAuthor } from './index';

const AT = '2026-12-02T06:00:00.000Z';
const edda = (): SuggestionAuthor => {
  let n = 0;
  return { authorId: 'edda', authorName: 'Edda Editor', newId: () => `edda-${++n}`, now: () => new Date(AT) };
};
const meta = (id: string) => ({ id, authorId: 'edda', authorName: 'Edda Editor', at: AT });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const original = () => [p({ text: 'The ferry leaves at noon.' })];

function pasteInto(selection: Parameters<typeof createTestEditor>[1], fragment: unknown[]) {
  const editor = withSuggestions(createTestEditor(original(), selection), edda);
  editor.insertFragment(fragment as never);
  return editor;
}

describe('pasting while suggesting', () => {
  it('strikes the selection instead of removing it and marks one paragraph as one insertion', () => {
    const selection = { anchor: { path: [0, 0], offset: 20 }, focus: { path: [0, 0], offset: 24 } };
    const editor = pasteInto(selection, [p({ text: 'six', bold: true })]);
    expect(bodyOf(editor)).toEqual([
      p({ text: 'The ferry leaves at ' }, { text: 'noon', del: meta('edda-1') }, { text: 'six', bold: true, ins: meta('edda-2') }, { text: '.' }),
    ]);
    rejectSuggestion(editor, 'edda-2');
    rejectSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual(original());
  });

  it('marks every paragraph a paste opens with a suggested break, so rejecting gives back the text exactly', () => {
    const editor = pasteInto({ path: [0, 0], offset: 10 }, [
      p({ text: 'first ' }),
      { type: 'heading', level: 2, children: [{ text: 'Middle' }] },
      { type: 'image', assetId: 'a', alt: '', caption: '', credit: '', children: [{ text: '' }] },
      p({ text: 'last ', del: meta('old'), ins: meta('older') }),
    ]);
    const body = bodyOf(editor) as Array<{ insBreak?: unknown; children: Array<{ text: string; ins?: unknown; del?: unknown }> }>;
    expect(body).toHaveLength(3);
    expect(body.map((b) => b.children.map((c) => c.text).join(''))).toEqual(['The ferry first ', 'Middle', 'last leaves at noon.']);
    expect(body[0]!.insBreak).toBeUndefined();
    expect(body[1]!.insBreak).toEqual(meta('edda-1'));
    expect(body[2]!.insBreak).toEqual(meta('edda-1'));
    // Suggestion keys copied with the text are the paster's own insertion now.
    expect(body[2]!.children[0]).toEqual({ text: 'last ', ins: meta('edda-1') });
    expect(Editor.string(editor, [])).toContain('leaves at noon.');

    rejectSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual(original());
  });

  it('accepting a pasted suggestion keeps the paste as plain text', () => {
    const editor = pasteInto({ path: [0, 0], offset: 10 }, [p({ text: 'first ' }), p({ text: 'second ' })]);
    acceptSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'The ferry first ' }), p({ text: 'second leaves at noon.' })]);
  });

  it('a paste of only images suggests nothing and changes nothing', () => {
    const selection = { anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 0], offset: 9 } };
    const editor = pasteInto(selection, [{ type: 'image', assetId: 'a', alt: '', caption: '', credit: '', children: [{ text: '' }] }]);
    expect(bodyOf(editor)).toEqual(original());
  });
});
