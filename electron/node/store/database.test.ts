import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbOpenError, migrate, openDatabase, schemaVersion, type Db } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

let dir: string;
const open: Db[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-db-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function track(db: Db): Db {
  open.push(db);
  return db;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function tables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all()
    .map((r) => r.name);
}

/**
 * Asserts that opening `file` fails with `problem` and leaves the file's bytes as they were.
 * A non-SQLite file leaves its folder exactly as it was. For a WAL-mode SQLite file the
 * read-only probe makes SQLite create an empty -wal and a -shm index beside it (known, see
 * the report); we then check that nothing was written to the -wal.
 */
function expectRefused(file: string, problem: DbOpenError['problem'], walFile = false): DbOpenError {
  const before = sha256(file);
  const listing = fs.readdirSync(dir).sort();
  let caught: unknown;
  try {
    track(openDatabase(file));
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DbOpenError);
  const error = caught as DbOpenError;
  expect(error.problem).toBe(problem);
  expect(error.message.length).toBeGreaterThan(10);
  expect(sha256(file)).toBe(before);
  if (walFile) {
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
  } else {
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(`${file}-shm`)).toBe(false);
  }
  return error;
}

/** A real, closed database with enough rows to span many pages. */
function makePopulatedDb(file: string): void {
  const db = openDatabase(file);
  const insert = db.prepare(
    `INSERT INTO articles (id, headline, body_json, body_text, created_at, updated_at) VALUES (?, ?, '[]', ?, 'x', 'x')`,
  );
  db.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(`a${i}`, `Headline ${i}`, `body text ${i} `.repeat(40));
  })();
  db.close();
}

