/**
 * HTML exports: a standalone, script-free HTML5 page and a body-only fragment for pasting into a
 * CMS. Every text and attribute value is escaped; links and image sources pass `safeUrl`.
 */
import type { AiDisclosureElement, AuthorBioElement, BlockElement, FormattedText, InlineNode, ListItemElement, Mark } from '../model/document';
import { isLink } from '../model/document';
import type { SuggestionMeta } from '../model/suggestions';
import {
  aiDeclarationSentence,
  authorNames,
  BIO_HEADING,
  declarationHost,
  displayDate,
  groupBlocks,
  isoDateTime,
  layoutList,
  marksOf,
  READ_MORE,
  storyBlocks,
} from './common';
import { DEFAULT_GENERATOR, publishedInput, type ExportInput } from './exportInput';
import { safeImageSrc, safeUrl } from '../security/urlPolicy';
import { cleanLine, cleanText } from './cleanText';
import { exportLanguage } from './exportInput';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const MARK_TAGS: Record<Mark, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strikethrough: 's',
  superscript: 'sup',
  subscript: 'sub',
};

export const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data: https: 'self'; style-src 'unsafe-inline'";

/** `<ins>`/`<del>` with who and when: only a body exported "with changes" still has suggestions. */
function changeTag(tag: 'ins' | 'del', meta: SuggestionMeta): string {
  const at = Number.isNaN(Date.parse(meta.at)) ? '' : ` datetime="${escapeHtml(new Date(meta.at).toISOString())}"`;
  return `<${tag} data-author="${escapeHtml(cleanLine(meta.authorName))}"${at}>`;
}

function leafHtml(leaf: FormattedText, out: string[]): void {
  if (leaf.text === '') return;
  const tags = marksOf(leaf).map((m) => MARK_TAGS[m]);
  if (leaf.ins) out.push(changeTag('ins', leaf.ins));
  if (leaf.del) out.push(changeTag('del', leaf.del));
  for (const t of tags) out.push('<', t, '>');
  out.push(escapeHtml(leaf.text).replace(/\n/g, '<br>'));
  for (let i = tags.length - 1; i >= 0; i--) out.push('</', tags[i]!, '>');
  if (leaf.del) out.push('</del>');
  if (leaf.ins) out.push('</ins>');
}

function inlinesHtml(nodes: readonly InlineNode[], out: string[]): void {
  for (const node of nodes) {
    if (!isLink(node)) {
      leafHtml(node, out);
      continue;
    }
    const href = safeUrl(node.url);
    if (href !== undefined) out.push('<a href="', escapeHtml(href), '" rel="noopener noreferrer">');
    for (const leaf of node.children) leafHtml(leaf, out);
    if (href !== undefined) out.push('</a>');
  }
}

function inlineString(nodes: readonly InlineNode[]): string {
  const out: string[] = [];
  inlinesHtml(nodes, out);
  return out.join('');
}

function listHtml(items: readonly ListItemElement[], out: string[]): void {
  const open: string[] = [];
  for (const { item, depth } of layoutList(items)) {
    const tag = item.list === 'numbered' ? 'ol' : 'ul';
    while (open.length > depth + 1) out.push('</li></', open.pop()!, '>');
    if (open.length === depth + 1) {
      out.push('</li>');
      if (open[depth] !== tag) out.push('</', open.pop()!, '>');
    }
    if (open.length === depth) {
      out.push('<', tag, '>');
      open.push(tag);
    }
    out.push('<li>');
    inlinesHtml(item.children, out);
  }
  while (open.length) out.push('</li></', open.pop()!, '>');
}

function imgTag(src: string | undefined, alt: string, className: string): string {
  const safe = safeImageSrc(src);
  return safe === undefined ? '' : `<img class="${className}" src="${escapeHtml(safe)}" alt="${escapeHtml(cleanLine(alt))}">`;
}

function bioHtml(block: AuthorBioElement, input: ExportInput, out: string[]): void {
  const s = block.snapshot;
  out.push('<aside class="author-bio"><h2>', BIO_HEADING, '</h2>');
  if (s.photoAssetId) out.push(imgTag(input.assetUrl(s.photoAssetId), s.name, 'author-photo'));
  out.push('<p class="author-name">', escapeHtml(cleanLine(s.name)), '</p>');
  if (s.jobTitle) out.push('<p class="author-title">', escapeHtml(cleanLine(s.jobTitle)), '</p>');
  if (s.bio.length) out.push('<p class="author-text">', inlineString(s.bio), '</p>');
  const more = safeUrl(s.readMoreUrl);
  if (more !== undefined) out.push('<p class="read-more"><a href="', escapeHtml(more), '" rel="noopener noreferrer">', READ_MORE, '</a></p>');
  out.push('</aside>');
}

