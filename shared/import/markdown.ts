/**
 * Markdown (optionally with YAML front matter) → article fields and body. Reads what
 * `shared/export/markdown.ts` writes — including its `:::` containers and fixed inline tags — and
 * any other CommonMark/GFM reasonably; a first `# Heading` is the headline when the front matter
 * has none. Linear in its input: markdownLimits.ts refuses what would make the parser quadratic,
 * inlineHtml.ts bounds inline HTML. Pure: runs in Node and the browser.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { List, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ArticleFields } from '../model/article';
import type { ArticleBody, BlockElement, FormattedText, InlineNode, ListItemElement, Mark, ParagraphElement, ReferenceMode } from '../model/document';
import { BODY_LIMITS, inlineText } from '../model/document';
import { normalizeInlines } from '../export/common';
import { safeUrl } from '../security/urlPolicy';
import { FrontMatterError, parseFrontMatter, splitFrontMatter } from './frontMatter';
import { boundedInlineHtml } from './inlineHtml';
import { MAX_MARKDOWN_NESTING, MAX_PARAGRAPH_LINES, MAX_PARAGRAPH_MARKS, markdownLimitBreach } from './markdownLimits';

export type MarkdownImport = {
  fields: Partial<ArticleFields>;
  /** Byline names from front matter; mapping names to author ids is the caller's business. */
  byline: string[];
  body: ArticleBody;
};

// ---- Inline content ---------------------------------------------------------

const TAG_MARKS: Record<string, Mark> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  del: 'strikethrough',
  s: 'strikethrough',
  strike: 'strikethrough',
  sup: 'superscript',
  sub: 'subscript',
};
const INLINE_TAG = /^<(\/?)([a-z]+)\s*\/?>$/i;

type MarkCounts = Record<Mark, number>;
const noMarks = (): MarkCounts => ({ bold: 0, italic: 0, underline: 0, strikethrough: 0, superscript: 0, subscript: 0 });

function leaf(text: string, marks: MarkCounts): FormattedText {
  const out: FormattedText = { text };
  for (const m of Object.keys(marks) as Mark[]) if (marks[m] > 0) out[m] = true;
  return out;
}

class InlineCollector {
  readonly nodes: InlineNode[] = [];
  private readonly marks = noMarks();

  add(children: readonly PhrasingContent[], target: InlineNode[] = this.nodes, inLink = false): void {
    for (const node of children) this.addOne(node, target, inLink);
  }

  private addOne(node: PhrasingContent, target: InlineNode[], inLink: boolean): void {
    switch (node.type) {
      case 'text':
        target.push(leaf(node.value, this.marks));
        return;
      case 'inlineCode':
        target.push(leaf(node.value, this.marks));
        return;
      case 'break':
        target.push(leaf('\n', this.marks));
        return;
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const mark: Mark = node.type === 'strong' ? 'bold' : node.type === 'emphasis' ? 'italic' : 'strikethrough';
        this.marks[mark]++;
        this.add(node.children, target, inLink);
        this.marks[mark]--;
        return;
      }
      case 'html':
        this.html(node.value, target);
        return;
      case 'link': {
        const url = safeUrl(node.url);
        if (url === undefined || inLink) {
          this.add(node.children, target, inLink);
          return;
        }
        const children: InlineNode[] = [];
        this.add(node.children, children, true);
        target.push({ type: 'link', url, children: children as FormattedText[] });
        return;
      }
      case 'image':
        if (node.alt) target.push(leaf(node.alt, this.marks));
        return;
      case 'footnoteReference':
        target.push(leaf(`[^${node.label ?? node.identifier}]`, this.marks));
        return;
      default:
        if ('children' in node) this.add(node.children as PhrasingContent[], target, inLink);
        else if ('value' in node && typeof node.value === 'string') target.push(leaf(node.value, this.marks));
    }
  }

  /** The fixed mark tags toggle marks; <br> is a newline; any other HTML is kept as literal text. */
  html(value: string, target: InlineNode[]): void {
    if (/^<!--\s*-->$/.test(value.trim())) return;
    const m = INLINE_TAG.exec(value.trim());
    const name = m?.[2]!.toLowerCase();
    if (m && name === 'br' && m[1] === '') {
      target.push(leaf('\n', this.marks));
      return;
    }
    const mark = name === undefined ? undefined : TAG_MARKS[name];
    if (!m || mark === undefined) {
      target.push(leaf(value, this.marks));
      return;
    }
    if (m[1] === '') this.marks[mark]++;
    else if (this.marks[mark] > 0) this.marks[mark]--;
  }
}

