/**
 * What Enter does outside lists and boxes: a heading, pull quote or editor's note
 * continues as a paragraph, a selected void gets a paragraph after it, and
 * Shift+Enter is a line break inside the block. Quotes are left the way lists
 * are: Enter on an empty quote line or Backspace at a quote's start makes it a
 * paragraph.
 */
import { Editor, Element, Path, Range, Transforms } from 'slate';
import type { BlockQuoteElement } from '../model/document';
import { emptyParagraph, isEmptyTextBlock, isTextBlock, isVoidBlock } from './schema';

const isBlockQuote = (node: unknown): node is BlockQuoteElement => Element.isElement(node) && node.type === 'block-quote';

/** The quote holding a collapsed selection, if any. */
function quoteAtCursor(editor: Editor) {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return undefined;
  return Editor.above(editor, { match: isBlockQuote, mode: 'lowest' });
}

const CONTINUES_AS_PARAGRAPH = new Set(['pull-quote', 'editors-note']);

export function withBlockBreaks<E extends Editor>(editor: E): E {
  const { insertBreak, insertSoftBreak, deleteBackward } = editor;

  editor.insertBreak = () => {
    const { selection } = editor;
    if (!selection) return insertBreak();

    const quote = quoteAtCursor(editor);
    if (quote && isEmptyTextBlock(quote[0])) {
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: quote[1] });
      return;
    }

    const voidEntry = Editor.above(editor, { match: isVoidBlock, voids: true });
    if (voidEntry) {
      Transforms.insertNodes(editor, emptyParagraph(), { at: Path.next(voidEntry[1]), select: true });
      return;
    }

    const entry = Editor.above(editor, { match: isTextBlock, mode: 'lowest' });
    if (!entry) return insertBreak();
    const [block, path] = entry;
    const atEnd = Range.isCollapsed(selection) && Editor.isEnd(editor, selection.anchor, path);
    const toParagraph = CONTINUES_AS_PARAGRAPH.has(block.type) || (block.type === 'heading' && atEnd);
    if (!toParagraph) return insertBreak();

    Editor.withoutNormalizing(editor, () => {
      insertBreak();
      const next = Editor.above(editor, { match: isTextBlock, mode: 'lowest' });
      if (!next || Path.equals(next[1], path)) return;
      Transforms.unsetNodes(editor, ['level', 'attribution', 'kind', 'date'], { at: next[1] });
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: next[1] });
    });
  };

  editor.deleteBackward = (unit) => {
    const quote = quoteAtCursor(editor);
    if (quote && editor.selection && Editor.isStart(editor, editor.selection.anchor, quote[1])) {
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: quote[1] });
      return;
    }
    deleteBackward(unit);
  };

  editor.insertSoftBreak = () => {
    if (Editor.above(editor, { match: isTextBlock })) editor.insertText('\n');
    else insertSoftBreak();
  };

  return editor;
}
