/**
 * Find and replace over the body's text blocks. Matches are cached per block
 * object, so after an edit only the changed blocks are searched again.
 */
import { Editor, Element, Text, Transforms, type Descendant, type Path, type Point, type Range } from 'slate';
import { isPromoBox, isTextBlock } from './schema';

export type FindOptions = { query: string; caseSensitive: boolean };
export type BlockMatch = { start: number; end: number };
export type DocumentMatch = BlockMatch & { block: Element; path: Path };

/** Lower-cases without changing the string's length, so offsets stay valid. */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Non-overlapping occurrences of the query in `text`. */
export function findInText(text: string, { query, caseSensitive }: FindOptions): BlockMatch[] {
  if (!query) return [];
  const hay = caseSensitive ? text : foldCase(text);
  const needle = caseSensitive ? query : foldCase(query);
  const out: BlockMatch[] = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) {
    out.push({ start: i, end: i + needle.length });
  }
  return out;
}

/** Concatenated text of a text block's leaves (links included). */
function leafText(block: Element): string {
  let out = '';
  for (const child of block.children) {
    if (Text.isText(child)) out += child.text;
    else if (Element.isElement(child)) for (const t of child.children) if (Text.isText(t)) out += t.text;
  }
  return out;
}

const cache = new WeakMap<Element, { key: string; matches: BlockMatch[] }>();

export function blockMatches(block: Element, options: FindOptions): BlockMatch[] {
  const key = `${options.caseSensitive ? 1 : 0}:${options.query}`;
  const hit = cache.get(block);
  if (hit && hit.key === key) return hit.matches;
  const matches = findInText(leafText(block), options);
  cache.set(block, { key, matches });
  return matches;
}

/** Every match in document order, with the path of its block. */
export function findAll(children: readonly Descendant[], options: FindOptions): DocumentMatch[] {
  const out: DocumentMatch[] = [];
  if (!options.query) return out;
  const visit = (nodes: readonly Descendant[], parent: Path) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (isTextBlock(node)) {
        for (const m of blockMatches(node, options)) out.push({ ...m, block: node, path: [...parent, i] });
      } else if (isPromoBox(node)) {
        visit(node.children, [...parent, i]);
      }
    }
  };
  visit(children, []);
  return out;
}

/** Maps a character offset in a text block to a Slate point. */
export function pointInBlock(block: Element, path: Path, offset: number, preferNext = false): Point {
  let remaining = offset;
  let last: Point = { path: [...path, 0], offset: 0 };
  for (let i = 0; i < block.children.length; i++) {
    const child = block.children[i]!;
    const leaves: Array<[Text, Path]> = Text.isText(child)
      ? [[child, [...path, i]]]
      : Element.isElement(child)
        ? child.children.filter(Text.isText).map((t, j) => [t, [...path, i, j]] as [Text, Path])
        : [];
    for (const [leaf, leafPath] of leaves) {
      const len = leaf.text.length;
      if (remaining < len || (remaining === len && !preferNext)) return { path: leafPath, offset: remaining };
      remaining -= len;
      last = { path: leafPath, offset: len };
    }
  }
  return last;
}

export function matchRange(match: DocumentMatch): Range {
  return {
    anchor: pointInBlock(match.block, match.path, match.start, true),
    focus: pointInBlock(match.block, match.path, match.end),
  };
}

/** Ranges of a block's matches, for decorations. */
export function blockMatchRanges(block: Element, path: Path, options: FindOptions): Array<Range & BlockMatch> {
  return blockMatches(block, options).map((m) => ({
    ...m,
    anchor: pointInBlock(block, path, m.start, true),
    focus: pointInBlock(block, path, m.end),
  }));
}

export function replaceMatch(editor: Editor, match: DocumentMatch, replacement: string): void {
  const range = matchRange(match);
  Editor.withoutNormalizing(editor, () => {
    Transforms.select(editor, range);
    Transforms.insertText(editor, replacement, { at: range });
  });
}

/** Replaces every match as one undo step; returns how many were replaced. */
export function replaceAll(editor: Editor, options: FindOptions, replacement: string): number {
  const matches = findAll(editor.children, options);
  Editor.withoutNormalizing(editor, () => {
    // Back to front, so earlier offsets stay valid.
    for (let i = matches.length - 1; i >= 0; i--) Transforms.insertText(editor, replacement, { at: matchRange(matches[i]!) });
  });
  return matches.length;
}
