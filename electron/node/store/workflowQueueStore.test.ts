import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArticleStore } from './articleStore';
import { openDatabase, type Db } from './database';
import { createSyncStore } from './syncStore';
import { createWorkflowQueueStore } from './workflowQueueStore';

const SERVER = 'https://newsroom.example.org';

describe('the workflow queue (steps on newsroom articles waiting for the server)', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'workflow-queue-'));
    file = path.join(dir, 'desk.db');
    db = openDatabase(file);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const newsroomArticle = (headline: string, accountId = 'mara') => {
    const id = createArticleStore(db).createArticle({ headline }).id;
    createSyncStore(db).addReplica({ articleId: id, serverUrl: SERVER, accountId, state: Y.encodeStateAsUpdate(new Y.Doc()), onServer: true });
    return id;
  };

  it('keeps steps in the order asked across a reopen, answers each once, and shows answers until dismissed', () => {
    const a = newsroomArticle('Harbour');
    const b = newsroomArticle('Ferry');
    const queue = createWorkflowQueueStore(db);
    const ask = (
      articleId: string,
      action: 'start-edit' | 'approve' | 'submit',
      from: 'submitted' | 'in-edit' | 'draft',
      to: 'in-edit' | 'approved' | 'submitted',
    ) => queue.enqueue({ articleId, serverUrl: SERVER, accountId: 'mara', action, note: '', from, to });
    const first = ask(a, 'start-edit', 'submitted', 'in-edit');
    const second = ask(b, 'submit', 'draft', 'submitted');
    const third = ask(a, 'approve', 'in-edit', 'approved');
    expect(new Set([first.requestId, second.requestId, third.requestId]).size).toBe(3);
    // Another account's step on this desk is not this account's to send or see.
    queue.enqueue({
      articleId: newsroomArticle('Other', 'ines'),
      serverUrl: SERVER,
      accountId: 'ines',
      action: 'submit',
      note: '',
      from: 'draft',
      to: 'submitted',
    });

    db.close();
    db = openDatabase(file);
    const reopened = createWorkflowQueueStore(db);
    expect(reopened.waiting(SERVER, 'mara').map((s) => [s.id, s.action])).toEqual([
      [first.id, 'start-edit'],
      [second.id, 'submit'],
      [third.id, 'approve'],
    ]);
    expect(reopened.lastWaiting(a)?.to).toBe('approved');
    expect(reopened.counts(SERVER, 'mara')).toEqual({ waiting: 3, decided: 0 });

    expect(reopened.decide(first.id, { state: 'accepted' })).toBe(true);
    expect(reopened.decide(first.id, { state: 'refused', reason: 'Too late.' })).toBe(false);
    expect(reopened.decide(third.id, { state: 'refused', reason: 'Someone moved the article meanwhile.' })).toBe(true);
    expect(reopened.lastWaiting(a)).toBeUndefined();
    expect(reopened.notices(SERVER, 'mara', a).map((n) => [n.action, n.state, n.reason, n.headline])).toEqual([
      ['start-edit', 'accepted', undefined, 'Harbour'],
      ['approve', 'refused', 'Someone moved the article meanwhile.', 'Harbour'],
    ]);
    expect(reopened.counts(SERVER, 'mara')).toEqual({ waiting: 1, decided: 2 });

    expect(reopened.dismiss(second.id, SERVER, 'mara')).toBe(false); // still waiting
    expect(reopened.dismiss(third.id, SERVER, 'ines')).toBe(false); // not that account's
    expect(reopened.dismiss(third.id, SERVER, 'mara')).toBe(true);
    expect(reopened.dismiss(third.id, SERVER, 'mara')).toBe(false);
    expect(reopened.notices(SERVER, 'mara').map((n) => n.id)).toEqual([first.id, second.id]);
    expect(reopened.counts(SERVER, 'mara')).toEqual({ waiting: 1, decided: 1 });
  });
});
