/**
 * The newsroom's shared libraries on this desk (server/README.md, "the protocol"):
 *
 * - **Fetching**: entries changed after the last sequence this desk fetched from the server are
 *   stored in the desk's own library (`libraryStore.applyNewsroomEntries`, marked as the newsroom's),
 *   so every desk has them offline. The sync service fetches on signing in, on reconnecting and with
 *   every list refresh.
 * - **Following**: newsroom articles this account may edit, whose synced blocks show an older
 *   version of a changed entry, get the entry's words as edits of their documents
 *   (`followLibraryInDoc`); frozen and detached blocks, and settled articles, are left alone.
 * - **Changing**: an editor's change goes to the server first (which refuses writers, and changes
 *   based on an older version), then into the desk's library and its articles. Offline, it is
 *   refused with a sentence and nothing is changed, so the form keeps what was typed.
 */
import { AppError } from '../../../shared/ipc/contract';
import type { AuthorEntry, AuthorInput, DisclosureEntry, DisclosureInput, LibraryEditResult } from '../../../shared/library/entries';
import { LIBRARY_EDITORS_SENTENCE, newsroomLibraryEntrySchema, type LibraryKind } from '../../../shared/library/newsroomLibrary';
import type { StyleRule, StyleRuleInput } from '../../../shared/language/style/rules';
import { followLibraryInDoc } from '../../../shared/sync/libraryBlocksInDoc';
import type { ArticleStatus } from '../../../shared/model/article';
import type { ArticleStore } from '../store/articleStore';
import type { ChangedLibraryEntry, LibraryStore } from '../store/libraryStore';
import { ServerApiError } from './serverApi';
import type { SyncEngine } from './syncEngine';

/** Blocks of approved and exported articles are frozen; they never follow the library again. */
const SETTLED: readonly ArticleStatus[] = ['approved', 'exported'];

export const LIBRARY_NEEDS_CONNECTION =
  'The newsroom’s library changes need a connection to the newsroom server. Nothing was changed, and what you typed is still in the form: save again when the desk is online.';

type Stores = { engine: SyncEngine; library: LibraryStore; articles: ArticleStore };

/** Fetches what changed since the last fetch, stores it, and lets newsroom articles follow. Returns how many entries changed. */
export async function fetchNewsroomLibrary({ engine, library, articles }: Stores): Promise<number> {
  const link = engine.libraryApi();
  if (!link || link.paused) return 0;
  let answer;
  try {
    answer = await link.api.library(library.newsroomSequence(link.serverUrl));
  } catch (error) {
    link.failed(error);
    throw error;
  }
  const changed = library.applyNewsroomEntries(link.serverUrl, answer.entries, answer.sequence);
  followNewsroomArticles({ engine, library, articles }, changed);
  return changed.length;
}

/** Newsroom articles this account may edit take the changed entries' words in their synced blocks. */
export function followNewsroomArticles({ engine, articles }: Stores, changed: readonly ChangedLibraryEntry[]): number {
  let moved = 0;
  for (const source of changed) {
    const needle = source.kind === 'author-bio' ? `"authorId":${JSON.stringify(source.entry.id)}` : `"templateId":${JSON.stringify(source.entry.id)}`;
    for (const article of articles.bodiesMentioning(needle, SETTLED, 'newsroom')) {
      // A read-only article would keep the edit waiting for ever: its editors' desks move it.
      if (!engine.isNewsroomArticle(article.id) || engine.knownAccess(article.id) !== 'write') continue;
      if (engine.editInBackground(article.id, (doc) => followLibraryInDoc(doc, source) > 0)) moved++;
    }
  }
  return moved;
}

type Change<I> = { baseVersion?: number; data?: I; archived?: boolean };

/**
 * An editor's change to a newsroom entry (or a new entry, without `baseVersion`): the server first,
 * then this desk. Writers, an offline desk and a stale version are refused with a sentence.
 */
async function changeNewsroomEntry<I>(stores: Stores, kind: LibraryKind, id: string, change: Change<I>): Promise<ChangedLibraryEntry | undefined> {
  const { engine, library } = stores;
  const link = engine.libraryApi();
  if (!link) throw new AppError('NOT_ALLOWED', 'Sign in to the newsroom server to change the newsroom’s library.');
  if (engine.currentAccount()?.role !== 'editor') throw new AppError('NOT_ALLOWED', LIBRARY_EDITORS_SENTENCE);
  if (link.paused) throw new AppError('NOT_ALLOWED', LIBRARY_NEEDS_CONNECTION);
  let entry;
  try {
    entry = await link.api.changeLibrary(kind, id, change);
  } catch (error) {
    if (error instanceof ServerApiError && error.problem === 'offline') throw new AppError('NOT_ALLOWED', LIBRARY_NEEDS_CONNECTION);
    if (error instanceof ServerApiError && error.status === 409) {
      // The current entry comes with the refusal: this desk shows it from now on.
      const current = newsroomLibraryEntrySchema.safeParse((error.body as { entry?: unknown } | undefined)?.entry);
      if (current.success) followNewsroomArticles(stores, library.applyNewsroomEntries(link.serverUrl, [current.data]));
      throw new AppError('CONFLICT', error.message, current.success ? { currentVersion: current.data.version } : undefined);
    }
    link.failed(error);
    throw new AppError('NOT_ALLOWED', (error as Error).message);
  }
  const changed = library.applyNewsroomEntries(link.serverUrl, [entry]);
  followNewsroomArticles(stores, changed);
  return changed[0];
}

