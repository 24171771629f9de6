import { withYHistory, withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../model/document';
import { emptyArticleFields } from '../model/article';
import { setBlockStyle } from '../editor/blockStyles';
import { setLink } from '../editor/linkEditing';
import { toggleMark } from '../editor/marks';
import { bodyOf, createTestEditor } from '../editor/testEditor';
import { normalizeBody, withArticleEditing } from '../editor/withArticleEditing';
import { articleToDoc, bodyType, docToArticleFields } from '../sync/articleDoc';
import { bodyWithEverySuggestion } from './fixtures';
import {
  acceptSuggestion,
  decideAll,
  decideSuggestions,
  listSuggestions,
  rejectSuggestion,
  suggestionAtSelection,
  openSuggestionCount,
  withoutSuggestions,
  withSuggestions,
  type SuggestionAuthor,
} from './index';

const AT = '2026-12-02T05:00:00.000Z';
function author(authorId: string, authorName: string): SuggestionAuthor {
  let n = 0;
  return { authorId, authorName, newId: () => `${authorId}-${++n}`, now: () => new Date(AT) };
}
const edda = () => author('edda', 'Edda Editor');
const meta = (id: string, authorId = 'edda', authorName = 'Edda Editor') => ({ id, authorId, authorName, at: AT });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });

/** A test editor suggesting as `who` (null: editing directly). */
function suggesting(body: unknown[], who: SuggestionAuthor | null, selection?: Parameters<typeof createTestEditor>[1]) {
  let current = who;
  const editor = withSuggestions(createTestEditor(body, selection), () => current);
  return { editor, setAuthor: (next: SuggestionAuthor | null) => (current = next) };
}
const textBeforeCaret = (editor: Editor) => Editor.string(editor, { anchor: Editor.start(editor, []), focus: editor.selection!.anchor });
const type = (editor: Editor, text: string) => {
  for (const ch of text) editor.insertText(ch);
};

describe('suggesting: typing', () => {
  it('marks typed text as one insertion however many keys, and keeps the words around it', () => {
    const { editor } = suggesting([p({ text: 'Hello world' })], edda(), { path: [0, 0], offset: 5 });
    type(editor, ' big');
    expect(bodyOf(editor)).toEqual([p({ text: 'Hello' }, { text: ' big', ins: meta('edda-1') }, { text: ' world' })]);
    expect(editor.selection?.anchor).toEqual({ path: [0, 1], offset: 4 });
  });

  it('typing inside a suggested deletion gives a plain insertion, not deleted text', () => {
    const { editor } = suggesting([p({ text: 'abcdef', del: meta('w-1', 'wren', 'Wren') })], edda(), { path: [0, 0], offset: 3 });
    type(editor, 'XY');
    expect(bodyOf(editor)).toEqual([
      p({ text: 'abc', del: meta('w-1', 'wren', 'Wren') }, { text: 'XY', ins: meta('edda-1') }, { text: 'def', del: meta('w-1', 'wren', 'Wren') }),
    ]);
  });

  it('typing inside another author’s insertion is the typist’s own insertion', () => {
    const { editor } = suggesting([p({ text: 'ab', ins: meta('w-1', 'wren', 'Wren') })], edda(), { path: [0, 0], offset: 1 });
    type(editor, 'X');
    expect(bodyOf(editor)).toEqual([
      p({ text: 'a', ins: meta('w-1', 'wren', 'Wren') }, { text: 'X', ins: meta('edda-1') }, { text: 'b', ins: meta('w-1', 'wren', 'Wren') }),
    ]);
  });

  it('typing over a selection strikes it and inserts after it', () => {
    const { editor } = suggesting([p({ text: 'one two three' })], edda(), { anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 0], offset: 7 } });
    type(editor, '2');
    expect(bodyOf(editor)).toEqual([p({ text: 'one ' }, { text: 'two', del: meta('edda-1') }, { text: '2', ins: meta('edda-2') }, { text: ' three' })]);
  });

  it('text typed directly next to or inside a suggestion stays plain', () => {
    const { editor, setAuthor } = suggesting([p({ text: 'ab' })], edda(), { path: [0, 0], offset: 2 });
    type(editor, 'XY');
    setAuthor(null);
    type(editor, 'z');
    Transforms.select(editor, { path: [0, 1], offset: 1 });
    type(editor, 'q');
    expect(bodyOf(editor)).toEqual([p({ text: 'ab' }, { text: 'X', ins: meta('edda-1') }, { text: 'q' }, { text: 'Y', ins: meta('edda-1') }, { text: 'z' })]);
  });

  it('edits directly when the mode is off', () => {
    const { editor } = suggesting([p({ text: 'ab' })], null, { path: [0, 0], offset: 1 });
    type(editor, 'X');
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([p({ text: 'b' })]);
  });
});

