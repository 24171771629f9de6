import type { articleChannels } from '../../../../shared/ipc/channels/articles';
import type { HandlerContext, HandlerGroup } from './context';

export function articleHandlers({ session }: HandlerContext): HandlerGroup<keyof typeof articleChannels> {
  return {
    'articles:list': (req) => session.store().listArticles(req),
    'articles:get': ({ id }) => session.store().getArticle(id),
    'articles:create': ({ fields }) => session.store().createArticle(fields ?? {}),
    'articles:save': ({ id, baseVersion, patch }) => {
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
