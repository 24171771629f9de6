/**
 * The margin beside the body: one card per comment thread and per suggestion, each at the top of
 * its text's first line, stacked in document order without overlap; the active card sits beside
 * its text (useMarginLayout). Clicking a card selects its text; moving the caret into commented or
 * suggested text makes its card the active one. Ctrl+Alt+M comments on the selection,
 * Ctrl+Alt+Shift+M goes to the card at the caret, arrows move between cards, Escape goes back.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Point, Range, Transforms, type BaseRange, type Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import { anchorFromRange, type CommentAnchor } from '../../../shared/comments/anchors';
import { ariaKeyshortcuts, describeHotkey, matchHotkeyTable } from '../../../shared/editor/hotkeys';
import type { ArticleBody } from '../../../shared/model/document';
import type { CommentThread } from '../../../shared/model/review';
import { errorMessage } from '../api/call';
import type { CommentSource } from '../comments/commentSource';
import type { CommentsState } from '../comments/useComments';
import { syncSelectionFromDom } from '../editor/keyboardSelection';
import { DESK_HOTKEYS, deskHotkeyFor } from '../editor/hotkeyTable';
import { fixTarget } from '../review/findingFixes';
import type { SuggestionSummary } from '../../../shared/suggestions/list';
import { itemAt, marginItems, type MarginItem } from './marginItems';
import { NARROW_QUERY, useMarginLayout } from './useMarginLayout';
import './margin.css';

export type SuggestionActions = {
  accept: (editor: Editor, id: string) => void;
  reject: (editor: Editor, id: string) => void;
};

type Props = {
  comments: CommentsState;
  suggestions: readonly SuggestionSummary[];
  canComment: boolean;
  /** Why comments cannot be added or answered now, said in place of the buttons. */
  lockedReason?: string | undefined;
  /** Accept and Reject; absent while the text is locked. */
  actions?: SuggestionActions | undefined;
};

const NEW_CARD = 'new-comment';