describe('suggesting: undo', () => {
  it('a word typed as a suggestion is one undo step, its first letter included, as direct typing is', async () => {
    let clock = 0;
    const edda = author('edda', 'Edda Editor');
    const editor = withSuggestions(
      createTestEditor([p({ text: 'Hello world' })], { path: [0, 0], offset: 6 }, () => clock),
      () => edda,
    );
    // Each keystroke is its own task in the browser: Slate flushes its operations between them.
    const typeKeys = async (text: string) => {
      for (const ch of text) {
        clock += 50;
        editor.insertText(ch);
        await Promise.resolve();
      }
    };
    await typeKeys('big ');
    const big = [p({ text: 'Hello ' }, { text: 'big ', ins: meta('edda-1') }, { text: 'world' })];
    expect(bodyOf(editor)).toEqual(big);
    await typeKeys('red ');
    editor.undo();
    expect(bodyOf(editor)).toEqual(big);
    editor.undo();
    expect(bodyOf(editor)).toEqual([p({ text: 'Hello world' })]);

    // A click elsewhere between two keys still starts a new step.
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    await Promise.resolve();
    await typeKeys('A');
    Transforms.select(editor, Editor.end(editor, []));
    await Promise.resolve();
    await typeKeys('Z');
    editor.undo();
    expect(Editor.string(editor, [])).toBe('AHello world');
  });
});

