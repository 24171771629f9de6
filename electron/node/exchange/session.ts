/** What export and import need from a session: the stores over one open database. */
import { AppError } from '../../../shared/ipc/contract';
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../store/assetStore';
import type { Db } from '../store/database';
import { createLibraryStore, type LibraryStore } from '../store/libraryStore';
import { reviewStoresFor, type ReviewStores } from '../store/reviewStores';
import { createSpellingStore, type SpellingStore } from '../store/spellingStore';

export type ExchangeSession = {
  store(): ArticleStore;
  assets(): AssetStore;
  database(): Db | undefined;
  /** The libraries and the workflow: export checks the AI-use disclosure and moves approved articles to Exported. */
  library?(): LibraryStore;
  review?(): ReviewStores;
  spelling?(): SpellingStore;
};

const libraries = new WeakMap<Db, LibraryStore>();
const spellings = new WeakMap<Db, SpellingStore>();

/** One store per database connection, made the first time it is asked for. */
function oncePerDb<T>(stores: WeakMap<Db, T>, db: Db, create: (db: Db) => T): T {
  let store = stores.get(db);
  if (!store) {
    store = create(db);
    stores.set(db, store);
  }
  return store;
}

function openDb(session: ExchangeSession): Db {
  session.store();
  const db = session.database();
  if (!db) throw new AppError('DB_UNAVAILABLE', 'No database is open.');
  return db;
}

/** The session's library store (the owner of authors and disclosure templates). */
export function libraryOf(session: ExchangeSession): LibraryStore {
  return session.library ? session.library() : oncePerDb(libraries, openDb(session), createLibraryStore);
}

/** The session's review stores (the owners of revisions and comments). */
export function reviewOf(session: ExchangeSession): ReviewStores {
  return session.review ? session.review() : reviewStoresFor(openDb(session), session.store(), libraryOf(session));
}

/** The session's spelling store (the owner of the newsroom dictionary and ignored words). */
export function spellingOf(session: ExchangeSession): SpellingStore {
  return session.spelling ? session.spelling() : oncePerDb(spellings, openDb(session), createSpellingStore);
}
