/**
 * Flat lists: every item carries its list kind and depth. Tab and Shift+Tab change
 * depth; Enter on an empty item and Backspace at an item's start step out.
 */
import { Editor, Range, Transforms, type Path } from 'slate';
import type { ListItemElement } from '../model/document';
import { MAX_LIST_DEPTH, isEmptyTextBlock, isListItem } from './schema';

function selectedItems(editor: Editor): Array<[ListItemElement, Path]> {
  if (!editor.selection) return [];
  return Array.from(Editor.nodes(editor, { match: isListItem, mode: 'lowest' })) as Array<[ListItemElement, Path]>;
}

/** Changes the depth of every selected list item; returns false when the selection holds none. */
export function changeListDepth(editor: Editor, delta: 1 | -1): boolean {
  const items = selectedItems(editor);
  if (items.length === 0) return false;
  Editor.withoutNormalizing(editor, () => {
    for (const [item, path] of items) {
      const depth = Math.max(0, Math.min(MAX_LIST_DEPTH, item.depth + delta));
      if (depth !== item.depth) Transforms.setNodes(editor, { depth }, { at: path });
    }
  });
  return true;
}

function toParagraph(editor: Editor, path: Path): void {
  Editor.withoutNormalizing(editor, () => {
    Transforms.unsetNodes(editor, ['list', 'depth'], { at: path });
    Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
  });
}

/** Steps one level out of the list: outdent, or become a paragraph at the top level. */
function stepOut(editor: Editor, item: ListItemElement, path: Path): void {
  if (item.depth > 0) Transforms.setNodes(editor, { depth: item.depth - 1 }, { at: path });
  else toParagraph(editor, path);
}

export function withLists<E extends Editor>(editor: E): E {
  const { insertBreak, deleteBackward } = editor;

  editor.insertBreak = () => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const entry = Editor.above(editor, { match: isListItem, mode: 'lowest' });
      if (entry && isEmptyTextBlock(entry[0])) {
        stepOut(editor, entry[0] as ListItemElement, entry[1]);
        return;
      }
    }
    insertBreak();
  };

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const entry = Editor.above(editor, { match: isListItem, mode: 'lowest' });
      if (entry && Editor.isStart(editor, selection.anchor, entry[1])) {
        stepOut(editor, entry[0] as ListItemElement, entry[1]);
        return;
      }
    }
    deleteBackward(unit);
  };

  return editor;
}
