/**
 * Where a comment points in the body. Slate has no stable block ids, so an
 * anchor is a Slate range plus the quoted text. While the article is open every
 * operation moves the anchors (`Range.transform`); a range whose text is
 * deleted collapses and the comment becomes orphaned. On load an anchor whose
 * quote no longer matches is searched for by its quote.
 */
import { Editor, Element, Node, Path, Range, Text, createEditor, type Descendant, type Operation } from 'slate';
import type { ArticleBody } from '../model/document';

export type AnchorPoint = { path: number[]; offset: number };
export type CommentAnchor = { anchor: AnchorPoint; focus: AnchorPoint; quote: string };

const toRange = (a: CommentAnchor): Range => ({ anchor: a.anchor, focus: a.focus });

function headless(body: ArticleBody): Editor {
  const editor = createEditor();
  editor.children = body as Descendant[];
  return editor;
}

/**
 * Moves an anchor through one operation. Text typed at either edge stays
 * outside the range. Returns undefined when the commented text is gone.
 */
export function transformAnchor(anchor: CommentAnchor, op: Operation): CommentAnchor | undefined {
  const next = Range.transform(toRange(anchor), op, { affinity: 'inward' });
  if (!next || Range.isCollapsed(next)) return undefined;
  if (next.anchor === anchor.anchor && next.focus === anchor.focus) return anchor;
  return {
    anchor: { path: [...next.anchor.path], offset: next.anchor.offset },
    focus: { path: [...next.focus.path], offset: next.focus.offset },
    quote: anchor.quote,
  };
}

/** An anchor for a non-empty selection, or undefined for a caret. */
export function anchorFromRange(body: ArticleBody, range: Range): CommentAnchor | undefined {
  if (Range.isCollapsed(range)) return undefined;
  const [start, end] = Range.edges(range);
  const quote = Editor.string(headless(body), { anchor: start, focus: end });
  if (!quote.trim()) return undefined;
  return { anchor: { path: [...start.path], offset: start.offset }, focus: { path: [...end.path], offset: end.offset }, quote };
}

function validPoint(root: Node, p: AnchorPoint): boolean {
  if (!Node.has(root, p.path)) return false;
  const node = Node.get(root, p.path);
  return Text.isText(node) && p.offset >= 0 && p.offset <= node.text.length;
}

/** The text the anchor covers now, or undefined when its points do not exist in this body. */
export function anchoredText(body: ArticleBody, anchor: CommentAnchor): string | undefined {
  const editor = headless(body);
  if (!validPoint(editor, anchor.anchor) || !validPoint(editor, anchor.focus)) return undefined;
  return Editor.string(editor, toRange(anchor));
}

/** Finds `quote` within one text block and returns its range. */
function findQuote(editor: Editor, quote: string): Range | undefined {
  for (const [block, path] of Node.nodes(editor)) {
    // Text blocks: elements, other than inline links, that hold text directly.
    if (!Element.isElement(block) || block.type === 'link' || !block.children.some((c) => Text.isText(c))) continue;
    const texts = [...Node.texts(block)].map(([t, p]) => ({ text: t.text, path: [...path, ...p] }));
    const whole = texts.map((t) => t.text).join('');
    const at = whole.indexOf(quote);
    if (at < 0) continue;
    const pointAt = (offset: number, preferEnd: boolean) => {
      let seen = 0;
      for (const t of texts) {
        const end = seen + t.text.length;
        if (offset < end || (offset === end && preferEnd)) return { path: t.path, offset: offset - seen };
        seen = end;
      }
      const last = texts[texts.length - 1]!;
      return { path: last.path, offset: last.text.length };
    };
    return { anchor: pointAt(at, false), focus: pointAt(at + quote.length, true) };
  }
  return undefined;
}

/**
 * Re-checks an anchor against a body loaded from the database: kept when it
 * still covers its quote, moved to the quote when the text moved, otherwise
 * undefined (orphaned).
 */
export function reanchor(body: ArticleBody, anchor: CommentAnchor): CommentAnchor | undefined {
  if (anchoredText(body, anchor) === anchor.quote) return anchor;
  const found = findQuote(headless(body), anchor.quote);
  return found ? { anchor: found.anchor, focus: found.focus, quote: anchor.quote } : undefined;
}

/** Document order of two anchors (for the sidebar). */
export function compareAnchors(a: CommentAnchor, b: CommentAnchor): number {
  const [sa] = Range.edges(toRange(a));
  const [sb] = Range.edges(toRange(b));
  return Path.compare(sa.path, sb.path) || sa.offset - sb.offset;
}

export function anchorRange(a: CommentAnchor): Range {
  return toRange(a);
}
