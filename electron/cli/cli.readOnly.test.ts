/**
 * The command line over a database it may not write (a read-only folder or
 * disk): reading, searching and exporting work; importing says why it cannot
 * in one plain sentence, and the file is left as it was.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readOnlyFolder, type ReadOnlyPlace } from '../node/store/__fixtures__/diskPlaces';
import { createArticleStore } from '../node/store/articleStore';
import { openDatabase } from '../node/store/database';
import { runCli } from './cli';

let dir: string;
let place: ReadOnlyPlace | undefined;
let dbFile: string;
let articleId: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cli-ro-'));
  const source = path.join(dir, 'desk.db');
  const db = openDatabase(source);
  articleId = createArticleStore(db).createArticle({
    headline: 'Harbour vote',
    body: [{ type: 'paragraph', children: [{ text: 'The council voted for the barrier.' }] }],
  }).id;
  db.close();
  place = readOnlyFolder([source]);
  dbFile = place ? path.join(place.path, 'desk.db') : '';
});
afterAll(() => {
  place?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

it('lists, searches, shows and exports a read-only database, and refuses to import into it in plain words', async (ctx) => {
  if (!place) return ctx.skip('LOUD: no read-only mount available here (needs root for a tmpfs), so this was not tested');
  const before = sha256(dbFile);

  const list = await cli('--db', dbFile, 'list');
  expect(list).toMatchObject({ code: 0, err: '' });
  expect(list.out).toContain(`${articleId}  draft`);
  expect(list.out).toContain('Harbour vote');
  expect(JSON.parse((await cli('--db', dbFile, 'list', '--json', '--search', 'barrier')).out).items).toHaveLength(1);
  expect((await cli('--db', dbFile, 'show', articleId)).out).toContain('The council voted for the barrier.');

  const out = path.join(dir, 'out');
  const exported = await cli('--db', dbFile, 'export', articleId, '--format', 'md', '--out', out);
  expect(exported.code, exported.err).toBe(0);
  expect(fs.readFileSync(path.join(out, fs.readdirSync(out)[0]!), 'utf8')).toContain('The council voted for the barrier.');

  const story = path.join(dir, 'story.md');
  fs.writeFileSync(story, '# New story\n\nText.\n');
  const imported = await cli('--db', dbFile, 'import', story);
  expect(imported.code).toBe(1);
  expect(imported.err).toMatch(
    /^newsroom: This database is open read-only: (it is on a read-only disk|its folder is read-only)\. You can read, search and export, but not change anything\. Nothing was imported\.$/,
  );
  expect(sha256(dbFile)).toBe(before);
  expect(fs.readdirSync(place.path)).toEqual(['desk.db']);
});
