/**
 * Two people on one article, each at their own desk (two browser hosts, two database files), signed
 * in to one real newsroom server process: live typing, both offline while the server is down, a desk
 * closed while offline, the server killed mid-typing, and an approved article refused to the writer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { connect, signInAs, until } from '../../server/test/harness';
import { fieldsMap } from '../../shared/sync/articleDoc';
import { articleDocumentName } from '../../shared/sync/documentName';
import { expectNoA11yViolations } from './a11y';
import { convertImport } from '../../electron/node/exchange/convertImport';
import { choosePath, expect, exportFolderOf, newDeskPage, RENDERER_DIR, test } from './fixtures';
import { addAccount, PEOPLE, runServer, signIn as signInDesk, type Person, type Server } from './newsroomServer';

async function stop(server: Server, signal: 'SIGKILL' | 'SIGTERM') {
  server.child.kill(signal);
  await server.exited;
}

/** Signs in through the dialog; the desk then shows the account's name beside its role. */
async function signIn(page: Page, server: Server, person: Person) {
  await signInDesk(page, server, person);
  await expect(page.getByTestId('account-role')).toContainText(person.name);
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
const connection = (page: Page) => page.getByTestId('connection-state');

/** Puts the caret at the end of the body's paragraph `index` (0-based) and types. */
async function typeAtEndOf(page: Page, index: number, text: string) {
  const paragraph = body(page).locator('p').nth(index);
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function openFromLibrary(page: Page, headline: string) {
  // An editor's desk opens on the review queue; a draft is under "All articles".
  const show = page.getByRole('combobox', { name: 'Show' });
  if ((await show.inputValue()) !== 'all') await show.selectOption({ label: 'All articles' });
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: headline, exact: true }).click();
  await expect(page.getByLabel('Headline')).toHaveValue(headline);
}

const paragraphs = (page: Page) => body(page).locator('p').allInnerTexts();

/** The commented words, whole: spelling and house-style underlines split the mark into several spans. */
const commentedText = (page: Page) =>
  page
    .locator('.comment-mark')
    .allTextContents()
    .then((parts) => parts.join(''));

type Team = { server: Server; dataDir: string; editorHost: BrowserHost; editor: Page; extraDirs: string[] };

const test2 = test.extend<{ team: Team }>({
  team: async ({ browser, notificationPollMs }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-server-e2e-'));
    await addAccount(dataDir, PEOPLE.writer);
    await addAccount(dataDir, PEOPLE.editor);
    const server = await runServer(dataDir);
    const editorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-editor-'));
    const editorHost = await startBrowserHost({
      dbPath: path.join(editorDir, 'newsroom.db'),
      rendererDir: RENDERER_DIR,
      seedOnCreate: false,
      syncReconnect: { minDelay: 200, maxDelay: 1_000 },
      ...(notificationPollMs !== undefined ? { notificationPollMs } : {}),
    });
    const editor = await newDeskPage(browser);
    await editor.goto(editorHost.url);
    const team: Team = { server, dataDir, editorHost, editor, extraDirs: [editorDir] };
    await use(team);
    await editor.close();
    await editorHost.close();
    team.server.child.kill('SIGKILL');
    await team.server.exited;
    for (const dir of [dataDir, ...team.extraDirs]) fs.rmSync(dir, { recursive: true, force: true });
  },
});

// Reconnect within a second of the server's return, so the specs need not wait out a long back-off.
test2.use({ seed: false, syncReconnect: { minDelay: 200, maxDelay: 1_000 } });