describe('openDatabase on a new file', () => {
  it('creates the file in WAL mode with foreign keys on at the latest schema', () => {
    const file = path.join(dir, 'new.db');
    const db = track(openDatabase(file));
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['articles', 'authors', 'article_tags', 'trash', 'assets', 'articles_fts']));
  });

  it('treats an empty existing file as a new database', () => {
    const file = path.join(dir, 'empty.db');
    fs.writeFileSync(file, '');
    const db = track(openDatabase(file));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('reopens an existing database and keeps its rows', () => {
    const file = path.join(dir, 'keep.db');
    makePopulatedDb(file);
    const db = track(openDatabase(file));
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 400 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});

describe('migrations', () => {
  it('numbers migrations strictly upwards from 1', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  for (let from = 0; from < LATEST_SCHEMA_VERSION; from++) {
    it(`upgrades a database at schema ${from} to the latest, keeping its data`, () => {
      const file = path.join(dir, `v${from}.db`);
      const old = openDatabase(file, { targetVersion: from });
      expect(schemaVersion(old)).toBe(from);
      if (from >= 1) {
        old.prepare(`INSERT INTO articles (id, headline, body_json, created_at, updated_at) VALUES ('keep', 'Kept', '[]', 'x', 'x')`).run();
      }
      old.close();

      const db = track(openDatabase(file));
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(tables(db)).toEqual(expect.arrayContaining(['articles', 'assets']));
      if (from >= 1) {
        expect(db.prepare(`SELECT headline FROM articles WHERE id = 'keep'`).get()).toEqual({ headline: 'Kept' });
        // The FTS index still knows the row written before the upgrade.
        expect(db.prepare(`SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'kept'`).get()).toEqual({ n: 1 });
      }
    });
  }

  it('rolls a failing migration back whole: no table, version unchanged', () => {
    const db = track(openDatabase(path.join(dir, 'bad.db')));
    const bad = { version: 99, name: 'bad', sql: 'CREATE TABLE x(a); SELEC broken' };
    expect(() => migrate(db, [...MIGRATIONS, bad], 99)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('x');
  });

  it('keeps the steps before a failing one and none of the failing one', () => {
    const db = track(new Database(path.join(dir, 'partial.db')));
    const bad = { version: LATEST_SCHEMA_VERSION + 1, name: 'bad', sql: 'CREATE TABLE y(a); INSERT INTO nope VALUES (1)' };
    expect(() => migrate(db, [...MIGRATIONS, bad], bad.version)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toContain('assets');
    expect(tables(db)).not.toContain('y');
    // Run again without the bad step: nothing to do, nothing breaks.
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('a failing migration during open reports the file as not prepared and keeps the old schema', () => {
    const file = path.join(dir, 'v1.db');
    track(openDatabase(file, { targetVersion: 1 })).close();
    // Make migration 2 fail by occupying its table name with an incompatible object.
    const raw = new Database(file);
    raw.exec('CREATE VIEW assets AS SELECT 1');
    raw.close();
    let caught: unknown;
    try {
      track(openDatabase(file));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DbOpenError);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    check.close();
  });
});

describe('openDatabase refuses files it must not touch', () => {
  it('a text file: not-sqlite, untouched', () => {
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'Dear editor,\nthis is not a database.\n');
    expectRefused(file, 'not-sqlite');
  });

  it('a PNG: not-sqlite, untouched', () => {
    const file = path.join(dir, 'photo.db');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);
    fs.writeFileSync(file, png);
    expectRefused(file, 'not-sqlite');
  });

  it('random bytes and a file shorter than the header: not-sqlite, untouched', () => {
    const file = path.join(dir, 'noise.db');
    fs.writeFileSync(file, randomBytes(8192));
    expectRefused(file, 'not-sqlite');
    const short = path.join(dir, 'short.db');
    fs.writeFileSync(short, 'SQLite');
    expectRefused(short, 'not-sqlite');
  });

  it('an SQLite header followed by garbage: not-sqlite or damaged, untouched', () => {
    const file = path.join(dir, 'fake.db');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(8192)]));
    const before = sha256(file);
    let caught: unknown;
    try {
      track(openDatabase(file));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DbOpenError);
    expect(['not-sqlite', 'damaged']).toContain((caught as DbOpenError).problem);
    expect(sha256(file)).toBe(before);
  });

  it('a real database with damaged pages: damaged, untouched', () => {
    const file = path.join(dir, 'damaged.db');
    makePopulatedDb(file);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    expect(bytes.length / pageSize).toBeGreaterThan(10);
    // Garbage over every page after the first (the schema page stays readable).
    const garbage = randomBytes(bytes.length - pageSize);
    garbage.copy(bytes, pageSize);
    fs.writeFileSync(file, bytes);
    const error = expectRefused(file, 'damaged', true);
    expect(error.message).toMatch(/damaged/i);
  });

  it("another program's SQLite database: not-sqlite, untouched, none of our tables added", () => {
    const file = path.join(dir, 'places.sqlite');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO bookmarks (url) VALUES ('https://example.org');`);
    raw.close();
    const error = expectRefused(file, 'not-sqlite');
    expect(error.message).toMatch(/not a Newsroom Desk database/);
    const check = new Database(file, { readonly: true });
    expect(tables(check)).toEqual(['bookmarks']);
    check.close();
  });

  it('a database from a newer app: newer-schema, untouched', () => {
    const file = path.join(dir, 'newer.db');
    track(openDatabase(file)).close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const error = expectRefused(file, 'newer-schema', true);
    expect(error.message).toContain('999');
    // In rollback-journal mode the probe leaves no side files at all.
    const plain = path.join(dir, 'newer-plain.db');
    const rawPlain = new Database(plain);
    rawPlain.pragma('user_version = 999');
    rawPlain.close();
    expectRefused(plain, 'newer-schema');
  });

  it('a directory: unreadable', () => {
    const sub = path.join(dir, 'folder.db');
    fs.mkdirSync(sub);
    let caught: unknown;
    try {
      track(openDatabase(sub));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DbOpenError);
    expect((caught as DbOpenError).problem).toBe('unreadable');
    expect(fs.readdirSync(sub)).toEqual([]);
  });

  it('a path in a folder that does not exist: unreadable, and the folder is not created', () => {
    const missing = path.join(dir, 'no-such-folder', 'newsroom.db');
    let caught: unknown;
    try {
      track(openDatabase(missing));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DbOpenError);
    expect((caught as DbOpenError).problem).toBe('unreadable');
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});
