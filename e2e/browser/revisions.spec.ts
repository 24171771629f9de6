/**
 * Revisions kept on the newsroom server, as people use them: a writer writes, saves a version, keeps
 * writing and submits (the server keeps that text too); on a second desk with a fresh profile (as if
 * a laptop was lost: nothing of the article's history is on it) the editor opens the article's
 * history, sees the versions with names and reasons, compares one with the current text, restores
 * it, and the writer's desk sees the restored text; Ctrl+Z takes the restore back. A read-only
 * article says why it cannot be restored; offline, the panel says the history needs a connection.
 * A real server process, real desks in Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startBrowserHost } from '../../electron/browser-host/server';
import { signInAs } from '../../server/test/harness';
import { expectNoA11yViolations } from './a11y';
import { expect, newDeskPage, RENDERER_DIR, test } from './fixtures';
import { addAccount, PEOPLE, runServer, signIn, type Server } from './newsroomServer';

async function openFromLibrary(page: Page, headline: string) {
  const show = page.getByRole('combobox', { name: 'Show' });
  if ((await show.inputValue()) !== 'all') await show.selectOption({ label: 'All articles' });
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: headline, exact: true }).click();
  await expect(page.getByLabel('Headline')).toHaveValue(headline);
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
const paragraphs = (page: Page) => body(page).locator('p').allInnerTexts();
const serverVersions = (page: Page) => page.getByRole('region', { name: 'Versions on the newsroom server' });

async function typeAtEndOf(page: Page, index: number, text: string) {
  await body(page).locator('p').nth(index).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

type Newsroom = { server: Server; newDesk: () => Promise<Page> };

/** A real server with the two accounts, and desks on demand: each its own browser host, database and browser context. */
const newsroomTest = test.extend<{ newsroom: Newsroom }>({
  newsroom: async ({ browser }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-server-e2e-'));
    const dirs = [dataDir];
    const cleanups: Array<() => Promise<unknown>> = [];
    try {
      await addAccount(dataDir, PEOPLE.writer);
      await addAccount(dataDir, PEOPLE.editor);
      const server = await runServer(dataDir);
      cleanups.push(async () => {
        server.child.kill('SIGKILL');
        await server.exited;
      });
      const newDesk = async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-desk-'));
        dirs.push(dir);
        const host = await startBrowserHost({
          dbPath: path.join(dir, 'newsroom.db'),
          rendererDir: RENDERER_DIR,
          seedOnCreate: false,
          syncReconnect: { minDelay: 200, maxDelay: 1_000 },
        });
        const desk = await newDeskPage(browser);
        cleanups.unshift(async () => {
          await desk.close();
          await host.close();
        });
        await desk.goto(host.url);
        return desk;
      };
      await use({ server, newDesk });
    } finally {
      for (const cleanup of cleanups) await cleanup();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});

newsroomTest.use({ seed: false, syncReconnect: { minDelay: 200, maxDelay: 1_000 } });

/**
 * The writer's story on the server, submitted there (the desk's checklist wants a byline this empty
 * newsroom lacks); `before` is what she does first.
 */
async function writeAndSubmit(page: Page, server: Server, before: () => Promise<void> = async () => {}) {
  await signIn(page, server, PEOPLE.writer);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Harbour wall gives way');
  await body(page).click();
  await page.keyboard.type('The old wall fell at dawn.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
  await before();
  const writerToken = await signInAs(server.http, PEOPLE.writer.name, PEOPLE.writer.password);
  const articles = await (await fetch(`${server.http}/api/articles`, { headers: { authorization: `Bearer ${writerToken}` } })).json();
  // Her only article (the server's listing takes the headline only when it next stores the document).
  expect(articles.articles).toHaveLength(1);
  const submitted = await fetch(`${server.http}/api/articles/${(articles.articles[0] as { id: string }).id}/transition`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${writerToken}` },
    body: JSON.stringify({ action: 'submit' }),
  });
  expect(submitted.status).toBe(200);
}

newsroomTest(
  'a fresh desk sees the server’s versions with who and why, compares one, restores it, and the writer’s desk gets it',
  async ({ page, newsroom }) => {
    const { server, newDesk } = newsroom;
    // The writer saves a version, keeps writing and submits: the server keeps both texts.
    await writeAndSubmit(page, server, async () => {
      await page.getByRole('tab', { name: 'History' }).click();
      await serverVersions(page).getByRole('button', { name: 'Save a version' }).click();
      await expect(serverVersions(page).getByRole('status')).toHaveText('Saved as version 1.');
      await typeAtEndOf(page, 0, ' Three boats sank.');
      await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
    });

    // A second desk with a fresh profile: the editor's, with nothing of the article on it.
    const spare = await newDesk();
    await signIn(spare, server, PEOPLE.editor);
    await openFromLibrary(spare, 'Harbour wall gives way');
    expect(await paragraphs(spare)).toEqual(['The old wall fell at dawn. Three boats sank.']);
    await spare.getByRole('tab', { name: 'History' }).click();
    const versions = serverVersions(spare).getByRole('list', { name: 'Versions on the server' }).getByRole('listitem');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText('Version 2: Submitted');
    await expect(versions.nth(0)).toContainText('Mara Lindqvist');
    await expect(versions.nth(1)).toContainText('Version 1: Saved version');
    await expect(versions.nth(1)).toContainText('Mara Lindqvist');
    await expect(spare.getByRole('region', { name: 'On this computer' })).toContainText('None.');
    await expectNoA11yViolations(spare, 'the server’s history of a newsroom article');

    // Compare version 1 with the current text: the sentence written since is what was added.
    await versions.nth(1).getByRole('button', { name: 'Compare version 1 with the current text' }).click();
    const comparison = spare.getByRole('dialog', { name: 'Comparison' });
    await expect(comparison.getByRole('heading', { name: 'Version 1: Saved version → Current text' })).toBeVisible();
    await expect(comparison.locator('ins')).toHaveText([' Three boats sank.']);
    await expect(comparison.locator('del')).toHaveCount(0);
    await expectNoA11yViolations(spare, 'a comparison with a server version');
    await comparison.getByRole('button', { name: 'Close' }).click();

    // Restore it: the text is version 1's here and on the writer's desk; the restore is in the history.
    await versions.nth(1).getByRole('button', { name: 'Restore version 1' }).click();
    await expect(serverVersions(spare).getByRole('status')).toHaveText('Version 1 restored. Ctrl+Z in the text takes it back.');
    expect(await paragraphs(spare)).toEqual(['The old wall fell at dawn.']);
    await expect.poll(() => paragraphs(page)).toEqual(['The old wall fell at dawn.']);
    // The text it replaced is version 2's, so no second copy of it is kept before the restore.
    await expect(versions).toHaveCount(3);
    await expect(versions.nth(0)).toContainText('Version 3: Restored version 1');
    await expect(versions.nth(0)).toContainText('Tomas Okafor');
    await expect(versions.nth(1)).toContainText('Version 2: Submitted');
    await versions.nth(1).getByRole('button', { name: 'Compare version 2 with the current text' }).click();
    await expect(comparison.locator('del')).toHaveText([' Three boats sank.']);
    await expect(comparison.locator('ins')).toHaveCount(0);
    await comparison.getByRole('button', { name: 'Close' }).click();

    // An ordinary edit: Ctrl+Z in the body takes the restore back, on every desk.
    await body(spare).click();
    await spare.keyboard.press('Control+z');
    expect(await paragraphs(spare)).toEqual(['The old wall fell at dawn. Three boats sank.']);
    await expect.poll(() => paragraphs(page)).toEqual(['The old wall fell at dawn. Three boats sank.']);
  },
);

newsroomTest(
  'a writer reads the server’s history of her submitted article but is told why she cannot restore, and offline why it is not there',
  async ({ page, newsroom }) => {
    await writeAndSubmit(page, newsroom.server);
    await page.getByRole('tab', { name: 'History' }).click();
    const versions = serverVersions(page);
    await expect(versions.getByRole('listitem')).toHaveCount(1);
    await expect(versions.getByRole('listitem')).toContainText('Version 1: Submitted');
    await expect(versions.getByRole('listitem')).toContainText('Mara Lindqvist');
    await expect(versions.getByRole('button', { name: /^(Restore|Save)/ })).toHaveCount(0);
    await expect(versions).toContainText(
      'Restoring or saving versions needs write access: The article is with the editors: a writer edits it again when it is returned.',
    );
    await expectNoA11yViolations(page, 'the server’s history of a read-only article');

    // Offline, the panel says the server's history needs a connection.
    await page.getByTestId('connection-state').click();
    const dialog = page.getByRole('dialog', { name: 'Newsroom server' });
    // Checked once the desk has taken it (the box shows the desk's state).
    await dialog.getByRole('checkbox', { name: /Work offline/ }).click();
    await expect(dialog.getByRole('checkbox', { name: /Work offline/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(versions).toContainText('The newsroom server’s history needs a connection: it shows here when the desk is online.');
    await expect(versions.getByRole('listitem')).toHaveCount(0);
    await expectNoA11yViolations(page, 'the server’s history while offline');
  },
);