test2('two people on one article see each other’s typing live, with the connection state always in view', async ({ page, team }) => {
  const { editor, server } = team;
  await expect(connection(page)).toHaveText('Solo desk: articles stay on this computer');
  // Settings ▸ Newsroom server leads to the same dialog; it and the state pass axe.
  await page
    .getByRole('button', { name: /^Settings/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Sign in to a newsroom server…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Newsroom server' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'newsroom server settings');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await signIn(page, server, PEOPLE.writer);
  await expectNoA11yViolations(page, 'signed-in desk');

  // The writer starts an article: it is the newsroom's, and reaches the server.
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Harbour wall gives way');
  await body(page).click();
  await page.keyboard.type('The old wall fell at dawn.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');

  // The editor signs in and finds it in the library.
  await signIn(editor, server, PEOPLE.editor);
  await openFromLibrary(editor, 'Harbour wall gives way');
  await expect(body(editor)).toContainText('The old wall fell at dawn.');

  // Live: each sees the other's words without reloading.
  await typeAtEndOf(page, 0, ' Nobody was hurt.');
  await expect(body(editor)).toContainText('The old wall fell at dawn. Nobody was hurt.');
  await body(editor).locator('p').first().click();
  await editor.keyboard.press('End');
  await editor.keyboard.press('Enter');
  await editor.keyboard.type('Engineers will inspect the harbour.');
  await expect(body(page)).toContainText('Engineers will inspect the harbour.');
  await editor.getByLabel('Dek').fill('Storm damage closes the east quay');
  await expect(page.getByLabel('Dek')).toHaveValue('Storm damage closes the east quay');

  await expect(connection(page)).toHaveText('Up to date');
  await expect(connection(editor)).toHaveText('Up to date');
  expect(await paragraphs(editor)).toEqual(await paragraphs(page));

  // Presence: each sees who else is on the article, and the other's cursor with their name.
  await expect(page.getByRole('list', { name: 'Also on this article: Tomas Okafor' })).toBeVisible();
  await expect(editor.getByRole('list', { name: 'Also on this article: Mara Lindqvist' })).toBeVisible();
  await typeAtEndOf(page, 0, ' More soon.');
  const maraCursor = editor.locator('[data-testid="remote-cursor"][data-name="Mara Lindqvist"]');
  await expect(maraCursor).toHaveCount(1);
  await expect(maraCursor).toContainText('Mara Lindqvist');
  // Her caret sits at the end of the first paragraph, where she typed, on the editor's screen too.
  const lead = (await body(editor).locator('p').first().boundingBox())!;
  await expect
    .poll(async () => {
      const caret = (await maraCursor.locator('.presence-caret').boundingBox())!;
      return caret.y >= lead.y - 2 && caret.y + caret.height <= lead.y + lead.height + 2;
    })
    .toBe(true);
  // The writer's view, with the editor's chip and cursor in it, passes axe.
  await expect(page.locator('[data-testid="remote-cursor"][data-name="Tomas Okafor"]')).toHaveCount(1);
  await expectNoA11yViolations(page, 'an article with someone else on it');
  // The editor moves on to an article of their own: within seconds the writer sees them gone.
  await editor.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByRole('list', { name: /^Also on this article/ })).toBeHidden({ timeout: 5_000 });
  await expect(page.getByTestId('remote-cursor')).toHaveCount(0);
});

test2('both desks edit offline while the server is down, and converge with every word when it is back', async ({ page, team }) => {
  const { editor } = team;
  await signIn(page, team.server, PEOPLE.writer);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Ferry timetable');
  await body(page).click();
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
  await signIn(editor, team.server, PEOPLE.editor);
  await openFromLibrary(editor, 'Ferry timetable');
  await expect(body(editor)).toContainText('Second paragraph.');

  // A deploy: the server stops gracefully (SIGTERM closes every connection with 1012).
  await stop(team.server, 'SIGTERM');
  await expect(connection(page)).toHaveText(/^Offline/);
  await expect(connection(editor)).toHaveText(/^Offline/);

  // Same paragraph on both desks, and a different one on each.
  await typeAtEndOf(page, 0, ' Writer offline one.');
  await typeAtEndOf(editor, 0, ' Editor offline one.');
  await typeAtEndOf(page, 1, ' Writer offline two.');
  await typeAtEndOf(editor, 1, ' Editor offline two.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this computer — not yet on the server');
  await expect(connection(page)).toHaveText('Offline — changes to 1 article are kept on this computer');
  // A new article while offline: the newsroom's, created on the server once the desk connects.
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Written offline');
  await body(page).click();
  await page.keyboard.type('Filed from the ferry.');
  await expect(connection(page)).toHaveText('Offline — changes to 2 articles are kept on this computer');
  await openFromLibrary(page, 'Ferry timetable');
  // Never a stale "Up to date" while the server is away.
  await page.waitForTimeout(1_500);
  await expect(connection(page)).not.toHaveText('Up to date');

  team.server = await runServer(team.dataDir, team.server.port);
  await expect(connection(page)).toHaveText('Up to date', { timeout: 20_000 });
  await expect(connection(editor)).toHaveText('Up to date', { timeout: 20_000 });
  await expect.poll(async () => JSON.stringify(await paragraphs(editor))).toBe(JSON.stringify(await paragraphs(page)));
  const text = (await paragraphs(page)).join('\n');
  for (const words of ['First paragraph.', 'Second paragraph.', 'Writer offline one.', 'Editor offline one.', 'Writer offline two.', 'Editor offline two.'])
    expect(text).toContain(words);
  // The editor's desk lists the article made offline (on reconnecting, or at its next list refresh).
  await openFromLibrary(editor, 'Written offline');
  await expect(body(editor)).toContainText('Filed from the ferry.');
});

test2('a desk closed while offline keeps its edits and sends them when it next connects', async ({ page, host, dbDir, team, browser }) => {
  await signIn(page, team.server, PEOPLE.writer);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Night bus');
  await body(page).click();
  await page.keyboard.type('Buses run all night.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');

  await stop(team.server, 'SIGKILL');
  await expect(connection(page)).toHaveText(/^Offline/);
  await typeAtEndOf(page, 0, ' Written on the train.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this computer — not yet on the server');
  // The desk is closed: the page and its host, with the edit only on this computer.
  await page.close();
  await host.close();

  team.server = await runServer(team.dataDir, team.server.port);
  const reopened = await startBrowserHost({
    dbPath: path.join(dbDir, 'newsroom.db'),
    rendererDir: RENDERER_DIR,
    seedOnCreate: false,
    syncReconnect: { minDelay: 200, maxDelay: 1_000 },
  });
  const desk = await newDeskPage(browser);
  try {
    await desk.goto(reopened.url);
    // The browser host keeps no session across restarts: the writer signs in again; the edit was kept.
    await openFromLibrary(desk, 'Night bus');
    await expect(body(desk)).toContainText('Buses run all night. Written on the train.');
    await signIn(desk, team.server, PEOPLE.writer);
    await expect(desk.getByTestId('save-state')).toHaveText('Saved to the newsroom server');

    await signIn(team.editor, team.server, PEOPLE.editor);
    await openFromLibrary(team.editor, 'Night bus');
    await expect(body(team.editor)).toContainText('Buses run all night. Written on the train.');
  } finally {
    await desk.close();
    await reopened.close();
  }
});

test2('the server killed while both type loses no acknowledged edit; the desks reconnect by themselves', async ({ page, team }) => {
  const { editor } = team;
  await signIn(page, team.server, PEOPLE.writer);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Power cut');
  await body(page).click();
  await page.keyboard.type('Lights out.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Editor line.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
  await signIn(editor, team.server, PEOPLE.editor);
  await openFromLibrary(editor, 'Power cut');

  const acknowledged: string[] = [];
  for (let i = 1; i <= 3; i++) {
    await typeAtEndOf(page, 0, ` w${i}`);
    await typeAtEndOf(editor, 1, ` e${i}`);
    acknowledged.push(`w${i}`, `e${i}`);
  }
  await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
  await expect(editor.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
  // Killed while both keep typing.
  const typing = Promise.all([typeAtEndOf(page, 0, ' w4 w5'), typeAtEndOf(editor, 1, ' e4 e5')]);
  await stop(team.server, 'SIGKILL');
  await typing;
  await expect(connection(page)).toHaveText(/^Offline/);

  team.server = await runServer(team.dataDir, team.server.port);
  await expect(connection(page)).toHaveText('Up to date', { timeout: 20_000 });
  await expect(connection(editor)).toHaveText('Up to date', { timeout: 20_000 });
  await expect.poll(async () => JSON.stringify(await paragraphs(editor))).toBe(JSON.stringify(await paragraphs(page)));
  const text = (await paragraphs(page)).join(' ');
  for (const word of [...acknowledged, 'w4', 'w5', 'e4', 'e5']) expect(text).toMatch(new RegExp(`\\b${word}\\b`));
});

test2('an approved article is read-only on the writer’s desk and refused to the writer’s raw connection', async ({ page, team }) => {
  await signIn(page, team.server, PEOPLE.writer);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Bridge reopens');
  await body(page).click();
  await page.keyboard.type('Traffic is back.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved to the newsroom server');

  // The editor approves on the server (its workflow table and the editor's role decide).
  const editorToken = await signInAs(team.server.http, PEOPLE.editor.name, PEOPLE.editor.password);
  // The server's listing takes the headline when it next stores the document (debounced).
  const find = async () => {
    const res = await fetch(`${team.server.http}/api/articles`, { headers: { authorization: `Bearer ${editorToken}` } });
    return ((await res.json()) as { articles: { id: string; headline: string }[] }).articles.find((a) => a.headline === 'Bridge reopens');
  };
  await expect.poll(find, { timeout: 15_000 }).toBeTruthy();
  const article = (await find())!;
  for (const action of ['submit', 'start-edit', 'approve']) {
    const token = action === 'submit' ? await signInAs(team.server.http, PEOPLE.writer.name, PEOPLE.writer.password) : editorToken;
    const res = await fetch(`${team.server.http}/api/articles/${article.id}/transition`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action }),
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  }

  // The writer's open article turns read-only with the server's reason, at once.
  await expect(page.getByRole('note').filter({ hasText: 'approved' })).toBeVisible();
  await expect(body(page)).toHaveAttribute('contenteditable', 'false');

  // A raw connection with the writer's token cannot change it either.
  const writerToken = await signInAs(team.server.http, PEOPLE.writer.name, PEOPLE.writer.password);
  const raw = connect(team.server.http.replace('http', 'ws'), articleDocumentName(article.id), writerToken, { doc: new Y.Doc() });
  try {
    await until('the raw connection synced', () => raw.provider.isSynced);
    (fieldsMap(raw.doc).get('headline') as Y.Text).insert(0, 'HACKED ');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(raw.provider.unsyncedChanges).toBeGreaterThan(0);
  } finally {
    raw.destroy();
  }
  await signIn(team.editor, team.server, PEOPLE.editor);
  await openFromLibrary(team.editor, 'Bridge reopens');
  await expect(team.editor.getByLabel('Headline')).toHaveValue('Bridge reopens');
});

test2('a workflow step taken while the server is down waits on the desk, and the server’s answer is shown when it is back', async ({ page, team }) => {
  // The editor works at this page (axe needs the fixture's own browser context); the writer at the other desk.
  const { editor: writer } = team;
  const editor = page;
  await signIn(writer, team.server, PEOPLE.writer);
  await writer.getByRole('button', { name: 'New article' }).click();
  await writer.getByLabel('Headline').fill('Tram fares rise');
  await body(writer).click();
  await writer.keyboard.type('Fares go up in June.');
  await expect(writer.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
  // The writer's submit, straight to the server (the desk's checklist wants a byline this empty newsroom lacks).
  const writerToken = await signInAs(team.server.http, PEOPLE.writer.name, PEOPLE.writer.password);
  // The server's listing takes the headline when it next stores the document (debounced).
  const find = async () => {
    const res = await fetch(`${team.server.http}/api/articles`, { headers: { authorization: `Bearer ${writerToken}` } });
    return ((await res.json()) as { articles: { id: string; headline: string }[] }).articles.find((a) => a.headline === 'Tram fares rise');
  };
  await expect.poll(find, { timeout: 15_000 }).toBeTruthy();
  const article = (await find())!;
  const submitted = await fetch(`${team.server.http}/api/articles/${article.id}/transition`, {
    method: 'POST',
    headers: { authorization: `Bearer ${writerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'submit' }),
  });
  expect(submitted.status).toBe(200);

  await signIn(editor, team.server, PEOPLE.editor);
  await openFromLibrary(editor, 'Tram fares rise');
  await expect(editor.getByTestId('article-status')).toHaveText('Submitted');

  await stop(team.server, 'SIGKILL');
  await expect(connection(editor)).toHaveText(/^Offline/);
  await editor.getByRole('button', { name: 'Start editing' }).click();
  await expect(editor.getByTestId('workflow-waiting')).toHaveText('Taken for editing — waiting for the newsroom server');
  // The status is the server's to change: still submitted, with the next steps offered from where this one leads.
  await expect(editor.getByTestId('article-status')).toHaveText('Submitted');
  await expect(editor.getByRole('button', { name: 'Approve' })).toBeVisible();
  await expectNoA11yViolations(editor, 'a workflow step waiting for the server');

  team.server = await runServer(team.dataDir, team.server.port);
  const answer = editor.getByTestId('workflow-answer');
  await expect(answer).toHaveText('The server accepted “Start editing” for “Tram fares rise”.', { timeout: 20_000 });
  await expect(editor.getByTestId('workflow-waiting')).toHaveCount(0);
  await expect(editor.getByTestId('article-status')).toHaveText('In edit');
  await answer.getByRole('button', { name: 'Dismiss the server’s answer' }).click();
  await expect(answer).toHaveCount(0);
});

test2('two people comment on one article: the thread, its replies and its resolution reach both desks under their names', async ({ page, team, dbDir }) => {
  const { editor } = team;
  const writer = page;
  await signIn(writer, team.server, PEOPLE.writer);
  await writer.getByRole('button', { name: 'New article' }).click();
  await writer.getByLabel('Headline').fill('Ferry fares rise');
  await body(writer).click();
  await writer.keyboard.type('Single tickets will cost more from June.');
  await expect(writer.getByTestId('save-state')).toHaveText('Saved to the newsroom server');

  await signIn(editor, team.server, PEOPLE.editor);
  await openFromLibrary(editor, 'Ferry fares rise');
  await expect.poll(() => paragraphs(editor)).toEqual(['Single tickets will cost more from June.']);
  // The editor selects the sentence and comments (Ctrl+Alt+M), mentioning the writer.
  await body(editor).click();
  await editor.keyboard.press('End');
  await editor.keyboard.press('Shift+Home');
  await editor.waitForTimeout(150); // Slate reads the DOM selection on a throttle.
  await editor.keyboard.press('Control+Alt+m');
  const form = editor.getByRole('form', { name: 'New comment' });
  await form.getByLabel('Comment').fill('Which routes? @Mara Lindqvist');
  await form.getByRole('button', { name: 'Add comment' }).click();

  // The writer's desk shows it at once, on the same words, under the editor's account name.
  const writerComments = writer.getByRole('complementary', { name: 'Comments and suggestions' });
  const thread = writerComments.getByRole('article', { name: /^Comment by Tomas Okafor/ });
  await expect(thread).toContainText('Which routes? @Mara Lindqvist');
  await expect.poll(() => commentedText(writer)).toBe('Single tickets will cost more from June.');
  await expect(writerComments).toContainText('1 open comment');

  // Text typed before the commented words by the writer does not move the comment off them.
  await body(writer).locator('p').first().click();
  await writer.keyboard.press('Home');
  await writer.keyboard.type('Update: ');
  await expect.poll(() => commentedText(editor)).toBe('Single tickets will cost more from June.');
  await expect.poll(() => paragraphs(editor)).toEqual(['Update: Single tickets will cost more from June.']);

  await thread.getByLabel('Reply').fill('All three harbour routes.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  const editorThread = editor.getByRole('complementary', { name: 'Comments and suggestions' }).getByRole('article', { name: /^Comment by Tomas Okafor/ });
  await expect(editorThread).toContainText('Mara Lindqvist (writer');
  await expect(editorThread).toContainText('All three harbour routes.');
  await expectNoA11yViolations(writer, 'a newsroom article’s comments');

  // Word with changes carries the thread from the article's document, on its words, under its authors.
  await writer.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = writer.getByRole('dialog', { name: /Export “Ferry fares rise/ });
  await dialog.getByLabel('Word (.docx)').check();
  await dialog.getByLabel(/Word with changes/).check();
  const out = exportFolderOf(dbDir);
  await choosePath(writer, 'Folder', out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-state')).toHaveText(`Exported 1 of 1 to ${out}.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const docx = fs.readdirSync(out).find((f) => f.endsWith('.docx'))!;
  const read = await convertImport({ fileName: docx, bytes: fs.readFileSync(path.join(out, docx)) });
  if (read.kind !== 'article') throw new Error(JSON.stringify(read));
  expect(read.article.comments?.map((c) => ({ quote: c.quote, messages: c.messages.map((m) => `${m.by}: ${m.text}`) }))).toEqual([
    {
      quote: 'Single tickets will cost more from June.',
      messages: ['Tomas Okafor: Which routes? @Mara Lindqvist', 'Mara Lindqvist: All three harbour routes.'],
    },
  ]);

  await editorThread.getByRole('button', { name: 'Resolve' }).click();
  await expect(writerComments).toContainText('0 open comments');
  await expect(writerComments).toContainText('No open comments');
  await expect(writer.locator('.comment-mark')).toHaveCount(0);
});

test2.describe('assignment and the inbox', () => {
  // Both desks ask for notifications every second rather than every 15 s, so an inbox follows within the spec's wait.
  test2.use({ notificationPollMs: 1_000 });

  test2('an editor assigns an article to a writer, who is told, comments with a mention, and is told when it comes back', async ({ page, team }) => {
    // The editor at this page (axe needs the fixture's own browser context); the writer at the other desk.
    const { editor: writer } = team;
    const editor = page;
    const inbox = (p: Page) => p.getByTestId('inbox-button');
    await signIn(editor, team.server, PEOPLE.editor);
    await inbox(editor).click();
    await expect(editor.getByRole('dialog', { name: 'Inbox' })).toContainText('Nothing here yet.');
    await editor.getByRole('dialog', { name: 'Inbox' }).getByRole('button', { name: 'Close' }).click();
    await expect(inbox(editor)).toBeFocused();
    await editor.getByRole('button', { name: 'New article' }).click();
    await editor.getByLabel('Headline').fill('Dock strike ends');
    await body(editor).click();
    await editor.keyboard.type('Crews are back today.');
    await expect(editor.getByTestId('save-state')).toHaveText('Saved to the newsroom server');

    // Assign…, keyboard only: the writer is Mara, the editor Tomas himself (who is not told of his own act).
    await editor.getByRole('button', { name: 'Assign…' }).focus();
    await editor.keyboard.press('Enter');
    const dialog = editor.getByRole('dialog', { name: 'Assign the article' });
    await expect(dialog.getByLabel('Writer')).toBeEnabled();
    await expectNoA11yViolations(editor, 'the assign dialog');
    await dialog.getByLabel('Writer').focus();
    await dialog.getByLabel('Writer').selectOption({ label: PEOPLE.writer.name });
    await editor.keyboard.press('Tab');
    await expect(dialog.getByLabel('Editor')).toBeFocused();
    await dialog.getByLabel('Editor').selectOption({ label: PEOPLE.editor.name });
    await editor.keyboard.press('Tab');
    await editor.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Assign' })).toBeFocused();
    await editor.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(editor.getByTestId('article-holder')).toHaveText(`Writer: ${PEOPLE.writer.name} · Editor: ${PEOPLE.editor.name}`);
    await expect(inbox(editor)).toHaveAccessibleName('Inbox');

    // The writer signs in: one unread in the inbox, and the article on her desk with who holds it.
    await signIn(writer, team.server, PEOPLE.writer);
    await expect(inbox(writer)).toHaveAccessibleName('Inbox 1 unread');
    await expect(writer.getByRole('combobox', { name: 'Show' })).toHaveValue('desk');
    const row = writer.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ hasText: 'Dock strike ends' });
    await expect(row).toContainText(`Writer: ${PEOPLE.writer.name}`);
    await inbox(writer).click();
    const writerInbox = writer.getByRole('dialog', { name: 'Inbox' });
    const assigned = writerInbox.getByTestId('inbox-item');
    await expect(assigned).toHaveCount(1);
    await expect(assigned).toContainText(`Unread${PEOPLE.editor.name} assigned “Dock strike ends” to youYou are its writer.`);
    await assigned.click();
    await expect(writerInbox).toBeHidden();
    await expect(writer.getByLabel('Headline')).toHaveValue('Dock strike ends');
    await expect(inbox(writer)).toHaveAccessibleName('Inbox');

    // She comments, naming the editor.
    await expect.poll(() => paragraphs(writer)).toEqual(['Crews are back today.']);
    await body(writer).click();
    await writer.keyboard.press('End');
    await writer.keyboard.press('Shift+Home');
    await writer.waitForTimeout(150); // Slate reads the DOM selection on a throttle.
    await writer.keyboard.press('Control+Alt+m');
    const form = writer.getByRole('form', { name: 'New comment' });
    await form.getByLabel('Comment').fill('@Tomas Okafor is “today” right? The union said Monday.');
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect(writer.getByTestId('save-state')).toHaveText('Saved to the newsroom server');
    // Her submission, straight to the server (the desk's checklist wants a byline this empty newsroom lacks).
    const writerToken = await signInAs(team.server.http, PEOPLE.writer.name, PEOPLE.writer.password);
    const listed = await fetch(`${team.server.http}/api/articles`, { headers: { authorization: `Bearer ${writerToken}` } });
    const article = ((await listed.json()) as { articles: { id: string; ownerName: string }[] }).articles.find((a) => a.ownerName === PEOPLE.editor.name)!;
    const submitted = await fetch(`${team.server.http}/api/articles/${article.id}/transition`, {
      method: 'POST',
      headers: { authorization: `Bearer ${writerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'submit' }),
    });
    expect(submitted.status).toBe(200);

    // The editor's inbox hears of the mention at its next look at the server.
    await expect(inbox(editor)).toHaveAccessibleName('Inbox 1 unread');
    await inbox(editor).click();
    const editorInbox = editor.getByRole('dialog', { name: 'Inbox' });
    await expect(editorInbox.getByTestId('inbox-item')).toContainText(`${PEOPLE.writer.name} mentioned you on “Dock strike ends”`);
    await expect(editorInbox.getByTestId('inbox-item')).toContainText('@Tomas Okafor is “today” right? The union said Monday.');
    await expectNoA11yViolations(editor, 'the inbox');
    await editorInbox.getByTestId('inbox-item').click();
    await expect(editor.getByTestId('article-status')).toHaveText('Submitted');
    await expect(inbox(editor)).toHaveAccessibleName('Inbox');

    // He returns it with a note; the writer is told.
    await editor.getByRole('button', { name: 'Return to writer' }).click();
    await editor.getByLabel('Note for the writer').fill('Check the date with the union.');
    await editor.getByRole('button', { name: 'Return with note' }).click();
    await expect(editor.getByTestId('article-status')).toHaveText('Returned');
    await expect(inbox(writer)).toHaveAccessibleName('Inbox 1 unread');
    await inbox(writer).click();
    await expect(writerInbox.getByTestId('inbox-item').first()).toContainText(
      `Unread${PEOPLE.editor.name} returned “Dock strike ends”Check the date with the union.`,
    );
    await writerInbox.getByRole('button', { name: 'Mark all read' }).click();
    await expect(writerInbox).toContainText('All read');
    await expect(inbox(writer)).toHaveAccessibleName('Inbox');
  });
});
