import type { ArticleBody } from '../shared/model/document';
import { sentence } from './lib';

/** A body of `n` paragraphs of about 40 words each. */
export function paragraphs(n: number): ArticleBody {
  return Array.from({ length: n }, (_, i) => ({ type: 'paragraph' as const, children: [{ text: sentence(i) }] }));
}

/** A body of `n` blocks mixing the block types writers use. */
export function mixedBlocks(n: number): ArticleBody {
  return Array.from({ length: n }, (_, i) => {
    const text = sentence(i, 30);
    switch (i % 10) {
      case 3:
        return { type: 'heading' as const, level: 2 as const, children: [{ text: sentence(i, 6) }] };
      case 5:
        return { type: 'list-item' as const, list: 'bulleted' as const, depth: 0, children: [{ text }] };
      case 7:
        return { type: 'block-quote' as const, children: [{ text }] };
      case 8:
        return {
          type: 'paragraph' as const,
          children: [
            { text: 'See ' },
            { type: 'link' as const, url: 'https://example.org/', children: [{ text: 'the report' }] },
            { text: ` and ${text}`, italic: true as const },
          ],
        };
      default:
        return { type: 'paragraph' as const, children: [{ text }] };
    }
  });
}
