/** Reading suggestions out of a body (pure JSON, no editor): the list the review UI shows, and the body as published. */
import { isLink, MARKS, type ArticleBody, type BlockElement, type FormattedText, type InlineNode, type LinkElement, type Mark } from '../model/document';
import type { SuggestionKind, SuggestionMeta } from '../model/suggestions';

type Point = { path: number[]; offset: number };

type SummaryBase = {
  id: string;
  authorId: string;
  authorName: string;
  at: string;
  /** The text the suggestion covers (inserted, deleted, reformatted, linked or restyled), up to 200 characters. */
  text: string;
  /** Path of the first node carrying it. */
  path: number[];
  /** From the start of its first text to the end of its last, in reading order (a Slate range). */
  range: { anchor: Point; focus: Point };
};

/** One open suggestion; format, restyle and link suggestions say what they change, before and now (on their first node). */
export type SuggestionSummary = SummaryBase &
  (
    | { kind: 'insert' | 'delete' | 'break' | 'join' }
    | { kind: 'format'; marks: { before: Mark[]; now: Mark[] } }
    | { kind: 'restyle'; style: { before: Record<string, unknown>; now: Record<string, unknown> } }
    | { kind: 'link'; url: { before: string | null; now: string } }
  );

type Change =
  | { marks: { before: Mark[]; now: Mark[] } }
  | { style: { before: Record<string, unknown>; now: Record<string, unknown> } }
  | { url: { before: string | null; now: string } };

const TEXT_CAP = 200;

const leafRange = (text: FormattedText, path: number[]) => ({ anchor: { path, offset: 0 }, focus: { path, offset: text.text.length } });

/** From the first text of a block or link at `path` to the end of its last. */
function nodeRange(node: { children: readonly unknown[] }, path: number[]) {
  const start = [...path];
  const end = [...path];
  let first = node as { children?: readonly unknown[]; text?: string };
  let last = first;
  while (first.children?.length) {
    first = first.children[0] as typeof first;
    start.push(0);
  }
  while (last.children?.length) {
    end.push(last.children.length - 1);
    last = last.children[last.children.length - 1] as typeof last;
  }
  return { anchor: { path: start, offset: 0 }, focus: { path: end, offset: (last.text ?? '').length } };
}

/** A text block's style: its type and own attributes, as `restyle.before` keeps them. */
function styleOf(block: BlockElement): Record<string, unknown> {
  const style: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block)) if (key !== 'children' && !SUGGESTION_KEYS.includes(key)) style[key] = value;
  return style;
}

const marksOf = (text: FormattedText): Mark[] => MARKS.filter((m) => text[m] === true);

/**
 * Every open suggestion of `body`, in reading order, once each (one id = one suggestion). A leaf that
 * carries two (someone's insertion struck by someone else) counts for both. Linear in the body's size.
 */
export function listSuggestions(body: readonly BlockElement[]): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  const add = (meta: SuggestionMeta | undefined, kind: SuggestionKind, text: string, path: number[], range: SummaryBase['range'], change?: Change) => {
    if (!meta) return;
    const seen = byId.get(meta.id);
    if (seen) {
      // A struck break inside a deletion is its line break; the block's words come with its leaves.
      if (kind === 'join') text = '';
      if (seen.text.length < TEXT_CAP)
        seen.text = (seen.text + (kind === 'break' || kind === 'join' || kind === 'restyle' ? '\n' : '') + text).slice(0, TEXT_CAP);
      seen.range = { anchor: seen.range.anchor, focus: range.focus };
      return;
    }
    const summary = {
      id: meta.id,
      kind,
      authorId: meta.authorId,
      authorName: meta.authorName,
      at: meta.at,
      text: text.slice(0, TEXT_CAP),
      path,
      range,
      ...change,
    };
    byId.set(meta.id, summary as SuggestionSummary);
  };
  const leaf = (text: FormattedText, path: number[]) => {
    const range = leafRange(text, path);
    add(text.ins, 'insert', text.text, path, range);
    add(text.del, 'delete', text.text, path, range);
    if (text.fmt) add(text.fmt, 'format', text.text, path, range, { marks: { before: [...text.fmt.before], now: marksOf(text) } });
  };
  const inlines = (children: readonly InlineNode[], path: number[]) =>
    children.forEach((child, i) => {
      if (isLink(child)) {
        const at = [...path, i];
        if (child.relink)
          add(child.relink, 'link', child.children.map((t) => t.text).join(''), at, nodeRange(child, at), {
            url: { before: child.relink.before, now: child.url },
          });
        child.children.forEach((t, j) => leaf(t, [...path, i, j]));
      } else leaf(child, [...path, i]);
    });
  const block = (b: BlockElement, path: number[]) => {
    if (b.type === 'promo-box') return b.children.forEach((child, i) => block(child, [...path, i]));
    if (!hasInlines(b)) return;
    const text = b.children.map((c) => (isLink(c) ? c.children.map((t) => t.text).join('') : c.text)).join('');
    const range = nodeRange(b, path);
    if ('restyle' in b && b.restyle) add(b.restyle, 'restyle', text, path, range, { style: { before: b.restyle.before, now: styleOf(b) } });
    if ('insBreak' in b) add(b.insBreak, 'break', text, path, range);
    if ('delBreak' in b) add(b.delBreak, 'join', text, path, range);
    inlines(b.children, path);
  };
  body.forEach((b, i) => block(b, [i]));
  return [...byId.values()];
}

