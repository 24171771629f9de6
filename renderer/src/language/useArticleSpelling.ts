/**
 * What the body editor needs to check an article's spelling: its language, and the words known in
 * it (the newsroom dictionary, names in the byline, dateline and tags, words ignored in the article),
 * with the two ways to add to them.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { KnownWords, namesAsWords } from '../../../shared/language/spelling';
import { call } from '../api/call';
import { useLibraryRevision } from '../libraries/newsroomEntry';
import type { SpellingOptions } from './useSpelling';

/** The newsroom dictionary, once per page for every open article. */
const newsroom = {
  words: [] as readonly string[],
  loaded: false,
  revision: 0,
  listeners: new Set<() => void>(),
  set(words: readonly string[]) {
    this.words = words;
    for (const l of this.listeners) l();
  },
  async load() {
    this.loaded = true;
    try {
      this.set((await call('listDictionaryWords', {})).map((w) => w.word));
    } catch {
      // No database yet (or it went away): no newsroom words; the next article opened asks again.
      this.loaded = false;
    }
  },
};
const subscribe = (listener: () => void) => {
  newsroom.listeners.add(listener);
  return () => newsroom.listeners.delete(listener);
};
const snapshot = () => newsroom.words;

export type SpellingFields = { bylineAuthorIds: readonly string[]; dateline: string; tags: readonly string[] };

const NO_NAMES: readonly string[] = [];
const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

export function useArticleSpelling(
  articleId: string,
  fields: SpellingFields,
  /** The article's language (BCP 47). */
  language = 'en-US',
): SpellingOptions {
  const newsroomWords = useSyncExternalStore(subscribe, snapshot);
  // Again whenever the newsroom server's library (and with it the dictionary) brought changes.
  const libraryRevision = useLibraryRevision();
  useEffect(() => {
    if (!newsroom.loaded || libraryRevision > newsroom.revision) {
      newsroom.revision = libraryRevision;
      void newsroom.load();
    }
  }, [libraryRevision]);

  const [ignored, setIgnored] = useState<readonly string[]>(NO_NAMES);
  useEffect(() => {
    let live = true;
    call('listIgnoredWords', { articleId }).then(
      (words) => live && setIgnored((was) => (sameWords(was, words) ? was : words)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [articleId]);

  const bylineKey = fields.bylineAuthorIds.join('\n');
  const [authorNames, setAuthorNames] = useState<readonly string[]>(NO_NAMES);
  useEffect(() => {
    const ids = new Set(bylineKey ? bylineKey.split('\n') : []);
    // The same empty list, not a new one: a new one makes new known words, and with them the editor decorates every block again.
    if (!ids.size) return setAuthorNames(NO_NAMES);
    let live = true;
    call('listAuthors', { includeArchived: true }).then(
      (authors) => {
        const names = authors.filter((a) => ids.has(a.id)).map((a) => a.name);
        if (live) setAuthorNames((was) => (sameWords(was, names) ? was : names));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bylineKey]);

  const tagsKey = fields.tags.join('\n');
  const known = useMemo(
    () => new KnownWords([...newsroomWords, ...ignored, ...namesAsWords([...authorNames, fields.dateline, ...(tagsKey ? tagsKey.split('\n') : [])])]),
    [newsroomWords, ignored, authorNames, fields.dateline, tagsKey],
  );

  const onAddWord = useCallback(async (word: string) => {
    const added = await call('addDictionaryWord', { word });
    newsroom.set([...newsroom.words, added.word]);
  }, []);
  const onIgnoreWord = useCallback(async (word: string) => setIgnored(await call('ignoreWord', { articleId, word })), [articleId]);

  return useMemo(() => ({ language, known, onAddWord, onIgnoreWord }), [language, known, onAddWord, onIgnoreWord]);
}