function declarationHtml(sentence: string, out: string[]): void {
  out.push('<p class="ai-declaration">', escapeHtml(sentence), '</p>');
}

function disclosureHtml(block: AiDisclosureElement, declaration: string | undefined, out: string[]): void {
  const s = block.snapshot;
  out.push('<aside class="ai-disclosure"');
  if (s.title) out.push(' aria-label="', escapeHtml(cleanLine(s.title)), '"');
  out.push('><p>');
  inlinesHtml(s.text, out);
  // A disclosure whose text carries no link still points at the policy.
  const policy = safeUrl(s.policyUrl);
  if (policy !== undefined && !s.text.some(isLink)) {
    out.push(' <a href="', escapeHtml(policy), '" rel="noopener noreferrer">', escapeHtml(cleanLine(s.title) || 'AI policy'), '</a>');
  }
  out.push('</p>');
  if (declaration) declarationHtml(declaration, out);
  out.push('</aside>');
}

function blockHtml(block: BlockElement, input: ExportInput, out: string[]): void {
  switch (block.type) {
    case 'paragraph':
      out.push('<p>', inlineString(block.children), '</p>');
      return;
    case 'heading': {
      const tag = block.level === 1 ? 'h2' : 'h3';
      out.push('<', tag, '>', inlineString(block.children), '</', tag, '>');
      return;
    }
    case 'block-quote':
      out.push('<blockquote><p>', inlineString(block.children), '</p></blockquote>');
      return;
    case 'pull-quote':
      out.push('<blockquote class="pull-quote"><p>', inlineString(block.children), '</p>');
      if (block.attribution) out.push('<cite>', escapeHtml(cleanLine(block.attribution)), '</cite>');
      out.push('</blockquote>');
      return;
    case 'list-item':
      listHtml([block], out);
      return;
    case 'section-break':
      out.push('<hr class="section-break">');
      return;
    case 'image': {
      out.push('<figure class="image">', imgTag(input.assetUrl(block.assetId), block.alt, 'image'));
      if (block.caption || block.credit) {
        out.push('<figcaption>', escapeHtml(cleanLine(block.caption)));
        if (block.credit) out.push(block.caption ? ' ' : '', '<small class="credit">', escapeHtml(cleanLine(block.credit)), '</small>');
        out.push('</figcaption>');
      }
      out.push('</figure>');
      return;
    }
    case 'promo-box':
      out.push('<aside class="promo-box">');
      if (block.title) out.push('<h2 class="promo-box-title">', escapeHtml(cleanLine(block.title)), '</h2>');
      bodyHtml(block.children, input, out);
      out.push('</aside>');
      return;
    case 'editors-note': {
      const label = block.kind === 'correction' ? 'Correction' : "Editor's note";
      out.push('<div class="editors-note editors-note-', block.kind, '"><p><strong>', escapeHtml(label), '</strong>');
      if (block.date) out.push(' <time datetime="', escapeHtml(block.date), '">', escapeHtml(displayDate(block.date)), '</time>');
      out.push(': ', inlineString(block.children), '</p></div>');
      return;
    }
    case 'embed': {
      const href = safeUrl(block.url);
      const caption = escapeHtml(cleanLine(block.caption));
      out.push('<figure class="embed">');
      if (href !== undefined) {
        out.push('<a class="embed-card" href="', escapeHtml(href), '" rel="noopener noreferrer">');
        if (caption) out.push('<span class="embed-caption">', caption, '</span> ');
        out.push('<span class="embed-url">', escapeHtml(href), '</span></a>');
      } else if (caption) out.push('<figcaption>', caption, '</figcaption>');
      out.push('</figure>');
      return;
    }
    case 'author-bio':
      bioHtml(block, input, out);
      return;
    case 'ai-disclosure':
      disclosureHtml(block, block === declarationHost(input.article.body) ? aiDeclarationSentence(input.article.aiDeclaration) : undefined, out);
      return;
  }
}

function bodyHtml(blocks: readonly BlockElement[], input: ExportInput, out: string[]): void {
  for (const group of groupBlocks(blocks)) {
    if (group.kind === 'list') listHtml(group.items, out);
    else blockHtml(group.block, input, out);
    out.push('\n');
  }
}

/** The article body only — no header, no styles — for pasting into a CMS. */
export function exportHtmlFragment(given: ExportInput): string {
  const input = publishedInput(given);
  const out: string[] = [];
  bodyHtml(storyBlocks(input.article.body), input, out);
  return out.join('');
}