function inlinesOf(children: readonly PhrasingContent[]): InlineNode[] {
  const c = new InlineCollector();
  c.add(children);
  return normalizeInlines(c.nodes);
}

/** Inline tags only (e.g. `<u></u>` or `<br>`) can form an HTML block on their own line. */
function inlineOnlyHtml(value: string): InlineNode[] | undefined {
  const tags = value.trim().match(/<[^<>]*>/g);
  if (!tags || tags.join('') !== value.trim()) return undefined;
  const c = new InlineCollector();
  for (const tag of tags) {
    const m = INLINE_TAG.exec(tag);
    if (!m || (m[2]!.toLowerCase() !== 'br' && TAG_MARKS[m[2]!.toLowerCase()] === undefined)) return undefined;
    c.html(tag, c.nodes);
  }
  return normalizeInlines(c.nodes);
}

// ---- Blocks -----------------------------------------------------------------

const para = (children: InlineNode[]): ParagraphElement => ({ type: 'paragraph', children });
const emptyChildren = (): [FormattedText] => [{ text: '' }];

function listItems(list: List, depth: number, out: ListItemElement[]): void {
  const kind = list.ordered ? 'numbered' : 'bulleted';
  for (const item of list.children) {
    let wrote = false;
    for (const child of item.children) {
      if (child.type === 'list') {
        if (!wrote) out.push({ type: 'list-item', list: kind, depth, children: normalizeInlines([]) });
        wrote = true;
        // Deeper lists than an article holds stay at its deepest level, as pasted HTML does.
        listItems(child, Math.min(depth + 1, BODY_LIMITS.maxListDepth - 1), out);
      } else {
        out.push({ type: 'list-item', list: kind, depth, children: blockInlines(child) });
        wrote = true;
      }
    }
    if (!wrote) out.push({ type: 'list-item', list: kind, depth, children: normalizeInlines([]) });
  }
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join(node.type === 'tableRow' ? ' | ' : '');
  return '';
}

/** The inline content of a block nested in a list item or quote. */
function blockInlines(node: RootContent): InlineNode[] {
  if (node.type === 'paragraph' || node.type === 'heading') return inlinesOf(node.children);
  if (node.type === 'html') return htmlBlockInlines(node.value);
  return normalizeInlines([{ text: plainText(node) }]);
}

function htmlBlockInlines(value: string): InlineNode[] {
  if (/^(?:<p>\s*<\/p>|<!--\s*-->)$/i.test(value.trim())) return normalizeInlines([]);
  return inlineOnlyHtml(value) ?? normalizeInlines([{ text: value }]);
}

function convert(node: RootContent, out: BlockElement[]): void {
  switch (node.type) {
    case 'paragraph':
      out.push(para(inlinesOf(node.children)));
      return;
    case 'heading':
      out.push({ type: 'heading', level: node.depth <= 2 ? 1 : 2, children: inlinesOf(node.children) });
      return;
    case 'blockquote': {
      const before = out.length;
      for (const child of node.children) out.push({ type: 'block-quote', children: blockInlines(child) });
      if (out.length === before) out.push({ type: 'block-quote', children: normalizeInlines([]) });
      return;
    }
    case 'list': {
      const items: ListItemElement[] = [];
      listItems(node, 0, items);
      out.push(...items);
      return;
    }
    case 'thematicBreak':
      out.push({ type: 'section-break', children: emptyChildren() });
      return;
    case 'html':
      out.push(para(htmlBlockInlines(node.value)));
      return;
    case 'code':
      out.push(para(normalizeInlines([{ text: node.value }])));
      return;
    case 'table':
      for (const row of node.children) out.push(para(normalizeInlines([{ text: plainText(row) }])));
      return;
    case 'definition':
      return;
    default:
      if ('children' in node) for (const child of node.children as RootContent[]) convert(child, out);
  }
}

// ---- Containers -------------------------------------------------------------

type Marker = { name: string; label: string | undefined; attrs: Record<string, string | number> };

