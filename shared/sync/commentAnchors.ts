/**
 * Where a newsroom article's comment threads are in its body, as the desk's comment-thread shape.
 * The document keeps each thread's ends as Yjs relative positions (shared/sync/articleComments);
 * the renderer resolves them against its bound editor, the desk's process (export, import) against
 * the body read out of the document. Both go through here, so a thread is anchored the same way.
 */
import * as Y from 'yjs';
import { createEditor, type Descendant, type Node } from 'slate';
import { relativePositionToSlatePoint, slatePointToRelativePosition } from '@slate-yjs/core';
import type { AnchorPoint, CommentAnchor } from '../comments/anchors';
import type { BundleComment } from '../exchange/bundle';
import type { ArticleBody } from '../model/document';
import type { CommentThread } from '../model/review';
import { bodyType, docToArticleFields } from './articleDoc';
import { addImportedThread, readThreads, type CommentAuthor, type SyncedThread } from './articleComments';
import type { RelativePositionJson } from './presence';

/** A body as a Slate root, for resolving positions outside an editor. */
export function slateRootOf(body: ArticleBody): Node {
  const editor = createEditor();
  editor.children = body as Descendant[];
  return editor;
}

/** The body as Slate nodes, read out of the document: what positions resolve against outside an editor. */
export const bodyRootOf = (doc: Y.Doc): Node => slateRootOf(docToArticleFields(doc).body);

/** A point of `root` for a position in the body, or undefined when its text is gone. */
function pointOf(sharedRoot: Y.XmlText, root: Node, position: RelativePositionJson): AnchorPoint | undefined {
  try {
    return relativePositionToSlatePoint(sharedRoot, root, Y.createRelativePositionFromJSON(position)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Where a thread is in `root` now; undefined when its text was deleted (the thread is orphaned). */
export function threadAnchor(sharedRoot: Y.XmlText, root: Node, thread: Pick<SyncedThread, 'start' | 'end' | 'quote'>): CommentAnchor | undefined {
  const anchor = pointOf(sharedRoot, root, thread.start);
  const focus = pointOf(sharedRoot, root, thread.end);
  if (!anchor || !focus) return undefined;
  const collapsed = anchor.offset === focus.offset && anchor.path.join() === focus.path.join();
  return collapsed ? undefined : { anchor, focus, quote: thread.quote };
}

/**
 * The document's threads in the desk's shape, anchored in `root` (the bound editor, or by default the
 * body read out of the document), oldest first.
 */
export function commentThreadsOf(doc: Y.Doc, articleId: string, root?: Node, sharedRoot: Y.XmlText = bodyType(doc)): CommentThread[] {
  const threads = readThreads(doc);
  if (threads.length === 0) return [];
  const slateRoot = root ?? bodyRootOf(doc);
  return threads.map((t) => {
    const { start: _s, end: _e, ...rest } = t;
    return { ...rest, articleId, anchor: threadAnchor(sharedRoot, slateRoot, t) };
  });
}

/**
 * The position of a point of `root` in the body. The end of a comment holds on to the character
 * before it, so text typed right after the commented words stays outside, as it does while the
 * article is open.
 */
export function commentPosition(sharedRoot: Y.XmlText, root: Node, point: AnchorPoint, edge: 'start' | 'end'): RelativePositionJson {
  const doc = sharedRoot.doc;
  const at = doc && Y.createAbsolutePositionFromRelativePosition(slatePointToRelativePosition(sharedRoot, root, point), doc);
  if (!at) throw new Error('That text is not in the article any more; select it again.');
  return Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(at.type, at.index, edge === 'end' ? -1 : 0));
}

/**
 * Writes comment threads imported from a file into the document, each under `importer` with the
 * file's authors named (`addImportedThread`). Their anchors are paths in `body`, the body as the file
 * gave it and as it was written into the document (by default the body read out of it). A thread
 * whose text the file did not locate, or whose anchor is not in this body, is left out and counted.
 */
export function addImportedComments(
  doc: Y.Doc,
  comments: readonly BundleComment[],
  importer: CommentAuthor,
  body?: ArticleBody,
): { added: number; leftOut: number } {
  const sharedRoot = bodyType(doc);
  const root = body ? slateRootOf(body) : bodyRootOf(doc);
  let added = 0;
  let leftOut = 0;
  for (const c of comments) {
    let positions: { start: RelativePositionJson; end: RelativePositionJson } | undefined;
    try {
      positions =
        c.anchor && c.quote
          ? { start: commentPosition(sharedRoot, root, c.anchor.anchor, 'start'), end: commentPosition(sharedRoot, root, c.anchor.focus, 'end') }
          : undefined;
    } catch {
      positions = undefined;
    }
    const id =
      positions &&
      addImportedThread(
        doc,
        { ...positions, quote: c.quote, messages: c.messages, resolved: c.resolvedAt ? { by: c.resolvedBy, at: c.resolvedAt } : undefined },
        importer,
      );
    if (id) added++;
    else leftOut++;
  }
  return { added, leftOut };
}
