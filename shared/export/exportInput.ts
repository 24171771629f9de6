/** What every exporter takes: the article, its byline authors and how to reference assets. */
import type { Article, Author } from '../model/article';

export type ExportInput = {
  article: Article;
  /** Byline authors, in byline order. */
  authors: Author[];
  /** How an image is referenced from the export (e.g. a file name in the export folder); undefined = not available. */
  assetUrl: (assetId: string) => string | undefined;
  /** Name written as the generating tool; defaults to "Newsroom Desk". */
  generator?: string;
  /** The export moment (used where a format records when it was produced); defaults to the current time. */
  now?: Date;
  /** BCP 47 language of the article; defaults to "en". */
  language?: string;
};

export const DEFAULT_GENERATOR = 'Newsroom Desk';
