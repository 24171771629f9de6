/** The paragraph style of text blocks: paragraph, headings, quotes, lists, notes. */
import { Editor, Element, Transforms, type Path } from 'slate';
import type { TextBlockElement } from './schema';
import { isPromoBox, isTextBlock, todayIso } from './schema';
import { editingDirectly, suggestingAuthor } from '../suggestions/mode';
import { suggestRestyle } from '../suggestions/transforms';

export const BLOCK_STYLES = ['paragraph', 'heading-1', 'heading-2', 'block-quote', 'bulleted-list', 'numbered-list', 'pull-quote', 'editors-note'] as const;
export type BlockStyle = (typeof BLOCK_STYLES)[number];

/** Labels follow the published page: the headline is H1, so body headings show as H2 and H3. */
export const BLOCK_STYLE_LABELS: Record<BlockStyle, string> = {
  paragraph: 'Paragraph',
  'heading-1': 'Heading (H2)',
  'heading-2': 'Subheading (H3)',
  'block-quote': 'Quote',
  'bulleted-list': 'Bulleted list',
  'numbered-list': 'Numbered list',
  'pull-quote': 'Pull quote',
  'editors-note': "Editor's note",
};

/** Styles a block inside a promo box may take. */
const PROMO_STYLES = new Set<BlockStyle>(['paragraph', 'bulleted-list', 'numbered-list']);

export function styleOf(block: TextBlockElement): BlockStyle {
  switch (block.type) {
    case 'heading':
      return block.level === 2 ? 'heading-2' : 'heading-1';
    case 'list-item':
      return block.list === 'numbered' ? 'numbered-list' : 'bulleted-list';
    default:
      return block.type;
  }
}

/** The style of the first text block in the selection, or null when there is none (e.g. an image). */
export function currentBlockStyle(editor: Editor): BlockStyle | null {
  if (!editor.selection) return null;
  const [entry] = Editor.nodes(editor, { match: isTextBlock, mode: 'lowest' });
  return entry ? styleOf(entry[0] as TextBlockElement) : null;
}

const STYLE_KEYS = ['level', 'list', 'depth', 'attribution', 'kind', 'date'] as const;

function propsFor(style: BlockStyle, previous: TextBlockElement): Partial<Element> {
  switch (style) {
    case 'heading-1':
    case 'heading-2':
      return { type: 'heading', level: style === 'heading-1' ? 1 : 2 };
    case 'bulleted-list':
    case 'numbered-list':
      return {
        type: 'list-item',
        list: style === 'numbered-list' ? 'numbered' : 'bulleted',
        depth: previous.type === 'list-item' ? previous.depth : 0,
      };
    case 'pull-quote':
      return { type: 'pull-quote', attribution: previous.type === 'pull-quote' ? previous.attribution : '' };
    case 'editors-note':
      return previous.type === 'editors-note' ? { type: 'editors-note' } : { type: 'editors-note', kind: 'note', date: todayIso() };
    default:
      return { type: style };
  }
}

/** Gives every text block in the selection (or at `at`) the style. */
export function setBlockStyle(editor: Editor, style: BlockStyle, at?: Path): void {
  const author = suggestingAuthor(editor);
  if (author) {
    suggestRestyle(editor, author, at, () => editingDirectly(editor, () => setBlockStyle(editor, style, at)));
    return;
  }
  const entries = Array.from(Editor.nodes(editor, { at: at ?? editor.selection ?? undefined, match: isTextBlock, mode: 'lowest' }));
  Editor.withoutNormalizing(editor, () => {
    for (const [node, path] of entries) {
      const block = node as TextBlockElement;
      const parent = Editor.parent(editor, path)[0];
      if (isPromoBox(parent) && !PROMO_STYLES.has(style)) continue;
      const props = propsFor(style, block);
      const stale = STYLE_KEYS.filter((k) => k in block && !(k in props));
      if (stale.length) Transforms.unsetNodes(editor, stale, { at: path });
      Transforms.setNodes<Element>(editor, props as Partial<Element>, { at: path });
    }
  });
}

/** Applies the style, or returns to a paragraph when every selected block already has it. */
export function toggleBlockStyle(editor: Editor, style: BlockStyle): void {
  const blocks = Array.from(Editor.nodes(editor, { match: isTextBlock, mode: 'lowest' }));
  const all = blocks.length > 0 && blocks.every(([n]) => styleOf(n as TextBlockElement) === style);
  setBlockStyle(editor, all ? 'paragraph' : style);
}
