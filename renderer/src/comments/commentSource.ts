/**
 * Where the open article's comments live: the desk's database for its own articles, the article's
 * Yjs document for a newsroom article (shared/sync/articleComments), where they sync with the text.
 * The sidebar and the controller use either through this one shape.
 */
import * as Y from 'yjs';
import type { Editor } from 'slate';
import type { YjsEditor } from '@slate-yjs/core';
import type { CommentAnchor } from '../../../shared/comments/anchors';
import type { CommentThread } from '../../../shared/model/review';
import { addReply, addThread, commentsMap, readThreads, setThreadResolved, type CommentAuthor } from '../../../shared/sync/articleComments';
import { commentPosition, commentThreadsOf } from '../../../shared/sync/commentAnchors';
import { call } from '../api/call';
import type { AnchorSaver } from './commentController';

export type CommentSource = {
  /** The threads as they are now. */
  list(): Promise<CommentThread[]>;
  /** With `suggestionId`, the thread holds the replies to that suggestion. */
  create(anchor: CommentAnchor, text: string, suggestionId?: string): Promise<CommentThread>;
  reply(threadId: string, text: string): Promise<CommentThread>;
  resolve(threadId: string, resolved: boolean): Promise<CommentThread>;
  /** Keeps anchors that the open editor moved (the desk's own articles only). */
  saveAnchors: AnchorSaver;
  /**
   * For comments that others add: called on every change of the threads, with the new list.
   * Present when anchors follow the text by themselves (they are never searched for by quote).
   */
  subscribe?: (listener: (threads: CommentThread[]) => void) => () => void;
};

/** The desk's own article: comments in its database, through IPC. */
export function deskCommentSource(articleId: string): CommentSource {
  return {
    list: () => call('listComments', { articleId }),
    create: (anchor, text, suggestionId) => call('createComment', { articleId, anchor, text, ...(suggestionId ? { suggestionId } : {}) }),
    reply: (threadId, text) => call('replyToComment', { threadId, text }),
    resolve: (threadId, resolved) => call('resolveComment', { threadId, resolved }),
    saveAnchors: (anchors) => call('updateCommentAnchors', { articleId, anchors }),
  };
}

const sharedRootOf = (editor: Editor): Y.XmlText => (editor as unknown as YjsEditor).sharedRoot;

/**
 * A newsroom article: comments in its document (`doc`, the view's own copy, which is pushed to the
 * desk like any edit), written under the signed-in account's name; the server refuses any other.
 */
export function syncedCommentSource(articleId: string, doc: Y.Doc, editor: () => Editor | undefined, author: () => CommentAuthor | undefined): CommentSource {
  // Before the editor is bound, every thread reads as orphaned (no anchor), as it did.
  const threads = (): CommentThread[] => {
    const bound = editor();
    return bound
      ? commentThreadsOf(doc, articleId, bound, sharedRootOf(bound))
      : readThreads(doc).map(({ start: _s, end: _e, ...rest }) => ({ ...rest, articleId, anchor: undefined }));
  };
  const one = (id: string): CommentThread => {
    const found = threads().find((t) => t.id === id);
    if (!found) throw new Error('That comment no longer exists.');
    return found;
  };
  const signedIn = (): CommentAuthor => {
    const who = author();
    if (!who) throw new Error('Sign in to the newsroom server to comment on a newsroom article.');
    return who;
  };
  return {
    list: async () => threads(),
    create: async (anchor, text, suggestionId) => {
      const bound = editor();
      if (!bound) throw new Error('The article is still opening; try again in a moment.');
      const who = signedIn();
      const id = addThread(
        doc,
        {
          start: commentPosition(sharedRootOf(bound), bound, anchor.anchor, 'start'),
          end: commentPosition(sharedRootOf(bound), bound, anchor.focus, 'end'),
          quote: anchor.quote,
          text,
          suggestionId,
        },
        who,
      );
      return one(id);
    },
    reply: async (threadId, text) => (addReply(doc, threadId, text, signedIn()), one(threadId)),
    resolve: async (threadId, resolved) => (setThreadResolved(doc, threadId, resolved, signedIn()), one(threadId)),
    // Positions in the document follow the text by themselves.
    saveAnchors: async () => undefined,
    subscribe: (listener) => {
      const map = commentsMap(doc);
      // After the transaction: a colleague's text arrives with their comment, and the editor takes it
      // in the same transaction's observers; positions are read once both are in.
      const changed = () => queueMicrotask(() => listener(threads()));
      map.observe(changed);
      return () => map.unobserve(changed);
    },
  };
}
