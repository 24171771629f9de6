import path from 'node:path';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectSaved, ROOT } from './fixtures';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const CLIPBOARD = path.join(ROOT, 'e2e/fixtures/clipboard');

/** Creates an article with a headline and puts the cursor in its empty body. */
async function startArticle(page: Page, headline: string) {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type(headline);
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  return body;
}

/** Reloads the page and opens the same article again (by its headline). */
async function reopen(page: Page, headline: string) {
  await expectSaved(page);
  await page.reload();
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: headline, exact: true }).click();
  const body = page.getByRole('textbox', { name: 'Article body' });
  await expect(body).toBeVisible();
  return body;
}

async function paste(page: Page, data: Record<string, string>) {
  await page.getByRole('textbox', { name: 'Article body' }).evaluate((el, entries) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) dt.setData(type, value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

test('typing, marks and headings survive a reload', async ({ page }) => {
  const body = await startArticle(page, 'Typing test');
  await page.keyboard.type('Hello ');
  await page.keyboard.press(`${MOD}+b`);
  await page.keyboard.type('bold');
  await page.keyboard.press(`${MOD}+b`);
  await page.keyboard.type(' world');
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'false');
  await expect(body.locator('strong')).toHaveText('bold');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${MOD}+Alt+1`);
  await page.keyboard.type('A heading');
  await expect(body.locator('h2')).toHaveText('A heading');
  await expect(page.getByLabel('Block type')).toHaveValue('heading-1');
  const again = await reopen(page, 'Typing test');
  await expect(again.locator('strong')).toHaveText('bold');
  await expect(again.locator('h2')).toHaveText('A heading');
  await expect(again.locator('p').first()).toHaveText('Hello bold world');
});

test('markdown shortcuts as you type, and undo gives the typed characters back', async ({ page }) => {
  const body = await startArticle(page, 'Markdown test');
  await page.keyboard.type('### Sub');
  await expect(body.locator('h3')).toHaveText('Sub');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# Head');
  await expect(body.locator('h2')).toHaveText('Head');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> Quoted');
  await expect(body.locator('blockquote')).toHaveText('Quoted');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${MOD}+Alt+0`);
  await page.keyboard.type('- bullet');
  await expect(body.locator('.list-bulleted')).toHaveText('bullet');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. first');
  await expect(body.locator('.list-numbered')).toHaveText('first');
  await expect(body.locator('.list-numbered')).toHaveAttribute('data-marker', '1.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('---');
  await page.keyboard.press('Enter');
  await expect(body.locator('.section-break hr')).toHaveCount(1);
  await page.keyboard.type('### ');
  await expect(body.locator('h3')).toHaveCount(2);
  await page.keyboard.press(`${MOD}+z`);
  await expect(body.locator('h3')).toHaveCount(1);
  await expect(body.locator('p').last()).toHaveText('### ');

  const again = await reopen(page, 'Markdown test');
  await expect(again.locator('h2')).toHaveText('Head');
  await expect(again.locator('blockquote')).toHaveText('Quoted');
  await expect(again.locator('.list-bulleted')).toHaveText('bullet');
  await expect(again.locator('.section-break')).toHaveCount(1);
});

test('the "/" menu filters, moves with arrows, inserts with Enter and closes with Escape', async ({ page }) => {
  const body = await startArticle(page, 'Slash test');
  await page.keyboard.type('/');
  const menu = page.getByRole('listbox', { name: 'Insert block' });
  await expect(menu).toBeVisible();
  // Twelve built-in blocks, plus the library blocks when the host offers them.
  expect(await menu.getByRole('option').count()).toBeGreaterThanOrEqual(12);
  await page.keyboard.type('quo');
  await expect(menu.getByRole('option')).toHaveText(['Quote', 'Pull quote']);
  await expect(menu).toHaveAttribute('aria-activedescendant', 'slash-option-block-quote');
  await page.keyboard.press('ArrowDown');
  await expect(menu).toHaveAttribute('aria-activedescendant', 'slash-option-pull-quote');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await page.keyboard.type('Words that matter');
  await expect(body.locator('.pull-quote blockquote')).toHaveText('Words that matter');
  await page.getByLabel('Pull quote attribution').fill('Mayor');

  await body.locator('.pull-quote blockquote').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/sect');
  await page.keyboard.press('Enter');
  await expect(body.locator('.section-break')).toHaveCount(1);
  await page.keyboard.type('/xyz');
  await expect(menu.getByText('No matching blocks')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(body.locator('p').last()).toHaveText('/xyz');

  const again = await reopen(page, 'Slash test');
  await expect(again.getByLabel('Pull quote attribution')).toHaveValue('Mayor');
});

test('links: add with mod+k, refuse javascript:, open, edit and remove', async ({ page }) => {
  const body = await startArticle(page, 'Link test');
  await page.keyboard.type('Read the report');
  // The status bar counts from the editor's model: the last letter has reached it, not only the page.
  await expect(page.getByRole('status', { name: 'Document statistics' })).toContainText('15 characters');
  await page.keyboard.down('Shift');
  for (let i = 0; i < 'report'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.keyboard.press(`${MOD}+k`);
  const address = page.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/Only web \(http, https\) and email \(mailto\) links are allowed/);
  await expect(body.locator('a')).toHaveCount(0);
  await address.press(`${MOD}+a`);
  await page.keyboard.type('example.com/report');
  await page.keyboard.press('Enter');
  await expect(body.locator('a')).toHaveAttribute('href', 'https://example.com/report');
  await expect(body.locator('a')).toHaveText('report');

  await body.locator('a').click();
  const bubble = page.getByRole('group', { name: 'Link' });
  await expect(bubble).toContainText('https://example.com/report');
  await page.evaluate(() => {
    (window as unknown as { opened: unknown[] }).opened = [];
    window.open = ((...args: unknown[]) => {
      (window as unknown as { opened: unknown[] }).opened.push(args);
      return null;
    }) as typeof window.open;
  });
  await bubble.getByRole('button', { name: 'Open' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { opened: unknown[] }).opened))
    .toEqual([['https://example.com/report', '_blank', 'noopener']]);

  const again = await reopen(page, 'Link test');
  await expect(again.locator('a')).toHaveAttribute('href', 'https://example.com/report');
  await again.locator('a').click();
  await page.getByRole('group', { name: 'Link' }).getByRole('button', { name: 'Remove' }).click();
  await expect(again.locator('a')).toHaveCount(0);
  await expect(again.locator('p').first()).toHaveText('Read the report');
});

test('lists nest with Tab and step out with Shift+Tab, Enter and Backspace', async ({ page }) => {
  const body = await startArticle(page, 'List test');
  await page.keyboard.type('- one');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('two');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('three');
  const items = body.locator('.list-item');
  await expect(items).toHaveCount(3);
  const depths = (list = items) => list.evaluateAll((els) => els.map((e) => e.getAttribute('data-depth')));
  await expect.poll(() => depths()).toEqual(['0', '1', '2']);
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => depths()).toEqual(['0', '1', '1']);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // empty nested item: outdent
  await page.keyboard.press('Enter'); // empty top item: leave the list
  await page.keyboard.type('after');
  await expect(body.locator('p').last()).toHaveText('after');
  await page.keyboard.press(`${MOD}+Shift+7`);
  await expect(body.locator('.list-numbered')).toHaveText('after');

  const again = await reopen(page, 'List test');
  await expect.poll(() => depths(again.locator('.list-item'))).toEqual(['0', '1', '1', '0']);
});

