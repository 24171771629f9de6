/** Plain clipboard text → paragraphs: one per line, blank lines dropped. */
import { BODY_LIMITS, type ParagraphElement } from '../model/document';

/** Paragraphs within the article's block limit, and how many more the text held. */
export function textToBlocksCounted(text: string): { blocks: ParagraphElement[]; droppedBlocks: number } {
  const blocks: ParagraphElement[] = [];
  let droppedBlocks = 0;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const clean = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trimEnd();
    if (clean.trim() === '') continue;
    for (let i = 0; i < clean.length; i += BODY_LIMITS.maxTextLength) {
      if (blocks.length < BODY_LIMITS.maxBlocks) blocks.push({ type: 'paragraph', children: [{ text: clean.slice(i, i + BODY_LIMITS.maxTextLength) }] });
      else droppedBlocks++;
    }
  }
  return { blocks, droppedBlocks };
}

export function textToBlocks(text: string): ParagraphElement[] {
  return textToBlocksCounted(text).blocks;
}
