/**
 * Markdown export: CommonMark + GFM strikethrough, with YAML front matter.
 *
 * Representation (read back by `shared/import/markdown.ts`, so a document round-trips):
 * - Marks: bold `**x**`, italic `*x*`, strikethrough `~~x~~` when the marked text starts and ends
 *   with a letter or digit (emphasis delimiters are then unambiguous); otherwise — and always for
 *   underline, superscript, subscript — the fixed inline tags <strong> <em> <del> <u> <sup> <sub>.
 *   A newline inside text is <br>. No other raw HTML is ever written: text `<` is escaped.
 * - Headings level 1/2 are `##`/`###` (the headline is the page's h1, in front matter).
 * - Lists nest by indentation; a section break is `***`; an empty paragraph or list item is `<!-- -->`.
 * - Blocks without a Markdown form are fenced containers, one marker line each, separated by
 *   blank lines (the generic-directive syntax of remark-directive / markdown-it-container):
 *     :::promo-box[Title]                        … paragraphs and lists …   :::
 *     :::pull-quote{attribution="…"}             … one paragraph …           :::
 *     :::editors-note{kind="correction" date="2024-05-01"}  … one paragraph … :::
 *     :::author-bio[About the writer]{authorId="…" mode="synced" version=1 name="…" jobTitle="…" photoAssetId="…" readMoreUrl="…"}  … bio paragraph … :::
 *     :::ai-disclosure[Title]{templateId="…" mode="synced" version=1 policyUrl="…"}  … text paragraph … :::
 *     :::image{assetId="…" alt="…" caption="…" credit="…"}  ![alt](file) for readers  :::
 *     :::embed{url="…" caption="…"}  [caption](url) for readers  :::
 *   Attribute values are JSON strings (with `<>&[]` as \u escapes) or integers; `[label]` is escaped like text.
 *   Text can never produce a marker: a `:` starting a line of text is escaped.
 */
import type { BlockElement, FormattedText, InlineNode, ListItemElement, Mark } from '../model/document';
import { isLink } from '../model/document';
import { aiDeclarationSentence, authorNames, BIO_HEADING, declarationHost, groupBlocks, layoutList, marksOf, normalizeInlines, storyBlocks } from './common';
import { exportLanguage, publishedInput, type ExportInput } from './exportInput';
import { safeImageSrc, safeUrl } from '../security/urlPolicy';
import { cleanLine, cleanText } from './cleanText';

export const MARKDOWN_HTML_MARK_TAGS: Record<Mark, string> = {
  bold: 'strong',
  italic: 'em',
  strikethrough: 'del',
  underline: 'u',
  superscript: 'sup',
  subscript: 'sub',
};
const DELIMITERS: Partial<Record<Mark, string>> = { bold: '**', italic: '*', strikethrough: '~~' };

type CharClass = 'space' | 'punct' | 'other';
/** Classifies a UTF-16 code unit as micromark does when deciding whether a delimiter can open or close. */
function classify(ch: string | undefined): CharClass {
  if (ch === undefined || ch === '' || /\s/u.test(ch)) return 'space';
  return /\p{P}|\p{S}/u.test(ch) ? 'punct' : 'other';
}

/**
 * A YAML double-quoted scalar: JSON string syntax, with the characters YAML forbids raw escaped —
 * and `<`, `>`, `&` too, so front matter shown by a Markdown renderer can hold no markup.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function escapeText(text: string, heading: boolean): string {
  let s = text.replace(heading ? /[\\`*_[\]<>~&@#]/g : /[\\`*_[\]<>~&@]/g, '\\$&');
  // GFM turns bare www./http(s):// text into links; breaking the trigger keeps it text.
  s = s.replace(/(www)\./gi, '$1\\.').replace(/(https?|mailto|xmpp):/gi, '$1\\:');
  return s;
}

function encodeWhitespace(ws: string): string {
  return ws.replace(/[ \t]/g, (c) => (c === ' ' ? '&#32;' : '&#9;'));
}

type InlineState = { prevDelimiter: boolean };
type LeafContext = { lineStart: boolean; lineEnd: boolean; heading: boolean; before: CharClass; after: CharClass };

/*
 * `**`, `*` and `~~` are used only where CommonMark's flanking rules make them open and close
 * exactly here, whatever the neighbours; otherwise the fixed inline tag is written instead.
 */
