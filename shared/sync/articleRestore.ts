/**
 * Restoring an earlier version of a newsroom article: its content written into the article's Yjs
 * document as an ordinary edit, so it syncs to every desk, is judged by the server like typing, and
 * can be undone. The edit is kept small: top-level blocks the version shares with the document at
 * its start and end stay the same Yjs items (a colleague typing in them meanwhile keeps their words,
 * comments anchored in them keep their place); text details change by their smallest edit
 * (`setTextField`), the others only when their value differs. Comments are not content: untouched.
 */
import * as Y from 'yjs';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import type { ArticleFields } from '../model/article';
import type { ArticleBody } from '../model/document';
import { bodyType, normalizeBody, writeDetailsToDoc } from './articleDoc';

/** JSON with object keys in order: a block read back from Yjs may list its marks in another order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The origin a desk restores under; its editor's undo manager tracks it, so Ctrl+Z takes the restore back. */
export const RESTORE_ORIGIN = Symbol('restore');

/** Replaces the document's content with `fields`, in one transaction under `origin`. */
export function replaceArticleContent(doc: Y.Doc, fields: ArticleFields, origin: unknown = null): void {
  const { body, ...details } = fields;
  doc.transact(() => {
    replaceBody(bodyType(doc), normalizeBody(body));
    writeDetailsToDoc(doc, details, origin);
  }, origin);
}

function replaceBody(root: Y.XmlText, next: ArticleBody): void {
  // Each top-level block is one embedded Y.XmlText: one unit of the root's length.
  const current = root.length === 0 ? [] : normalizeBody(yTextToSlateElement(root).children as unknown as ArticleBody);
  // A root holding anything but one embed per block (no desk writes that): replaced whole.
  if (current.length !== root.length) {
    root.delete(0, root.length);
    root.applyDelta(slateNodesToInsertDelta(next as unknown as SlateNode[]), { sanitize: false });
    return;
  }
  let start = 0;
  while (start < current.length && start < next.length && same(current[start], next[start])) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && same(current[current.length - 1 - end], next[next.length - 1 - end])) end++;
  const removed = current.length - start - end;
  const inserted = next.slice(start, next.length - end);
  if (removed === 0 && inserted.length === 0) return;
  root.applyDelta(
    [...(start > 0 ? [{ retain: start }] : []), ...(removed > 0 ? [{ delete: removed }] : []), ...slateNodesToInsertDelta(inserted as unknown as SlateNode[])],
    { sanitize: false },
  );
}
