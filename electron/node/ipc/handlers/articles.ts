import type { articleChannels } from '../../../../shared/ipc/channels/articles';
import type { HandlerContext, HandlerGroup } from './context';

export function articleHandlers({ session }: HandlerContext): HandlerGroup<keyof typeof articleChannels> {
  return {
    'articles:list': (req) => session.store().listArticles(req),
    'articles:get': ({ id }) => session.store().getArticle(id),
    'articles:create': ({ fields }) => session.store().createArticle(fields ?? {}),
    'articles:save': ({ id, baseVersion, patch }) => session.store().saveArticle(id, baseVersion, patch),
    'articles:duplicate': ({ id }) => session.store().duplicateArticle(id),
    'articles:trash': ({ id }) => (session.store().trashArticle(id), null),
    'articles:restore': ({ id }) => (session.store().restoreArticle(id), null),
    'articles:deleteForever': ({ id }) => (session.store().deleteArticleForever(id), null),
    'taxonomy:list': () => session.store().taxonomy(),
  };
}
