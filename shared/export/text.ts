/**
 * Plain-text export: headline, dek, byline, then the body with "•"/"1." list markers and
 * indentation, the promo box drawn as a box, "About the writer", and links as "text [url]".
 */
import type { BlockElement, InlineNode, ListItemElement } from '../model/document';
import { isLink } from '../model/document';
import {
  aiDeclarationSentence,
  authorNames,
  BIO_HEADING,
  declarationHost,
  displayDate,
  groupBlocks,
  joinNames,
  layoutList,
  READ_MORE,
  storyBlocks,
} from './common';
import { publishedInput, type ExportInput } from './exportInput';
import { safeUrl } from '../security/urlPolicy';
import { cleanLine, cleanText } from './cleanText';

/** Inline text with each safe link's URL in brackets after its text (unless the text is the URL). */
export function inlinesText(nodes: readonly InlineNode[]): string {
  const out: string[] = [];
  for (const node of nodes) {
    if (!isLink(node)) {
      out.push(cleanText(node.text));
      continue;
    }
    const text = cleanText(node.children.map((c) => c.text).join(''));
    out.push(text);
    const url = safeUrl(node.url);
    if (url !== undefined && url !== text.trim()) out.push(` [${url}]`);
  }
  return out.join('');
}

/** Continuation lines of a multi-line block keep its indentation. */
function indent(text: string, prefix: string, first = prefix): string {
  return first + text.split('\n').join('\n' + prefix);
}

function listText(items: readonly ListItemElement[]): string {
  return layoutList(items)
    .map(({ item, depth, number }) => {
      const marker = item.list === 'numbered' ? `${number}. ` : '• ';
      const pad = '   '.repeat(depth);
      return indent(inlinesText(item.children), pad + ' '.repeat(marker.length), pad + marker);
    })
    .join('\n');
}

const RULE = '─'.repeat(40);

function blockText(block: BlockElement, input: ExportInput): string {
  switch (block.type) {
    case 'paragraph':
      return inlinesText(block.children);
    case 'heading': {
      const text = inlinesText(block.children);
      return block.level === 1 ? text.toUpperCase() : text;
    }
    case 'block-quote':
      return indent(inlinesText(block.children), '    ');
    case 'pull-quote': {
      const quote = indent(`“${inlinesText(block.children)}”`, '    ');
      return block.attribution ? `${quote}\n        — ${cleanLine(block.attribution)}` : quote;
    }
    case 'list-item':
      return listText([block]);
    case 'section-break':
      return '* * *';
    case 'image': {
      const parts = [`[Image: ${cleanLine(block.alt) || cleanLine(block.caption) || block.assetId}]`];
      if (block.caption) parts.push(cleanLine(block.caption));
      if (block.credit) parts.push(`(${cleanLine(block.credit)})`);
      return parts.join(' ');
    }
    case 'promo-box': {
      const title = cleanLine(block.title);
      const inner = bodyText(block.children, input)
        .split('\n')
        .map((l) => (l === '' ? '│' : `│ ${l}`));
      return [`┌── ${title} ${'─'.repeat(Math.max(3, 36 - title.length))}`, ...inner, `└${RULE}`].join('\n');
    }
    case 'editors-note': {
      const label = block.kind === 'correction' ? 'Correction' : "Editor's note";
      const date = block.date ? ` (${displayDate(block.date)})` : '';
      return `${label}${date}: ${inlinesText(block.children)}`;
    }
    case 'embed': {
      const url = safeUrl(block.url);
      const caption = cleanLine(block.caption);
      return [caption || 'Embedded content', url === undefined ? '' : `[${url}]`].filter(Boolean).join(' ');
    }
    case 'author-bio': {
      const s = block.snapshot;
      const lines = [BIO_HEADING, [cleanLine(s.name), cleanLine(s.jobTitle)].filter(Boolean).join(', ')];
      if (s.bio.length) lines.push(inlinesText(s.bio));
      const more = safeUrl(s.readMoreUrl);
      if (more !== undefined) lines.push(`${READ_MORE} [${more}]`);
      return lines.join('\n');
    }
    case 'ai-disclosure': {
      const s = block.snapshot;
      const text = inlinesText(s.text);
      const policy = safeUrl(s.policyUrl);
      // The policy URL is always shown, even when the text's own link already carries it.
      const shown = policy === undefined || text.includes(`[${policy}]`) ? text : `${text} [${policy}]`;
      const declaration = block === declarationHost(input.article.body) ? aiDeclarationSentence(input.article.aiDeclaration) : undefined;
      return declaration ? `${shown}\n${declaration}` : shown;
    }
  }
}

function bodyText(blocks: readonly BlockElement[], input: ExportInput): string {
  return groupBlocks(blocks)
    .map((g) => (g.kind === 'list' ? listText(g.items) : blockText(g.block, input)))
    .join('\n\n');
}

/** The article as plain text (UTF-8, `\n` line endings). */
export function exportText(given: ExportInput): string {
  const input = publishedInput(given);
  const { article } = input;
  const head: string[] = [cleanLine(article.headline)];
  if (article.dek) head.push(cleanLine(article.dek));
  const names = authorNames(input.authors).map(cleanLine);
  const meta: string[] = [];
  if (names.length) meta.push(`By ${joinNames(names)}`);
  if (article.dateline) meta.push(cleanLine(article.dateline));
  const parts = [head.join('\n\n')];
  if (meta.length) parts.push(meta.join('\n'));
  parts.push(bodyText(storyBlocks(article.body), input));
  return parts.join('\n\n') + '\n';
}
