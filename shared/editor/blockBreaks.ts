/**
 * What Enter does outside lists and boxes: a heading, pull quote or editor's note
 * continues as a paragraph, a selected void gets a paragraph after it, and
 * Shift+Enter is a line break inside the block.
 */
import { Editor, Path, Range, Transforms } from 'slate';
import { emptyParagraph, isTextBlock, isVoidBlock } from './schema';

const CONTINUES_AS_PARAGRAPH = new Set(['pull-quote', 'editors-note']);

export function withBlockBreaks<E extends Editor>(editor: E): E {
  const { insertBreak, insertSoftBreak } = editor;

  editor.insertBreak = () => {
    const { selection } = editor;
    if (!selection) return insertBreak();

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

  editor.insertSoftBreak = () => {
    if (Editor.above(editor, { match: isTextBlock })) editor.insertText('\n');
    else insertSoftBreak();
  };

  return editor;
}
