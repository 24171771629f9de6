import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/contract';
import { DatabaseSession } from './session';
import { openDatabase } from './store/database';
import { LATEST_SCHEMA_VERSION } from './store/migrations';

let dir: string;
const sessions: DatabaseSession[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-session-'));
});
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function session(file: string, options: ConstructorParameters<typeof DatabaseSession>[1] = {}) {
  const s = new DatabaseSession(file, options);
  sessions.push(s);
  return s;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A real database whose pages after the first are overwritten with garbage. */
function damagedDb(file: string) {
  const db = openDatabase(file);
  const insert = db.prepare(`INSERT INTO articles (id, headline, body_json, created_at, updated_at) VALUES (?, ?, '[]', 'x', 'x')`);
  db.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run(`a${i}`, `Headline ${i} `.repeat(30));
  })();
  db.close();
  const bytes = fs.readFileSync(file);
  randomBytes(bytes.length - 4096).copy(bytes, 4096);
  fs.writeFileSync(file, bytes);
}

function storeError(s: DatabaseSession): AppError {
  try {
    s.store();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected store() to throw');
}

describe('DatabaseSession', () => {
  it('creates, seeds and opens a new file', () => {
    const file = path.join(dir, 'new.db');
    const s = session(file, { seedOnCreate: true });
    expect(s.status()).toEqual({ state: 'open', path: file, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(s.store().listArticles({ view: 'active' }).total).toBe(1);
  });

  it('does not seed an existing file, nor when not asked', () => {
    const file = path.join(dir, 'plain.db');
    session(file).close();
    const s = session(file, { seedOnCreate: true });
    expect(s.store().articleCount()).toBe(0);
  });

  it('a damaged file: error status with the problem, store() is DB_UNAVAILABLE, file untouched', () => {
    const file = path.join(dir, 'damaged.db');
    damagedDb(file);
    const before = sha256(file);
    const s = session(file, { seedOnCreate: true });
    const status = s.status();
    expect(status).toMatchObject({ state: 'error', path: file, problem: 'damaged' });
    expect(status.state === 'error' && status.message).toMatch(/damaged/);
    const error = storeError(s);
    expect(error.code).toBe('DB_UNAVAILABLE');
    expect(error.message).toBe(status.state === 'error' ? status.message : '');
    expect(() => s.assets()).toThrow(AppError);
    expect(s.database()).toBeUndefined();
    expect(sha256(file)).toBe(before);
  });

  it('createNew() after a damaged file makes a new file beside it and leaves the damaged one alone', () => {
    const file = path.join(dir, 'damaged.db');
    damagedDb(file);
    const before = sha256(file);
    const paths: string[] = [];
    const s = session(file, { seedOnCreate: true, onPathChange: (p) => paths.push(p) });
    const status = s.createNew();
    expect(status.state).toBe('open');
    const fresh = status.path;
    expect(path.dirname(fresh)).toBe(dir);
    expect(fresh).not.toBe(file);
    expect(paths).toEqual([fresh]);
    expect(s.status()).toEqual(status);
    expect(s.store().articleCount()).toBe(1); // seeded: it is a new file
    expect(sha256(file)).toBe(before);
  });

  it('createNew() twice in a row never reuses a name', () => {
    const s = session(path.join(dir, 'a.db'));
    const one = s.createNew();
    const two = s.createNew();
    expect(one.path).not.toBe(two.path);
    expect(fs.existsSync(one.path) && fs.existsSync(two.path)).toBe(true);
  });

  it('opening a bad file while a good one is open keeps the good one working', () => {
    const good = path.join(dir, 'good.db');
    const paths: string[] = [];
    const s = session(good, { onPathChange: (p) => paths.push(p) });
    const article = s.store().createArticle({ headline: 'Still here' });
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello');
    const textBefore = sha256(text);
    const result = s.open(text);
    expect(result).toMatchObject({ state: 'error', path: text, problem: 'not-sqlite' });
    expect(s.status()).toMatchObject({ state: 'open', path: good });
    expect(s.store().getArticle(article.id).headline).toBe('Still here');
    s.store().saveArticle(article.id, 1, { headline: 'Edited after' });
    expect(s.store().getArticle(article.id).version).toBe(2);
    expect(sha256(text)).toBe(textBefore);

    const damaged = path.join(dir, 'damaged.db');
    damagedDb(damaged);
    expect(s.open(damaged)).toMatchObject({ state: 'error', problem: 'damaged' });
    expect(s.open(dir)).toMatchObject({ state: 'error', problem: 'unreadable' });
    expect(s.store().getArticle(article.id).headline).toBe('Edited after');
    expect(paths).toEqual([]); // a failed open is never remembered
  });

  it('opening a path in a folder that does not exist is an error status, not a throw', () => {
    const s = session(path.join(dir, 'good.db'));
    const result = s.open(path.join(dir, 'missing-folder', 'x.db'));
    expect(result).toMatchObject({ state: 'error', problem: 'unreadable' });
    expect(s.status().state).toBe('open');
    // At startup there is nothing to keep: the session itself reports the error.
    const fresh = session(path.join(dir, 'missing-folder', 'y.db'));
    expect(fresh.status()).toMatchObject({ state: 'error', problem: 'unreadable' });
  });

  it('switching to another good file closes the first and tells onPathChange', () => {
    const paths: string[] = [];
    const first = path.join(dir, 'first.db');
    const second = path.join(dir, 'second.db');
    const s = session(first, { onPathChange: (p) => paths.push(p) });
    const oldDb = s.database()!;
    s.store().createArticle({ headline: 'In first' });
    expect(s.open(second)).toMatchObject({ state: 'open', path: second });
    expect(oldDb.open).toBe(false);
    expect(s.store().articleCount()).toBe(0);
    expect(paths).toEqual([second]);
    // A relative path is resolved.
    const rel = path.relative(process.cwd(), first);
    expect(s.open(rel)).toMatchObject({ state: 'open', path: first });
    expect(s.store().articleCount()).toBe(1);
  });

  it('a good file after an error recovers the session', () => {
    const bad = path.join(dir, 'bad.db');
    fs.writeFileSync(bad, 'not sqlite at all');
    const s = session(bad);
    expect(s.status().state).toBe('error');
    expect(s.open(path.join(dir, 'good.db')).state).toBe('open');
    expect(() => s.store()).not.toThrow();
  });

  it('after close() the store is unavailable', () => {
    const s = session(path.join(dir, 'x.db'));
    s.close();
    expect(storeError(s).code).toBe('DB_UNAVAILABLE');
  });
});
