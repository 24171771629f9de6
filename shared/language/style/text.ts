/**
 * The text a style check reads: each text container of a block (a paragraph, a heading, a list item,
 * each paragraph of a promo box) as one string, with where each Slate text leaf starts in it, so a
 * match found across bold and plain runs maps back to the leaf it starts in.
 */
import { isLink, type BlockElement, type InlineNode } from '../../model/document';

export type TextRun = {
  /** The container's path inside its top-level block ([] for the block itself). */
  inner: number[];
  text: string;
  /** Leaf paths relative to the top-level block, and the offset each starts at in `text`. */
  leaves: { path: number[]; start: number; length: number }[];
};

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'block-quote', 'pull-quote', 'list-item', 'editors-note']);

function runOf(children: readonly InlineNode[], inner: number[]): TextRun {
  const leaves: TextRun['leaves'] = [];
  let text = '';
  children.forEach((node, i) => {
    if (isLink(node)) {
      node.children.forEach((leaf, j) => {
        leaves.push({ path: [...inner, i, j], start: text.length, length: leaf.text.length });
        text += leaf.text;
      });
    } else {
      leaves.push({ path: [...inner, i], start: text.length, length: node.text.length });
      text += node.text;
    }
  });
  return { inner, text, leaves };
}

/** The text containers of one top-level block; voids and library blocks (bios, disclosures) have none. */
export function textRuns(block: BlockElement): TextRun[] {
  if (block.type === 'promo-box') return block.children.map((child, i) => runOf(child.children, [i]));
  if (TEXT_BLOCKS.has(block.type)) return [runOf((block as { children: InlineNode[] }).children, [])];
  return [];
}

/** The leaf a text offset lies in (on a boundary, the leaf that starts there: empty leaves come before it). */
export function leafAt(run: TextRun, offset: number): TextRun['leaves'][number] | undefined {
  let lo = 0;
  let hi = run.leaves.length - 1;
  let found: TextRun['leaves'][number] | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const leaf = run.leaves[mid]!;
    if (leaf.start <= offset) {
      found = leaf;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
