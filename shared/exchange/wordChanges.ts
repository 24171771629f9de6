/**
 * A Word file's tracked changes and comments, brought into an imported article. The Word reader
 * (electron/node/exchange/docxTracked) leaves a marker in the text wherever a change or a comment's
 * range starts and ends; after the usual conversion those markers are in the body's leaves, in
 * document order. One pass over each block turns them into suggestions of the Word author (an
 * account the desk does not have: authorId `word:<name>`), at the Word date, and into comment
 * threads anchored where their range was.
 */
import { anchorFromRange, type AnchorPoint } from '../comments/anchors';
import { BUNDLE_LIMITS, type BundleComment } from './bundle';
import type { ImportedArticle } from './importedArticle';
import { isLink, MARKS, type ArticleBody, type BlockElement, type FormattedText, type InlineNode, type LinkElement, type Mark } from '../model/document';
import { SUGGESTION_LIMITS, type SuggestionMeta } from '../model/suggestions';

export const MARKER_START = '\uE000';
export const MARKER_END = '\uE001';
const MARKER = /\uE000([a-zA-Z])(\d{1,9})\uE001/g;
const ANY_MARKER = /\uE000[a-zA-Z]\d{1,9}\uE001|[\uE000\uE001]/g;

/** The style a paragraph had before a tracked property change, as Word names it. */
export type WordStyle = { style: string; numbered: boolean; depth: number };
export type WordRevision = { kind: 'ins' | 'del' | 'fmt' | 'restyle' | 'break' | 'join'; author: string; date: string; before?: Mark[] | WordStyle };
/** One comment of comments.xml; `parentId` (a reply's thread) and `done` come from commentsExtended.xml. */
export type WordComment = { id: string; author: string; date: string; text: string; parentId?: string; done?: boolean };
export type WordReview = { revisions: WordRevision[]; comments: WordComment[] };

/** A Word author's name as the desk keeps it: one line, within the model's limit. */
const authorName = (name: string) => name.replace(/\s+/g, ' ').trim().slice(0, SUGGESTION_LIMITS.maxNameLength) || 'Unknown author';

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'block-quote', 'pull-quote', 'list-item', 'editors-note']);
type TextBlock = Extract<BlockElement, { children: InlineNode[] }>;
const isTextBlock = (block: { type: string }): block is TextBlock => TEXT_BLOCKS.has(block.type);

/** The desk's block type for a Word paragraph style (built-in names, ours, LibreOffice's). */
export function blockBefore(word: WordStyle): Record<string, unknown> {
  const style = word.style.toLowerCase().replace(/[\s_-]/g, '');
  const heading = /^(?:heading|berschrift|titre)(\d)$/.exec(style);
  if (heading) return { type: 'heading', level: Number(heading[1]) <= 2 ? 1 : 2 };
  if (['blockquote', 'quote', 'quotations', 'intensequote'].includes(style)) return { type: 'block-quote' };
  if (style === 'pullquote') return { type: 'pull-quote', attribution: '' };
  const depth = Math.min(Math.max(0, word.depth), 5);
  if (style.startsWith('listnumber')) return { type: 'list-item', list: 'numbered', depth };
  if (style.startsWith('listbullet') || word.numbered) return { type: 'list-item', list: 'bulleted', depth };
  return { type: 'paragraph' };
}

/** Whether a block already is what `before` describes (a change of alignment or spacing only). */
function sameStyle(block: TextBlock, before: Record<string, unknown>): boolean {
  const own = block as unknown as Record<string, unknown>;
  return Object.entries(before).every(([key, value]) => own[key] === value) && (block.type !== 'list-item' || before.type === 'list-item');
}

type Anchored = { block: TextBlock; offset: number };

/**
 * Applies the markers of `review` to `article`: suggestions on the leaves and blocks, comment
 * threads in `comments`, every marker removed. `now` dates a change Word left undated.
 */
