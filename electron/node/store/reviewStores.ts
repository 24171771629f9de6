/** The editorial-review stores over one open database, built once per connection. */
import { checkStyle, countStyleFindings } from '../../../shared/language/style/checkStyle';
import { libraryRules } from '../../../shared/rules/libraryRules';
import type { ArticleStore, Clock } from './articleStore';
import { createCommentStore } from './commentStore';
import type { Db } from './database';
import type { LibraryStore } from './libraryStore';
import { createRevisionStore } from './revisionStore';
import { createSettingsStore } from './settingsStore';
import { createWorkflowStore } from './workflowStore';

export function createReviewStores(db: Db, articles: ArticleStore, library: LibraryStore, clock?: Clock) {
  const settings = createSettingsStore(db, clock);
  const comments = createCommentStore(db, clock);
  const revisions = createRevisionStore(db, articles, clock);
  const workflow = createWorkflowStore(db, {
    clock,
    articles,
    comments,
    revisions,
    settings,
    libraryRules: () =>
      libraryRules({
        templates: library.listDisclosures({ includeArchived: true }),
        authorNames: new Map(library.listAuthors({ includeArchived: true }).map((a) => [a.id, a.name])),
      }),
    styleCounts: (article) =>
      countStyleFindings(checkStyle(article.body, library.styles.activeRules(), { ignored: new Set(library.styles.ignoredKeys(article.id)) })),
  });
  // Approval (and export, for blocks synced again since) fixes each synced library block at the
  // version it shows, so the exported text is what was approved.
  workflow.onTransition((articleId, _from, to) => {
    if (to === 'approved' || to === 'exported') library.freezeLibraryBlocks(articleId);
  });
  return { settings, comments, revisions, workflow };
}

export type ReviewStores = ReturnType<typeof createReviewStores>;

const cache = new WeakMap<Db, ReviewStores>();

/** The review stores for a connection (the session asks on every call; statements are prepared once). */
export function reviewStoresFor(db: Db, articles: ArticleStore, library: LibraryStore): ReviewStores {
  let stores = cache.get(db);
  if (!stores) {
    stores = createReviewStores(db, articles, library);
    cache.set(db, stores);
  }
  return stores;
}
