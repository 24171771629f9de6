/**
 * The newsroom's notifications at the desk: a button in the sidebar's top with the unread count, and
 * a small dialog listing them (who, what, which article, when). Opening one opens its article and
 * marks it read; "Mark all read" clears the count. The list is the desk's copy, so it reads offline.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Inbox as InboxIcon } from 'lucide-react';
import type { Inbox } from '../../../shared/ipc/channels/sync';
import { notificationSentence, type NewsroomNotification } from '../../../shared/sync/notifications';
import { call, errorMessage } from '../api/call';
import { announce, useRestoreFocus } from '../app/focus';
import { useSyncSelector } from './syncStatus';

export function InboxButton({ onOpenArticle }: { onOpenArticle: (articleId: string) => void }) {
  const newsroom = useSyncSelector((s) => s?.account !== undefined && s.connection.kind !== 'not-configured');
  const unread = useSyncSelector((s) => s?.inbox.unread ?? 0);
  const [open, setOpen] = useState(false);
  if (!newsroom) return null;
  return (
    <>
      <button type="button" className="inbox-open" onClick={() => setOpen(true)} data-testid="inbox-button">
        <InboxIcon size={14} aria-hidden="true" />
        Inbox
        {/* Named by what it shows ("Inbox 2 unread"), so the visible text is part of the name (WCAG 2.5.3). */}
        {unread > 0 && (
          <span className="inbox-count">
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <InboxDialog
          onClose={() => setOpen(false)}
          onOpenArticle={(id) => {
            setOpen(false);
            onOpenArticle(id);
          }}
        />
      )}
    </>
  );
}

function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function InboxDialog({ onClose, onOpenArticle }: { onClose: () => void; onOpenArticle: (articleId: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [inbox, setInbox] = useState<Inbox | undefined>();
  const [error, setError] = useState('');
  const unread = useSyncSelector((s) => s?.inbox.unread ?? 0);
  useRestoreFocus();
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  const load = useCallback(() => {
    call('listNotifications', {}).then(setInbox, (e: unknown) => setError(errorMessage(e)));
  }, []);
  // Again whenever the count moves (a new notification while the inbox is open).
  useEffect(load, [load, unread]);

  const markAll = async () => {
    try {
      setInbox(await call('markNotificationsRead', { all: true }));
      announce('All notifications marked read.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const openOne = async (n: NewsroomNotification) => {
    try {
      if (n.readAt === null) await call('markNotificationsRead', { ids: [n.id] });
      // The newsroom's list first: an article just assigned may not be on this desk yet, and a status
      // moved meanwhile (submitted, returned) is shown as the server has it. Offline, the desk's copy opens.
      await call('refreshNewsroom', {}).catch(() => undefined);
      onOpenArticle(n.articleId);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const items = inbox?.notifications ?? [];
  return (
    <dialog ref={ref} className="confirm-dialog inbox-dialog" aria-labelledby={`${id}-title`} onCancel={onClose}>
      <div className="inbox-head">
        <h2 id={`${id}-title`}>Inbox</h2>
        <span className="muted">{inbox ? (inbox.unread > 0 ? `${inbox.unread} unread` : 'All read') : 'Loading…'}</span>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {inbox && items.length === 0 ? (
        <p className="empty-state">
          Nothing here yet. You are told here when an article is assigned to you, returned to you or approved, and when someone mentions you in a comment.
        </p>
      ) : (
        <ul className="inbox-list" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id} className={n.readAt === null ? 'inbox-item unread' : 'inbox-item'}>
              <button type="button" onClick={() => void openOne(n)} data-testid="inbox-item">
                {n.readAt === null && <span className="inbox-unread">Unread</span>}
                <span className="inbox-what">{notificationSentence(n)}</span>
                {n.text && <span className="inbox-text">{n.text}</span>}
                <time className="inbox-when muted" dateTime={n.createdAt}>
                  {formatWhen(n.createdAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row end">
        <button type="button" onClick={() => void markAll()} disabled={!inbox || inbox.unread === 0}>
          Mark all read
        </button>
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