function delimiterFits(text: string, ctx: LeafContext): boolean {
  const first = classify(text.charAt(0));
  const last = classify(text.charAt(text.length - 1));
  const opens = first === 'other' || (first === 'punct' && ctx.before !== 'other');
  const closes = last === 'other' || (last === 'punct' && ctx.after !== 'other');
  return opens && closes;
}

function leafMarkdown(leaf: FormattedText, ctx: LeafContext, state: InlineState, out: string[]): void {
  const text = leaf.text;
  if (text === '') return;
  const parts = text.split('\n').map((part) => escapeText(part, ctx.heading));
  if (ctx.lineStart) {
    parts[0] = parts[0]!
      .replace(/^([#+\-=:|])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/^[ \t]+/, encodeWhitespace);
  }
  if (ctx.lineEnd) {
    const last = parts.length - 1;
    parts[last] = parts[last]!.replace(/[ \t]+$/, encodeWhitespace);
  }
  const body = parts.join('<br>');

  const marks = marksOf(leaf);
  const only = marks.length === 1 ? DELIMITERS[marks[0]!] : undefined;
  const useDelimiter = only !== undefined && !state.prevDelimiter && !text.includes('\n') && delimiterFits(text, ctx);
  const delimiter = useDelimiter ? only : '';
  const tags = useDelimiter ? [] : marks.map((m) => MARKDOWN_HTML_MARK_TAGS[m]);
  for (const t of tags) out.push('<', t, '>');
  if (delimiter) out.push(delimiter, body, delimiter);
  else out.push(body);
  for (let i = tags.length - 1; i >= 0; i--) out.push('</', tags[i]!, '>');
  state.prevDelimiter = useDelimiter;
}

/** The class of the first character the node after `node` will write. */
function classAfter(next: InlineNode | undefined, end: CharClass): CharClass {
  if (next === undefined) return end;
  if (isLink(next) || marksOf(next).length > 0 || next.text.startsWith('\n')) return 'punct';
  return classify(next.text.charAt(0));
}

function lastClass(out: readonly string[], start: CharClass): CharClass {
  for (let i = out.length - 1; i >= 0; i--) {
    const piece = out[i]!;
    if (piece !== '') return classify(piece.charAt(piece.length - 1));
  }
  return start;
}

function escapeDestination(url: string): string {
  return '<' + url.replace(/[\\<>]/g, '\\$&') + '>';
}

/** Inline content of one block, as one Markdown line. Links with an unsafe URL keep only their text. */
export function inlinesMarkdown(nodes: readonly InlineNode[], heading = false): string {
  const flat: InlineNode[] = [];
  for (const node of nodes) {
    if (!isLink(node)) flat.push({ ...node, text: cleanText(node.text) });
    else {
      const children = node.children.map((c) => ({ ...c, text: cleanText(c.text) }));
      const href = safeUrl(node.url);
      if (href === undefined) flat.push(...children);
      else flat.push({ type: 'link', url: href, children });
    }
  }
  const normalized = normalizeInlines(flat);
  const out: string[] = [];
  const state: InlineState = { prevDelimiter: false };
  normalized.forEach((node, i) => {
    const lineStart = i === 0;
    const lineEnd = i === normalized.length - 1;
    if (!isLink(node)) {
      const before = lastClass(out, 'space');
      const after = classAfter(normalized[i + 1], 'space');
      leafMarkdown(node, { lineStart, lineEnd, heading, before, after }, state, out);
      return;
    }
    const inner: InlineState = { prevDelimiter: false };
    // Text ending in "!" right before a link would turn the link into an image.
    const prev = out.length - 1;
    if (prev >= 0 && out[prev]!.endsWith('!')) out[prev] = out[prev]!.slice(0, -1) + '\\!';
    out.push('[');
    node.children.forEach((leaf, j) => {
      const before = lastClass(out, 'punct');
      const after = classAfter(node.children[j + 1], 'punct');
      leafMarkdown(leaf, { lineStart: false, lineEnd: false, heading, before, after }, inner, out);
    });
    out.push('](', escapeDestination(node.url), ')');
    state.prevDelimiter = false;
  });
  return out.join('');
}

/* An HTML comment ends on its own line, unlike `<p>` which would swallow the lines after it. */
const EMPTY_BLOCK = '<!-- -->';

function paragraphLine(nodes: readonly InlineNode[]): string {
  const line = inlinesMarkdown(nodes);
  return line === '' ? EMPTY_BLOCK : line;
}

function listMarkdown(items: readonly ListItemElement[], out: string[]): void {
  const widths: number[] = [];
  const lines: string[] = [];
  for (const { item, depth, number } of layoutList(items)) {
    const marker = item.list === 'numbered' ? `${number}.` : '-';
    widths[depth] = marker.length + 1;
    let indent = 0;
    for (let d = 0; d < depth; d++) indent += widths[d]!;
    // A bare marker line could read as a setext underline of the line above; empty items say so.
    // A lone <br> would open an HTML block that swallows the following items; the comment prevents it.
    const content = paragraphLine(item.children);
    lines.push(' '.repeat(indent) + marker + ' ' + (content === '<br>' ? '<br>' + EMPTY_BLOCK : content));
  }
  out.push(lines.join('\n'));
}

/** A container attribute list: `{key="json" n=1}`. */
function attributes(values: Record<string, string | number>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${typeof v === 'number' ? String(Math.trunc(v)) : attributeString(v)}`);
  return `{${parts.join(' ')}}`;
}

/*
 * A marker line is an ordinary paragraph to any other Markdown renderer, so its label is escaped
 * like text and its JSON strings spell `<`, `>`, `&`, `[` and `]` as \u escapes: no raw HTML or
 * link can appear in it.
 */
function attributeString(value: string): string {
  return yamlString(cleanText(value)).replace(/[[\]]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function label(text: string): string {
  return '[' + escapeText(cleanLine(text), false) + ']';
}

function container(open: string, body: string[], out: string[]): void {
  out.push(':::' + open, ...body, ':::');
}

function blockMarkdown(block: BlockElement, input: ExportInput, out: string[]): void {
  switch (block.type) {
    case 'paragraph':
      out.push(paragraphLine(block.children));
      return;
    case 'heading': {
      const content = inlinesMarkdown(block.children, true);
      out.push((block.level === 1 ? '##' : '###') + (content === '' ? '' : ' ' + content));
      return;
    }
    case 'block-quote': {
      const content = inlinesMarkdown(block.children);
      out.push(content === '' ? '>' : '> ' + content);
      return;
    }
    case 'pull-quote':
      container('pull-quote' + attributes({ attribution: block.attribution }), [paragraphLine(block.children)], out);
      return;
    case 'list-item':
      listMarkdown([block], out);
      return;
    case 'section-break':
      out.push('***');
      return;
    case 'image': {
      const src = safeImageSrc(input.assetUrl(block.assetId));
      const body = src === undefined ? [] : [`![${cleanLine(block.alt).replace(/[\\[\]]/g, '\\$&')}](${escapeDestination(src)})`];
      container('image' + attributes({ assetId: block.assetId, alt: block.alt, caption: block.caption, credit: block.credit }), body, out);
      return;
    }
    case 'promo-box': {
      const body: string[] = [];
      bodyMarkdown(block.children, input, body);
      container('promo-box' + label(block.title), body, out);
      return;
    }
    case 'editors-note':
      container('editors-note' + attributes({ kind: block.kind, date: block.date }), [paragraphLine(block.children)], out);
      return;
    case 'embed': {
      const href = safeUrl(block.url);
      const body = href === undefined ? [] : [`[${escapeText(cleanLine(block.caption) || href, false)}](${escapeDestination(href)})`];
      container('embed' + attributes({ url: href ?? '', caption: block.caption }), body, out);
      return;
    }
    case 'author-bio': {
      const s = block.snapshot;
      const attrs = attributes({
        authorId: block.authorId,
        mode: block.mode,
        version: block.version,
        name: s.name,
        jobTitle: s.jobTitle,
        photoAssetId: s.photoAssetId,
        readMoreUrl: safeUrl(s.readMoreUrl) ?? '',
      });
      container('author-bio' + label(BIO_HEADING) + attrs, s.bio.length ? [paragraphLine(s.bio)] : [], out);
      return;
    }
    case 'ai-disclosure': {
      const s = block.snapshot;
      const attrs = attributes({
        templateId: block.templateId,
        mode: block.mode,
        version: block.version,
        policyUrl: safeUrl(s.policyUrl) ?? '',
      });
      const lines = s.text.length ? [paragraphLine(s.text)] : [];
      // The importer reads the first paragraph as the disclosure; the declaration follows it for readers.
      const declaration = block === declarationHost(input.article.body) ? aiDeclarationSentence(input.article.aiDeclaration) : undefined;
      if (declaration) lines.push(...(lines.length ? [] : [EMPTY_BLOCK]), paragraphLine([{ text: declaration }]));
      container('ai-disclosure' + label(s.title) + attrs, lines, out);
      return;
    }
  }
}

/** Blocks separated by blank lines (every line of a container too, so none can merge). */
function bodyMarkdown(blocks: readonly BlockElement[], input: ExportInput, out: string[]): void {
  for (const group of groupBlocks(blocks)) {
    if (group.kind === 'list') listMarkdown(group.items, out);
    else blockMarkdown(group.block, input, out);
  }
}

function frontMatter(input: ExportInput): string {
  const { article } = input;
  const lines = ['---', `headline: ${yamlString(cleanLine(article.headline))}`];
  const optional: Array<[string, string]> = [
    ['dek', article.dek],
    ['slug', article.slug],
    ['section', article.section],
  ];
  for (const [key, value] of optional) if (value) lines.push(`${key}: ${yamlString(cleanLine(value))}`);
  if (article.tags.length) lines.push(`tags: [${article.tags.map((t) => yamlString(cleanLine(t))).join(', ')}]`);
  const names = authorNames(input.authors);
  if (names.length) lines.push(`byline: [${names.map((n) => yamlString(cleanLine(n))).join(', ')}]`);
  const more: Array<[string, string]> = [
    ['lang', exportLanguage(input).lang],
    ['dateline', article.dateline],
    ['seoTitle', article.seoTitle],
    ['seoDescription', article.seoDescription],
  ];
  for (const [key, value] of more) if (value) lines.push(`${key}: ${yamlString(cleanLine(value))}`);
  const ai = article.aiDeclaration;
  if (ai.uses.length) {
    lines.push(`aiUse: [${ai.uses.map((u) => yamlString(u)).join(', ')}]`);
    if (ai.tools.trim()) lines.push(`aiTools: ${yamlString(cleanLine(ai.tools.trim()))}`);
    if (ai.note.trim()) lines.push(`aiNote: ${yamlString(cleanLine(ai.note.trim()))}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/** Markdown for the body alone (no front matter). */
export function exportMarkdownBody(given: ExportInput): string {
  const input = publishedInput(given);
  const out: string[] = [];
  bodyMarkdown(storyBlocks(input.article.body), input, out);
  return out.join('\n\n') + '\n';
}

/** The article as Markdown with YAML front matter (headline, dek, slug, section, tags, byline, dateline, SEO). */
export function exportMarkdown(given: ExportInput): string {
  const input = publishedInput(given);
  return frontMatter(input) + '\n\n' + exportMarkdownBody(input);
}
