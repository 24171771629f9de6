/**
 * How much an import may bring in. An article's body holds at most BODY_LIMITS.maxBlocks blocks of
 * at most BODY_LIMITS.maxTextLength characters each, which is billions of characters in theory;
 * an import stops far earlier, at ten full-length text runs: 2 million characters (about 330,000
 * words, a long book), so an imported article can still be saved, searched and exported.
 */
import { blockText, BODY_LIMITS, type ArticleBody } from '../model/document';
import type { ImportKind } from './sniff';

export const MAX_IMPORT_TEXT_CHARS = 10 * BODY_LIMITS.maxTextLength;

/** A Word file's XML parts (word/document.xml and the like) unpack to at most this: roughly 16 bytes of XML per character at the text cap. */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;
/** All parts of a Word file together, images included. */
export const MAX_DOCX_TOTAL_BYTES = 128 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 5_000;
/** Real Word XML packs 5–20 times; zip bombs pack 700–1,000 times. */
export const MAX_DOCX_RATIO = 200;

const KIND_NAME: Record<ImportKind, string> = {
  bundle: 'bundle',
  docx: 'Word file',
  ninjs: 'ninjs file',
  markdown: 'Markdown file',
  html: 'HTML file',
  text: 'text file',
};

const count = (n: number) => n.toLocaleString('en-US');

/** Characters of text a body carries (what the cap counts). */
export function bodyTextLength(body: ArticleBody): number {
  let total = 0;
  for (const block of body) total += blockText(block).length;
  return total;
}

export const tooMuchTextMessage = (kind: ImportKind, chars: number) =>
  `This ${KIND_NAME[kind]} holds more text than an article can hold (${count(chars)} characters; an article holds at most ${count(MAX_IMPORT_TEXT_CHARS)}). Nothing was imported.`;

export const docxExpandsMessage = (why: string) =>
  `This Word file expands to more text than an article can hold (${why}; an article holds at most ${count(MAX_IMPORT_TEXT_CHARS)} characters). Nothing was imported.`;

export const unreadableImagesWarning = (n: number) =>
  `${n} image(s) in the Word file could not be read (damaged, missing or of a type the desk does not take) and were left out.`;

/** When reading the file ran out of the import worker's memory or time, or the worker failed. */
export function importStoppedMessage(fileName: string, reason: 'memory' | 'time' | 'crashed', limit: string): string {
  const name = fileName.trim() || 'The file';
  if (reason === 'memory')
    return `"${name}" needs more memory to read than an import may use (${limit}); it may be damaged or built to stall the app. Nothing was imported.`;
  if (reason === 'time')
    return `"${name}" took longer to read than an import may take (${limit}); it may be damaged or built to stall the app. Nothing was imported.`;
  return `"${name}" could not be read: the import stopped unexpectedly. Nothing was imported.`;
}