describe('suggesting: deleting', () => {
  it('Backspace strikes others’ text as one deletion and walks the caret back over it', () => {
    const { editor } = suggesting([p({ text: 'Hello world' })], edda(), { path: [0, 0], offset: 11 });
    for (let i = 0; i < 6; i++) editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([p({ text: 'Hello' }, { text: ' world', del: meta('edda-1') })]);
    expect(textBeforeCaret(editor)).toBe('Hello');
  });

  it('Delete strikes forward and the caret moves past the struck text', () => {
    const { editor } = suggesting([p({ text: 'Hello world' })], edda(), { path: [0, 0], offset: 0 });
    for (let i = 0; i < 6; i++) editor.deleteForward('character');
    expect(bodyOf(editor)).toEqual([p({ text: 'Hello ', del: meta('edda-1') }, { text: 'world' })]);
  });

  it('removes the author’s own suggested insertion for real', () => {
    const { editor } = suggesting([p({ text: 'Hello' })], edda(), { path: [0, 0], offset: 5 });
    type(editor, '!!');
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([p({ text: 'Hello' })]);
  });

  it('text already struck stays struck under its first author', () => {
    const struck = { text: 'bc', del: meta('w-1', 'wren', 'Wren') };
    const { editor } = suggesting([p({ text: 'a' }, struck, { text: 'd' })], edda(), {
      anchor: { path: [0, 0], offset: 0 },
      focus: { path: [0, 2], offset: 1 },
    });
    editor.deleteFragment();
    expect(bodyOf(editor)).toEqual([p({ text: 'a', del: meta('edda-1') }, struck, { text: 'd', del: meta('edda-1') })]);
  });

  it('a deletion across another author’s insertion strikes it too (their insertion stays theirs)', () => {
    const theirs = meta('w-1', 'wren', 'Wren');
    const { editor } = suggesting([p({ text: 'one ' }, { text: 'new ', ins: theirs }, { text: 'two' })], edda(), {
      anchor: { path: [0, 0], offset: 2 },
      focus: { path: [0, 2], offset: 1 },
    });
    editor.deleteFragment();
    const del = meta('edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'on' }, { text: 'e ', del }, { text: 'new ', ins: theirs, del }, { text: 't', del }, { text: 'wo' })]);
    rejectSuggestion(editor, 'w-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'on' }, { text: 'e t', del }, { text: 'wo' })]);
    acceptSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'onwo' })]);
  });

  it('deletes across blocks: both parts and the break between struck as one deletion; accepted, the blocks join', () => {
    const { editor } = suggesting([p({ text: 'first' }), p({ text: 'second' })], edda(), {
      anchor: { path: [0, 0], offset: 2 },
      focus: { path: [1, 0], offset: 3 },
    });
    editor.deleteFragment();
    const struck = [
      p({ text: 'fi' }, { text: 'rst', del: meta('edda-1') }),
      { ...p({ text: 'sec', del: meta('edda-1') }, { text: 'ond' }), delBreak: meta('edda-1') },
    ];
    expect(bodyOf(editor)).toEqual(struck);
    expect(listSuggestions(bodyOf(editor))).toEqual([
      {
        id: 'edda-1',
        kind: 'delete',
        authorId: 'edda',
        authorName: 'Edda Editor',
        at: AT,
        text: 'rst\nsec',
        path: [0, 1],
        range: { anchor: { path: [0, 1], offset: 0 }, focus: { path: [1, 0], offset: 3 } },
      },
    ]);
    expect(withoutSuggestions(bodyOf(editor) as ArticleBody)).toEqual([p({ text: 'fi' }, { text: 'rst' }), p({ text: 'sec' }, { text: 'ond' })]);
    acceptSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'fiond' })]);
    editor.undo();
    expect(bodyOf(editor)).toEqual(struck);
    rejectSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'first' }), p({ text: 'second' })]);
  });

  it('Backspace at a block start suggests joining the blocks, and takes back the author’s own suggested break', () => {
    const { editor } = suggesting([p({ text: 'one' }), p({ text: 'two' })], edda(), { path: [1, 0], offset: 0 });
    editor.deleteBackward('character');
    const joined = [p({ text: 'one' }), { ...p({ text: 'two' }), delBreak: meta('edda-1') }];
    expect(bodyOf(editor)).toEqual(joined);
    expect(editor.selection?.anchor).toEqual({ path: [0, 0], offset: 3 });
    expect(listSuggestions(bodyOf(editor)).map((s) => [s.kind, s.text])).toEqual([['join', 'two']]);
    // A second Backspace strikes the last letter of the block before, as its own suggestion.
    editor.deleteBackward('character');
    expect(bodyOf(editor)).toEqual([p({ text: 'on' }, { text: 'e', del: meta('edda-2') }), joined[1]]);
    rejectSuggestion(editor, 'edda-2');
    acceptSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'onetwo' })]);

    const own = suggesting([p({ text: 'onetwo' })], edda(), { path: [0, 0], offset: 3 });
    own.editor.insertBreak();
    own.editor.deleteBackward('character');
    expect(bodyOf(own.editor)).toEqual([p({ text: 'onetwo' })]);
  });

  it('Delete at a block end suggests the join too; the first block, or one after an image, has no break to strike', () => {
    const { editor } = suggesting([p({ text: 'one' }), p({ text: 'two' })], edda(), { path: [0, 0], offset: 3 });
    editor.deleteForward('character');
    expect(bodyOf(editor)).toEqual([p({ text: 'one' }), { ...p({ text: 'two' }), delBreak: meta('edda-1') }]);
    expect(editor.selection?.anchor).toEqual({ path: [1, 0], offset: 0 });
    // Again on a break already struck: nothing new.
    Transforms.select(editor, { path: [0, 0], offset: 3 });
    editor.deleteForward('character');
    expect(listSuggestions(bodyOf(editor))).toHaveLength(1);

    const start = suggesting([p({ text: 'one' })], edda(), { path: [0, 0], offset: 0 });
    start.editor.deleteBackward('character');
    expect(bodyOf(start.editor)).toEqual([p({ text: 'one' })]);
  });

  it('a join struck on another author’s suggested break: accepting the join, or rejecting the break, joins once', () => {
    const body = () => [p({ text: 'one' }), { ...p({ text: 'two' }), insBreak: meta('w-1', 'wren', 'Wren'), delBreak: meta('e-1') }];
    for (const [id, decision] of [
      ['e-1', 'accept'],
      ['w-1', 'reject'],
    ] as const) {
      const { editor } = suggesting(body(), null);
      decideSuggestions(editor, new Set([id]), decision);
      expect(bodyOf(editor), `${decision} ${id}`).toEqual([p({ text: 'onetwo' })]);
      expect(listSuggestions(bodyOf(editor))).toEqual([]);
    }
    const { editor } = suggesting(body(), null);
    rejectSuggestion(editor, 'e-1');
    acceptSuggestion(editor, 'w-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'one' }), p({ text: 'two' })]);
  });
});

