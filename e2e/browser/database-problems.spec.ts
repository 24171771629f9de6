import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { startBrowserHost } from '../../electron/browser-host/server';
import { readOnlyFolder } from '../../electron/node/store/__fixtures__/diskPlaces';
import { openDatabase } from '../../electron/node/store/database';
import { createArticleStore } from '../../electron/node/store/articleStore';
import { ROOT, RENDERER_DIR, expectSaved, newDeskPage } from './fixtures';

const test = base.extend<{ dir: string }>({
  dir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-dbprob-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

const require = createRequire(import.meta.url);
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('a file that is not a database is reported in plain words, left untouched, and a new one can be started', async ({ browser, dir }) => {
  const bad = path.join(dir, 'newsroom.db');
  fs.writeFileSync(bad, 'Dear editor,\nthis is a letter, not a database.\n'.repeat(50));
  const before = sha(bad);
  const otherBad = path.join(dir, 'letters.db');
  fs.writeFileSync(otherBad, 'Another letter.\n'.repeat(50));
  const otherBefore = sha(otherBad);
  const host = await startBrowserHost({ dbPath: bad, rendererDir: RENDERER_DIR, offer: { databases: [otherBad] } });
  try {
    const page = await newDeskPage(browser);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'This database can’t be opened' })).toBeVisible();
    await expect(page.getByText(/not a Newsroom Desk database/)).toBeVisible();
    expect(sha(bad)).toBe(before);
    expect(fs.existsSync(`${bad}-wal`)).toBe(false);

    // Opening another bad file (one the host offers: the page cannot name a file) says so and keeps the screen.
    await expect(page.getByRole('textbox', { name: 'Open another database file' })).toHaveCount(0);
    await page.getByLabel('Open another database file').selectOption({ label: otherBad });
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('not a Newsroom Desk database');
    expect(sha(otherBad)).toBe(otherBefore);

    await page.getByRole('button', { name: 'Start a new database' }).click();
    await expect(page.getByRole('navigation', { name: 'Article library' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
    expect(sha(bad)).toBe(before);
    const created = fs.readdirSync(dir).filter((f) => /^newsroom-.*\.db$/.test(f));
    expect(created).toHaveLength(1);
    await page.close();
  } finally {
    await host.close();
  }
});

test('a database from a newer version of the app names the version it needs, is not offered a backup, and is left untouched', async ({ browser, dir }) => {
  const file = path.join(dir, 'newsroom.db');
  const db = openDatabase(file);
  // It has a good backup: restoring that would put this good file aside as "damaged", so it must not be offered.
  fs.mkdirSync(path.join(dir, 'backups'));
  await db.backup(path.join(dir, 'backups', 'newsroom-backup-2025-05-10T08-00-00-000Z.db'));
  db.prepare(`INSERT INTO schema_history (version, app_version, applied_at) VALUES (999, '7.2.0', 'x')`).run();
  db.pragma('user_version = 999');
  db.pragma('journal_mode = DELETE');
  db.close();
  const before = sha(file);
  const host = await startBrowserHost({ dbPath: file, rendererDir: RENDERER_DIR });
  try {
    const page = await newDeskPage(browser);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'This database needs a newer version of the app' })).toBeVisible();
    await expect(page.getByText(/written by a newer version of Newsroom Desk .*Install Newsroom Desk 7\.2\.0 or later to open it\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start a new database' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Restore the newest backup/ })).toHaveCount(0);
    expect(host.backups.list().backups).toHaveLength(1);
    expect(sha(file)).toBe(before);
    await page.close();
  } finally {
    await host.close();
  }
});

test('a database another program keeps locked says it is in use and by what, and opens once it is let go', async ({ browser, dir }) => {
  test.setTimeout(60_000);
  const file = path.join(dir, 'newsroom.db');
  openDatabase(file).close();
  const holder = spawn(process.execPath, [path.join(ROOT, 'electron/node/store/__fixtures__/lockHolder.cjs'), file, require.resolve('better-sqlite3')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => holder.stdout!.once('data', resolve));
  const host = await startBrowserHost({ dbPath: file, rendererDir: RENDERER_DIR });
  try {
    const page = await newDeskPage(browser);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'This database is in use' })).toBeVisible();
    await expect(page.getByText(`in use by another program (node, process ${holder.pid})`)).toBeVisible();
    await expect(page.getByRole('button', { name: /Restore the newest backup/ })).toHaveCount(0);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('close', resolve));
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('navigation', { name: 'Article library' })).toBeVisible();
    expect(host.session.status()).toMatchObject({ state: 'open', path: file });
    expect(fs.readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    await page.close();
  } finally {
    if (holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
    await host.close();
  }
});

