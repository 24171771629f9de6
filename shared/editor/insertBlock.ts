/** Inserting whole blocks (images, breaks, boxes, library cards) where the writer is. */
import { Editor, Path, Transforms } from 'slate';
import type { BlockElement } from '../model/document';
import { isEmptyTextBlock, isParagraph, isPromoBox, isVoidBlock } from './schema';

/**
 * Inserts top-level blocks after the block holding the selection, replacing it when
 * it is an empty paragraph. The cursor lands after the inserted blocks (or inside
 * the first one when it holds text), so writing can go on at once.
 */
export function insertBlocks(editor: Editor, blocks: BlockElement[], at?: Path): void {
  if (blocks.length === 0) return;
  const point = at ?? editor.selection?.anchor.path ?? [editor.children.length - 1];
  const topIndex = Math.min(point[0] ?? editor.children.length - 1, editor.children.length - 1);
  const top = editor.children[topIndex];
  const insideBox = isPromoBox(top) && point.length > 2;
  const replace = !insideBox && isParagraph(top) && isEmptyTextBlock(top);
  const index = replace ? topIndex : topIndex + 1;

  Editor.withoutNormalizing(editor, () => {
    if (replace) Transforms.removeNodes(editor, { at: [topIndex] });
    Transforms.insertNodes(editor, blocks, { at: [index] });
  });

  const first = blocks[0]!;
  if (isVoidBlock(first) || blocks.length > 1) {
    const after = index + blocks.length;
    if (after < editor.children.length) Transforms.select(editor, Editor.start(editor, [after]));
  } else {
    Transforms.select(editor, Editor.start(editor, [index]));
  }
}
