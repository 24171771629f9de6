import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInWorker } from './backupWorker';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-worker-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function makeDb(file: string, rows: number) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = db.prepare('INSERT INTO articles (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`article ${i} `.repeat(20));
  })();
  return db;
}

describe('the backup worker', () => {
  it('copies a live database into one self-contained, checked file', async () => {
    const live = makeDb(path.join(dir, 'live.db'), 500);
    const target = path.join(dir, 'copy.db');
    const result = await checkInWorker({ source: path.join(dir, 'live.db'), target, fresh: true });
    live.close();
    expect(result).toEqual({ ok: true, articleCount: 500 });
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('reports a file that is not a database instead of throwing', async () => {
    const bogus = path.join(dir, 'bogus.db');
    fs.writeFileSync(bogus, 'not a database at all, just words'.repeat(100));
    const result = await checkInWorker({ target: bogus });
    expect(result.ok).toBe(false);
  });

  it('gives up on a check that takes too long', async () => {
    makeDb(path.join(dir, 'big.db'), 20_000).close();
    const result = await checkInWorker({ target: path.join(dir, 'big.db') }, 1);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/did not finish/) });
  });
});
