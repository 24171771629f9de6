/**
 * Markdown-style shortcuts as you type: "## " heading, "> " quote, "- " list,
 * "1. " numbered list, "---" + Enter section break. The typed characters are
 * their own undo step, so undo right after a shortcut gives them back.
 */
import { Editor, Element, Node, Path, Range, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { setBlockStyle, type BlockStyle } from './blockStyles';
import { emptyParagraph, isParagraph, isPromoBox } from './schema';

export const MARKDOWN_SHORTCUTS: Readonly<Record<string, BlockStyle>> = {
  '#': 'heading-1',
  '##': 'heading-2',
  '>': 'block-quote',
  '-': 'bulleted-list',
  '*': 'bulleted-list',
  '+': 'bulleted-list',
  '1.': 'numbered-list',
  '1)': 'numbered-list',
};
const IN_PROMO_BOX = new Set<BlockStyle>(['bulleted-list', 'numbered-list']);
/** A quote takes them too, so "- " in a quote starts a list as it does elsewhere. */
const takesShortcuts = (node: unknown) => isParagraph(node) || (Element.isElement(node) && node.type === 'block-quote');
const SECTION_BREAK = /^(?:-{3,}|\*{3,}|_{3,})$/;

export function withMarkdownShortcuts<E extends Editor & HistoryEditor>(editor: E): E {
  const { insertText, insertBreak } = editor;

  editor.insertText = (text, options) => {
    const { selection } = editor;
    if (text !== ' ' || !selection || !Range.isCollapsed(selection)) return insertText(text, options);
    const entry = Editor.above(editor, { match: takesShortcuts, mode: 'lowest' });
    if (!entry) return insertText(text, options);
    const [, path] = entry;
    const start = Editor.start(editor, path);
    const style = MARKDOWN_SHORTCUTS[Editor.string(editor, { anchor: start, focus: selection.anchor })];
    const inBox = path.length > 1 && isPromoBox(Node.get(editor, Path.parent(path)));
    if (!style || (inBox && !IN_PROMO_BOX.has(style))) return insertText(text, options);

    insertText(text, options);
    HistoryEditor.withNewBatch(editor, () => {
      const end = editor.selection?.anchor;
      if (end) Transforms.delete(editor, { at: { anchor: start, focus: end } });
      setBlockStyle(editor, style, path);
    });
  };

  editor.insertBreak = () => {
    const entry = Editor.above(editor, { match: isParagraph, mode: 'lowest' });
    if (entry && entry[1].length === 1 && SECTION_BREAK.test(Node.string(entry[0]))) {
      const [, path] = entry;
      HistoryEditor.withNewBatch(editor, () => {
        Editor.withoutNormalizing(editor, () => {
          Transforms.removeNodes(editor, { at: path });
          Transforms.insertNodes(editor, [{ type: 'section-break', children: [{ text: '' }] }, emptyParagraph()], { at: path });
        });
        Transforms.select(editor, Editor.start(editor, Path.next(path)));
      });
      return;
    }
    insertBreak();
  };

  return editor;
}
