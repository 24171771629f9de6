/**
 * Listening to an editor's changes from several places (comments, spelling). Each used to wrap
 * `editor.onChange` and put its saved copy back on cleanup, which dropped whatever had wrapped it
 * since: a new article's spelling never heard of the typing once the comments re-attached. One
 * wrapper per editor, with a set of listeners that come and go.
 */
import type { Editor, Operation } from 'slate';

type ChangeListener = (options?: { operation?: Operation }) => void;

const listenersOf = new WeakMap<Editor, Set<ChangeListener>>();

/** Calls `listener` after each change of `editor`; returns the way to stop. */
export function onEditorChange(editor: Editor, listener: ChangeListener): () => void {
  let listeners = listenersOf.get(editor);
  if (!listeners) {
    const all = new Set<ChangeListener>();
    listeners = all;
    listenersOf.set(editor, all);
    const onChange = editor.onChange;
    editor.onChange = (options) => {
      onChange(options);
      // A snapshot: a listener added while this change is told does not hear it.
      for (const l of Array.from(all)) l(options);
    };
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
