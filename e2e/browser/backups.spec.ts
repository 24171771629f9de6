import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowserHost } from '../../electron/browser-host/server';
import { test, expect, expectSaved, articleButton, choosePath, RENDERER_DIR } from './fixtures';

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
  await page.getByRole('button', { name: /^Restore the backup of / }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('backed up first');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(articleButton(page, 'Written after the backup')).toBeVisible();

  await page.getByRole('button', { name: /^Restore the backup of / }).first().click();
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
    const page = await browser.newPage();
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
    const page = await browser.newPage();
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
