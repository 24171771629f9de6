/** Plain text and HTML files → imported articles (pure). The first line / first top heading is the headline. */
import { htmlToBlocks } from '../convert/fromHtml';
import { textToBlocksCounted } from '../convert/fromText';
import { inlineText } from '../model/document';
import type { ImportedArticle } from './importedArticle';

export function importPlainText(text: string): ImportedArticle {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { fields: {}, byline: [], body: [], images: [], warnings: [] };
  const rest = lines.slice(first + 1);
  // A one-line file is a paragraph, not a headline.
  const headlineLess = rest.every((l) => l.trim() === '');
  const { blocks, droppedBlocks } = textToBlocksCounted(headlineLess ? lines[first]! : rest.join('\n'));
  const warnings = droppedBlocks > 0 ? [droppedBlocksWarning(droppedBlocks)] : [];
  return { fields: headlineLess ? {} : { headline: lines[first]!.trim() }, byline: [], body: blocks, images: [], warnings };
}

/** An article holds at most BODY_LIMITS.maxBlocks blocks; the writer must hear that the end was cut. */
export const droppedBlocksWarning = (n: number) => `The file is longer than an article can be: its last ${n} paragraph(s) were left out.`;

export function importHtml(html: string): ImportedArticle {
  const { blocks, images, droppedImages, droppedBlocks, title, lang } = htmlToBlocks(html);
  const language = lang ? { language: lang } : {};
  const warnings = droppedImages > 0 ? [`${droppedImages} linked image(s) were left out: only embedded images are imported.`] : [];
  if (droppedBlocks > 0) warnings.push(droppedBlocksWarning(droppedBlocks));
  const first = blocks[0];
  if (first?.type === 'heading' && first.level === 1) {
    return { fields: { headline: inlineText(first.children), ...language }, byline: [], body: blocks.slice(1), images, warnings };
  }
  return { fields: { ...(title ? { headline: title } : {}), ...language }, byline: [], body: blocks, images, warnings };
}