/** Hands image files to the editor the way the OS does, through a paste or a drop carrying a DataTransfer. */
async function sendImageFile(page: Page, how: 'paste' | 'drop', name: string) {
  const base64 = fs.readFileSync(path.join(ROOT, 'e2e/fixtures/images/test-photo.png')).toString('base64');
  await page.getByRole('textbox', { name: 'Article body' }).evaluate(
    (el, { how, name, base64 }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
      const target = el.querySelector('p') ?? el;
      if (how === 'paste') target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      else
        for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { how, name, base64 },
  );
}

test('image files pasted or dropped on the editor are stored and shown as image blocks', async ({ page, host }) => {
  const body = await startArticle(page, 'Pasted image');
  await page.keyboard.type('A paragraph.');
  await sendImageFile(page, 'paste', 'pasted.png');
  await expect(body.getByRole('group', { name: 'Image' })).toHaveCount(1);
  await sendImageFile(page, 'drop', 'dropped.png');
  await expect(body.getByRole('group', { name: 'Image' })).toHaveCount(2);
  for (const img of await body.getByRole('group', { name: 'Image' }).locator('img').all()) await expect(img).toHaveAttribute('src', /^blob:/);
  await expectSaved(page);
  const stored = host.session
    .store()
    .listArticles({ view: 'active' })
    .items.find((a) => a.headline === 'Pasted image')!;
  const images = host.session
    .store()
    .getArticle(stored.id)
    .body.filter((b) => b.type === 'image');
  expect(images).toHaveLength(2);
  // The same picture twice is stored once, and the drop went to the editor, not to the importer.
  expect(new Set(images.map((b) => (b as { assetId: string }).assetId)).size).toBe(1);
  expect(host.session.store().articleCount()).toBe(2);
});

test('an image from the file chooser shows, asks for alt text and survives reopening', async ({ page }) => {
  const body = await startArticle(page, 'Image test');
  await page.keyboard.type('Before the picture');
  await page.getByRole('button', { name: 'Insert' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Image' }).click();
  await (await chooser).setFiles(path.join(ROOT, 'e2e/fixtures/images/test-photo.png'));
  const image = body.getByRole('group', { name: 'Image' });
  await expect(image.locator('img')).toHaveAttribute('src', /^blob:/);
  await expect(image.getByText('Alt text missing')).toBeVisible();
  await image.getByLabel('Alt text').click();
  await page.keyboard.type('A test photo');
  await expect(image.getByText('Alt text missing')).toBeHidden();
  await image.getByLabel('Caption').click();
  await page.keyboard.type('The caption');

  const again = await reopen(page, 'Image test');
  const reopened = again.getByRole('group', { name: 'Image' });
  await expect(reopened.locator('img')).toHaveAttribute('src', /^blob:/);
  await expect(reopened.locator('img')).toHaveAttribute('alt', 'A test photo');
  await expect(reopened.getByLabel('Caption')).toHaveValue('The caption');
});

test('find and replace counts, moves between matches and replaces', async ({ page }) => {
  const body = await startArticle(page, 'Find test');
  await page.keyboard.type('The cat sat. The Cat ran. A cat slept.');
  await page.keyboard.press(`${MOD}+f`);
  const find = page.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await page.keyboard.type('cat');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 3');
  await expect(body.locator('.find-match')).toHaveCount(3);
  // The editor taking focus back from this field under load is covered by "Ctrl+F right after…" below.
  await find.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText('2 of 3');
  await find.press('Shift+Enter');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 3');
  await page.getByLabel('Match case').check();
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2');
  await page.keyboard.press(`${MOD}+h`);
  await page.getByRole('textbox', { name: 'Replace with' }).click();
  await page.keyboard.type('dog');
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(body).toContainText('The dog sat. The Cat ran. A cat slept.');
  await page.getByRole('button', { name: 'Replace all' }).click();
  await expect(body).toContainText('The dog sat. The Cat ran. A dog slept.');
  await expect(page.getByTestId('find-count')).toHaveText('No results');
  await find.press('Escape');
  await expect(page.getByRole('search', { name: 'Find and replace' })).toBeHidden();
  await page.keyboard.press(`${MOD}+z`);
  await expect(body).toContainText('The dog sat. The Cat ran. A cat slept.');

  const again = await reopen(page, 'Find test');
  await expect(again).toContainText('The dog sat. The Cat ran. A cat slept.');
});

test('Ctrl+F right after the caret moved keeps the Find field focused on a busy machine', async ({ page }) => {
  // Slate ignores a blur that arrives while it is still placing the DOM caret (until a zero-delay
  // timer after its render) and went on counting the text as focused: its next render put the caret
  // back in the text and took focus from the Find field, and the rest of the word went into the
  // article. On a loaded machine the Find panel's frame can come before that timer; here every
  // zero-delay timer runs late, as it does under load, so the frame always comes first.
  const body = await startArticle(page, 'Focus race');
  await page.keyboard.type('The cat sat.');
  await page.evaluate(() => {
    const { setTimeout: original } = window;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => original(fn, ms ? ms : 150, ...rest)) as typeof window.setTimeout;
  });
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.press(`${MOD}+f`);
  const find = page.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await page.keyboard.type('cat');
  await expect(find).toHaveValue('cat');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await expect(find).toBeFocused();
  await expect(body).toHaveText('The cat sat.');
});

test('undo works word by word and redo brings it back', async ({ page }) => {
  const body = await startArticle(page, 'Undo test');
  await page.keyboard.type('First paragraph');
  await page.keyboard.press('Enter');
  await page.keyboard.type('one two three');
  await page.keyboard.press(`${MOD}+z`);
  await expect(body.locator('p').last()).toHaveText('one two ');
  await page.keyboard.press(`${MOD}+z`);
  await expect(body.locator('p').last()).toHaveText('one ');
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(body.locator('p').last()).toHaveText('one two ');
  await page.keyboard.press(`${MOD}+y`);
  await expect(body.locator('p').last()).toHaveText('one two three');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(body.locator('p').last()).toHaveText('one two ');
  await expect(body.locator('p').first()).toHaveText('First paragraph');
});

test('pasting from Google Docs keeps structure and marks, and reports the remote image', async ({ page }) => {
  const body = await startArticle(page, 'Docs paste');
  await paste(page, { 'text/html': fs.readFileSync(path.join(CLIPBOARD, 'google-docs.html'), 'utf8'), 'text/plain': 'fallback' });
  await expect(body.locator('h2')).toHaveText(['Council approves budget', 'What changes']);
  await expect(body.locator('strong')).toHaveText('7 to 2');
  await expect(body.locator('em')).toHaveText('Gazette');
  await expect(body.locator('sup')).toHaveText('2');
  await expect(body.locator('a')).toHaveAttribute('href', 'https://example.com/budget-2025');
  await expect(body.locator('.list-item')).toHaveCount(4);
  await expect(page.getByRole('alert')).toHaveText(/1 web image was left out: lh7-rt\.googleusercontent\.com is not a host this desk may fetch from\./);
  await expect(body.locator('[style*="Arial"], [id^="docs-internal"], [dir]')).toHaveCount(0);

  const again = await reopen(page, 'Docs paste');
  await expect(again.locator('strong')).toHaveText('7 to 2');
  await expect(again.locator('.list-item[data-depth="1"]')).toHaveText('Two new playgrounds');
});

test('pasting from Word turns its list paragraphs into list items', async ({ page }) => {
  const body = await startArticle(page, 'Word paste');
  await paste(page, { 'text/html': fs.readFileSync(path.join(CLIPBOARD, 'word.html'), 'utf8') });
  await expect(body.locator('h2')).toHaveText('Storm closes coastal road');
  await expect(body.locator('.list-bulleted')).toHaveCount(3);
  await expect(body.locator('.list-numbered')).toHaveText(['Check the road report', 'Leave early']);
  await expect(body).not.toContainText('·');
  await expect(body.locator('s')).toHaveText('nobody');
  const again = await reopen(page, 'Word paste');
  await expect(again.locator('.list-item[data-depth="1"]')).toHaveText('Detour via Mill Street');
});

test('pasting a web page stores its inline image and drops scripts', async ({ page }) => {
  const body = await startArticle(page, 'Web paste');
  await paste(page, { 'text/html': fs.readFileSync(path.join(CLIPBOARD, 'web-page.html'), 'utf8') });
  const image = body.getByRole('group', { name: 'Image' });
  await expect(image.locator('img')).toHaveAttribute('src', /^blob:/);
  await expect(image.getByLabel('Alt text')).toHaveValue('The bridge at dawn');
  await expect(body.locator('blockquote')).toContainText('We are glad it is over');
  await expect(body).not.toContainText('alert');
  await expect(page.getByRole('alert')).toHaveText(/1 image was not pasted: copy it as files\. 1 web image was left out: cdn\.example\.com is not a host/);
  const again = await reopen(page, 'Web paste');
  await expect(again.getByRole('group', { name: 'Image' }).locator('img')).toHaveAttribute('src', /^blob:/);
});

// How fast the paste is handled and the next frame comes is measured in `npm run bench -- --only
// paste`: asserted here in milliseconds it failed on a loaded machine (1.7 s for a frame that takes
// 2–50 ms alone), not on a slow editor.
test('a 1 MB paste arrives whole and typing works after it', async ({ page }) => {
  const body = await startArticle(page, 'Large paste');
  const html = fs.readFileSync(path.join(CLIPBOARD, 'large-1mb.html'), 'utf8');
  await paste(page, { 'text/html': html });
  await expect(body.locator('h2').first()).toHaveText('Section 1');
  await expect(body.locator('h2')).toHaveCount(30);
  await expect(body.locator('h2').last()).toHaveText('Section 30');
  // The page goes on drawing frames once the paste has rendered.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await page.keyboard.type(' typed after');
  await expect(body).toContainText('typed after');
  await expect(page.getByTestId('word-count')).toHaveText(/\d{2},\d{3} words/);
});

test('the status bar counts words and compares them with the planned length', async ({ page }) => {
  await startArticle(page, 'Count test');
  await page.keyboard.type('One two three four five.');
  await expect(page.getByTestId('word-count')).toHaveText('5 words');
  await expect(page.getByRole('status', { name: 'Document statistics' })).toContainText('1 min read');
});

// How fast is measured in `npm run bench` (typing at 10, 1,000 and 10,000 blocks, beside
// ProseMirror and Slate), not asserted here: a timed assertion fails on a busy machine, not on
// a slow editor. This checks the long article takes typing at its start and keeps counting.
test('a 10,000-block article takes typing at its start', async ({ page }) => {
  const body = await startArticle(page, 'Long article');
  const lines = Array.from({ length: 10_000 }, (_, i) => `Paragraph ${i + 1} of a very long article about the harbour and the city council.`).join('\n');
  await paste(page, { 'text/plain': lines });
  await expect(page.getByTestId('word-count')).toHaveText('140,000 words', { timeout: 30_000 });
  await body.locator('p').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.type('Fast typing ');
  await expect(body.locator('p').first()).toHaveText(/^Fast typing Paragraph 1 of a very long article/);
  await expect(page.getByTestId('word-count')).toHaveText('140,002 words');
});
