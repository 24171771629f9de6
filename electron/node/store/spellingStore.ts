/**
 * Owner of `newsroom_words` (the newsroom dictionary on this desk), `newsroom_words_sync` (the last
 * change fetched from each newsroom server) and `article_ignored_words` (words ignored in one article).
 */
import { AppError } from '../../../shared/ipc/contract';
import type { DictionaryWord } from '../../../shared/ipc/channels/spelling';
import { isDictionaryWord } from '../../../shared/language/spelling';
import type { Clock } from './articleStore';
import type { Db } from './database';

export type { DictionaryWord };

/** Far above any newsroom's list of names and terms, far below what would slow loading it. */
export const MAX_NEWSROOM_WORDS = 50_000;
export const MAX_IGNORED_WORDS = 2_000;

type WordRow = { word: string; added_by: string; added_at: string; newsroom_url: string | null };

function toWord(row: WordRow): DictionaryWord {
  return { word: row.word, addedBy: row.added_by, addedAt: row.added_at, ...(row.newsroom_url ? { newsroomUrl: row.newsroom_url } : {}) };
}

function cleanWord(word: string): string {
  const w = word.trim();
  if (!isDictionaryWord(w))
    throw new AppError('INVALID_PAYLOAD', `“${w.slice(0, 80)}” is not one word, so it was not added (letters, with apostrophes or hyphens inside, up to 60).`);
  return w;
}

export function createSpellingStore(db: Db, clock: Clock = () => new Date()) {
  const s = {
    list: db.prepare<[], WordRow>(`SELECT word, added_by, added_at, newsroom_url FROM newsroom_words ORDER BY word COLLATE NOCASE`),
    get: db.prepare<[string], WordRow>(`SELECT word, added_by, added_at, newsroom_url FROM newsroom_words WHERE word = ?`),
    count: db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM newsroom_words`),
    insert: db.prepare<[string, string, string, string | null]>(
      `INSERT INTO newsroom_words (word, added_by, added_at, newsroom_url) VALUES (?, ?, ?, ?) ON CONFLICT (word) DO NOTHING`,
    ),
    markNewsroom: db.prepare<[string, string, string, string]>(
      `INSERT INTO newsroom_words (word, added_by, added_at, newsroom_url) VALUES (?, ?, ?, ?)
       ON CONFLICT (word) DO UPDATE SET newsroom_url = excluded.newsroom_url`,
    ),
    remove: db.prepare<[string]>(`DELETE FROM newsroom_words WHERE word = ?`),
    sequence: db.prepare<[string], { sequence: number }>(`SELECT sequence FROM newsroom_words_sync WHERE server_url = ?`),
    setSequence: db.prepare<[string, number, string]>(
      `INSERT INTO newsroom_words_sync (server_url, sequence, fetched_at) VALUES (?, ?, ?)
       ON CONFLICT (server_url) DO UPDATE SET sequence = excluded.sequence, fetched_at = excluded.fetched_at`,
    ),
    ignored: db.prepare<[string], { word: string }>(`SELECT word FROM article_ignored_words WHERE article_id = ? ORDER BY rowid`),
    ignoredCount: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM article_ignored_words WHERE article_id = ?`),
    ignore: db.prepare<[string, string]>(`INSERT INTO article_ignored_words (article_id, word) VALUES (?, ?) ON CONFLICT DO NOTHING`),
    unignore: db.prepare<[string, string]>(`DELETE FROM article_ignored_words WHERE article_id = ? AND word = ?`),
    articleExists: db.prepare<[string], { id: string }>(`SELECT id FROM articles WHERE id = ?`),
  };

  const roomFor = (n: number) => {
    if (s.count.get()!.n + n > MAX_NEWSROOM_WORDS)
      throw new AppError('NOT_ALLOWED', `The newsroom dictionary is full (${MAX_NEWSROOM_WORDS.toLocaleString('en-US')} words).`);
  };

  return {
    listWords(): DictionaryWord[] {
      return s.list.all().map(toWord);
    },

    /** Adds a word this desk's writer chose; a word already there (in any case) stays as it was. */
    addWord: db.transaction((word: string, addedBy: string): DictionaryWord => {
      const w = cleanWord(word);
      if (!s.get.get(w)) roomFor(1);
      s.insert.run(w, addedBy, clock().toISOString(), null);
      return toWord(s.get.get(w)!);
    }),

    /** Removes one of this desk's own words; the newsroom server's words are removed there. */
    removeWord: db.transaction((word: string): void => {
      const row = s.get.get(word.trim());
      if (!row) return;
      if (row.newsroom_url) throw new AppError('NOT_ALLOWED', `“${row.word}” is in the newsroom's shared dictionary; it is removed on the newsroom server.`);
      s.remove.run(row.word);
    }),

    /** Words a bundle carries: new ones are added as this desk's own, known ones left alone (none once full). Returns how many were new. */
    importWords: db.transaction((words: readonly string[], addedBy: string): number => {
      let added = 0;
      for (const word of words) {
        if (!isDictionaryWord(word) || s.get.get(word.trim())) continue;
        // A full dictionary takes no more, but the article still lands.
        if (s.count.get()!.n >= MAX_NEWSROOM_WORDS) break;
        s.insert.run(word.trim(), addedBy, clock().toISOString(), null);
        added++;
      }
      return added;
    }),

    /**
     * Words from a newsroom server, stored with its address. With `sequence` (a fetch), the next fetch
     * asks after it; without (a word this desk just added there), the fetch position stays.
     */
    applyNewsroomWords: db.transaction((serverUrl: string, words: readonly { word: string; addedBy: string; addedAt: string }[], sequence?: number): void => {
      for (const w of words) if (isDictionaryWord(w.word)) s.markNewsroom.run(w.word.trim(), w.addedBy, w.addedAt, serverUrl);
      if (sequence !== undefined) s.setSequence.run(serverUrl, sequence, clock().toISOString());
    }),

    newsroomSequence(serverUrl: string): number {
      return s.sequence.get(serverUrl)?.sequence ?? 0;
    },

    ignoredWords(articleId: string): string[] {
      return s.ignored.all(articleId).map((r) => r.word);
    },

    ignoreWord: db.transaction((articleId: string, word: string): string[] => {
      if (!s.articleExists.get(articleId)) throw new AppError('NOT_FOUND', 'That article is no longer here.');
      const w = cleanWord(word);
      if (s.ignoredCount.get(articleId)!.n >= MAX_IGNORED_WORDS)
        throw new AppError('NOT_ALLOWED', `This article already ignores ${MAX_IGNORED_WORDS.toLocaleString('en-US')} words.`);
      s.ignore.run(articleId, w);
      return s.ignored.all(articleId).map((r) => r.word);
    }),

    unignoreWord: db.transaction((articleId: string, word: string): string[] => {
      s.unignore.run(articleId, word.trim());
      return s.ignored.all(articleId).map((r) => r.word);
    }),

    /** A bundle's ignored words for the article it landed as (added to any it has). */
    importIgnoredWords: db.transaction((articleId: string, words: readonly string[]): void => {
      for (const word of words.slice(0, MAX_IGNORED_WORDS)) if (isDictionaryWord(word)) s.ignore.run(articleId, word.trim());
    }),
  };
}

export type SpellingStore = ReturnType<typeof createSpellingStore>;
