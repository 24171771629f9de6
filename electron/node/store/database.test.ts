import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStorageError } from '../ipc/dispatch';
import { readOnlyFile, readOnlyFolder } from './__fixtures__/diskPlaces';
import { createArticleStore } from './articleStore';
import { APP_VERSION, DbOpenError, migrate, openDatabase, readOnlyReason, schemaVersion, type Db } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const require = createRequire(import.meta.url);

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
  const insert = db.prepare(`INSERT INTO articles (id, headline, body_json, body_text, created_at, updated_at) VALUES (?, ?, '[]', ?, 'x', 'x')`);
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

  it('gives articles written before languages the language the desk wrote in (011)', () => {
    for (const [setting, expected] of [
      [`{"smartTypography":true,"language":"de"}`, 'de'],
      [`{"smartTypography":true,"language":"xx'); --"}`, 'en'],
      [null, 'en'],
    ] as const) {
      const file = path.join(dir, `v10-${expected}-${setting === null}.db`);
      const old = openDatabase(file, { targetVersion: 10 });
      old.prepare(`INSERT INTO articles (id, headline, body_json, created_at, updated_at) VALUES ('old', 'Alt', '[]', 'x', 'x')`).run();
      if (setting) old.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('writing', ?, 'x')`).run(setting);
      old.close();
      const db = track(openDatabase(file));
      expect(db.prepare(`SELECT language FROM articles WHERE id = 'old'`).get()).toEqual({ language: expected });
    }
  });

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

describe('files this process may not write open read-only', () => {
  /** A closed WAL-mode database with articles, as the app leaves it. */
  function makeDesk(file: string): void {
    const db = openDatabase(file);
    const store = createArticleStore(db);
    store.createArticle({ headline: 'Harbour vote', body: [{ type: 'paragraph', children: [{ text: 'The council voted for the barrier.' }] }] });
    db.close();
  }

  function expectReadable(db: Db): void {
    const store = createArticleStore(db);
    expect(store.listArticles({ view: 'active' }).items.map((a) => a.headline)).toEqual(['Harbour vote']);
    expect(store.listArticles({ view: 'active', search: 'barrier' }).items).toHaveLength(1);
    const id = store.listArticles({ view: 'active' }).items[0]!.id;
    let caught: unknown;
    try {
      store.saveArticle(id, 1, { headline: 'Changed' });
    } catch (error) {
      caught = error;
    }
    expect((caught as { code?: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(describeStorageError(caught)?.message).toMatch(/^Could not save: the database is read-only/);
    expect(store.getArticle(id).headline).toBe('Harbour vote');
  }

  it('a database in a read-only folder or on a read-only disk: read, searched, not written, folder untouched', (ctx) => {
    const file = path.join(dir, 'newsroom.db');
    makeDesk(file);
    const place = readOnlyFolder([file]);
    if (!place) return ctx.skip('LOUD: no read-only mount available here (needs root for a tmpfs), so this was not tested');
    try {
      const copy = path.join(place.path, 'newsroom.db');
      const before = sha256(copy);
      const db = track(openDatabase(copy));
      expect(readOnlyReason(db)).toMatch(/^This database is open read-only: (it is on a read-only disk|its folder is read-only|the file is read-only)\./);
      expectReadable(db);
      db.close();
      expect(fs.readdirSync(place.path)).toEqual(['newsroom.db']);
      expect(sha256(copy)).toBe(before);
    } finally {
      place.cleanup();
    }
  });

  it('a read-only file in a writable folder: read, searched, not written', (ctx) => {
    const file = path.join(dir, 'newsroom.db');
    makeDesk(file);
    const before = sha256(file);
    const place = readOnlyFile(file);
    if (!place) return ctx.skip('LOUD: no read-only bind mount available here (needs root), so this was not tested');
    try {
      const db = track(openDatabase(file));
      expect(readOnlyReason(db)).toMatch(/read-only/);
      expectReadable(db);
      db.close();
    } finally {
      place.cleanup();
    }
    expect(sha256(file)).toBe(before);
  });

  it('a read-only database of an older schema is refused with what to do, untouched', (ctx) => {
    const file = path.join(dir, 'old.db');
    openDatabase(file, { targetVersion: 2 }).close();
    const place = readOnlyFolder([file]);
    if (!place) return ctx.skip('LOUD: no read-only mount available here (needs root for a tmpfs), so this was not tested');
    try {
      let caught: unknown;
      try {
        track(openDatabase(path.join(place.path, 'old.db')));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DbOpenError);
      expect((caught as DbOpenError).message).toMatch(/needs an update, but .*read-only.*Copy it to a folder you can write to/);
    } finally {
      place.cleanup();
    }
  });

  it('a writable database says nothing about read-only', () => {
    expect(readOnlyReason(track(openDatabase(path.join(dir, 'rw.db'))))).toBeUndefined();
  });
});

describe('a database another program keeps locked', () => {
  it('is reported in use, naming the process, and left untouched', { timeout: 30_000 }, async () => {
    const file = path.join(dir, 'held.db');
    openDatabase(file).close();
    const holder = spawn(process.execPath, [path.join(FIXTURES, 'lockHolder.cjs'), file, require.resolve('better-sqlite3')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.once('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
        holder.stdout!.once('data', () => resolve());
      });
      const before = sha256(file);
      let caught: unknown;
      try {
        track(openDatabase(file));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DbOpenError);
      expect((caught as DbOpenError).problem).toBe('locked');
      expect((caught as DbOpenError).message).toMatch(/in use by another program/);
      if (process.platform === 'linux') expect((caught as DbOpenError).message).toContain(`process ${holder.pid}`);
      expect(sha256(file)).toBe(before);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('close', r));
    }
  });
});

describe('schema history', () => {
  it('records the app version that created each schema version', () => {
    const db = track(openDatabase(path.join(dir, 'history.db')));
    const rows = db.prepare<[], { version: number; app_version: string }>('SELECT version, app_version FROM schema_history ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, app_version: APP_VERSION })));
  });

  it('a newer schema names the app version that wrote it', () => {
    const file = path.join(dir, 'future.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare(`INSERT INTO schema_history (version, app_version, applied_at) VALUES (?, '9.4.0', 'x')`).run(LATEST_SCHEMA_VERSION + 1);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const error = expectRefused(file, 'newer-schema', true);
    expect(error.message).toContain('Install Newsroom Desk 9.4.0 or later to open it.');
    expect(error.message).toContain(`this version ${APP_VERSION}`);
  });
});