function parseMarker(raw: string): Marker | undefined {
  const m = /^:::([a-z][a-z-]*)/.exec(raw);
  if (!m) return undefined;
  let rest = raw.slice(m[0].length);
  let label: string | undefined;
  if (rest.startsWith('[')) {
    const lm = /^\[((?:[^\\\]]|\\.)*)\]/.exec(rest);
    if (!lm) return undefined;
    label = lm[1]!.replace(/\\(.)/g, '$1');
    rest = rest.slice(lm[0].length);
  }
  const attrs: Record<string, string | number> = {};
  if (rest.startsWith('{')) {
    const re = /\s*([A-Za-z][\w-]*)=("(?:[^"\\]|\\.)*"|-?\d+)\s*/y;
    let i = 1;
    while (i < rest.length && rest[i] !== '}') {
      re.lastIndex = i;
      const am = re.exec(rest);
      if (!am) return undefined;
      try {
        attrs[am[1]!] = JSON.parse(am[2]!) as string | number;
      } catch {
        return undefined;
      }
      i = re.lastIndex;
    }
    if (rest[i] !== '}') return undefined;
    rest = rest.slice(i + 1);
  }
  if (rest.trim() !== '') return undefined;
  return { name: m[1]!, label, attrs };
}

const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
const int = (v: string | number | undefined): number => {
  const n = typeof v === 'number' ? v : Number.parseInt(str(v), 10);
  return Number.isFinite(n) && n >= 0 ? Math.trunc(n) : 0;
};
const mode = (v: string | number | undefined): ReferenceMode => (v === 'synced' || v === 'detached' || v === 'frozen' ? v : 'detached');

function firstInlines(content: readonly RootContent[]): InlineNode[] | undefined {
  const p = content.find((n): n is Paragraph => n.type === 'paragraph');
  if (p) return inlinesOf(p.children);
  const blocks: BlockElement[] = [];
  for (const n of content) convert(n, blocks);
  const first = blocks[0];
  return first && 'children' in first && first.type !== 'promo-box' ? normalizeInlines(first.children as InlineNode[]) : undefined;
}

function containerBlock(marker: Marker, content: readonly RootContent[]): BlockElement[] | undefined {
  const a = marker.attrs;
  switch (marker.name) {
    case 'promo-box': {
      const blocks: BlockElement[] = [];
      for (const n of content) convert(n, blocks);
      const children = blocks.map((b) =>
        b.type === 'paragraph' || b.type === 'list-item'
          ? b
          : para(normalizeInlines('children' in b && b.type !== 'promo-box' ? (b.children as InlineNode[]) : [])),
      );
      return [{ type: 'promo-box', title: marker.label ?? str(a.title), children: children.length ? children : [para(normalizeInlines([]))] }];
    }
    case 'pull-quote':
      return [{ type: 'pull-quote', attribution: str(a.attribution), children: firstInlines(content) ?? normalizeInlines([]) }];
    case 'editors-note': {
      const date = str(a.date);
      return [
        {
          type: 'editors-note',
          kind: a.kind === 'correction' ? 'correction' : 'note',
          date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '',
          children: firstInlines(content) ?? normalizeInlines([]),
        },
      ];
    }
    case 'image':
      return [{ type: 'image', assetId: str(a.assetId), alt: str(a.alt), caption: str(a.caption), credit: str(a.credit), children: emptyChildren() }];
    case 'embed':
      return [{ type: 'embed', url: safeUrl(str(a.url)) ?? '', caption: str(a.caption), children: emptyChildren() }];
    case 'author-bio':
      return [
        {
          type: 'author-bio',
          authorId: str(a.authorId),
          mode: mode(a.mode),
          version: int(a.version),
          snapshot: {
            name: str(a.name),
            jobTitle: str(a.jobTitle),
            bio: firstInlines(content) ?? [],
            photoAssetId: str(a.photoAssetId),
            readMoreUrl: safeUrl(str(a.readMoreUrl)) ?? '',
          },
          children: emptyChildren(),
        },
      ];
    case 'ai-disclosure':
      return [
        {
          type: 'ai-disclosure',
          templateId: str(a.templateId),
          mode: mode(a.mode),
          version: int(a.version),
          snapshot: { title: marker.label ?? str(a.title), text: firstInlines(content) ?? [], policyUrl: safeUrl(str(a.policyUrl)) ?? '' },
          children: emptyChildren(),
        },
      ];
    default:
      return undefined;
  }
}

