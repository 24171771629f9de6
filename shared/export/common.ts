/** Helpers every exporter shares: list layout, inline normalisation, byline and date text. */
import { AI_USE_LABELS, listInWords } from '../library/entries';
import { AI_USES, type AiDeclaration, type Author } from '../model/article';
import { cleanLine, cleanText } from './cleanText';
import type { BlockElement, FormattedText, InlineNode, ListItemElement, Mark } from '../model/document';
import { isLink, MARKS } from '../model/document';

export function marksOf(leaf: FormattedText): Mark[] {
  return MARKS.filter((m) => leaf[m] === true);
}

function sameMarks(a: FormattedText, b: FormattedText): boolean {
  return MARKS.every((m) => (a[m] === true) === (b[m] === true));
}

function copyLeaf(leaf: FormattedText): FormattedText {
  const out: FormattedText = { text: leaf.text };
  for (const m of MARKS) if (leaf[m] === true) out[m] = true;
  return out;
}

function mergeLeaves(leaves: readonly FormattedText[]): FormattedText[] {
  const out: FormattedText[] = [];
  for (const leaf of leaves) {
    if (leaf.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, leaf)) last.text += leaf.text;
    else out.push(copyLeaf(leaf));
  }
  return out;
}

/**
 * The canonical form of an inline run, as Slate normalises it: adjacent texts with the same marks
 * merged, empty texts dropped except around links, never empty. Import produces this form, so a
 * document round-trips when it was already normalised.
 */
export function normalizeInlines(nodes: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  let pending: FormattedText[] = [];
  const flush = (beforeLink: boolean) => {
    const merged = mergeLeaves(pending);
    pending = [];
    if (merged.length === 0 && beforeLink) out.push({ text: '' });
    out.push(...merged);
  };
  for (const node of nodes) {
    if (isLink(node)) {
      flush(true);
      const children = mergeLeaves(node.children);
      out.push({ type: 'link', url: node.url, children: children.length ? children : [{ text: '' }] });
    } else pending.push(node);
  }
  const endsWithLink = out.length > 0 && isLink(out[out.length - 1]!);
  flush(endsWithLink || out.length === 0);
  return out;
}

export type ListRunItem = { item: ListItemElement; depth: number; number: number };

/**
 * Lays out a run of flat list items as nested lists: a depth deeper than one level below the
 * previous item is clamped (nested lists need a parent item), and `number` is the item's position
 * within its own list (1-based), for formats that write numbers themselves.
 */
export function layoutList(items: readonly ListItemElement[]): ListRunItem[] {
  const kinds: Array<ListItemElement['list']> = [];
  const counters: number[] = [];
  return items.map((item) => {
    let depth = Math.max(0, Math.min(Math.floor(item.depth), kinds.length));
    if (depth < kinds.length && kinds[depth] !== item.list) {
      kinds.length = depth;
      counters.length = depth;
    }
    kinds.length = Math.min(kinds.length, depth + 1);
    counters.length = kinds.length;
    if (kinds.length === depth) {
      kinds.push(item.list);
      counters.push(0);
    }
    counters[depth] = counters[depth]! + 1;
    depth = Math.min(depth, kinds.length - 1);
    return { item, depth, number: counters[depth]! };
  });
}

export type BlockGroup<B> = { kind: 'list'; items: ListItemElement[] } | { kind: 'block'; block: B };

/**
 * The body without the empty paragraphs at its end: the editor keeps one after a closing block so
 * the cursor can go there, and it carries nothing a reader should get (an empty `<p>`, `<!-- -->`).
 */
export function storyBlocks<B extends BlockElement>(blocks: readonly B[]): readonly B[] {
  let end = blocks.length;
  while (end > 0 && isEmptyParagraph(blocks[end - 1]!)) end--;
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

function isEmptyParagraph(block: BlockElement): boolean {
  return block.type === 'paragraph' && block.children.every((c) => 'text' in c && c.text === '');
}

/** Consecutive list items grouped into one run, every other block on its own. */
export function groupBlocks<B extends BlockElement>(blocks: readonly B[]): Array<BlockGroup<B>> {
  const groups: Array<BlockGroup<B>> = [];
  let run: ListItemElement[] | undefined;
  for (const block of blocks) {
    if (block.type === 'list-item') {
      if (!run) {
        run = [];
        groups.push({ kind: 'list', items: run });
      }
      run.push(block);
    } else {
      run = undefined;
      groups.push({ kind: 'block', block });
    }
  }
  return groups;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function authorNames(authors: readonly Author[]): string[] {
  return authors.map((a) => a.name.trim()).filter((n) => n !== '');
}

/** A valid ISO date-time for `value`, or undefined. */
export function isoDateTime(value: string | Date | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "8 May 2025" in UTC: the same on every machine, whatever its locale or time zone. */
export function displayDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export const BIO_HEADING = 'About the writer';
export const READ_MORE = 'Read more';

/**
 * The article's AI-use declaration as one sentence for readers, printed with the disclosure in
 * every format (ninjs carries it as structured data instead). Undefined when nothing is declared.
 */
export function aiDeclarationSentence(decl: AiDeclaration): string | undefined {
  const uses = AI_USES.filter((u) => decl.uses.includes(u));
  if (uses.length === 0) return undefined;
  const parts = [`AI use declared for this article: ${listInWords(uses.map((u) => AI_USE_LABELS[u]))}.`];
  const tools = cleanLine(decl.tools.trim());
  if (tools) parts.push(`Tools: ${tools.replace(/[.]$/, '')}.`);
  const note = cleanText(decl.note.trim()).replace(/\s+/g, ' ');
  if (note) parts.push(`Note: ${note}`);
  return parts.join(' ');
}

const firstDisclosures = new WeakMap<readonly BlockElement[], BlockElement | undefined>();

/**
 * The block the declaration goes inside: the body's first disclosure. Without one nothing is
 * printed: the checklist refuses to approve or export an article that declares AI use without a
 * disclosure. Found once per body, so asking per block stays linear.
 */
export function declarationHost(blocks: readonly BlockElement[]): BlockElement | undefined {
  if (!firstDisclosures.has(blocks))
    firstDisclosures.set(
      blocks,
      blocks.find((b) => b.type === 'ai-disclosure'),
    );
  return firstDisclosures.get(blocks);
}