describe('suggesting: breaks, marks, styles and links', () => {
  it('Enter splits the block and marks the new one; rejecting joins them, accepting keeps them', () => {
    const { editor } = suggesting([p({ text: 'onetwo' })], edda(), { path: [0, 0], offset: 3 });
    editor.insertBreak();
    const split = [p({ text: 'one' }), { type: 'paragraph', insBreak: meta('edda-1'), children: [{ text: 'two' }] }];
    expect(bodyOf(editor)).toEqual(split);
    rejectSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'onetwo' })]);
    editor.undo();
    expect(bodyOf(editor)).toEqual(split);
    acceptSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'one' }), p({ text: 'two' })]);
  });

  it('a mark toggled over text keeps the marks it had; toggling back removes the suggestion', () => {
    const { editor } = suggesting([p({ text: 'plain ' }, { text: 'slanted', italic: true })], edda(), {
      anchor: { path: [0, 0], offset: 0 },
      focus: { path: [0, 1], offset: 7 },
    });
    toggleMark(editor, 'bold');
    expect(bodyOf(editor)).toEqual([
      p(
        { text: 'plain ', bold: true, fmt: { ...meta('edda-1'), before: [] } },
        { text: 'slanted', italic: true, bold: true, fmt: { ...meta('edda-1'), before: ['italic'] } },
      ),
    ]);
    rejectSuggestion(editor, 'edda-1');
    expect(bodyOf(editor)).toEqual([p({ text: 'plain ' }, { text: 'slanted', italic: true })]);
    editor.undo();
    toggleMark(editor, 'bold');
    expect(bodyOf(editor)).toEqual([p({ text: 'plain ' }, { text: 'slanted', italic: true })]);
  });

  it('a style change keeps the style before; rejecting restores it, accepting keeps the new one', () => {
    const { editor } = suggesting([p({ text: 'Title' }), p({ text: 'Body' })], edda(), { path: [0, 0], offset: 0 });
    setBlockStyle(editor, 'heading-1');
    expect(bodyOf(editor)[0]).toEqual({
      type: 'heading',
      level: 1,
      restyle: { ...meta('edda-1'), before: { type: 'paragraph' } },
      children: [{ text: 'Title' }],
    });
    setBlockStyle(editor, 'heading-2');
    expect(bodyOf(editor)[0]).toEqual({
      type: 'heading',
      level: 2,
      restyle: { ...meta('edda-2'), before: { type: 'paragraph' } },
      children: [{ text: 'Title' }],
    });
    rejectSuggestion(editor, 'edda-2');
    expect(bodyOf(editor)[0]).toEqual(p({ text: 'Title' }));
    editor.undo();
    acceptSuggestion(editor, 'edda-2');
    expect(bodyOf(editor)[0]).toEqual({ type: 'heading', level: 2, children: [{ text: 'Title' }] });
  });

  it('a new link is suggested with no URL before; a changed one keeps its URL', () => {
    const { editor } = suggesting(
      [p({ text: 'read ' }, { type: 'link', url: 'https://old.example/', children: [{ text: 'this' }] }, { text: ' and that' })],
      edda(),
      {
        anchor: { path: [0, 2], offset: 5 },
        focus: { path: [0, 2], offset: 9 },
      },
    );
    setLink(editor, 'https://that.example/');
    Transforms.select(editor, { path: [0, 1, 0], offset: 2 });
    setLink(editor, 'https://new.example/');
    const body = bodyOf(editor);
    expect(body[0]).toEqual(
      p(
        { text: 'read ' },
        { type: 'link', url: 'https://new.example/', relink: { ...meta('edda-2'), before: 'https://old.example/' }, children: [{ text: 'this' }] },
        { text: ' and ' },
        { type: 'link', url: 'https://that.example/', relink: { ...meta('edda-1'), before: null }, children: [{ text: 'that' }] },
        { text: '' },
      ),
    );
    decideAll(editor, 'reject');
    expect(bodyOf(editor)).toEqual([p({ text: 'read ' }, { type: 'link', url: 'https://old.example/', children: [{ text: 'this' }] }, { text: ' and that' })]);
  });
});

