/**
 * The desk's inbox kept in step with the newsroom server: while connected, read marks made here are
 * sent and the account's notifications fetched (on connecting, then every 15 s, and at once after a
 * mark); offline, the inbox is the copy in notificationStore and marks wait there to be sent.
 */
import type { NewsroomNotification } from '../../../shared/sync/notifications';
import type { NotificationStore } from '../store/notificationStore';
import type { SyncEngine } from './syncEngine';

export const NOTIFICATION_POLL_MS = 15_000;

export class NotificationSync {
  private running: Promise<void> = Promise.resolve();
  private queued = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private digest = '';

  constructor(
    private readonly engine: SyncEngine,
    private readonly store: NotificationStore,
    /** Called when the inbox changed (new notifications, or read marks): the status long poll answers. */
    private readonly onChange: () => void,
    intervalMs = NOTIFICATION_POLL_MS,
  ) {
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref?.();
  }

  /** The inbox of the account this desk signs in as (the copy on this computer). */
  list(): NewsroomNotification[] {
    const owner = this.engine.inboxOwner();
    return owner ? this.store.list(owner) : [];
  }

  unread(): number {
    const owner = this.engine.inboxOwner();
    return owner ? this.store.unreadCount(owner) : 0;
  }

  /** Read here at once; the server is told now when connected, else on the next poll that reaches it. */
  markRead(ids: readonly number[] | 'all'): void {
    const owner = this.engine.inboxOwner();
    if (!owner) return;
    this.store.markRead(owner, ids);
    this.changed();
    void this.poll();
  }

  /** One exchange with the server at a time; one asked for meanwhile runs after it. */
  poll(): Promise<void> {
    if (this.queued) return this.running;
    this.queued = true;
    this.running = this.running.then(async () => {
      this.queued = false;
      await this.exchange().catch(() => undefined);
    });
    return this.running;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async exchange(): Promise<void> {
    const online = this.engine.onlineApi();
    if (!online) return;
    const owner = { serverUrl: online.serverUrl, accountId: online.account.id };
    const pending = this.store.pendingReads(owner);
    if (pending.length > 0) {
      await online.api.markNotificationsRead(pending);
      this.store.readsSent(owner, pending);
    }
    const { notifications } = await online.api.notifications();
    this.store.keepFromServer(owner, notifications);
    this.changed();
  }

  private changed(): void {
    const digest = JSON.stringify(this.list().map((n) => [n.id, n.readAt !== null, n.articleHeadline]));
    if (digest === this.digest) return;
    this.digest = digest;
    this.onChange();
  }
}
