/**
 * The checklist rules that need the author and disclosure libraries (shared/rules/library.ts):
 * the AI-use disclosure must fit the declaration, and each byline author should have a bio
 * block. One place builds them, so the editor's panel and the workflow store run the same set.
 */
import type { DisclosureEntry } from '../library/entries';
import type { LibraryRule } from './checklist';
import { checkAiDisclosure, checkAuthorBios } from './library';

export type LibraryContext = {
  /** Undefined when the caller does not know which uses each template covers: the disclosure rule is then left to the store. */
  templates: ReadonlyArray<Pick<DisclosureEntry, 'id' | 'title' | 'covers' | 'archived'>> | undefined;
  authorNames: ReadonlyMap<string, string>;
};

export function libraryRules({ templates, authorNames }: LibraryContext): LibraryRule[] {
  return [
    ...(templates ? [(article: Parameters<LibraryRule>[0]) => checkAiDisclosure(article, templates)] : []),
    (article) => checkAuthorBios(article, authorNames),
  ];
}