export function when(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Dark enough on white for text (WCAG AA); the name is always written beside it. */
const AUTHOR_COLOURS = ['#1a56db', '#b3261e', '#0f7b3f', '#8a4b00', '#6b21a8', '#0e7490', '#9d174d', '#3f6212'];
export function authorColour(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return AUTHOR_COLOURS[h % AUTHOR_COLOURS.length]!;
}

const cardDomId = (id: string) => `margin-card-${id.replace(/[^\w-]/g, '_')}`;

export function Margin({ comments, suggestions, canComment, lockedReason, actions }: Props) {
  const { controller, threads, activeId, setActiveId } = comments;
  const [showResolved, setShowResolved] = useState(false);
  const [composing, setComposing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const draftRef = useRef<HTMLTextAreaElement>(null);

  const items = useMemo(() => marginItems(threads, suggestions, showResolved), [threads, suggestions, showResolved]);
  const pending = composing ? controller.pending : undefined;
  const placed = useMemo(
    () => (pending ? [...items, { id: NEW_CARD, range: { anchor: pending.anchor, focus: pending.focus } as BaseRange }] : items),
    [items, pending],
  );
  // The composer goes in document order among the others.
  const ordered = useMemo(() => {
    if (!pending) return placed;
    const start = Range.start({ anchor: pending.anchor, focus: pending.focus });
    const at = items.findIndex((i) => i.range && Point.isBefore(start, Range.start(i.range)));
    const copy = [...items] as Array<{ id: string; range: BaseRange | undefined }>;
    copy.splice(at < 0 ? copy.length : at, 0, { id: NEW_CARD, range: { anchor: pending.anchor, focus: pending.focus } });
    return copy;
  }, [items, placed, pending]);
  const active = composing ? NEW_CARD : activeId;
  const { cardRef } = useMarginLayout(() => controller.editor, ordered, active, container);

  // The caret in commented or suggested text makes that card the active one.
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useEffect(
    () =>
      controller.onEditorChange((editor, op) => {
        if (op && op.type !== 'set_selection') return;
        const at = editor.selection?.anchor;
        if (!at) return;
        const found = itemAt(itemsRef.current, at);
        if (found && found.id !== activeId) setActiveId(found.id);
      }),
    [controller, activeId, setActiveId],
  );

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
    requestAnimationFrame(() => {
      const field = draftRef.current;
      field?.focus();
      // Focus shows the field; the whole form (its buttons) should be in view too: under the text in a
      // narrow window it comes to the middle, beside the text it is already in view.
      field?.closest('form')?.scrollIntoView({ block: window.matchMedia(NARROW_QUERY).matches ? 'center' : 'nearest' });
    });
  };

  const focusCard = (id: string | undefined) => {
    const list = itemsRef.current;
    const target = list.find((i) => i.id === id) ?? list[0];
    if (!target) {
      document.getElementById('margin-title')?.focus();
      return;
    }
    setActiveId(target.id);
    requestAnimationFrame(() => document.getElementById(cardDomId(target.id))?.focus());
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = matchHotkeyTable(DESK_HOTKEYS, e);
      if (command === 'comment') {
        e.preventDefault();
        if (canComment) startComment();
      } else if (command === 'margin') {
        e.preventDefault();
        const editor = controller.editor;
        if (editor) syncSelectionFromDom(editor);
        const at = editor?.selection?.anchor;
        const list = itemsRef.current;
        // The card at the caret, else the next one after it, else the first.
        const here = at && (itemAt(list, at) ?? list.find((i) => i.range && !Point.isBefore(Range.start(i.range), at)));
        focusCard(here ? here.id : undefined);
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

  /** Selects the item's text in the body, and keeps focus where it is unless asked to move it. */
  const select = (item: MarginItem, focusText: boolean) => {
    setActiveId(item.id);
    const editor = controller.editor;
    if (!editor || !item.range) return;
    try {
      Transforms.select(editor, item.range);
      if (focusText) ReactEditor.focus(editor);
    } catch {
      // The anchor is being saved after an edit; the next render has it.
    }
  };

  const onCardKey = (e: ReactKeyboardEvent<HTMLElement>, item: MarginItem) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      const editor = controller.editor;
      if (editor && item.range) select(item, true);
      else if (editor) ReactEditor.focus(editor);
      return;
    }
    // Arrows move between cards when the card itself has focus (not a field in it).
    if (e.target !== e.currentTarget) return;
    const i = items.findIndex((x) => x.id === item.id);
    const next =
      e.key === 'ArrowDown' ? items[i + 1] : e.key === 'ArrowUp' ? items[i - 1] : e.key === 'Home' ? items[0] : e.key === 'End' ? items.at(-1) : undefined;
    if (next) {
      e.preventDefault();
      focusCard(next.id);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      select(item, false);
    }
  };

  const replyTo = (item: MarginItem, text: string): Promise<CommentThread> => {
    if (item.kind === 'comment') return comments.source.reply(item.id, text);
    if (item.thread) return comments.source.reply(item.thread.id, text);
    const editor = controller.editor;
    const anchor: CommentAnchor | undefined = editor ? anchorFromRange(editor.children as ArticleBody, item.range) : undefined;
    // A suggested paragraph break or an empty block has no words to quote: its summary stands in.
    const quoted = anchor ?? { anchor: item.range.anchor, focus: item.range.focus, quote: item.summary };
    return comments.source.create(quoted, text, item.suggestion.id);
  };

  const open = threads.filter((t) => !t.resolved && !t.suggestionId).length;
  const canAnswer = canComment && !lockedReason;
  const marginKey = deskHotkeyFor('margin')!;

  return (
    <aside className="margin" aria-labelledby="margin-title" {...fixTarget('comments-tab')} tabIndex={-1}>
      <header className="margin-header">
        <h2 id="margin-title" tabIndex={-1} title={`Go to the card at the caret: ${describeHotkey(marginKey)}`}>
          Comments and suggestions
        </h2>
        <span className="muted">
          {open} open {open === 1 ? 'comment' : 'comments'}
          {suggestions.length ? `, ${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}` : ''}
        </span>
        {canComment && (
          <div className="button-row">
            <button
              type="button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={startComment}
              title="Comment on the selected text (Ctrl+Alt+M)"
              aria-keyshortcuts={ariaKeyshortcuts(deskHotkeyFor('comment')!)}
            >
              Comment
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
        {items.length === 0 && !composing && (
          <p className="muted margin-empty">
            {threads.length ? 'No open comments or suggestions.' : 'No comments or suggestions yet. Select text and press Ctrl+Alt+M to comment.'}
          </p>
        )}
      </header>
      <div className="margin-cards" ref={setContainer}>
        {ordered.map((placedItem) => {
          if (placedItem.id === NEW_CARD) {
            return (
              <form
                key={NEW_CARD}
                ref={cardRef(NEW_CARD)}
                className="margin-card active comment-form"
                aria-label="New comment"
                onSubmit={(e) => {
                  e.preventDefault();
                  void submit();
                }}
                onKeyDown={(e) => {
                  if (e.key !== 'Escape') return;
                  e.preventDefault();
                  setComposing(false);
                  controller.pending = undefined;
                  if (controller.editor) ReactEditor.focus(controller.editor);
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
            );
          }
          const item = placedItem as MarginItem;
          return (
            <Card
              key={item.id}
              item={item}
              active={item.id === activeId}
              cardRef={cardRef(item.id)}
              tabIndex={item.id === (activeId ?? items[0]?.id) ? 0 : -1}
              onSelect={(focusText) => select(item, focusText)}
              onKeyDown={(e) => onCardKey(e, item)}
              run={run}
              source={comments.source}
              canAnswer={canAnswer}
              reply={(text) => replyTo(item, text)}
              actions={actions && item.kind === 'suggestion' ? actions : undefined}
              editor={() => controller.editor}
            />
          );
        })}
      </div>
    </aside>
  );
}

type CardProps = {
  item: MarginItem;
  active: boolean;
  cardRef: (el: HTMLElement | null) => void;
  tabIndex: number;
  onSelect: (focusText: boolean) => void;
  onKeyDown: (e: ReactKeyboardEvent<HTMLElement>) => void;
  run: (fn: () => Promise<CommentThread>) => Promise<boolean>;
  source: CommentSource;
  canAnswer: boolean;
  reply: (text: string) => Promise<CommentThread>;
  actions: SuggestionActions | undefined;
  editor: () => Editor | undefined;
};

function Card({ item, active, cardRef, tabIndex, onSelect, onKeyDown, run, source, canAnswer, reply, actions, editor }: CardProps) {
  const [replyText, setReplyText] = useState('');
  const thread = item.thread;
  const isSuggestion = item.kind === 'suggestion';
  const messages = isSuggestion ? (thread?.messages ?? []) : (thread?.messages.slice(1) ?? []);
  const resolved = item.kind === 'comment' && item.thread.resolved;
  const label = isSuggestion
    ? `Suggestion by ${item.authorName || 'someone'}: ${item.summary}`
    : `Comment by ${item.authorName || 'someone'} on “${item.thread.quote}”`;
  const colour = isSuggestion ? authorColour(item.suggestion.authorId || item.authorName) : undefined;
  return (
    <article
      ref={cardRef}
      id={cardDomId(item.id)}
      className={`margin-card ${item.kind}${active ? ' active' : ''}${resolved ? ' resolved' : ''}`}
      aria-label={label}
      aria-current={active ? 'true' : undefined}
      data-card-id={item.id}
      tabIndex={tabIndex}
      style={colour ? { borderLeftColor: colour } : undefined}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        // Fields and buttons inside keep their own clicks.
        if ((e.target as HTMLElement).closest('input, textarea, button, label, a')) return;
        onSelect(true);
      }}
    >
      <header className="margin-card-head">
        <span className="margin-author" style={colour ? { color: colour } : undefined}>
          {item.authorName || 'Someone'}
        </span>
        <span className="muted margin-when">{when(item.at)}</span>
      </header>
      {item.kind === 'comment' && !item.range && (
        <>
          <blockquote className="comment-quote">{item.thread.quote}</blockquote>
          <p className="orphaned">The commented text was deleted.</p>
        </>
      )}
      <p className={isSuggestion ? 'margin-summary' : 'margin-text'}>{item.summary}</p>
      {resolved && <p className="muted">Resolved by {item.thread.resolvedBy}</p>}
      {isSuggestion && actions && (
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              const ed = editor();
              if (ed) actions.accept(ed, item.suggestion.id);
            }}
            aria-label={`Accept suggestion: ${item.summary}`}
          >
            Accept
          </button>
          <button
            type="button"
            onClick={() => {
              const ed = editor();
              if (ed) actions.reject(ed, item.suggestion.id);
            }}
            aria-label={`Reject suggestion: ${item.summary}`}
          >
            Reject
          </button>
        </div>
      )}
      {messages.length > 0 && (
        <ul className="comment-messages">
          {messages.map((m) => (
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
      )}
      {!resolved && canAnswer && (
        <form
          className="comment-reply"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => reply(replyText)).then((ok) => ok && setReplyText(''));
          }}
        >
          <input aria-label="Reply" placeholder="Reply…" value={replyText} onChange={(e) => setReplyText(e.target.value)} onFocus={() => onSelect(false)} />
          <button type="submit" disabled={!replyText.trim()}>
            Reply
          </button>
        </form>
      )}
      {item.kind === 'comment' && canAnswer && (
        <div className="button-row">
          <button type="button" onClick={() => void run(() => source.resolve(item.id, !item.thread.resolved))}>
            {item.thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      )}
    </article>
  );
}
