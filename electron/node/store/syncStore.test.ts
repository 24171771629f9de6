import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArticleStore } from './articleStore';
import { openDatabase, type Db } from './database';
import { createSyncStore } from './syncStore';

describe('the sync store (a desk’s replica of a newsroom server)', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sync-store-'));
    file = path.join(dir, 'desk.db');
    db = openDatabase(file);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const text = (state: Uint8Array) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc.getText('t').toString();
  };

  it('folds remote and acknowledged local updates into the state in one step, and keeps the rest across a reopen', () => {
    const id = createArticleStore(db).createArticle({ headline: 'Harbour' }).id;
    const store = createSyncStore(db);
    const doc = new Y.Doc();
    store.addReplica({ articleId: id, serverUrl: 'https://newsroom.example.org', accountId: 'a1', state: Y.encodeStateAsUpdate(doc), onServer: true });
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'one ');
    doc.getText('t').insert(4, 'two ');
    doc.getText('t').insert(8, 'three');
    const first = store.appendUpdate(id, 'local', updates[0]!);
    store.appendUpdate(id, 'remote', updates[1]!);
    const third = store.appendUpdate(id, 'local', updates[2]!);
    expect(store.pendingCount(id)).toBe(2);

    // Acknowledged up to the first local update: it and the remote one go into the state.
    expect(store.fold(id, first, (state, more) => Y.mergeUpdates([state, ...more]))).toBe(2);
    expect(text(store.replica(id)!.state)).toBe('one two ');
    expect(store.updates(id).map((u) => [u.seq, u.origin])).toEqual([[third, 'local']]);

    // A desk closed before the rest was acknowledged finds it again.
    db.close();
    db = openDatabase(file);
    const reopened = createSyncStore(db);
    expect(reopened.pendingCount(id)).toBe(1);
    const replica = reopened.replica(id)!;
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, replica.state);
    for (const u of reopened.updates(id)) Y.applyUpdate(rebuilt, u.data);
    expect(rebuilt.getText('t').toString()).toBe('one two three');
    expect(replica).toMatchObject({ serverUrl: 'https://newsroom.example.org', accountId: 'a1', onServer: true });
    expect(reopened.fold(id, third, (state, more) => Y.mergeUpdates([state, ...more]))).toBe(1);
    expect(reopened.updates(id)).toEqual([]);
    expect(text(reopened.replica(id)!.state)).toBe('one two three');
  });

  it('keeps servers with their account and whether plain connections were allowed; a deleted article takes its replica along', () => {
    const store = createSyncStore(db);
    store.putServer({ url: 'http://newsroom.lan:4567', allowInsecure: true, account: { id: 'a1', name: 'Mara', role: 'writer' } });
    expect(store.server('http://newsroom.lan:4567')).toEqual({
      url: 'http://newsroom.lan:4567',
      allowInsecure: true,
      account: { id: 'a1', name: 'Mara', role: 'writer' },
    });
    expect(store.server('https://elsewhere.example')).toBeUndefined();

    const articles = createArticleStore(db);
    const id = articles.createArticle().id;
    store.addReplica({ articleId: id, serverUrl: 'http://newsroom.lan:4567', accountId: 'a1', state: new Uint8Array([0, 0]), onServer: false });
    store.appendUpdate(id, 'local', new Uint8Array([0, 0]));
    store.setServerView(id, { status: 'approved', access: 'read', accessReason: 'Approved.' });
    expect(store.replicasOf('http://newsroom.lan:4567', 'a1')).toMatchObject([{ articleId: id, onServer: false, access: 'read', accessReason: 'Approved.' }]);
    articles.trashArticle(id);
    articles.deleteArticleForever(id);
    expect(store.replica(id)).toBeUndefined();
    expect(store.updates(id)).toEqual([]);
  });

  it('keeps who holds each newsroom article, which the library lists and “my desk” follows', () => {
    const articles = createArticleStore(db);
    const store = createSyncStore(db);
    const newsroom = (headline: string, status: 'draft' | 'submitted') => {
      const id = articles.createArticle({ headline }).id;
      if (status !== 'draft') db.prepare('UPDATE articles SET status = ? WHERE id = ?').run(status, id);
      store.addReplica({ articleId: id, serverUrl: 'https://n.example', accountId: 'tomas', state: Y.encodeStateAsUpdate(new Y.Doc()), onServer: true });
      return id;
    };
    const draft = newsroom('Draft nobody holds', 'draft');
    const mine = newsroom('Submitted, Tomas edits it', 'submitted');
    const other = newsroom('Submitted, Lena edits it', 'submitted');
    store.setAssignment(mine, { writerId: 'mara', writerName: 'Mara Lindqvist', editorId: 'tomas', editorName: 'Tomas Okafor' });
    store.setAssignment(other, { writerId: null, writerName: null, editorId: 'lena', editorName: 'Lena Berg' });
    expect(store.replicaView(mine)?.holder).toEqual({ writerId: 'mara', writerName: 'Mara Lindqvist', editorId: 'tomas', editorName: 'Tomas Okafor' });
    expect(store.replicaView(draft)?.holder).toBeUndefined();

    const listed = articles.listArticles({ view: 'active' }).items.map((i) => [i.headline, i.assignment] as const);
    expect(new Map(listed)).toEqual(
      new Map([
        ['Draft nobody holds', undefined],
        ['Submitted, Tomas edits it', { writerId: 'mara', writerName: 'Mara Lindqvist', editorId: 'tomas', editorName: 'Tomas Okafor' }],
        ['Submitted, Lena edits it', { editorId: 'lena', editorName: 'Lena Berg' }],
      ]),
    );
    const desk = (me?: string) =>
      articles
        .listArticles({ view: 'active', mine: true }, me)
        .items.map((i) => i.headline)
        .sort();
    expect(desk('tomas')).toEqual(['Draft nobody holds', 'Submitted, Tomas edits it']);
    expect(desk('mara')).toEqual(['Draft nobody holds', 'Submitted, Tomas edits it']);
    expect(desk('lena')).toEqual(['Draft nobody holds', 'Submitted, Lena edits it']);
    expect(desk(undefined)).toEqual(['Draft nobody holds']);

    // Taken back: nobody holds it, and it leaves Mara's desk.
    store.setAssignment(mine, { writerId: null, writerName: null, editorId: null, editorName: null });
    expect(store.replicaView(mine)?.holder).toBeUndefined();
    expect(desk('mara')).toEqual(['Draft nobody holds']);
  });
});
