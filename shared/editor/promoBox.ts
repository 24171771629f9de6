/** The promo box: a titled container whose body holds paragraphs and list items. */
import { Editor, Node, Path, Range, Transforms } from 'slate';
import { emptyParagraph, isEmptyTextBlock, isPromoBox } from './schema';

export function withPromoBox<E extends Editor>(editor: E): E {
  const { insertBreak, deleteBackward } = editor;

  // Enter in an empty last paragraph leaves the box, as in Google Docs' callouts.
  editor.insertBreak = () => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const box = Editor.above(editor, { match: isPromoBox });
      if (box) {
        const [boxNode, boxPath] = box;
        const childIndex = selection.anchor.path[boxPath.length]!;
        const child = boxNode.children[childIndex];
        if (child && childIndex === boxNode.children.length - 1 && child.type === 'paragraph' && isEmptyTextBlock(child)) {
          const after = Path.next(boxPath);
          Editor.withoutNormalizing(editor, () => {
            if (boxNode.children.length > 1) Transforms.removeNodes(editor, { at: [...boxPath, childIndex] });
            Transforms.insertNodes(editor, emptyParagraph(), { at: after, select: true });
          });
          return;
        }
      }
    }
    insertBreak();
  };

  // Backspace at the start of the box never merges its body into the block above.
  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const box = Editor.above(editor, { match: isPromoBox });
      if (box && Editor.isStart(editor, selection.anchor, box[1])) {
        const [boxNode, boxPath] = box;
        const empty = boxNode.title === '' && boxNode.children.length === 1 && Node.string(boxNode) === '';
        if (empty) {
          Editor.withoutNormalizing(editor, () => {
            Transforms.removeNodes(editor, { at: boxPath });
            Transforms.insertNodes(editor, emptyParagraph(), { at: boxPath, select: true });
          });
        }
        return;
      }
    }
    deleteBackward(unit);
  };

  return editor;
}
