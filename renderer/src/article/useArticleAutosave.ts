/** Binds an Autosave to React state and to the window's close and reload events. */
import { useEffect, useMemo, useState } from 'react';
import type { Article, ArticlePatch } from '../../../shared/model/article';
import { call } from '../api/call';
import { api } from '../api/transport';
import { Autosave, type SaveState } from './autosave';

/** Open autosavers, so closing the window flushes every one. */
const open = new Set<Autosave>();
/** For each open article, its whole local text: what a closing window keeps when it cannot save over the stored one. */
const localCopies = new Map<Autosave, () => ArticlePatch>();

/** Lets a unit test put an autosaver in the open set without mounting a view. */
export function trackForTests(autosave: Autosave): () => void {
  open.add(autosave);
  return () => open.delete(autosave);
}

/** Registers how to read an open article's local fields and body; returns the unregister function. */
export function registerLocalCopy(autosave: Autosave, read: () => ArticlePatch): () => void {
  localCopies.set(autosave, read);
  return () => {
    if (localCopies.get(autosave) === read) localCopies.delete(autosave);
  };
}

/**
 * The window is closing and an article is in conflict (changed in another window):
 * its text is kept as a new article rather than lost or written over the other.
 */
export async function keepConflictedCopies(): Promise<void> {
  for (const a of open) {
    const read = localCopies.get(a);
    if (!a.dirty || a.saveState.kind !== 'conflict' || !read) continue;
    const mine = read();
    const stamp = new Date().toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
    await call('createArticle', { fields: { ...mine, headline: `${mine.headline ?? ''} (unsaved copy, ${stamp})`.trim().slice(0, 300) } }).catch(
      () => undefined,
    );
  }
}

export async function flushAllAutosaves(): Promise<void> {
  await Promise.all([...open].map((a) => a.flush().catch(() => undefined)));
}

/**
 * Why the open article cannot be left yet: edits a flush could not store (a conflict
 * waiting for the writer's choice, or a failed save) would be dropped with the view.
 */
export function unsavedEditsMessage(): string | undefined {
  for (const a of open) {
    if (!a.dirty) continue;
    if (a.saveState.kind === 'conflict')
      return 'Your changes to this article could not be saved: it was changed in another window. Choose a version in the banner first.';
    if (a.saveState.kind === 'error') return `Your changes to this article could not be saved yet (${a.saveState.message}). Retry before leaving it.`;
  }
  return undefined;
}

/** Saves everything, then refuses (throws) when the open article still holds edits that were not stored. */
export async function flushBeforeLeaving(): Promise<void> {
  await flushAllAutosaves();
  const unsaved = unsavedEditsMessage();
  if (unsaved) throw new Error(unsaved);
}

let closeHooksInstalled = false;
function installCloseHooks() {
  if (closeHooksInstalled) return;
  closeHooksInstalled = true;
  // Electron: the shell waits for us to flush before it closes the window.
  api.onBeforeClose?.(() => {
    void flushAllAutosaves()
      .then(keepConflictedCopies)
      .finally(() => api.notifyFlushed?.());
  });
  // Browser host: start the save and ask the browser to hold the page while it runs.
  window.addEventListener('beforeunload', (event) => {
    const dirty = [...open].some((a) => a.dirty);
    if (!dirty) return;
    void flushAllAutosaves();
    event.preventDefault();
  });
}

export function useArticleAutosave(article: Article) {
  const { id, version, updatedAt } = article;
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: updatedAt });
  // One autosaver per loaded article version (the store changes updatedAt only with the version);
  // a reload after a conflict makes a new one.
  const autosave = useMemo(
    () =>
      new Autosave({
        baseVersion: version,
        updatedAt,
        save: (baseVersion, patch) => call('saveArticle', { id, baseVersion, patch }),
        onState: setState,
      }),
    [id, version, updatedAt],
  );

  useEffect(() => {
    installCloseHooks();
    open.add(autosave);
    return () => {
      open.delete(autosave);
      // Switching articles: save what was typed; the flush outlives the component.
      void autosave.flush().finally(() => autosave.dispose());
    };
  }, [autosave]);

  return { autosave, state };
}
