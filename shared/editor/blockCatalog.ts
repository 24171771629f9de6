/** Every block a writer can insert, as listed by the Insert menu and the "/" menu. */
import type { BlockElement } from '../model/document';
import type { BlockStyle } from './blockStyles';
import { emptyParagraph } from './schema';

export type LibraryBlockKind = 'author-bio' | 'ai-disclosure';

export type CatalogEntry =
  /** Turns the current block into this style. */
  | { id: BlockStyle; label: string; keywords: string; action: 'style' }
  /** Inserts a new block built by `createInsertedBlock`. */
  | { id: 'section-break' | 'promo-box' | 'embed'; label: string; keywords: string; action: 'insert' }
  /** Asks for an image file. */
  | { id: 'image'; label: string; keywords: string; action: 'image' }
  /** Handed to the host, which picks the library entry. */
  | { id: LibraryBlockKind; label: string; keywords: string; action: 'library' };

export const BLOCK_CATALOG: readonly CatalogEntry[] = [
  { id: 'paragraph', label: 'Paragraph', keywords: 'text body normal', action: 'style' },
  { id: 'heading-1', label: 'Heading (H2)', keywords: 'title h2 section', action: 'style' },
  { id: 'heading-2', label: 'Subheading (H3)', keywords: 'title h3', action: 'style' },
  { id: 'block-quote', label: 'Quote', keywords: 'blockquote citation', action: 'style' },
  { id: 'bulleted-list', label: 'Bulleted list', keywords: 'ul unordered bullets', action: 'style' },
  { id: 'numbered-list', label: 'Numbered list', keywords: 'ol ordered numbers', action: 'style' },
  { id: 'pull-quote', label: 'Pull quote', keywords: 'callout quote attribution', action: 'style' },
  { id: 'editors-note', label: "Editor's note", keywords: 'correction update note', action: 'style' },
  { id: 'section-break', label: 'Section break', keywords: 'divider hr rule separator', action: 'insert' },
  { id: 'image', label: 'Image', keywords: 'photo picture figure', action: 'image' },
  { id: 'promo-box', label: 'Promo box', keywords: 'box callout sidebar factbox', action: 'insert' },
  { id: 'embed', label: 'Embed', keywords: 'video tweet social url', action: 'insert' },
  { id: 'author-bio', label: 'Author bio', keywords: 'byline about writer', action: 'library' },
  { id: 'ai-disclosure', label: 'AI-use disclosure', keywords: 'artificial intelligence policy', action: 'library' },
];

/** Entries whose label or keywords contain every word of the query, best (label prefix) first. */
export function filterCatalog(entries: readonly CatalogEntry[], query: string): CatalogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const hits = entries.filter((e) => {
    const hay = `${e.label} ${e.keywords}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const first = words[0]!;
  return hits.sort((a, b) => Number(!a.label.toLowerCase().startsWith(first)) - Number(!b.label.toLowerCase().startsWith(first)));
}

export function createInsertedBlock(id: 'section-break' | 'promo-box' | 'embed'): BlockElement {
  switch (id) {
    case 'section-break':
      return { type: 'section-break', children: [{ text: '' }] };
    case 'promo-box':
      return { type: 'promo-box', title: '', children: [emptyParagraph()] };
    case 'embed':
      return { type: 'embed', url: '', caption: '', children: [{ text: '' }] };
  }
}
