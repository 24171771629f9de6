/**
 * Whether an editor is suggesting, and as whom. The renderer keeps the mode per article view and
 * hands the editor a source to ask; transforms ask at each change, so switching takes effect at once.
 */
import type { Editor } from 'slate';
import type { SuggestionMeta } from '../model/suggestions';

export type SuggestionAuthor = {
  authorId: string;
  authorName: string;
  /** Overridable for tests; ids default to random UUIDs and times to the clock. */
  newId?: () => string;
  now?: () => Date;
};

const sources = new WeakMap<Editor, () => SuggestionAuthor | null>();

/** `source` answers null while the editor edits directly. */
export function setSuggestionSource(editor: Editor, source: () => SuggestionAuthor | null): void {
  sources.set(editor, source);
}

export function suggestingAuthor(editor: Editor): SuggestionAuthor | null {
  return sources.get(editor)?.() ?? null;
}

/** Runs `change` as a direct edit even while suggesting (accepting, rejecting, normalizing helpers). */
export function editingDirectly<T>(editor: Editor, change: () => T): T {
  const source = sources.get(editor);
  if (!source) return change();
  sources.set(editor, () => null);
  try {
    return change();
  } finally {
    sources.set(editor, source);
  }
}

export function newSuggestionMeta(author: SuggestionAuthor, id?: string): SuggestionMeta {
  return {
    id: id ?? author.newId?.() ?? globalThis.crypto.randomUUID(),
    authorId: author.authorId,
    authorName: author.authorName,
    at: (author.now?.() ?? new Date()).toISOString(),
  };
}
