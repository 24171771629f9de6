/**
 * The newsroom dictionary on this desk (server/src/http/api.ts, /api/dictionary):
 *
 * - **Fetching**: words added after the last sequence this desk fetched are stored in its own
 *   dictionary (`spellingStore.applyNewsroomWords`, marked as the newsroom's), so checking works
 *   offline. Fetched with the library: on signing in, on reconnecting and with every list refresh.
 * - **Adding**: signed in and online, a word goes to the server first (any account may add) and then
 *   into this desk's dictionary as the newsroom's. Offline or solo, it is added on this desk only.
 */
import { AppError } from '../../../shared/ipc/contract';
import type { SpellingStore } from '../store/spellingStore';
import { ServerApiError } from './serverApi';
import type { SyncEngine } from './syncEngine';

type Stores = { engine: SyncEngine; spelling: SpellingStore };

/** Fetches every page of words added since the last fetch; returns how many arrived. */
export async function fetchNewsroomDictionary({ engine, spelling }: Stores): Promise<number> {
  const link = engine.libraryApi();
  if (!link || link.paused) return 0;
  let arrived = 0;
  // Pages of 5,000 words; the loop ends when the server says there are no more (bounded by its 50,000).
  for (let page = 0; page < 20; page++) {
    let answer;
    try {
      answer = await link.api.dictionary(spelling.newsroomSequence(link.serverUrl));
    } catch (error) {
      link.failed(error);
      throw error;
    }
    spelling.applyNewsroomWords(
      link.serverUrl,
      answer.words.map((w) => ({ word: w.word, addedBy: w.addedBy.name, addedAt: w.addedAt })),
      answer.sequence,
    );
    arrived += answer.words.length;
    if (!answer.more) break;
  }
  return arrived;
}

/** Adds a word through the newsroom server; false when there is none to reach (the caller adds it on this desk). */
export async function addNewsroomWord({ engine, spelling }: Stores, word: string): Promise<boolean> {
  const link = engine.libraryApi();
  if (!link || link.paused) return false;
  let added;
  try {
    added = await link.api.addDictionaryWord(word);
  } catch (error) {
    if (error instanceof ServerApiError && error.problem === 'offline') return false;
    if (error instanceof ServerApiError && error.problem === 'refused') throw new AppError('NOT_ALLOWED', error.message);
    link.failed(error);
    throw error;
  }
  spelling.applyNewsroomWords(link.serverUrl, [{ word: added.word, addedBy: added.addedBy.name, addedAt: added.addedAt }]);
  return true;
}
