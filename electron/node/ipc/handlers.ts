/** The handlers behind every channel of the contract, shared by Electron and the browser host. */
import { AppError, type AppInfo } from '../../../shared/ipc/contract';
import type { DatabaseSession } from '../session';
import type { Handlers } from './dispatch';

export type HandlerContext = {
  session: DatabaseSession;
  info: AppInfo;
  /** Electron shows a native file dialog; the browser host has none and requires a path. */
  chooseDatabaseFile?: () => Promise<string | undefined>;
};

export function createHandlers({ session, info, chooseDatabaseFile }: HandlerContext): Handlers {
  return {
    'app:info': () => info,
    'db:status': () => session.status(),
    'db:open': async ({ path }) => {
      const chosen = path ?? (await chooseDatabaseFile?.());
      if (!chosen) throw new AppError('CANCELLED', 'No file was chosen.');
      return session.open(chosen);
    },
    'db:createNew': () => session.createNew(),

    'articles:list': (req) => session.store().listArticles(req),
    'articles:get': ({ id }) => session.store().getArticle(id),
    'articles:create': ({ fields }) => session.store().createArticle(fields ?? {}),
    'articles:save': ({ id, baseVersion, patch }) => session.store().saveArticle(id, baseVersion, patch),
    'articles:duplicate': ({ id }) => session.store().duplicateArticle(id),
    'articles:trash': ({ id }) => (session.store().trashArticle(id), null),
    'articles:restore': ({ id }) => (session.store().restoreArticle(id), null),
    'articles:deleteForever': ({ id }) => (session.store().deleteArticleForever(id), null),

    'assets:put': ({ fileName, mimeType, dataBase64 }) => ({
      assetId: session.assets().putAsset(fileName, mimeType, Buffer.from(dataBase64, 'base64')),
    }),
    'assets:get': ({ id }) => session.assets().getAsset(id),

    'taxonomy:list': () => session.store().taxonomy(),
    'authors:list': ({ includeArchived }) => session.store().listAuthors(includeArchived ?? false),
    'disclosures:list': () => session.store().listDisclosures(),
  };
}
