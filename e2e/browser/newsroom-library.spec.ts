/**
 * The newsroom's shared libraries, one person's flow across two desks (two browser hosts, two
 * database files) and a real newsroom server process: an editor changes an author's bio on desk A;
 * the writer's desk B gets it (the synced bio block in B's newsroom article follows, and B's library
 * shows it), keeps it offline with the server stopped and inserts it there, and cannot edit it; the
 * editor, offline, is told the change needs a connection and keeps what they typed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startBrowserHost } from '../../electron/browser-host/server';
import { api, signInAs } from '../../server/test/harness';
import { expectNoA11yViolations } from './a11y';
import { expect, newDeskPage, RENDERER_DIR, test } from './fixtures';
import { addAccount, PEOPLE, runServer, signIn } from './newsroomServer';

const areas = (page: Page) => page.getByRole('navigation', { name: 'Desk areas' });
const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
const bioBlock = (page: Page, name: string) => body(page).getByRole('group', { name: `Author bio: ${name}` });

async function openAuthors(page: Page, name: string) {
  await areas(page).getByRole('button', { name: 'Authors' }).click();
  await page
    .getByRole('list', { name: 'Authors' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
}

/** Inserts an author's bio through the "/" menu and the picker. */
async function insertBio(page: Page, search: string) {
  await page.keyboard.type('/author bio');
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog');
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type(search);
  await expect(picker.getByRole('option').first()).toContainText(new RegExp(search, 'i'));
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
}

async function newArticle(page: Page, headline: string, text: string) {
  await areas(page).getByRole('button', { name: 'Articles' }).click();
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill(headline);
  await body(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const BIO_V1 = 'Ines covers the port.';
const BIO_V2 = 'Ines covers the port and the ferries.';

test.use({ seed: false, syncReconnect: { minDelay: 200, maxDelay: 1_000 } });

test('an editor’s change to an author reaches the writer’s desk, its article and its offline library; the writer inserts it but cannot edit it', async ({
  page,
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-server-e2e-'));
  const editorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-editor-'));
  await addAccount(dataDir, PEOPLE.writer);
  await addAccount(dataDir, PEOPLE.editor);
  const server = await runServer(dataDir);
  const editorHost = await startBrowserHost({
    dbPath: path.join(editorDir, 'newsroom.db'),
    rendererDir: RENDERER_DIR,
    seedOnCreate: false,
    syncReconnect: { minDelay: 200, maxDelay: 1_000 },
  });
  const editor = await newDeskPage(browser);
  try {
    // The newsroom's library already has Ines (made by an editor through the API).
    const token = await signInAs(server.http, PEOPLE.editor.name, PEOPLE.editor.password);
    const ines = {
      name: 'Ines Halvorsen',
      jobTitle: 'Harbour Reporter',
      bio: [{ text: BIO_V1 }],
      email: '',
      photoAssetId: '',
      readMoreUrl: '',
      profileLinks: [],
    };
    const created = await api(server.http, '/api/library', { token, body: { kind: 'author', id: 'b1c0a3d2-0000-4000-8000-000000000001', data: ines } });
    expect(created.status).toBe(201);

    // Desk B: the writer signs in; the desk fetches the newsroom's library. A newsroom article with her bio.
    await signIn(page, server, PEOPLE.writer);
    await newArticle(page, 'Harbour wall gives way', 'The wall fell at dawn.');
    await insertBio(page, 'ines');
    const bio = bioBlock(page, 'Ines Halvorsen');
    await expect(bio).toContainText(BIO_V1);
    await expect(bio.getByTestId('library-block-state')).toHaveText('Synced with library · version 1');
    await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');

    // Desk A: the editor changes the bio. It goes to the server, then the editor's library and articles.
    await editor.goto(editorHost.url);
    await signIn(editor, server, PEOPLE.editor);
    await openAuthors(editor, 'Ines Halvorsen');
    const form = editor.getByRole('form', { name: 'Edit Ines Halvorsen' });
    await expect(form.getByRole('note')).toContainText('This author is the newsroom’s: saving sends your change to the newsroom server');
    // The newsroom's entries are archived, never deleted.
    await expect(form.getByRole('button', { name: 'Archive' })).toBeVisible();
    await expect(form.getByRole('button', { name: 'Delete…' })).toHaveCount(0);
    await form.getByRole('textbox', { name: 'Short bio' }).click();
    await editor.keyboard.press('End');
    await editor.keyboard.press('Backspace');
    await editor.keyboard.type(' and the ferries.');
    await form.getByRole('button', { name: 'Save author' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved.');
    await expect(form.getByRole('heading', { level: 2 })).toContainText('version 2');
    await expectNoA11yViolations(editor, 'an editor’s newsroom author');

    // Desk B: the synced bio block in the open newsroom article follows, as an edit of its document.
    await expect(bio).toContainText(BIO_V2);
    await expect(bio.getByTestId('library-block-state')).toHaveText('Synced with library · version 2');

    // B's library has the new version, read-only for the writer, saying who may change it.
    await openAuthors(page, 'Ines Halvorsen');
    const view = page.getByRole('region', { name: 'Author library' }).getByRole('region', { name: 'Ines Halvorsen' });
    await expect(view).toContainText(BIO_V2);
    await expect(view).toContainText('version 2');
    await expect(view.getByRole('note')).toHaveText(
      'Newsroom Only editors change the newsroom’s libraries; writers insert their entries. Insert this author into an article; ask an editor to change it.',
    );
    await expect(page.getByRole('form', { name: 'Edit Ines Halvorsen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save author' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Short bio' })).toHaveCount(0);
    await expectNoA11yViolations(page, 'a writer’s newsroom author');

    // The server stops: B has the library offline and inserts the bio into a new article.
    server.child.kill('SIGKILL');
    await server.exited;
    await expect(page.getByTestId('connection-state')).toHaveText(/^Offline/);
    await newArticle(page, 'Ferries back on time', 'The ferries ran to time.');
    await insertBio(page, 'ines');
    const offlineBio = bioBlock(page, 'Ines Halvorsen');
    await expect(offlineBio).toContainText(BIO_V2);
    await expect(offlineBio.getByTestId('library-block-state')).toHaveText('Synced with library · version 2');

    // A, offline too: the change needs a connection; the form keeps what the editor typed.
    await expect(editor.getByTestId('connection-state')).toHaveText(/^Offline/);
    await form.getByLabel('Job title').fill('Harbour and Ferries Reporter');
    await form.getByRole('button', { name: 'Save author' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      'The newsroom’s library changes need a connection to the newsroom server. Nothing was changed, and what you typed is still in the form: save again when the desk is online.',
    );
    await expect(form.getByLabel('Job title')).toHaveValue('Harbour and Ferries Reporter');
    await expect(form.getByRole('heading', { level: 2 })).toContainText('version 2');
  } finally {
    await editor.close();
    await editorHost.close();
    server.child.kill('SIGKILL');
    await server.exited;
    for (const dir of [dataDir, editorDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