export function applyWordReview(article: ImportedArticle, review: WordReview, now: string): ImportedArticle {
  const metas = new Map<number, SuggestionMeta>();
  const meta = (n: number): SuggestionMeta | undefined => {
    const revision = review.revisions[n];
    if (!revision) return undefined;
    let found = metas.get(n);
    if (!found) {
      const name = authorName(revision.author);
      const time = Date.parse(revision.date);
      found = {
        id: `word-${revision.kind}-${n}`,
        authorId: `word:${name}`.slice(0, SUGGESTION_LIMITS.maxIdLength),
        authorName: name,
        at: Number.isNaN(time) ? now : new Date(time).toISOString(),
      };
      metas.set(n, found);
    }
    return found;
  };
  const starts = new Map<string, Anchored>();
  const ends = new Map<string, Anchored>();
  let ins: number | undefined;
  let del: number | undefined;
  let fmt: number | undefined;

  const leafWith = (base: FormattedText, text: string): FormattedText => {
    const { ins: _i, del: _d, fmt: _f, ...rest } = base;
    const leaf: FormattedText = { ...rest, text };
    const inserted = ins === undefined ? undefined : meta(ins);
    const deleted = del === undefined ? undefined : meta(del);
    const formatted = fmt === undefined ? undefined : meta(fmt);
    if (inserted) leaf.ins = inserted;
    if (deleted) leaf.del = deleted;
    const before = fmt === undefined ? undefined : review.revisions[fmt]?.before;
    if (formatted && Array.isArray(before)) {
      const old = before.filter((mark) => MARKS.includes(mark));
      const now = MARKS.filter((mark) => leaf[mark]);
      if (old.length !== now.length || old.some((mark) => !leaf[mark])) leaf.fmt = { ...formatted, before: old };
    }
    return leaf;
  };

  /** One block: suggestions on its leaves, its own markers, the comment boundaries inside it. */
  function readBlock(block: TextBlock, previous: TextBlock | undefined): TextBlock | undefined {
    let offset = 0;
    let hadText = false;
    const own: { insBreak?: SuggestionMeta; delBreak?: SuggestionMeta; restyle?: number } = {};
    const readLeaf = (leaf: FormattedText, into: FormattedText[]) => {
      let at = 0;
      const take = (end: number) => {
        if (end <= at) return;
        const text = leaf.text.slice(at, end);
        into.push(leafWith(leaf, text));
        offset += text.length;
        hadText = true;
      };
      for (const match of leaf.text.matchAll(MARKER)) {
        take(match.index);
        at = match.index + match[0].length;
        const [, kind, digits] = match;
        const n = Number(digits);
        switch (kind) {
          case 'i':
            ins = n;
            break;
          case 'I':
            if (ins === n) ins = undefined;
            break;
          case 'd':
            del = n;
            break;
          case 'D':
            if (del === n) del = undefined;
            break;
          case 'f':
            fmt = n;
            break;
          case 'F':
            if (fmt === n) fmt = undefined;
            break;
          case 'c':
            starts.set(digits!, { block, offset });
            break;
          case 'C':
            ends.set(digits!, { block, offset });
            break;
          case 'b':
            own.insBreak = meta(n);
            break;
          case 'j':
            own.delBreak = meta(n);
            break;
          case 'r':
            own.restyle = n;
            break;
        }
      }
      take(leaf.text.length);
    };
    const children: InlineNode[] = [];
    for (const node of block.children) {
      if (isLink(node)) {
        const leaves: FormattedText[] = [];
        for (const leaf of node.children) readLeaf(leaf, leaves);
        if (leaves.length) children.push({ ...node, children: merged(leaves) } as LinkElement);
      } else readLeaf(node, children as FormattedText[]);
    }
    const result = block as TextBlock & Record<string, unknown>;
    result.children = children.length ? mergedInlines(children) : [{ text: '' }];
    // A paragraph that held nothing but markers was an empty one mammoth would have left out.
    if (!hadText && block.type === 'paragraph' && !own.insBreak && !own.delBreak && own.restyle === undefined) return undefined;
    if (own.insBreak && previous) result.insBreak = own.insBreak;
    if (own.delBreak && previous) result.delBreak = own.delBreak;
    const restyled = own.restyle === undefined ? undefined : review.revisions[own.restyle];
    if (restyled?.before && !Array.isArray(restyled.before)) {
      const before = blockBefore(restyled.before);
      if (!sameStyle(block, before)) result.restyle = { ...meta(own.restyle!)!, before };
    }
    return result;
  }

  const body: BlockElement[] = [];
  for (const block of article.body) {
    if (block.type === 'promo-box') {
      const inner: TextBlock[] = [];
      for (const child of block.children) {
        const read = readBlock(child, inner[inner.length - 1]);
        if (read) inner.push(read);
      }
      body.push({ ...block, children: (inner.length ? inner : [{ type: 'paragraph', children: [{ text: '' }] }]) as typeof block.children });
    } else if (isTextBlock(block)) {
      const previous = body[body.length - 1];
      const read = readBlock(block, previous && isTextBlock(previous) ? previous : undefined);
      if (read) body.push(read);
    } else body.push(block);
  }

  const warnings = [...article.warnings];
  const fields = { ...article.fields };
  if (fields.headline !== undefined && /[\uE000\uE001]/.test(fields.headline)) {
    fields.headline = acceptedText(fields.headline);
    warnings.push('The headline had tracked changes: the desk took it as Word shows it with every change accepted.');
  }
  const finalBody = body.length ? body : [{ type: 'paragraph' as const, children: [{ text: '' }] }];
  const { comments, total } = threads(review.comments, finalBody, starts, ends, now);
  if (total > comments.length) {
    warnings.push(`The file has ${total.toLocaleString('en')} comment threads; the first ${comments.length.toLocaleString('en')} were kept.`);
  }
  return { ...article, fields, body: finalBody, warnings, comments };
}

/** Text as Word shows it with every change accepted: deleted text left out, markers removed. */
function acceptedText(text: string): string {
  let out = '';
  let deleting = false;
  let at = 0;
  for (const match of text.matchAll(MARKER)) {
    if (!deleting) out += text.slice(at, match.index);
    at = match.index + match[0].length;
    if (match[1] === 'd') deleting = true;
    if (match[1] === 'D') deleting = false;
  }
  if (!deleting) out += text.slice(at);
  return out.replace(ANY_MARKER, '');
}

