/**
 * Binds a Slate editor to an article's Yjs document with @slate-yjs/core 1.0.2, with the fix we carry.
 *
 * The fix: @slate-yjs/core records local Slate operations with a snapshot of the editor's children and
 * writes them to Yjs only later, in `onChange` (a microtask). Operations that Slate's normalization
 * makes right after a remote change are local too, so they wait for that microtask as well. If another
 * remote update reaches the document first (two updates applied in one task), the library writes the
 * waiting operations against a Yjs tree that has moved on: at best "Path doesn't match yText" /
 * "Cannot find a descendant at path", at worst text at the wrong place. So:
 * - after applying remote events, the operations they caused are written at once (Yjs and Slate agree
 *   again before anything else can touch the document);
 * - remote updates go through `applyRemoteUpdate`, which first writes what the writer typed in this task.
 */
import type { Editor } from 'slate';
import { withYHistory, withYjs, YjsEditor, type YHistoryEditor } from '@slate-yjs/core';
import * as Y from 'yjs';
import { bodyType } from './articleDoc';

export type SyncedEditor = YjsEditor & YHistoryEditor;

/** The editor bound to the document's body, with its undo history (`withYHistory`). Call `YjsEditor.connect` next. */
export function withArticleBody<E extends Editor>(editor: E, doc: Y.Doc): E & SyncedEditor {
  const bound = withYHistory(withYjs(editor, bodyType(doc)));
  const { applyRemoteEvents } = bound;
  bound.applyRemoteEvents = (events, origin) => {
    applyRemoteEvents(events, origin);
    // What normalization did after the remote change, written now rather than in onChange.
    if (YjsEditor.connected(bound)) YjsEditor.flushLocalChanges(bound);
  };
  return bound;
}

/** Applies an update from elsewhere (the desk's engine, another desk) to the editor's document. */
export function applyRemoteUpdate(editor: YjsEditor, update: Uint8Array, origin: unknown): void {
  // Local operations still waiting describe the document as it is now: write them before it changes.
  if (YjsEditor.connected(editor)) YjsEditor.flushLocalChanges(editor);
  Y.applyUpdate(editor.sharedRoot.doc!, update, origin);
}
