import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewsroomNotification } from '../../../shared/sync/notifications';
import { openDatabase, type Db } from './database';
import { createNotificationStore } from './notificationStore';

const MARA = { serverUrl: 'https://newsroom.example.org', accountId: 'mara' };
const TOMAS = { serverUrl: 'https://newsroom.example.org', accountId: 'tomas' };

const note = (id: number, readAt: string | null = null): NewsroomNotification => ({
  id,
  kind: id % 2 ? 'assigned' : 'mentioned',
  articleId: `article-${id}`,
  articleHeadline: `Headline ${id}`,
  actorName: 'Tomas Okafor',
  text: `text ${id}`,
  createdAt: `2026-12-01T10:00:${String(id % 60).padStart(2, '0')}.000Z`,
  readAt,
});

describe('the desk’s notifications (the inbox, offline too)', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'notifications-'));
    file = path.join(dir, 'desk.db');
    db = openDatabase(file);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what the server sent per account, newest first, and keeps a read mark made offline until it is sent', () => {
    const store = createNotificationStore(db, () => new Date('2026-12-01T12:00:00.000Z'));
    store.keepFromServer(MARA, [note(3), note(2), note(1, '2026-12-01T11:00:00.000Z')]);
    store.keepFromServer(TOMAS, [note(4)]);
    expect(store.list(MARA)).toEqual([note(3), note(2), note(1, '2026-12-01T11:00:00.000Z')]);
    expect([store.unreadCount(MARA), store.unreadCount(TOMAS)]).toEqual([2, 1]);

    store.markRead(MARA, [3]);
    // Reopened (a restart while offline): the mark is still here and still to send.
    db.close();
    db = openDatabase(file);
    const again = createNotificationStore(db);
    expect(again.list(MARA)[0]).toEqual(note(3, '2026-12-01T12:00:00.000Z'));
    expect(again.pendingReads(MARA)).toEqual([3]);
    // The server's older view (still unread) does not undo it.
    again.keepFromServer(MARA, [note(5), note(3), note(2)]);
    expect(again.list(MARA).map((n) => [n.id, n.readAt !== null])).toEqual([
      [5, false],
      [3, true],
      [2, false],
      [1, true],
    ]);
    again.readsSent(MARA, [3]);
    expect(again.pendingReads(MARA)).toEqual([]);

    again.markRead(MARA, 'all');
    expect(again.unreadCount(MARA)).toBe(0);
    expect(again.pendingReads(MARA)).toEqual([2, 5]);
    expect(again.unreadCount(TOMAS)).toBe(1);
  });

  it('keeps the newest hundred, and older ones only while their read mark is still to send', () => {
    const store = createNotificationStore(db);
    store.keepFromServer(MARA, [note(1)]);
    store.markRead(MARA, [1]);
    store.keepFromServer(
      MARA,
      Array.from({ length: 101 }, (_, i) => note(102 - i)),
    );
    const ids = store.list(MARA).map((n) => n.id);
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => 102 - i));
    expect(store.pendingReads(MARA)).toEqual([1]);
    store.readsSent(MARA, [1]);
    store.keepFromServer(MARA, []);
    expect(db.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 100 });
  });
});