const leafKey = ({ text: _text, ...rest }: FormattedText) => JSON.stringify(rest);

/** Adjacent leaves with the same marks and suggestions joined, as the editor's normalization would. */
function merged(leaves: readonly FormattedText[]): FormattedText[] {
  const out: FormattedText[] = [];
  for (const leaf of leaves) {
    const last = out[out.length - 1];
    if (last && leafKey(last) === leafKey(leaf)) out[out.length - 1] = { ...last, text: last.text + leaf.text };
    else out.push(leaf);
  }
  return out.length ? out : [{ text: '' }];
}

/** Leaves merged and empty ones dropped, with the empty leaf Slate keeps on each side of a link. */
function mergedInlines(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  let run: FormattedText[] = [];
  const flush = () => {
    out.push(...merged(run.filter((leaf) => leaf.text !== '')));
    run = [];
  };
  for (const node of nodes) {
    if (!isLink(node)) {
      run.push(node);
      continue;
    }
    flush();
    out.push(node);
  }
  flush();
  return out;
}

/** Each text block's path in the body. */
function blockPaths(body: readonly BlockElement[]): Map<BlockElement, number[]> {
  const paths = new Map<BlockElement, number[]>();
  body.forEach((block, i) => {
    paths.set(block, [i]);
    if (block.type === 'promo-box') block.children.forEach((child, j) => paths.set(child, [i, j]));
  });
  return paths;
}

/** The Slate point at `offset` characters into `block` (a start stays out of the leaf it ends). */
function pointIn(paths: ReadonlyMap<BlockElement, number[]>, { block, offset }: Anchored, start: boolean): AnchorPoint | undefined {
  const prefix = paths.get(block);
  if (!prefix) return undefined;
  const leaves: Array<{ path: number[]; text: string }> = [];
  block.children.forEach((node, i) => {
    if (isLink(node)) node.children.forEach((leaf, j) => leaves.push({ path: [...prefix, i, j], text: leaf.text }));
    else leaves.push({ path: [...prefix, i], text: node.text });
  });
  let seen = 0;
  for (const [k, leaf] of leaves.entries()) {
    const end = seen + leaf.text.length;
    if (offset < end || (offset === end && (!start || k === leaves.length - 1))) return { path: leaf.path, offset: offset - seen };
    seen = end;
  }
  const last = leaves[leaves.length - 1];
  return last && { path: last.path, offset: last.text.length };
}

/** Word's comments as the desk's threads: replies under their first comment, anchored where it was. */
function threads(
  comments: readonly WordComment[],
  body: readonly BlockElement[],
  starts: ReadonlyMap<string, Anchored>,
  ends: ReadonlyMap<string, Anchored>,
  now: string,
): { comments: BundleComment[]; total: number } {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const roots = new Map<WordComment, WordComment>();
  // Each comment's thread, found once: a long chain of replies to replies stays linear, a loop ends.
  const rootOf = (comment: WordComment): WordComment => {
    const chain: WordComment[] = [];
    const seen = new Set<WordComment>();
    let at = comment;
    while (!roots.has(at) && at.parentId !== undefined && byId.has(at.parentId) && !seen.has(at)) {
      seen.add(at);
      chain.push(at);
      at = byId.get(at.parentId)!;
    }
    const root = roots.get(at) ?? at;
    for (const c of [...chain, at]) roots.set(c, root);
    return root;
  };
  const paths = blockPaths(body);
  const grouped = new Map<WordComment, WordComment[]>();
  for (const comment of comments) {
    const root = rootOf(comment);
    const list = grouped.get(root);
    if (list) list.push(comment);
    else grouped.set(root, [comment]);
  }
  const iso = (date: string) => {
    const time = Date.parse(date);
    return Number.isNaN(time) ? now : new Date(time).toISOString();
  };
  const out: BundleComment[] = [];
  // An article keeps as many threads as a bundle carries; anchoring each walks its text once.
  for (const [root, all] of [...grouped].slice(0, BUNDLE_LIMITS.comments)) {
    const messages = [root, ...all.filter((c) => c !== root)]
      .filter((c) => c.text.trim() !== '')
      .map((c) => ({
        id: `word-comment-${c.id}`,
        by: authorName(c.author),
        role: 'writer' as const,
        text: c.text.slice(0, 20_000),
        at: iso(c.date),
      }));
    if (!messages.length) continue;
    const start = starts.get(root.id);
    const end = ends.get(root.id);
    const from = start && pointIn(paths, start, true);
    const to = end && pointIn(paths, end, false);
    const anchor = from && to ? anchorFromRange(body as ArticleBody, { anchor: from, focus: to }) : undefined;
    out.push({
      id: `word-comment-${root.id}`,
      anchor: anchor ?? null,
      quote: anchor?.quote ?? '',
      resolvedAt: root.done ? messages[messages.length - 1]!.at : '',
      resolvedBy: root.done ? messages[0]!.by : '',
      createdAt: messages[0]!.at,
      messages,
    });
  }
  return { comments: out, total: grouped.size };
}
