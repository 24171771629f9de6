import type { articleChannels } from '../../../../shared/ipc/channels/articles';
import type { FullHandlerContext, HandlerGroup } from './context';
import { refuseNewsroomArticle } from './sync';

export function articleHandlers(ctx: FullHandlerContext): HandlerGroup<keyof typeof articleChannels> {
  const { session, sync } = ctx;
  return {
    'articles:list': (req) => session.store().listArticles(req, req.mine ? sync.status().account?.id : undefined),
    'articles:get': ({ id }) => (sync.settle(id), session.store().getArticle(id)),
    // Signed in to a newsroom, a new article is the newsroom's: made here, created on the server when connected.
    // A new article is in the desk's default language unless it says otherwise.
    'articles:create': ({ fields }) => {
      const withLanguage = { language: session.review().settings.writingSettings().language, ...fields };
      const id = sync.createArticle(withLanguage);
      return id ? session.store().getArticle(id) : session.store().createArticle(withLanguage);
    },
    'articles:save': ({ id, baseVersion, patch }) => {
      // Its JSON is derived from the shared document; a direct save would be overwritten by the next change.
      refuseNewsroomArticle(ctx, id, 'Saving outside the shared document');
      const store = session.store();
      const review = session.review();
      // History keeps at least one revision per ten minutes of editing.
      return store.transaction(() => {
        const saved = store.saveArticle(id, baseVersion, patch);
        review.revisions.snapshotIfStale(id, review.settings.profile());
        return saved;
      });
    },
    'articles:duplicate': ({ id }) => session.store().duplicateArticle(id),
    'articles:trash': ({ id }) => (session.store().trashArticle(id), null),
    'articles:restore': ({ id }) => (session.store().restoreArticle(id), null),
    'articles:deleteForever': ({ id }) => (session.store().deleteArticleForever(id), null),
    'taxonomy:list': () => session.store().taxonomy(),
  };
}
