import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../node/store/database';
import { LATEST_SCHEMA_VERSION } from '../node/store/migrations';
import { createArticleStore } from '../node/store/articleStore';
import { runCli, USAGE } from './cli';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-init-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** No raw Node or SQLite error codes or stack lines reach the user. */
const RAW = /\b(E[A-Z]{3,}|SQLITE_[A-Z_]+)\b|\n\s+at /;

describe('newsroom init: starting a desk from the command line', () => {
  it('creates an empty database with the schema, then import fills it and list shows it', async () => {
    const db = path.join(dir, 'new.db');
    const story = path.join(dir, 'story.md');
    fs.writeFileSync(story, '---\nheadline: "First story on the new desk"\n---\n\nIt begins.\n');

    const init = await cli('--db', db, 'init');
    expect(init).toEqual({ code: 0, out: `Created an empty Newsroom Desk database at ${db} (schema version ${LATEST_SCHEMA_VERSION}).`, err: '' });
    const opened = openDatabase(db);
    expect(schemaVersion(opened)).toBe(LATEST_SCHEMA_VERSION);
    expect(createArticleStore(opened).listArticles({ view: 'active' }).total).toBe(0);
    opened.close();

    const imported = await cli('--db', db, 'import', story);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/imported .+ {2}First story on the new desk$/);
    const list = await cli('--db', db, 'list', '--json');
    expect(JSON.parse(list.out).items.map((a: { headline: string }) => a.headline)).toEqual(['First story on the new desk']);
  });

  it('refuses a file that exists, whatever it holds, and leaves it byte for byte', async () => {
    for (const [name, bytes] of [
      ['empty.db', Buffer.alloc(0)],
      ['notes.txt', Buffer.from('Call the harbour master.\n')],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const r = await cli('--db', file, 'init');
      expect(r.code).toBe(1);
      expect(r.err).toBe(`newsroom: there is already a file at ${file}; init never replaces a file. Give a new file name.`);
      expect(fs.readFileSync(file)).toEqual(bytes);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith(name))).toEqual([name]);
    }
    // An existing desk too: its articles are still there.
    const desk = path.join(dir, 'desk.db');
    await cli('--db', desk, 'init');
    const story = path.join(dir, 'story.md');
    fs.writeFileSync(story, '# Kept\n\nText.\n');
    await cli('--db', desk, 'import', story);
    expect((await cli('--db', desk, 'init')).code).toBe(1);
    expect(JSON.parse((await cli('--db', desk, 'list', '--json')).out).total).toBe(1);
  });

  it('says plainly when the folder is missing or is a file, and creates nothing', async () => {
    const missing = await cli('--db', path.join(dir, 'no-such-folder', 'new.db'), 'init');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`newsroom: the folder ${path.join(dir, 'no-such-folder')} does not exist. Create it first, or give a file in an existing folder.`);
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    const underFile = await cli('--db', path.join(dir, 'a-file', 'new.db'), 'init');
    expect(underFile.code).toBe(1);
    expect(underFile.err).toMatch(/does not exist/);
    expect(fs.readdirSync(dir)).toEqual(['a-file']);
    expect((await cli('--db', path.join(dir, 'x.db'), 'init', 'extra')).code).toBe(2);
  });

  it('every other command refuses a missing database, creates nothing and says how to start one', async () => {
    const db = path.join(dir, 'new.db');
    const story = path.join(dir, 'story.md');
    fs.writeFileSync(story, '# A story\n');
    for (const args of [['list'], ['show', 'some-id'], ['import', story], ['export', 'some-id', '--format', 'md', '--out', path.join(dir, 'out')]]) {
      const r = await cli('--db', db, ...args);
      expect(r.code, args[0]).toBe(1);
      expect(r.err).toBe(`newsroom: no database at ${db}. To start a new desk there, run: newsroom --db ${db} init`);
    }
    const spaced = path.join(dir, "my desk's.db");
    expect((await cli('--db', spaced, 'list')).err).toContain(`run: newsroom --db '${dir}/my desk'\\''s.db' init`);
    expect(fs.readdirSync(dir)).toEqual(['story.md']);
  });

  it('--help says which command creates a database and that import does not', () => {
    expect(USAGE).toMatch(/^ {2}init +Create an empty database at --db FILE;/m);
    expect(USAGE).toContain('import does not create one');
  });
});

describe('newsroom export --out: folder problems in plain words', () => {
  let db: string;
  let id: string;
  beforeEach(async () => {
    db = path.join(dir, 'desk.db');
    await cli('--db', db, 'init');
    const story = path.join(dir, 'story.md');
    fs.writeFileSync(story, '# Out story\n\nText.\n');
    id = JSON.parse((await cli('--db', db, 'import', story, '--json')).out).imported[0].articleId;
  });

  it('an --out that is a file: one sentence, exit 1, the file untouched', async () => {
    const out = path.join(dir, 'exports');
    fs.writeFileSync(out, 'I am a file');
    const r = await cli('--db', db, 'export', id, '--format', 'md,txt', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`newsroom: "${out}" is a file, not a folder, so nothing could be written there. Choose a folder, or a name that is not taken yet.`);
    expect(r.err).not.toMatch(RAW);
    expect(fs.readFileSync(out, 'utf8')).toBe('I am a file');
  });

  it('an --out below a file names the file that is in the way', async () => {
    const blocker = path.join(dir, 'notes.txt');
    fs.writeFileSync(blocker, 'x');
    const r = await cli('--db', db, 'export', id, '--format', 'md', '--out', path.join(blocker, 'exports'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`newsroom: "${blocker}" is a file, not a folder, so nothing could be written there. Choose a folder, or a name that is not taken yet.`);
  });
});

describe('newsroom import: files that cannot be read', () => {
  it('a folder given as a file says so in words', async () => {
    const db = path.join(dir, 'desk.db');
    await cli('--db', db, 'init');
    fs.mkdirSync(path.join(dir, 'stories'));
    const r = await cli('--db', db, 'import', path.join(dir, 'stories'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`newsroom: ${path.join(dir, 'stories')}: is a folder, not a file; give the files in it.`);
  });
});
