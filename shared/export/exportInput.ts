/** What every exporter takes: the article, its byline authors and how to reference assets. */
import type { Article, Author } from '../model/article';
import { articleLanguageOr, languageDirection, type TextDirection } from '../language/languageTag';
import { withoutSuggestions } from '../suggestions/list';

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
  /** BCP 47 language to write instead of the article's own (rarely needed). */
  language?: string;
  /**
   * HTML only: keep open suggestions as <ins>/<del> with their author and time ("with changes").
   * Otherwise every exporter gets the body as if each open suggestion were rejected (withoutSuggestions).
   */
  trackedChanges?: boolean;
};

/**
 * The language every export writes (the article's, as a valid BCP 47 tag; English when it has none)
 * and the direction of its text.
 */
export function exportLanguage(input: ExportInput): { lang: string; dir: TextDirection } {
  const lang = articleLanguageOr(input.language ?? input.article.language);
  return { lang, dir: languageDirection(lang) };
}

export const DEFAULT_GENERATOR = 'Newsroom Desk';

/** The input every publication exporter works from: open suggestions rejected unless asked "with changes" (HTML). */
export function publishedInput(input: ExportInput): ExportInput {
  if (input.trackedChanges) return input;
  const body = withoutSuggestions(input.article.body);
  return body === input.article.body ? input : { ...input, article: { ...input.article, body } };
}
