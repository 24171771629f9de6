/**
 * Each test gets its own browser host on a fresh database file in a temp
 * folder, and a page already open at the app with the per-run token. The page
 * cannot name folders: the host offers `<dbDir>/exports` for exports, as
 * `--export-folder` does.
 */
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist/renderer');

/**
 * `firstRun`: show the modal welcome card as a new desk does. Off by default, as if the tester had
 * chosen "Later", so specs about other things start at the desk itself.
 */
type Fixtures = {
  host: BrowserHost;
  dbDir: string;
  seed: boolean;
  allowPageErrors: boolean;
  firstRun: boolean;
  allowLocalWebImages: boolean;
  /** How soon the desk reconnects to a newsroom server (undefined: the desk's own back-off). */
  syncReconnect: { minDelay: number; maxDelay: number } | undefined;
  /** How often the desk asks the newsroom server for notifications (undefined: every 15 s). */
  notificationPollMs: number | undefined;
};

export const test = base.extend<Fixtures>({
  seed: [true, { option: true }],
  allowPageErrors: [false, { option: true }],
  firstRun: [false, { option: true }],
  /** Pasted web images may come from a local test server (the app refuses loopback addresses). */
  allowLocalWebImages: [false, { option: true }],
  syncReconnect: [undefined, { option: true }],
  notificationPollMs: [undefined, { option: true }],
  dbDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dbDir, seed, allowLocalWebImages, syncReconnect, notificationPollMs }, use) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
      throw new Error('dist/renderer is missing: run "node scripts/build.mjs --renderer" before the e2e tests.');
    }
    const host = await startBrowserHost({
      dbPath: path.join(dbDir, 'newsroom.db'),
      rendererDir: RENDERER_DIR,
      seedOnCreate: seed,
      offer: { exportFolders: [exportFolderOf(dbDir)] },
      // Pasted web images: only the spec's own server is ever fetched, so no test touches the network.
      webImages: { onlyHosts: ['127.0.0.1'], allowPrivateAddresses: allowLocalWebImages },
      ...(syncReconnect ? { syncReconnect } : {}),
      ...(notificationPollMs !== undefined ? { notificationPollMs } : {}),
    });
    await use(host);
    await host.close();
  },
  page: async ({ page, host, allowPageErrors, firstRun }, use) => {
    // On the context, so a second window of the same test starts at the desk too.
    if (!firstRun) await putOffWelcome(page.context());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(host.url);
    await use(page);
    if (!allowPageErrors) expect(errors, 'no uncaught errors or CSP violations in the page').toEqual([]);
  },
});

export { expect };

const WELCOME_LATER_KEY = 'newsroom.welcome.later';

/** As if "Later" had been chosen on the welcome card, in every page of `context`. */
async function putOffWelcome(context: ReturnType<Page['context']>) {
  await context.addInitScript((key) => sessionStorage.setItem(key, '1'), WELCOME_LATER_KEY);
}

/** A page in a fresh context (another window of another host), starting at the desk like the `page` fixture. */
export async function newDeskPage(browser: Browser): Promise<Page> {
  // browser.newPage() gives the page a context of its own that page.close() closes and awaits (a
  // context closed from the page's close event outlived its test and failed the next one).
  const page = await browser.newPage();
  await putOffWelcome(page.context());
  return page;
}

/** The export folder the test host offers. */
export const exportFolderOf = (dbDir: string) => path.join(dbDir, 'exports');

/** Chooses one of the offered folders (or files) in a path list, by the path it shows. */
export async function choosePath(page: Page, label: string, shown: string) {
  await page.getByLabel(label).selectOption({ label: shown });
}

/** Waits until the open article reports it is saved. */
export async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
}

/** The library row's open button for an article, by exact headline. */
export function articleButton(page: Page, headline: string) {
  return page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: headline, exact: true });
}

/** The library row (card) of an article: its button, status, byline, review facts and actions. */
export function articleRow(page: Page, headline: string) {
  return page
    .getByRole('list', { name: 'Articles' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: headline, exact: true }) });
}

/**
 * The open article's details, shown. Below 1440px wide (the project's 1280px viewport) the details
 * column is a rail of tabs beside the margin, and the Details tab opens it as a drawer.
 */
export async function showDetails(page: Page) {
  await page.getByRole('tab', { name: 'Details' }).click();
  return page.getByRole('complementary', { name: 'Article details' });
}