type InlineBlock = Extract<BlockElement, { type: 'paragraph' | 'heading' | 'block-quote' | 'pull-quote' | 'list-item' | 'editors-note' }>;
const VOIDS = new Set(['section-break', 'image', 'embed', 'author-bio', 'ai-disclosure', 'promo-box']);
const hasInlines = (b: BlockElement): b is InlineBlock => !VOIDS.has(b.type);

/** A leaf as it was before its suggestions: null when it was suggested text. */
function leafBefore(text: FormattedText): FormattedText | null {
  if (text.ins) return null;
  const { del: _d, fmt, ins: _i, ...rest } = text;
  if (!fmt) return rest;
  const out: FormattedText = { text: rest.text };
  for (const [key, value] of Object.entries(rest)) if (!(MARKS as readonly string[]).includes(key)) (out as Record<string, unknown>)[key] = value;
  for (const mark of fmt.before) out[mark] = true;
  return out;
}

function inlinesBefore(children: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const child of children) {
    if (!isLink(child)) {
      const kept = leafBefore(child);
      if (kept) out.push(kept);
      continue;
    }
    const texts = child.children.map(leafBefore).filter((t): t is FormattedText => t !== null);
    const { relink, ...link } = child;
    if (relink && relink.before === null) out.push(...texts);
    else if (texts.length > 0) out.push({ ...link, url: relink ? relink.before! : link.url, children: texts } as LinkElement);
  }
  return out.length > 0 ? out : [{ text: '' }];
}

/** Attributes a restored type needs when the suggestion did not record them (a Word file's restyle may not). */
const RESTYLE_DEFAULTS: Record<string, Record<string, unknown>> = {
  heading: { level: 1 },
  'pull-quote': { attribution: '' },
  'list-item': { list: 'bulleted', depth: 0 },
  'editors-note': { kind: 'note', date: '1970-01-01' },
};

function blockBefore<B extends BlockElement>(b: B): B {
  if (b.type === 'promo-box') return { ...b, children: b.children.map(blockBefore) } as B;
  if (!hasInlines(b)) return b;
  const {
    restyle,
    insBreak: _i,
    delBreak: _d,
    children,
    ...rest
  } = b as InlineBlock & { restyle?: { before: Record<string, unknown> }; insBreak?: unknown; delBreak?: unknown };
  const style = restyle ? { ...RESTYLE_DEFAULTS[String(restyle.before.type)], ...restyle.before } : rest;
  return { ...style, children: inlinesBefore(children) } as unknown as B;
}

/**
 * The body as if every open suggestion were rejected: suggested text dropped, struck text kept,
 * marks, styles and links as they were, suggested breaks joined, suggested joins left apart. What
 * publication exports carry.
 */
export function withoutSuggestions(body: ArticleBody): ArticleBody {
  if (!hasSuggestions(body)) return body;
  const out: BlockElement[] = [];
  for (const b of body) {
    const joined = hasInlines(b) && b.insBreak !== undefined ? out[out.length - 1] : undefined;
    const before = blockBefore(b);
    if (joined && hasInlines(joined)) {
      const merged = [...joined.children, ...(before as InlineBlock).children].filter((c, i, all) => all.length === 1 || isLink(c) || c.text !== '');
      out[out.length - 1] = { ...joined, children: merged.length > 0 ? merged : [{ text: '' }] } as BlockElement;
    } else out.push(before);
  }
  return out;
}

const SUGGESTION_KEYS = ['ins', 'del', 'fmt', 'relink', 'restyle', 'insBreak', 'delBreak'];
const carries = (node: object) => SUGGESTION_KEYS.some((key) => key in node);

/** Whether a body has any open suggestion (stops at the first). */
export function hasSuggestions(body: readonly BlockElement[]): boolean {
  const visit = (nodes: readonly object[]): boolean =>
    nodes.some((node) => carries(node) || ('children' in node && Array.isArray(node.children) && visit(node.children as object[])));
  return visit(body.filter((b) => hasInlines(b) || b.type === 'promo-box'));
}

const idsByBlock = new WeakMap<BlockElement, readonly string[]>();

/** The ids of the suggestions in one top-level block, cached per block object (an edit replaces only the blocks it touches). */
function blockSuggestionIds(block: BlockElement): readonly string[] {
  let ids = idsByBlock.get(block);
  if (!ids) {
    ids = hasSuggestions([block]) ? [...new Set(listSuggestions([block]).map((s) => s.id))] : [];
    idsByBlock.set(block, ids);
  }
  return ids;
}

/** How many suggestions are open: cheap enough to ask on every keystroke (only changed blocks are read again). */
export function openSuggestionCount(body: readonly BlockElement[]): number {
  const ids = new Set<string>();
  for (const block of body) for (const id of blockSuggestionIds(block)) ids.add(id);
  return ids.size;
}
