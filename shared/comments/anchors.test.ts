import { createEditor, Editor, Transforms, type Descendant, type Operation } from 'slate';
import { describe, expect, it } from 'vitest';
import { paragraph, type ArticleBody } from '../model/document';
import { anchorFromRange, anchoredText, compareAnchors, reanchor, transformAnchor, type CommentAnchor } from './anchors';

/** A headless editor over `body`; `edit` runs Slate transforms and the anchor follows every operation. */
function follow(body: ArticleBody, anchor: CommentAnchor, edit: (editor: Editor) => void) {
  const editor = createEditor();
  editor.children = structuredClone(body) as Descendant[];
  let current: CommentAnchor | undefined = anchor;
  const apply = editor.apply;
  editor.apply = (op: Operation) => {
    apply(op);
    if (current) current = transformAnchor(current, op);
  };
  edit(editor);
  return { anchor: current, body: editor.children as ArticleBody };
}

const body: ArticleBody = [paragraph('The council voted on Thursday night.'), paragraph('Opponents argued otherwise.')];
// "voted on Thursday"
const voted = anchorFromRange(body, { anchor: { path: [0, 0], offset: 12 }, focus: { path: [0, 0], offset: 29 } })!;

describe('comment anchors', () => {
  it('quotes the selected text and ignores a caret', () => {
    expect(voted.quote).toBe('voted on Thursday');
    expect(anchorFromRange(body, { anchor: { path: [0, 0], offset: 3 }, focus: { path: [0, 0], offset: 3 } })).toBeUndefined();
    // A backward selection is stored start-first.
    expect(anchorFromRange(body, { anchor: { path: [0, 0], offset: 29 }, focus: { path: [0, 0], offset: 12 } })).toEqual(voted);
  });

  it('moves right when text is inserted before it', () => {
    const r = follow(body, voted, (e) => Transforms.insertText(e, 'Tonight, ', { at: { path: [0, 0], offset: 0 } }));
    expect(r.anchor!.anchor.offset).toBe(21);
    expect(anchoredText(r.body, r.anchor!)).toBe('voted on Thursday');
  });

  it('grows when text is inserted inside it', () => {
    const r = follow(body, voted, (e) => Transforms.insertText(e, 'late ', { at: { path: [0, 0], offset: 21 } }));
    expect(anchoredText(r.body, r.anchor!)).toBe('voted on late Thursday');
  });

  it('stays put when text is inserted after it or typed at its edges', () => {
    const after = follow(body, voted, (e) => Transforms.insertText(e, '!', { at: { path: [0, 0], offset: 36 } }));
    expect(after.anchor).toEqual(voted);
    const atEnd = follow(body, voted, (e) => Transforms.insertText(e, ' evening', { at: { path: [0, 0], offset: 29 } }));
    expect(anchoredText(atEnd.body, atEnd.anchor!)).toBe('voted on Thursday');
    const atStart = follow(body, voted, (e) => Transforms.insertText(e, 'finally ', { at: { path: [0, 0], offset: 12 } }));
    expect(anchoredText(atStart.body, atStart.anchor!)).toBe('voted on Thursday');
  });

  it('follows the text when a paragraph is split before it', () => {
    const r = follow(body, voted, (e) => Transforms.splitNodes(e, { at: { path: [0, 0], offset: 4 } }));
    expect(r.anchor!.anchor.path).toEqual([1, 0]);
    expect(anchoredText(r.body, r.anchor!)).toBe('voted on Thursday');
  });

  it('follows the text when its paragraph is merged into the previous one', () => {
    const second = anchorFromRange(body, { anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 9 } })!;
    const r = follow(body, second, (e) => Transforms.mergeNodes(e, { at: [1] }));
    expect(r.anchor!.anchor.path).toEqual([0, 0]);
    expect(anchoredText(r.body, r.anchor!)).toBe('Opponents');
  });

  it('follows the text when a mark splits its text node', () => {
    const r = follow(body, voted, (e) => {
      Transforms.select(e, { anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 0], offset: 11 } });
      Editor.addMark(e, 'bold', true);
    });
    expect(r.anchor!.anchor.path).toEqual([0, 2]);
    expect(anchoredText(r.body, r.anchor!)).toBe('voted on Thursday');
  });

  it('shrinks when part of it is deleted', () => {
    const r = follow(body, voted, (e) => Transforms.delete(e, { at: { anchor: { path: [0, 0], offset: 18 }, focus: { path: [0, 0], offset: 21 } } }));
    expect(anchoredText(r.body, r.anchor!)).toBe('voted Thursday');
  });

  it('is orphaned when its text is deleted', () => {
    const r = follow(body, voted, (e) => Transforms.delete(e, { at: { anchor: { path: [0, 0], offset: 10 }, focus: { path: [0, 0], offset: 30 } } }));
    expect(r.anchor).toBeUndefined();
  });

  it('is orphaned when its paragraph is removed', () => {
    const r = follow(body, voted, (e) => Transforms.removeNodes(e, { at: [0] }));
    expect(r.anchor).toBeUndefined();
  });

  it('re-finds its quote when the stored points no longer match', () => {
    const moved: ArticleBody = [paragraph('New first paragraph.'), ...body];
    const found = reanchor(moved, voted)!;
    expect(found.anchor.path).toEqual([1, 0]);
    expect(anchoredText(moved, found)).toBe('voted on Thursday');
    expect(reanchor(body, voted)).toBe(voted);
    expect(reanchor([paragraph('Nothing here.')], voted)).toBeUndefined();
  });

  it('orders anchors as they appear in the document', () => {
    const later = anchorFromRange(body, { anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 3 } })!;
    expect([later, voted].sort(compareAnchors)).toEqual([voted, later]);
  });
});
