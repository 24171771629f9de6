/** The comment threads of the open article in document order, with the new-comment form (Ctrl/Cmd+Alt+M). */
import { useEffect, useRef, useState } from 'react';
import { Range, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { anchorFromRange, compareAnchors } from '../../../shared/comments/anchors';
import type { ArticleBody } from '../../../shared/model/document';
import type { CommentThread } from '../../../shared/model/review';
import { errorMessage } from '../api/call';
import { syncSelectionFromDom } from '../editor/keyboardSelection';
import type { CommentSource } from './commentSource';
import type { CommentsState } from './useComments';

type Props = {
  comments: CommentsState;
  canComment: boolean;
  /** Why comments cannot be added or answered now, said in place of the buttons. */
  lockedReason?: string | undefined;
  /** Called when a new comment is started, so a hidden sidebar can show itself. */
  onCompose?: () => void;
};

/** Anchored threads in document order, then orphaned ones. */
export function orderThreads(threads: readonly CommentThread[]): CommentThread[] {
  const anchored = threads.filter((t) => t.anchor).sort((a, b) => compareAnchors(a.anchor!, b.anchor!));
  return [...anchored, ...threads.filter((t) => !t.anchor)];
}

function when(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function CommentsSidebar({ comments, canComment, lockedReason, onCompose }: Props) {
  const { controller, threads, activeId, setActiveId } = comments;
  const [draft, setDraft] = useState('');
  const [composing, setComposing] = useState(false);
  const [showResolved, setShowResolved] = useState(false);
  const [error, setError] = useState('');
  const draftRef = useRef<HTMLTextAreaElement>(null);

  const startComment = () => {
    const editor = controller.editor;
    if (editor) syncSelectionFromDom(editor);
    const selection = editor?.selection;
    if (!editor || !selection || Range.isCollapsed(selection)) {
      setError('Select some text in the body first, then comment (Ctrl+Alt+M).');
      return;
    }
    controller.pending = anchorFromRange(editor.children as ArticleBody, selection);
    if (!controller.pending) return;
    setError('');
    setComposing(true);
    onCompose?.();
    requestAnimationFrame(() => draftRef.current?.focus());
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === 'KeyM') {
        e.preventDefault();
        if (canComment) startComment();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const run = async (fn: () => Promise<CommentThread>) => {
    try {
      controller.put(await fn());
      setError('');
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  const submit = async () => {
    const anchor = controller.pending;
    if (!anchor) {
      setError('The selected text was deleted; select the text again.');
      return;
    }
    if (await run(() => comments.source.create(anchor, draft))) {
      controller.pending = undefined;
      setDraft('');
      setComposing(false);
    }
  };

  const select = (thread: CommentThread) => {
    setActiveId(thread.id);
    const editor = controller.editor;
    if (!editor || !thread.anchor) return;
    try {
      Transforms.select(editor, { anchor: thread.anchor.anchor, focus: thread.anchor.focus });
      ReactEditor.focus(editor);
    } catch {
      // The anchor is being saved after an edit; the next render has it.
    }
  };

  const visible = orderThreads(threads).filter((t) => showResolved || !t.resolved);
  const open = threads.filter((t) => !t.resolved).length;

  return (
    <section className="review-section comments-sidebar" aria-label="Comments">
      <header className="review-section-header">
        <h2>Comments</h2>
        <span className="muted">{open} open</span>
      </header>
      {canComment && (
        <div className="button-row">
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={startComment} title="Comment on the selected text (Ctrl+Alt+M)">
            Comment on selection
          </button>
          <label className="inline-check">
            <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
          </label>
        </div>
      )}
      {lockedReason && <p className="muted">{lockedReason} Comments can be read but not added or answered.</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {composing && (
        <form
          className="comment-form"
          aria-label="New comment"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <blockquote className="comment-quote">{controller.pending?.quote}</blockquote>
          <textarea ref={draftRef} aria-label="Comment" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="button-row end">
            <button type="button" onClick={() => (setComposing(false), (controller.pending = undefined))}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!draft.trim()}>
              Add comment
            </button>
          </div>
        </form>
      )}
      {visible.length === 0 && !composing && (
        <p className="muted">{threads.length ? 'No open comments.' : 'No comments yet. Select text and press Ctrl+Alt+M.'}</p>
      )}
      <ol className="comment-threads">
        {visible.map((t) => (
          <ThreadItem
            key={t.id}
            thread={t}
            active={t.id === activeId}
            onSelect={() => select(t)}
            run={run}
            source={comments.source}
            canAnswer={!lockedReason}
          />
        ))}
      </ol>
    </section>
  );
}

function ThreadItem({
  thread,
  active,
  onSelect,
  run,
  source,
  canAnswer,
}: {
  source: CommentSource;
  canAnswer: boolean;
  thread: CommentThread;
  active: boolean;
  onSelect: () => void;
  run: (fn: () => Promise<CommentThread>) => Promise<boolean>;
}) {
  const [reply, setReply] = useState('');
  const first = thread.messages[0];
  const label = `Comment by ${first?.by ?? 'someone'} on “${thread.quote}”`;
  return (
    <li className={`comment-thread${active ? ' active' : ''}${thread.resolved ? ' resolved' : ''}`} aria-label={label}>
      <button type="button" className="comment-quote-button" onClick={onSelect} title="Show in the text">
        <blockquote className="comment-quote">{thread.quote}</blockquote>
      </button>
      {!thread.anchor && <p className="orphaned">The commented text was deleted.</p>}
      {thread.resolved && <p className="muted">Resolved by {thread.resolvedBy}</p>}
      <ul className="comment-messages">
        {thread.messages.map((m) => (
          <li key={m.id}>
            <span className="comment-by">
              {m.by}{' '}
              <span className="muted">
                ({m.role}, {when(m.at)})
              </span>
            </span>
            <p>{m.text}</p>
          </li>
        ))}
      </ul>
      {!thread.resolved && canAnswer && (
        <form
          className="comment-reply"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => source.reply(thread.id, reply)).then((ok) => ok && setReply(''));
          }}
        >
          <input aria-label="Reply" placeholder="Reply…" value={reply} onChange={(e) => setReply(e.target.value)} />
          <button type="submit" disabled={!reply.trim()}>
            Reply
          </button>
        </form>
      )}
      {canAnswer && (
        <div className="button-row">
          <button type="button" onClick={() => void run(() => source.resolve(thread.id, !thread.resolved))}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      )}
    </li>
  );
}
