/** What export and import need from a session: the stores over one open database. */
import { AppError } from '../../../shared/ipc/contract';
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../store/assetStore';
import type { Db } from '../store/database';
import type { LibraryStore } from '../store/libraryStore';
import type { ReviewStores } from '../store/reviewStores';
import { createExchangeStore, type ExchangeStore } from '../store/exchangeStore';

export type ExchangeSession = {
  store(): ArticleStore;
  assets(): AssetStore;
  database(): Db | undefined;
  /** The libraries and the workflow: export checks the AI-use disclosure and moves approved articles to Exported. */
  library?(): LibraryStore;
  review?(): ReviewStores;
};

const byDb = new WeakMap<Db, ExchangeStore>();

export function exchangeStoreOf(session: ExchangeSession): ExchangeStore {
  session.store();
  const db = session.database();
  if (!db) throw new AppError('DB_UNAVAILABLE', 'No database is open.');
  let store = byDb.get(db);
  if (!store) {
    store = createExchangeStore(db);
    byDb.set(db, store);
  }
  return store;
}
