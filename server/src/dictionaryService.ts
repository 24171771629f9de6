/**
 * The newsroom dictionary operations of the API. Any signed-in account may add a word: writers meet
 * the names first, a word only ever makes checking quieter, and every addition is logged with who
 * made it. Removing words is not offered yet (an editor's job when it is).
 */
import { isDictionaryWord } from '../../shared/language/spelling';
import type { Account } from './storage/accounts';
import type { NewsroomWord } from './storage/dictionary';
import type { Storage } from './storage/storage';

/** Far above any newsroom's list of names and terms; a desk keeps the same limit. */
export const MAX_DICTIONARY_WORDS = 50_000;
/** Words per fetch: a desk asks again (after the last sequence) while `more` is true. */
export const DICTIONARY_PAGE = 5_000;

export type DictionaryResult = { ok: true; status: 200 | 201; word: NewsroomWord } | { ok: false; status: 400 | 403; reason: string };

export async function addDictionaryWord(storage: Storage, account: Account, word: string, now: Date): Promise<DictionaryResult> {
  if (account.disabled) return { ok: false, status: 403, reason: 'This account is disabled.' };
  const clean = word.trim();
  if (!isDictionaryWord(clean))
    return { ok: false, status: 400, reason: `“${clean.slice(0, 80)}” is not one word (letters, with apostrophes or hyphens inside, up to 60).` };
  if ((await storage.dictionary.count()) >= MAX_DICTIONARY_WORDS) {
    return { ok: false, status: 403, reason: `The newsroom dictionary is full (${MAX_DICTIONARY_WORDS.toLocaleString('en-US')} words).` };
  }
  const result = await storage.dictionary.add({ word: clean, by: { id: account.id, name: account.name }, now: now.toISOString() });
  return { ok: true, status: result.created ? 201 : 200, word: result.word };
}