/**
 * The desk's library calls, routed: the newsroom's entries (and, for a signed-in editor, new ones) go
 * through the server; this desk's own entries stay its own and are edited here as before.
 */
export function newsroomLibrary(stores: () => Stores | undefined) {
  const newsroomEntry = (kind: LibraryKind, id: string) => {
    const s = stores();
    return s && s.library.newsroomOf(kind, id) !== undefined ? s : undefined;
  };
  const editorSignedIn = () => {
    const s = stores();
    return s && s.engine.libraryApi() && s.engine.currentAccount()?.role === 'editor' ? s : undefined;
  };
  return {
    /** Undefined when the entry is this desk's own (the caller edits it locally). */
    async updateAuthor(id: string, baseVersion: number, author: AuthorInput): Promise<LibraryEditResult<AuthorEntry> | undefined> {
      const s = newsroomEntry('author', id);
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'author', id, { baseVersion, data: author });
      return { entry: s.library.getAuthor(id), updatedArticles: 0 };
    },
    async updateDisclosure(id: string, baseVersion: number, disclosure: DisclosureInput): Promise<LibraryEditResult<DisclosureEntry> | undefined> {
      const s = newsroomEntry('disclosure', id);
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'disclosure', id, { baseVersion, data: disclosure });
      return { entry: s.library.getDisclosure(id), updatedArticles: 0 };
    },
    async setAuthorArchived(id: string, archived: boolean): Promise<AuthorEntry | undefined> {
      const s = newsroomEntry('author', id);
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'author', id, { baseVersion: s.library.getAuthor(id).version, archived });
      return s.library.getAuthor(id);
    },
    async setDisclosureArchived(id: string, archived: boolean): Promise<DisclosureEntry | undefined> {
      const s = newsroomEntry('disclosure', id);
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'disclosure', id, { baseVersion: s.library.getDisclosure(id).version, archived });
      return s.library.getDisclosure(id);
    },
    /** A signed-in editor's new entry is the newsroom's; undefined otherwise (a desk-only entry). */
    async createAuthor(id: string, author: AuthorInput): Promise<AuthorEntry | undefined> {
      const s = editorSignedIn();
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'author', id, { data: author });
      return s.library.getAuthor(id);
    },
    async createDisclosure(id: string, disclosure: DisclosureInput): Promise<DisclosureEntry | undefined> {
      const s = editorSignedIn();
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'disclosure', id, { data: disclosure });
      return s.library.getDisclosure(id);
    },
    /** The newsroom's house-style rules, and a signed-in editor's new ones, change on the server first. */
    async createStyleRule(id: string, rule: StyleRuleInput): Promise<StyleRule | undefined> {
      const s = editorSignedIn();
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'style-rule', id, { data: rule });
      return s.library.styles.getRule(id);
    },
    /**
     * A signed-in editor's change to one of this desk's own rules (the starter set) shares it: the
     * newsroom gets it under the same id. If another desk shared it first, the newsroom's is shown.
     */
    async updateStyleRule(id: string, baseVersion: number, rule: StyleRuleInput): Promise<StyleRule | undefined> {
      const s = newsroomEntry('style-rule', id);
      const shared = s ?? editorSignedIn();
      if (!shared) return undefined;
      await changeNewsroomEntry(shared, 'style-rule', id, s ? { baseVersion, data: rule } : { data: rule });
      return shared.library.styles.getRule(id);
    },
    async setStyleRuleArchived(id: string, archived: boolean): Promise<StyleRule | undefined> {
      const s = newsroomEntry('style-rule', id);
      if (!s) return undefined;
      await changeNewsroomEntry(s, 'style-rule', id, { baseVersion: s.library.styles.getRule(id).version, archived });
      return s.library.styles.getRule(id);
    },
    /** Newsroom entries are archived, never deleted (an article anywhere may show one). */
    refuseDelete(kind: LibraryKind, id: string): void {
      if (newsroomEntry(kind, id))
        throw new AppError(
          'NOT_ALLOWED',
          'The newsroom’s library entries are never deleted: an editor archives them instead, so every article that shows one stays correct.',
        );
    },
  };
}
