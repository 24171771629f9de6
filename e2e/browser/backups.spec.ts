import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { startBrowserHost } from '../../electron/browser-host/server';
import { createArticleStore } from '../../electron/node/store/articleStore';
import { tinyDisk } from '../../electron/node/store/__fixtures__/diskPlaces';
import { openDatabase } from '../../electron/node/store/database';
import { test, expect, expectSaved, articleButton, choosePath, RENDERER_DIR, ROOT, newDeskPage } from './fixtures';

test('back up now, write more, restore the backup after confirming, then undo the restore', async ({ page, host }) => {
  await page.getByRole('button', { name: 'Backups…' }).click();
  await expect(page.getByText('No backups yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  const table = page.getByRole('table', { name: 'Backups' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Backed up by hand');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('1');
  await expect(page.getByLabel('Backup folder').locator('option:checked')).toHaveText(path.join(path.dirname(host.session.status().path), 'backups'));

  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Written after the backup');
  await expectSaved(page);
  await expect(articleButton(page, 'Written after the backup')).toBeVisible();

  await page.getByRole('button', { name: 'Backups…' }).click();
  await page
    .getByRole('button', { name: /^Restore the backup of / })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('backed up first');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(articleButton(page, 'Written after the backup')).toBeVisible();

  await page
    .getByRole('button', { name: /^Restore the backup of / })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(/so you can undo this/)).toBeVisible();
  await expect(articleButton(page, 'Written after the backup')).toHaveCount(0);
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();

  // The database as it was before the restore is the newest backup: restoring it brings the article back.
  await page.getByRole('button', { name: 'Backups…' }).click();
  const newest = table.getByRole('row').nth(1);
  await expect(newest).toContainText('Before a restore');
  await expect(newest.getByRole('cell').nth(2)).toHaveText('2');
  await newest.getByRole('button', { name: /^Restore the backup of / }).click();
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(articleButton(page, 'Written after the backup')).toBeVisible();
  expect(host.session.database()!.pragma('integrity_check', { simple: true })).toBe('ok');
});

test('backups go to a folder the user chooses among those the host offers', async ({ browser, dbDir }) => {
  const chosen = path.join(dbDir, 'offsite');
  const host = await startBrowserHost({ dbPath: path.join(dbDir, 'newsroom.db'), rendererDir: RENDERER_DIR, offer: { backupFolders: [chosen] } });
  try {
    const page = await newDeskPage(browser);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Backups…' }).click();
    // The page cannot type a folder, and this host has no dialog to pick one.
    await expect(page.getByRole('textbox', { name: 'Backup folder' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
    await choosePath(page, 'Backup folder', chosen);
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect(page.getByText('Backups will be written to the new folder.')).toBeVisible();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
    expect(fs.readdirSync(chosen).filter((f) => f.endsWith('.db'))).toHaveLength(1);
    expect(host.backups.list().folder).toBe(chosen);
    await expect(page.getByLabel('Backup folder').locator('option:checked')).toHaveText(chosen);
    await page.close();
  } finally {
    await host.close();
  }
});

test('a damaged database offers its newest good backup, and restoring it opens the desk', async ({ browser, dbDir }) => {
  const dbPath = path.join(dbDir, 'damaged.db');
  const first = await startBrowserHost({ dbPath, rendererDir: RENDERER_DIR });
  const good = await first.backups.backupNow('automatic');
  await first.close();
  const bytes = fs.readFileSync(dbPath);
  randomBytes(bytes.length - 4096).copy(bytes, 4096);
  fs.writeFileSync(dbPath, bytes);

  const host = await startBrowserHost({ dbPath, rendererDir: RENDERER_DIR });
  try {
    expect(host.session.status().state).toBe('error');
    const page = await newDeskPage(browser);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'This database can’t be opened' })).toBeVisible();
    await page.getByRole('button', { name: /^Restore the newest backup \(/ }).click();
    await expect(articleButton(page, 'Harbour City Votes to Build Flood Barrier After Decade of Debate')).toBeVisible();
    expect(host.session.status()).toMatchObject({ state: 'open', path: dbPath });
    expect(fs.readdirSync(dbDir).some((f) => f.startsWith('damaged.db.damaged-'))).toBe(true);
    expect(host.backups.list().backups.map((b) => b.name)).toContain(good.name);
    await page.close();
  } finally {
    await host.close();
  }
});

/** A second browser host on the same file, in its own process: another window of the desk, or another desk. */
async function spawnSecondHost(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/node/browser-host.mjs'), '--db', dbPath, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`browser host exited early (${code})`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).url));
  });
  return { child, url };
}

test('a restore while another process has the database open: its saves before are in the undo backup, its saves after are in the database', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(90_000);
  const dbPath = host.session.status().path;
  await page.getByRole('button', { name: 'Backups…' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);

  const second = await spawnSecondHost(dbPath);
  const other = await newDeskPage(browser);
  try {
    await other.goto(second.url);
    await other.getByRole('button', { name: 'New article' }).click();
    await expect(other.getByLabel('Headline')).toBeFocused();
    await other.keyboard.type('Saved in the other window before the restore');
    await expectSaved(other);

    await page
      .getByRole('button', { name: /^Restore the backup of / })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText(/so you can undo this/)).toBeVisible();

    // The other window goes on working in the restored database, not in a file that was renamed away.
    await other.getByRole('button', { name: 'New article' }).click();
    await expect(other.getByLabel('Headline')).toBeFocused();
    await other.keyboard.type('Saved in the other window after the restore');
    await expectSaved(other);

    const headlines = () =>
      host.session
        .store()
        .listArticles({ view: 'active', limit: 50 })
        .items.map((a) => a.headline);
    expect(headlines()).toContain('Saved in the other window after the restore');
    expect(headlines()).not.toContain('Saved in the other window before the restore');
    await page.reload();
    await expect(articleButton(page, 'Saved in the other window after the restore')).toBeVisible();

    // The save made before the restore is in the undo backup.
    const undo = host.backups.list().backups.find((b) => b.kind === 'before-restore')!;
    const copy = path.join(path.dirname(dbPath), 'undo-copy.db');
    fs.copyFileSync(path.join(host.backups.list().folder, undo.name), copy);
    const db = openDatabase(copy);
    try {
      expect(
        createArticleStore(db)
          .listArticles({ view: 'active', limit: 50 })
          .items.map((a) => a.headline),
      ).toContain('Saved in the other window before the restore');
    } finally {
      db.close();
    }
  } finally {
    await other.close();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('close', r));
  }
});

test('a backup onto a full disk says so in plain words', async ({ page, host }) => {
  const disk = tinyDisk(64 * 1024);
  test.skip(!disk, 'LOUD: no tmpfs can be mounted here (needs root), so a real full disk was not tested');
  try {
    host.backups.setFolder(disk!.path);
    await page.getByRole('button', { name: 'Backups…' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(
      page.getByText(
        `The backup was not written: the disk holding the backup folder (${disk!.path}) is full. Free some space on it or choose another backup folder; the database itself is unchanged.`,
      ),
    ).toBeVisible();
    await expect(page.getByText(/integrity check|database or disk is full/)).toHaveCount(0);
    expect(fs.readdirSync(disk!.path)).toEqual([]);
  } finally {
    disk?.cleanup();
  }
});
