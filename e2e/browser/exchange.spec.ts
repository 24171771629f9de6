import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildBundle, encodeBundle } from '../../electron/node/exchange/bundleFile';
import { test, expect, articleButton, choosePath, exportFolderOf } from './fixtures';

const SEED_HEADLINE = 'Harbour City Votes to Build Flood Barrier After Decade of Debate';
const SLUG = 'harbour-city-votes-to-build-flood-barrier-after-decade-of-debate';

/** Drops files on the window the way the OS does: a drop event carrying a DataTransfer. */
async function dropFiles(page: Page, files: { name: string; base64: string; type?: string }[]) {
  // The drop listener is attached once the desk has loaded.
  await page.getByRole('button', { name: 'Import…' }).waitFor();
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type ?? '' }));
    }
    const target = document.querySelector('.workspace') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
}

test.describe('export and import', () => {
  test('export dialog: formats, folder, progress, files on disk, reveal', async ({ page, dbDir }) => {
    await articleButton(page, SEED_HEADLINE).click();
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Export “Harbour City/ });
    await expect(dialog).toBeVisible();
    for (const label of ['Markdown', 'Plain text', 'Word (.docx)', 'Article bundle (.newsroom)']) await dialog.getByLabel(label).check();
    // The page cannot type a folder: it picks one the host offers.
    await expect(dialog.getByRole('textbox', { name: 'Folder' })).toHaveCount(0);
    const out = exportFolderOf(dbDir);
    await choosePath(page, 'Folder', out);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByTestId('export-state')).toHaveText(`Exported 1 of 1 to ${out}.`);
    await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
    for (const ext of ['.html', '.md', '.txt', '.docx', '.newsroom']) expect(fs.existsSync(path.join(out, SLUG + ext)), ext).toBe(true);
    await dialog.getByRole('button', { name: 'Reveal files' }).click();
    await expect(dialog.getByTestId('export-folder-path')).toHaveText(out);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The folder (first in the host's list once used) and the formats are remembered.
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    await expect(page.getByLabel('Folder').locator('option:checked')).toHaveText(out);
    await expect(page.getByLabel('Markdown')).toBeChecked();
  });

  test('batch export from the library shows progress and can be cancelled', async ({ page, host, dbDir }) => {
    const store = host.session.store();
    const body = Array.from({ length: 300 }, (_, i) => ({
      type: 'paragraph' as const,
      children: [{ text: `Paragraph ${i} of a long story about the port.` }],
    }));
    store.transaction(() => {
      for (let i = 0; i < 150; i++) store.createArticle({ headline: `Batch story ${i}`, body });
    });
    await page.reload();
    await page.getByRole('button', { name: 'Export articles…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export articles' });
    await expect(dialog.getByText('Articles (151 of 151)')).toBeVisible();
    await dialog.getByLabel('Web page (HTML)').uncheck();
    await dialog.getByLabel('Word (.docx)').check();
    await dialog.getByLabel('IPTC ninjs 3.1 (JSON)').check();
    const out = exportFolderOf(dbDir);
    await choosePath(page, 'Folder', out);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const bar = dialog.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuemax', '151');
    // Cancel as soon as it shows, not after waiting for progress: on a busy machine the page's polls
    // once came so late that the whole batch had finished first. The bar then shows where it stopped.
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await expect(dialog.getByTestId('export-state')).toHaveText(/Cancelled after (\d+) of 151/);
    const done = Number(/after (\d+)/.exec((await dialog.getByTestId('export-state').textContent())!)![1]);
    expect(done).toBeLessThan(151);
    await expect(bar).toHaveAttribute('aria-valuenow', String(done));
    const docx = fs.readdirSync(out).filter((f) => f.endsWith('.docx'));
    expect(docx.length).toBe(done);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  test('dropping a Markdown file imports it and opens it', async ({ page }) => {
    const md = '---\nheadline: "Dropped from the desktop"\ndek: "A dek"\n---\n\nFirst paragraph with **bold**.\n';
    await dropFiles(page, [{ name: 'dropped.md', base64: Buffer.from(md).toString('base64'), type: 'text/markdown' }]);
    await expect(articleButton(page, 'Dropped from the desktop')).toBeVisible();
    await expect(page.getByLabel('Headline')).toHaveValue('Dropped from the desktop');
    await expect(page.getByLabel('Article body')).toContainText('First paragraph with bold.');
  });

  test('a file that is not what its name says is refused with a reason', async ({ page, host }) => {
    const before = host.session.store().articleCount();
    await dropFiles(page, [{ name: 'story.docx', base64: Buffer.from('plain words').toString('base64') }]);
    await expect(page.getByText('"story.docx" is not a Word document: it is text. Nothing was imported.')).toBeVisible();
    expect(host.session.store().articleCount()).toBe(before);
  });

  test('dropping a bundle: a new article imports; an existing one asks, and "Keep both" keeps both', async ({ page, host }) => {
    const seedId = host.session.store().listArticles({ view: 'active' }).items[0]!.id;
    const fresh = buildBundle(host.session, seedId);
    fresh.article.id = 'article-from-another-desk';
    fresh.article.headline = 'Ferry timetable changes from May';
    await dropFiles(page, [{ name: 'ferry.newsroom', base64: encodeBundle(fresh).toString('base64') }]);
    await expect(articleButton(page, 'Ferry timetable changes from May')).toBeVisible();

    const theirs = buildBundle(host.session, seedId);
    theirs.article.headline = 'Harbour City Delays Flood Barrier Vote';
    await dropFiles(page, [{ name: 'seed.newsroom', base64: encodeBundle(theirs).toString('base64') }]);
    const dialog = page.getByRole('dialog', { name: 'This article is already here' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('conflict-headline').locator('ins').first()).toHaveText(' Delays');
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await expect(articleButton(page, 'Harbour City Delays Flood Barrier Vote (imported copy)')).toBeVisible();
    await expect(articleButton(page, SEED_HEADLINE)).toBeVisible();
    expect(host.session.store().getArticle(seedId).headline).toBe(SEED_HEADLINE);
  });
});