const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#5c5c5c;--rule:#d6d6d6;--accent:#b3001b}
body{margin:0;background:#fff;color:var(--ink);font:1.125rem/1.6 Georgia,"Times New Roman",serif}
article{max-width:42rem;margin:2.5rem auto;padding:0 1.25rem}
h1,h2,h3{font-family:"Helvetica Neue",Arial,sans-serif;line-height:1.2}
h1{font-size:2.25rem;margin:0 0 .5rem}
.dek{font-size:1.25rem;color:var(--muted);margin:0 0 1rem}
.byline,.dateline,header time{font:.9rem/1.4 "Helvetica Neue",Arial,sans-serif;color:var(--muted);margin:0}
.author{color:var(--ink);font-weight:600}
header{border-bottom:1px solid var(--rule);padding-bottom:1rem;margin-bottom:1.5rem}
figure{margin:1.5rem 0}
img{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:var(--muted)}
.credit{margin-inline-start:.25rem;text-transform:uppercase;letter-spacing:.03em}
blockquote{margin:1.5rem 0;padding-inline-start:1rem;border-inline-start:3px solid var(--rule)}
.pull-quote{border:0;padding:0;font-size:1.5rem;font-style:italic;text-align:center}
.pull-quote cite{display:block;font-size:1rem;font-style:normal;color:var(--muted)}
.section-break{border:0;text-align:center;margin:2rem 0}
.section-break::after{content:"\\2042";color:var(--muted)}
aside{margin:2rem 0;padding:1rem 1.25rem;font-family:"Helvetica Neue",Arial,sans-serif;font-size:1rem}
.promo-box{border:1px solid var(--rule);border-top:4px solid var(--accent);background:#f7f7f7}
.promo-box h2,.author-bio h2{font-size:1.1rem;margin:0 0 .5rem}
.author-bio{border-top:1px solid var(--rule);padding-left:0;padding-right:0}
.author-photo{float:inline-start;width:4.5rem;height:4.5rem;object-fit:cover;border-radius:50%;margin:0 0 .5rem;margin-inline-end:1rem}
.author-name{font-weight:700;margin:0}
.author-title{color:var(--muted);margin:0 0 .5rem}
.ai-disclosure{padding:0;font-style:italic;color:var(--muted)}
.ai-declaration{font-style:normal;font-size:.9rem}
.editors-note{border-inline-start:3px solid var(--accent);padding-inline-start:1rem;font-style:italic}
.embed-card{display:block;padding:1rem;border:1px solid var(--rule);text-decoration:none;color:var(--ink)}
.embed-url{display:block;font-size:.85rem;color:var(--muted);word-break:break-all}
a{color:var(--accent)}
@media print{
body{font-size:11pt;background:none}
article{max-width:none;margin:0;padding:0}
a{color:inherit;text-decoration:underline}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;word-break:break-all}
aside,figure,blockquote{break-inside:avoid}
.promo-box{background:none}
h1,h2,h3{break-after:avoid}
}`;

/** A standalone HTML5 page: header (headline, dek, byline, date) then the body; no scripts, strict CSP. */
export function exportHtmlPage(given: ExportInput): string {
  const input = publishedInput(given);
  const { article } = input;
  const headline = escapeHtml(cleanLine(article.headline));
  const { lang, dir } = exportLanguage(input);
  const out: string[] = [
    '<!doctype html>\n<html lang="',
    lang,
    '" dir="',
    dir,
    '">\n<head>\n<meta charset="utf-8">\n',
    '<meta http-equiv="Content-Security-Policy" content="',
    CONTENT_SECURITY_POLICY,
    '">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="generator" content="',
    escapeHtml(cleanLine(input.generator ?? DEFAULT_GENERATOR)),
    '">\n',
    '<meta name="referrer" content="no-referrer">\n',
    '<title>',
    escapeHtml(cleanLine(article.seoTitle || article.headline)),
    '</title>\n',
  ];
  const description = article.seoDescription || article.dek;
  if (description) out.push('<meta name="description" content="', escapeHtml(cleanLine(description)), '">\n');
  out.push('<style>', STYLE, '\n</style>\n</head>\n<body>\n<article>\n<header>\n<h1>', headline, '</h1>\n');
  if (article.dek) out.push('<p class="dek">', escapeHtml(cleanLine(article.dek)), '</p>\n');
  const names = authorNames(input.authors);
  if (names.length) {
    out.push('<p class="byline">By ');
    names.forEach((name, i) => {
      if (i > 0) out.push(i === names.length - 1 ? ' and ' : ', ');
      out.push('<span class="author">', escapeHtml(cleanLine(name)), '</span>');
    });
    out.push('</p>\n');
  }
  if (article.dateline) out.push('<p class="dateline">', escapeHtml(cleanLine(article.dateline)), '</p>\n');
  const date = isoDateTime(article.updatedAt) ?? isoDateTime(input.now ?? new Date());
  if (date) out.push('<time datetime="', date, '">', displayDate(date), '</time>\n');
  out.push('</header>\n');
  bodyHtml(storyBlocks(article.body), input, out);
  out.push('</article>\n</body>\n</html>\n');
  return out.join('');
}
