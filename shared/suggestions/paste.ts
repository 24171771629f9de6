/**
 * Pasting while suggesting: the selection is struck (never removed), and what is pasted becomes one
 * suggested insertion, its later paragraphs opened by suggested breaks, so rejecting it gives back
 * exactly the text that was there. Only text blocks have a suggested form: images, embeds and
 * library blocks in a paste are left out (the caller says so).
 */
import { Editor, Element, Node, Path, Range, Text, Transforms, type Descendant } from 'slate';
import type { FormattedText, InlineNode, LinkElement } from '../model/document';
import type { SuggestionMeta } from '../model/suggestions';
import { isTextBlock, textBlockAbove, type TextBlockElement } from '../editor/schema';
import { newSuggestionMeta, type SuggestionAuthor } from './mode';
import { suggestDeleteSelection } from './transforms';

/** The text blocks of a fragment, a promo box's paragraphs included; everything else is left out. */
export function suggestableBlocks(fragment: readonly Node[]): TextBlockElement[] {
  const out: TextBlockElement[] = [];
  for (const node of fragment) {
    if (isTextBlock(node)) out.push(node);
    else if (Element.isElement(node) && (node as { type?: string }).type === 'promo-box') out.push(...suggestableBlocks(node.children));
  }
  return out;
}

const leafAs = (leaf: FormattedText, meta: SuggestionMeta): FormattedText => {
  const { ins: _ins, del: _del, fmt: _fmt, ...rest } = leaf;
  return { ...rest, ins: meta };
};

function inlineAs(node: InlineNode, meta: SuggestionMeta): InlineNode {
  if (Text.isText(node)) return leafAs(node as FormattedText, meta);
  const { relink: _relink, ...link } = node as LinkElement;
  return { ...link, children: link.children.map((leaf) => leafAs(leaf, meta)) };
}

/** `insert` is the editor's own insertFragment; it receives the fragment marked as one insertion. */
export function suggestFragment(editor: Editor, author: SuggestionAuthor, fragment: readonly Node[], insert: (nodes: Descendant[]) => void): void {
  const blocks = suggestableBlocks(fragment);
  if (blocks.length === 0 || !editor.selection) return;
  Editor.withoutNormalizing(editor, () => {
    if (Range.isExpanded(editor.selection!)) suggestDeleteSelection(editor, author, 'forward');
    const meta = newSuggestionMeta(author);
    const marked = blocks.map((block, i) => {
      const { restyle: _restyle, insBreak: _insBreak, ...rest } = block as TextBlockElement & { restyle?: unknown; insBreak?: unknown };
      return { ...rest, ...(i > 0 ? { insBreak: meta } : {}), children: block.children.map((child) => inlineAs(child, meta)) } as Descendant;
    });
    const start = textBlockAbove(editor);
    insert(marked);
    // Slate puts a paste's last paragraph into the tail of the block it split, which keeps that
    // block's own keys: every block the paste opened carries the suggested break.
    // The paste goes after the caret, so the block it started in keeps its path.
    const from = start?.[1];
    const end = textBlockAbove(editor);
    if (!from || !end || !Path.equals(Path.parent(from), Path.parent(end[1]))) return;
    const parent = Path.parent(from);
    for (let i = from[from.length - 1]! + 1; i <= end[1][end[1].length - 1]!; i++) {
      const path = [...parent, i];
      const node = Node.get(editor, path) as TextBlockElement & { insBreak?: SuggestionMeta };
      if (isTextBlock(node) && !node.insBreak) Transforms.setNodes(editor, { insBreak: meta } as never, { at: path });
    }
  });
}