test('a database on a read-only disk opens read-only: articles read and searched, shown read-only with the reason, writes refused in plain words', async ({
  browser,
  dir,
}) => {
  const source = path.join(dir, 'newsroom.db');
  const seeded = await startBrowserHost({ dbPath: source, rendererDir: RENDERER_DIR, seedOnCreate: true });
  await seeded.close();
  const place = readOnlyFolder([source]);
  test.skip(!place, 'LOUD: no read-only mount available here (needs root for a tmpfs), so this was not tested');
  const file = path.join(place!.path, 'newsroom.db');
  const before = sha(file);
  const host = await startBrowserHost({ dbPath: file, rendererDir: RENDERER_DIR });
  try {
    const page = await newDeskPage(browser);
    await page.goto(host.url);
    const headline = 'Harbour City Votes to Build Flood Barrier After Decade of Debate';
    await page.getByLabel('Search articles').fill('barrier');
    await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: headline, exact: true }).click();
    const reason =
      /^This database is open read-only: (it is on a read-only disk|its folder is read-only)\. You can read, search and export, but not change anything\.$/;
    await expect(page.getByRole('note').filter({ hasText: 'open read-only' })).toHaveText(reason);
    await expect(page.getByLabel('Headline')).toHaveAttribute('readonly', '');
    await expect(page.getByLabel('Article body')).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByLabel('Article body')).toContainText('flood barrier');

    await page.getByRole('button', { name: 'New article' }).click();
    await expect(page.getByText(/^Could not save: the database is read-only/).first()).toBeVisible();
    await expect(page.getByText(/attempt to write a readonly database/)).toHaveCount(0);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(place!.path)).toEqual(['newsroom.db']);
    await page.close();
  } finally {
    await host.close();
    place!.cleanup();
  }
});

/** Starts the browser host as its own process, as `npm run dev:browser` does, so it can be killed. */
async function spawnHost(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/node/browser-host.mjs'), '--db', dbPath, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`browser host exited early (${code})`)));
    lines.once('line', (line) => resolve(JSON.parse(line).url));
  });
  return { child, url };
}

test('SIGKILL while the writer types: every autosaved word survives and the database stays sound', async ({ browser, dir }) => {
  test.setTimeout(180_000);
  const dbPath = path.join(dir, 'newsroom.db');
  const saved: string[] = [];
  const rounds = 6;
  for (let round = 0; round < rounds; round++) {
    const { child, url } = await spawnHost(dbPath);
    const page = await newDeskPage(browser);
    await page.goto(url);
    if (round === 0) {
      await page.getByRole('button', { name: 'New article' }).click();
      await expect(page.getByLabel('Headline')).toBeFocused();
      await page.keyboard.type('Crash test');
      await expectSaved(page);
    } else {
      await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: 'Crash test', exact: true }).click();
    }
    const body = page.getByLabel('Article body');
    await body.click();
    await page.keyboard.press('Control+End');
    const word = `saved${round}`;
    await page.keyboard.type(` ${word}`);
    await expectSaved(page);
    saved.push(word);
    // Keep typing and kill the process at a random moment: before, during or after the next save.
    await page.keyboard.type(` unsaved${round}`, { delay: 15 });
    await page.waitForTimeout(Math.floor(Math.random() * 900));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await page.close();

    const db = openDatabase(dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const store = createArticleStore(db);
      const list = store.listArticles({ view: 'active' });
      const found = list.items.find((a) => a.headline === 'Crash test');
      expect(found, JSON.stringify(list.items.map((a) => a.headline))).toBeDefined();
      const article = store.getArticle(found!.id);
      const text = JSON.stringify(article.body);
      for (const w of saved) expect(text, `round ${round}: "${w}" was acknowledged as saved`).toContain(w);
    } finally {
      db.close();
    }
  }
});