describe('accepting and rejecting', () => {
  /** Three suggestions by two authors in one paragraph, and the text each decision leads to. */
  const body = () => [
    p(
      { text: 'The ' },
      { text: 'quick ', ins: meta('a', 'edda') },
      { text: 'brown ', del: meta('b', 'wren', 'Wren') },
      { text: 'fox', bold: true, fmt: { ...meta('c'), before: [] } },
    ),
  ];
  const expected = (accept: Record<string, boolean>) => {
    const text = `The ${accept.a ? 'quick ' : ''}${accept.b ? '' : 'brown '}`;
    return [accept.c ? p({ text }, { text: 'fox', bold: true }) : p({ text: `${text}fox` })];
  };
  const orders = [
    ['a', 'b', 'c'],
    ['c', 'b', 'a'],
    ['b', 'a', 'c'],
    ['c', 'a', 'b'],
  ];

  it('gives the same text in any order, for every mix of accepts and rejects', () => {
    for (let mask = 0; mask < 8; mask++) {
      const accept = { a: (mask & 1) > 0, b: (mask & 2) > 0, c: (mask & 4) > 0 };
      for (const order of orders) {
        const { editor } = suggesting(body(), null);
        for (const id of order) decideSuggestions(editor, new Set([id]), accept[id as 'a'] ? 'accept' : 'reject');
        expect(bodyOf(editor), `${JSON.stringify(accept)} in order ${order.join('')}`).toEqual(expected(accept));
        expect(listSuggestions(bodyOf(editor))).toEqual([]);
      }
    }
  });

  it('settles one author’s suggestions and leaves the others open', () => {
    const { editor } = suggesting(body(), null);
    expect(decideAll(editor, 'accept', 'edda')).toBe(2);
    expect(listSuggestions(bodyOf(editor)).map((s) => s.id)).toEqual(['b']);
  });

  it('each decision is one undo step, even accepting all at once', () => {
    const { editor } = suggesting(body(), null);
    decideAll(editor, 'accept');
    expect(bodyOf(editor)).toEqual(expected({ a: true, b: true, c: true }));
    editor.undo();
    expect(bodyOf(editor)).toEqual(body());
    rejectSuggestion(editor, 'b');
    acceptSuggestion(editor, 'a');
    editor.undo();
    expect(bodyOf(editor)).toEqual([
      p({ text: 'The ' }, { text: 'quick ', ins: meta('a', 'edda') }, { text: 'brown ' }, { text: 'fox', bold: true, fmt: { ...meta('c'), before: [] } }),
    ]);
    expect(listSuggestions(bodyOf(editor)).map((s) => s.id)).toEqual(['a', 'c']);
    editor.undo();
    expect(bodyOf(editor)).toEqual(body());
  });

  it('rejecting every suggestion gives the published body (withoutSuggestions), and accepting is undone by one Ctrl+Z on a newsroom article', () => {
    const { editor } = suggesting(bodyWithEverySuggestion(), null);
    decideAll(editor, 'reject');
    expect(bodyOf(editor)).toEqual(normalizeBody(withoutSuggestions(bodyWithEverySuggestion())));
    expect(withoutSuggestions(bodyWithEverySuggestion())).toEqual([
      p({ text: 'A heading that was a paragraph' }),
      p(
        { text: 'Kept, ' },
        { text: ' and ' },
        { text: 'deleted' },
        { text: ', ' },
        { text: 'bolded', italic: true },
        { text: ' ' },
        { type: 'link', url: 'https://example.com/old', children: [{ text: 'a link' }] },
        { text: '.' },
        { text: 'Split off by a suggested break.' },
      ),
      { type: 'block-quote', children: [{ text: 'A list item that was a quote' }] },
    ]);

    const doc = articleToDoc({ ...emptyArticleFields(), body: bodyWithEverySuggestion() as ArticleBody });
    const bound = withArticleEditing(withYHistory(withYjs(createEditor(), bodyType(doc))) as unknown as Editor);
    YjsEditor.connect(bound as unknown as YjsEditor);
    decideAll(bound, 'accept');
    YjsEditor.flushLocalChanges(bound as unknown as YjsEditor);
    expect(listSuggestions(docToArticleFields(doc).body)).toEqual([]);
    bound.undo();
    expect(docToArticleFields(doc).body).toEqual(bodyWithEverySuggestion());
  });

  it('lists suggestions once each with kind, author and text, and finds the one at the caret', () => {
    const list = listSuggestions(bodyWithEverySuggestion());
    expect(list.map((s) => [s.id, s.kind, s.text])).toEqual([
      ['s-restyle', 'restyle', 'A heading that was a paragraph'],
      ['s-ins', 'insert', 'inserted'],
      ['s-del', 'delete', 'deleted'],
      ['s-fmt', 'format', 'bolded'],
      ['s-link', 'link', 'a link'],
      ['s-break', 'break', 'Split off by a suggested break.'],
      ['s-list', 'restyle', 'A list item that was a quote'],
    ]);
    expect(openSuggestionCount(bodyWithEverySuggestion())).toBe(7);
    expect(list[2]).toMatchObject({ authorId: 'wr-2', authorName: 'Wren Writer', path: [1, 3] });
    const { editor } = suggesting(bodyWithEverySuggestion(), null, { path: [1, 3], offset: 2 });
    expect(suggestionAtSelection(editor)?.id).toBe('s-del');
    Transforms.select(editor, { path: [2, 0], offset: 4 });
    expect(suggestionAtSelection(editor)?.id).toBe('s-break');
  });
});
