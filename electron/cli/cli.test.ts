import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleStore } from '../node/store/articleStore';
import { openDatabase } from '../node/store/database';
import { seedDemoNewsroom } from '../node/store/seed';
import { createLibraryStore } from '../node/store/libraryStore';
import { runCli, USAGE } from './cli';

let dir: string;
let dbFile: string;
let articleId: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-'));
  dbFile = path.join(dir, 'desk.db');
  const db = openDatabase(dbFile);
  const store = createArticleStore(db);
  seedDemoNewsroom(store, createLibraryStore(db));
  articleId = store.listArticles({ view: 'active' }).items[0]!.id;
  const trashed = store.createArticle({ headline: 'Binned story' });
  store.trashArticle(trashed.id);
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('newsroom CLI (in process)', () => {
  it('list prints one line per article with byline', async () => {
    const r = await cli('--db', dbFile, 'list');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(articleId);
    expect(r.out).toContain('Harbour City Votes');
    expect(r.out).toContain('— Mara Lindqvist');
    expect(r.out).not.toContain('Binned story');
  });

  it('list --json is parseable and complete', async () => {
    const r = await cli('--db', dbFile, 'list', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: articleId, status: 'draft', byline: ['Mara Lindqvist'] });
  });

  it('list --trash and --search', async () => {
    expect((await cli('--db', dbFile, 'list', '--trash')).out).toContain('Binned story');
    const found = JSON.parse((await cli('--db', dbFile, 'list', '--json', '--search', 'barr')).out);
    expect(found.items.map((a: { id: string }) => a.id)).toEqual([articleId]);
    const none = await cli('--db', dbFile, 'list', '--search', 'zzzzqqq');
    expect(none.code).toBe(0);
    expect(none.out).toBe('No articles.');
  });

  it('show ID prints the article as text', async () => {
    const r = await cli('--db', dbFile, 'show', articleId);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Harbour City Votes to Build Flood Barrier After Decade of Debate');
    expect(r.out).toContain('By Mara Lindqvist');
    expect(r.out).toContain('Status: draft · Version 1');
    expect(r.out).toContain('movable flood barrier');
  });

  it('show ID --json is the article', async () => {
    const r = await cli('--db', dbFile, 'show', articleId, '--json');
    expect(r.code).toBe(0);
    const article = JSON.parse(r.out);
    expect(article).toMatchObject({ id: articleId, version: 1, bylineAuthorIds: ['author-mara-lindqvist'] });
    expect(Array.isArray(article.body)).toBe(true);
  });

  it('--help prints usage and succeeds', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await cli(flag);
      expect(r.code).toBe(0);
      expect(r.out).toBe(USAGE);
    }
  });

  it('wrong usage exits 2 with a message', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain('no command given');
    expect(none.err).toContain('Usage:');
    const unknown = await cli('--db', dbFile, 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const noDb = await cli('list');
    expect(noDb.code).toBe(2);
    expect(noDb.err).toContain('--db FILE is required');
    expect((await cli('--db', dbFile, 'show')).code).toBe(2);
    expect((await cli('--db', dbFile, 'show', 'a', 'b')).code).toBe(2);
    expect((await cli('--db', dbFile, 'list', '--bogus')).code).toBe(2);
    expect((await cli('--db')).code).toBe(2);
  });

  it('a missing database file exits 1 and creates nothing', async () => {
    const missing = path.join(dir, 'nope.db');
    const r = await cli('--db', missing, 'list');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no database at');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('a file that is not a database exits 1 in plain words and is left untouched', async () => {
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'Remember to call the harbour master.\n');
    const before = sha256(notes);
    const r = await cli('--db', notes, 'list');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a Newsroom Desk database/);
    expect(r.err).not.toMatch(/SQLITE_|at Object|\n\s+at /);
    expect(sha256(notes)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('notes.txt'))).toEqual(['notes.txt']);
  });

  it('an unknown id exits 1', async () => {
    const r = await cli('--db', dbFile, 'show', 'no-such-id');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no longer exists');
  });
});

describe('newsroom CLI (the real bin)', () => {
  let built = false;
  beforeAll(() => {
    const root = path.resolve(__dirname, '../..');
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--node'], { cwd: root, stdio: 'pipe', timeout: 120_000 });
    built = fs.existsSync(path.join(root, 'dist/node/cli.mjs'));
  }, 150_000);

  it('node bin/newsroom.mjs --db FILE list --json', () => {
    expect(built).toBe(true);
    const root = path.resolve(__dirname, '../..');
    const result = spawnSync(process.execPath, [path.join(root, 'bin/newsroom.mjs'), '--db', dbFile, 'list', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const list = JSON.parse(result.stdout);
    expect(list.items[0].id).toBe(articleId);
    const bad = spawnSync(process.execPath, [path.join(root, 'bin/newsroom.mjs'), 'frobnicate'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
  });
});
