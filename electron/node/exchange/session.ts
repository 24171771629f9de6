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

function openDb(session: ExchangeSession): Db {
  session.store();
  const db = session.database();
  if (!db) throw new AppError('DB_UNAVAILABLE', 'No database is open.');
  return db;
}

/** The session's library store (the owner of authors and disclosure templates). */
export function libraryOf(session: ExchangeSession): LibraryStore {
  if (session.library) return session.library();
  const db = openDb(session);
  let library = libraries.get(db);
  if (!library) {
    library = createLibraryStore(db);
    libraries.set(db, library);
  }
  return library;
}

/** The session's review stores (the owners of revisions and comments). */
export function reviewOf(session: ExchangeSession): ReviewStores {
  return session.review ? session.review() : reviewStoresFor(openDb(session), session.store(), libraryOf(session));
}

/** The session's spelling store (the owner of the newsroom dictionary and ignored words). */
export function spellingOf(session: ExchangeSession): SpellingStore {
  if (session.spelling) return session.spelling();
  const db = openDb(session);
  let spelling = spellings.get(db);
  if (!spelling) {
    spelling = createSpellingStore(db);
    spellings.set(db, spelling);
  }
  return spelling;
}
