/** What export and import need from a session: the stores over one open database. */
import { AppError } from '../../../shared/ipc/contract';
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../store/assetStore';
import type { Db } from '../store/database';
import { createExchangeStore, type ExchangeStore } from '../store/exchangeStore';

export type ExchangeSession = { store(): ArticleStore; assets(): AssetStore; database(): Db | undefined };

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
