/** Node predicates and constructors the editor plugins share. */
import { Editor, Element, Text, type Descendant, type NodeEntry, type Path } from 'slate';
import { BODY_LIMITS, VOID_BLOCK_TYPES, type BlockElement, type ListItemElement, type ParagraphElement, type PromoBoxElement } from '../model/document';

export const MAX_LIST_DEPTH = BODY_LIMITS.maxListDepth - 1;

/** Blocks whose children are inline text (and links). */
export const TEXT_BLOCK_TYPES = ['paragraph', 'heading', 'block-quote', 'pull-quote', 'list-item', 'editors-note'] as const;
export type TextBlockType = (typeof TEXT_BLOCK_TYPES)[number];
export type TextBlockElement = Extract<BlockElement, { type: TextBlockType }>;
export type VoidBlockElement = Extract<BlockElement, { type: (typeof VOID_BLOCK_TYPES)[number] }>;

const textBlockTypes = new Set<string>(TEXT_BLOCK_TYPES);
const voidTypes = new Set<string>(VOID_BLOCK_TYPES);

export function isTextBlock(node: unknown): node is TextBlockElement {
  return Element.isElement(node) && textBlockTypes.has(node.type);
}

export function isVoidBlock(node: unknown): node is VoidBlockElement {
  return Element.isElement(node) && voidTypes.has(node.type);
}

export function isBlockElement(node: unknown): node is BlockElement {
  return Element.isElement(node) && node.type !== 'link';
}

export function isPromoBox(node: unknown): node is PromoBoxElement {
  return Element.isElement(node) && node.type === 'promo-box';
}

export function isListItem(node: unknown): node is ListItemElement {
  return Element.isElement(node) && node.type === 'list-item';
}

export function isParagraph(node: unknown): node is ParagraphElement {
  return Element.isElement(node) && node.type === 'paragraph';
}

export const emptyParagraph = (): ParagraphElement => ({ type: 'paragraph', children: [{ text: '' }] });

/** The innermost text block around the selection (or `at`). */
export function textBlockAbove(editor: Editor, at?: Path): NodeEntry<TextBlockElement> | undefined {
  return Editor.above<TextBlockElement>(editor, { at, match: isTextBlock, mode: 'lowest' });
}

/** True when a text block holds no characters at all. */
export function isEmptyTextBlock(node: Descendant): boolean {
  return isTextBlock(node) && node.children.every((c) => (Text.isText(c) ? c.text === '' : false));
}

/** Today's date as YYYY-MM-DD in local time. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
