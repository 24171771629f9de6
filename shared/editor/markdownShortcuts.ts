/**
 * Markdown-style shortcuts as you type, matching what the Markdown export writes
 * (shared/export/markdown.ts): the headline is the page's h1, so "## " is a
 * heading (H2) and "### " a subheading (H3); "# " is taken as a heading too.
 * "> " quote, "- " list, "1. " numbered list, and "---" followed by a space or
 * Enter a section break. The typed characters are their own undo step, so undo
 * right after a shortcut gives them back.
 */
import { Editor, Element, Node, Path, Range, Transforms } from 'slate';
import { asOwnUndoStep } from './undoSteps';
import { setBlockStyle, type BlockStyle } from './blockStyles';
import { emptyParagraph, isParagraph, isPromoBox } from './schema';

export const MARKDOWN_SHORTCUTS: Readonly<Record<string, BlockStyle>> = {
  '#': 'heading-1',
  '##': 'heading-1',
  '###': 'heading-2',
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

/** A top-level paragraph holding only "---" (or "***", "___") up to the cursor and nothing after. */
function isSectionBreakLine(editor: Editor, block: Node, path: Path, typed: string): boolean {
  return path.length === 1 && isParagraph(block) && SECTION_BREAK.test(typed) && Node.string(block) === typed && editor.selection !== null;
}

function toSectionBreak(editor: Editor, path: Path): void {
  Editor.withoutNormalizing(editor, () => {
    Transforms.removeNodes(editor, { at: path });
    Transforms.insertNodes(editor, [{ type: 'section-break', children: [{ text: '' }] }, emptyParagraph()], { at: path });
  });
  Transforms.select(editor, Editor.start(editor, Path.next(path)));
}

export function withMarkdownShortcuts<E extends Editor>(editor: E): E {
  const { insertText, insertBreak } = editor;

  editor.insertText = (text, options) => {
    const { selection } = editor;
    if (text !== ' ' || !selection || !Range.isCollapsed(selection)) return insertText(text, options);
    const entry = Editor.above(editor, { match: takesShortcuts, mode: 'lowest' });
    if (!entry) return insertText(text, options);
    const [, path] = entry;
    const start = Editor.start(editor, path);
    const typed = Editor.string(editor, { anchor: start, focus: selection.anchor });
    if (isSectionBreakLine(editor, entry[0], path, typed)) {
      insertText(text, options);
      asOwnUndoStep(editor, () => toSectionBreak(editor, path));
      return;
    }
    const style = MARKDOWN_SHORTCUTS[typed];
    const inBox = path.length > 1 && isPromoBox(Node.get(editor, Path.parent(path)));
    if (!style || (inBox && !IN_PROMO_BOX.has(style))) return insertText(text, options);

    insertText(text, options);
    asOwnUndoStep(editor, () => {
      const end = editor.selection?.anchor;
      if (end) Transforms.delete(editor, { at: { anchor: start, focus: end } });
      setBlockStyle(editor, style, path);
    });
  };

  editor.insertBreak = () => {
    const entry = Editor.above(editor, { match: isParagraph, mode: 'lowest' });
    if (entry && isSectionBreakLine(editor, entry[0], entry[1], Node.string(entry[0]))) {
      asOwnUndoStep(editor, () => toSectionBreak(editor, entry[1]));
      return;
    }
    insertBreak();
  };

  return editor;
}