function rawOf(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

const CONTAINERS = new Set(['promo-box', 'pull-quote', 'editors-note', 'image', 'embed', 'author-bio', 'ai-disclosure']);
const isCloser = (node: RootContent, source: string) => node.type === 'paragraph' && rawOf(node, source) === ':::';

function bodyFrom(children: readonly RootContent[], source: string): BlockElement[] {
  // The next `:::` at or after each index, found in one backward pass (a scan per marker is quadratic).
  const nextCloser: number[] = Array.from({ length: children.length + 1 }, () => children.length);
  for (let i = children.length - 1; i >= 0; i--) nextCloser[i] = isCloser(children[i]!, source) ? i : nextCloser[i + 1]!;
  const out: BlockElement[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (nextCloser[i] === i) continue;
    const marker = node.type === 'paragraph' ? parseMarker(rawOf(node, source)) : undefined;
    const end = nextCloser[i + 1]!;
    const blocks = marker && CONTAINERS.has(marker.name) ? containerBlock(marker, children.slice(i + 1, end)) : undefined;
    if (!blocks) {
      convert(node, out);
      continue;
    }
    out.push(...blocks);
    i = end;
  }
  return out;
}

/*
 * GFM's autolink-literal transform re-scans decoded text after parsing, so text the exporter
 * escaped (`www\.`, `http\:`, `\@`) would still turn into links. Only that transform is dropped;
 * bare URLs are still linked by the parser, which honours escapes.
 */
const MDAST_EXTENSIONS = gfmFromMarkdown().map(({ transforms: _transforms, ...extension }) => extension);

/** Markdown the importer refuses, with the reason in plain words. */
export class MarkdownImportError extends Error {
  override name = 'MarkdownImportError';
}

const refusal = (breach: NonNullable<ReturnType<typeof markdownLimitBreach>>): MarkdownImportError => {
  switch (breach.kind) {
    case 'nesting':
      return new MarkdownImportError(
        `The Markdown nests quotes, lists or emphasis more than ${MAX_MARKDOWN_NESTING} levels deep and was not imported. Nest them less deeply, or import it as plain text (.txt).`,
      );
    case 'marks':
      return new MarkdownImportError(
        `The Markdown has a paragraph (at line ${breach.line}) with more than ${MAX_PARAGRAPH_MARKS.toLocaleString('en')} formatting marks such as * _ [ ] or <, more than the importer reads safely, and was not imported. Separate its paragraphs with blank lines, or import it as plain text (.txt).`,
      );
    case 'lines':
      return new MarkdownImportError(
        `The Markdown has a run of more than ${MAX_PARAGRAPH_LINES.toLocaleString('en')} lines without a blank line (at line ${breach.line}), more than the importer reads safely, and was not imported. Add blank lines between its paragraphs, or import it as plain text (.txt).`,
      );
  }
};

/** The front matter's fields, or none; unreadable front matter is a refusal. */
function frontMatterOf(source: string): { fields: Partial<ArticleFields>; byline: string[]; text: string } {
  const { yaml, body } = splitFrontMatter(source);
  if (yaml === undefined) return { fields: {}, byline: [], text: source };
  try {
    const read = parseFrontMatter(yaml);
    // YAML that is not a mapping (a rule and a setext heading look alike) is Markdown, not front matter.
    return read ? { ...read, text: body } : { fields: {}, byline: [], text: source };
  } catch (error) {
    if (error instanceof FrontMatterError) throw new MarkdownImportError(error.message);
    throw error;
  }
}

/**
 * Parses Markdown (with optional `---` YAML front matter) into article fields and a body. A first
 * level-one heading is the headline when the front matter has none, as writers expect.
 * Throws MarkdownImportError for what it cannot read safely.
 */
export function importMarkdown(markdown: string): MarkdownImport {
  const source = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { fields, byline, text } = frontMatterOf(source);
  const breach = markdownLimitBreach(text);
  if (breach) throw refusal(breach);
  let body: BlockElement[];
  try {
    const tree = fromMarkdown(text, { extensions: [gfm(), boundedInlineHtml], mdastExtensions: MDAST_EXTENSIONS });
    let children = tree.children;
    const first = children[0];
    if (first?.type === 'heading' && first.depth === 1 && !fields.headline?.trim()) {
      const headline = inlineText(inlinesOf(first.children)).trim();
      if (headline !== '') {
        fields.headline = headline;
        children = children.slice(1);
      }
    }
    body = bodyFrom(children, text);
  } catch (error) {
    // Inline nesting can still exhaust the stack: a refusal, not a crash.
    if (error instanceof RangeError) throw refusal({ kind: 'nesting' });
    throw error;
  }
  return { fields, byline, body: body.length ? body : [para(normalizeInlines([]))] };
}
