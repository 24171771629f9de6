/** Plain clipboard text → paragraphs: one per line, blank lines dropped. */
import { BODY_LIMITS, type ParagraphElement } from '../model/document';

export function textToBlocks(text: string): ParagraphElement[] {
  const out: ParagraphElement[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const clean = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trimEnd();
    if (clean.trim() === '') continue;
    for (let i = 0; i < clean.length; i += BODY_LIMITS.maxTextLength) {
      out.push({ type: 'paragraph', children: [{ text: clean.slice(i, i + BODY_LIMITS.maxTextLength) }] });
    }
    if (out.length >= BODY_LIMITS.maxBlocks) break;
  }
  return out;
}
