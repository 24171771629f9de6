/**
 * What a professional notices: the welcome card, dialogs, floating panels near the window's edge,
 * library cards, locked articles, icons and web images in a paste.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, showDetails, expectSaved, articleButton, ROOT } from './fixtures';

const PNG = fs.readFileSync(path.join(ROOT, 'e2e/fixtures/images/test-photo.png'));
const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });

async function startArticle(page: Page, headline: string) {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type(headline);
  await body(page).click();
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The window's height, and the box of a locator that must be wholly inside it. */
async function expectInsideWindow(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(box.y, 'top inside the window').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom inside the window').toBeLessThanOrEqual(height);
  return box;
}

/** Fills the body until the cursor paragraph sits at the bottom of the window. */
async function writeToBottom(page: Page) {
  // Each line as one input event: these specs are about where panels open, and 400 single
  // keystrokes took most of their time limit on a busy machine.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.insertText(`Paragraph ${i + 1}.`);
    await page.keyboard.press('Enter');
  }
}

test.describe('the welcome card', () => {
  test.use({ firstRun: true });

  test('is a modal dialog: labelled, focus kept inside, nothing behind it usable', async ({ page }) => {
    const welcome = page.getByRole('dialog', { name: 'Welcome to the desk' });
    await expect(welcome).toBeVisible();
    await expect(welcome).toHaveAccessibleDescription(/signed with your name/);
    await expect(welcome.getByLabel('Your name')).toBeFocused();
    // Tab goes round the card, never out of it.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await welcome.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    // A click on the desk behind it does nothing.
    const newArticle = page.getByRole('button', { name: 'New article' });
    const box = (await newArticle.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByLabel('Headline')).toHaveCount(0);
    expect(await newArticle.evaluate((el) => el.closest('dialog') === null && document.querySelector('dialog:modal') !== null)).toBe(true);

    await welcome.getByLabel('Your name').fill('Mara Lindqvist');
    await welcome.getByLabel('Editor').check();
    await welcome.getByRole('button', { name: 'Start' }).click();
    await expect(welcome).toBeHidden();
    await expect(page.locator('.settings-open')).toHaveText('Mara Lindqvist (editor)');
    await page.reload();
    await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
    await expect(welcome).toHaveCount(0);
  });

  test('"Later" (or Escape) puts it off, and it never stacks over an open article', async ({ page }) => {
    const welcome = page.getByRole('dialog', { name: 'Welcome to the desk' });
    await expect(welcome).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(welcome).toHaveCount(0);
    await articleButton(page, 'Harbour City Votes to Build Flood Barrier After Decade of Debate').click();
    await expect(page.getByLabel('Headline')).toBeVisible();
    await expect(welcome).toHaveCount(0);
    await page.reload();
    await articleButton(page, 'Harbour City Votes to Build Flood Barrier After Decade of Debate').click();
    await expect(page.getByLabel('Headline')).toBeVisible();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
  });
});

test('the bio and disclosure pickers are styled dialogs whose search placeholder is shown whole', async ({ page }) => {
  await startArticle(page, 'Pickers');
  for (const [slash, title] of [
    ['/author', 'Insert an author bio'],
    ['/disclosure', 'Insert an AI-use disclosure'],
  ] as const) {
    await page.keyboard.type(slash);
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: title });
    const search = picker.getByRole('combobox');
    await expect(search).toBeFocused();
    const style = await picker.evaluate((d) => {
      const s = getComputedStyle(d);
      return { radius: s.borderTopLeftRadius, shadow: s.boxShadow, width: d.getBoundingClientRect().width, modal: d.matches(':modal') };
    });
    expect(style.modal).toBe(true);
    expect(style.radius).toBe('10px');
    expect(style.shadow).not.toBe('none');
    expect(style.width).toBeGreaterThanOrEqual(420);
    // The placeholder, measured in the input's own font, fits inside its text area.
    const fit = await search.evaluate((input: HTMLInputElement) => {
      const s = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(fit.text).toBeGreaterThan(50);
    expect(fit.text).toBeLessThanOrEqual(fit.room);
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();
    await body(page).click();
    await page.keyboard.press('Control+End');
  }
});

test.describe('floating panels near the bottom of the window', () => {
  test('the "/" menu opens below at the top and upwards at the bottom, whole in both', async ({ page }) => {
    await startArticle(page, 'Slash menu');
    await page.keyboard.type('/');
    const menu = page.getByRole('listbox', { name: 'Insert block' });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('data-placement', 'below');
    const first = (await body(page).locator('p').first().boundingBox())!;
    expect((await menu.boundingBox())!.y).toBeGreaterThan(first.y);
    await page.keyboard.press('Backspace');

    await writeToBottom(page);
    await page.keyboard.type('/');
    await expect(menu).toHaveAttribute('data-placement', 'above');
    const box = await expectInsideWindow(page, menu);
    const line = (await body(page).locator('p').last().boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(line.y);
    // Filtering shrinks the menu; it stays just above the line.
    await page.keyboard.type('quo');
    await expect(menu.getByRole('option')).not.toHaveCount(0);
    const filtered = await expectInsideWindow(page, menu);
    expect(filtered.y + filtered.height).toBeLessThanOrEqual(line.y);
    expect(line.y - (filtered.y + filtered.height)).toBeLessThan(20);
    await page.keyboard.press('Enter');
    await expect(body(page).locator('blockquote')).toHaveCount(1);
  });

  test('the link popover leaves the selected text in view and marked, below it or above it', async ({ page }) => {
    await startArticle(page, 'Link popover');
    const sentence = 'The council approved the barrier on Tuesday.';
    for (const where of ['top', 'bottom'] as const) {
      if (where === 'bottom') await writeToBottom(page);
      await page.keyboard.type(sentence);
      await page.keyboard.press('Shift+Home');
      await page.waitForTimeout(150); // Slate reads the DOM selection on a throttle.
      const selected = await page.evaluate(() => {
        const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      expect(selected.width).toBeGreaterThan(100);
      await page.keyboard.press('Control+k');
      const popover = page.getByRole('dialog', { name: 'Add link' });
      await expect(popover.getByLabel('Link address')).toBeFocused();
      await expect(popover).toHaveAttribute('data-placement', where === 'top' ? 'below' : 'above');
      const box = await expectInsideWindow(page, popover);
      expect(overlaps(box, selected), `popover ${JSON.stringify(box)} over the text ${JSON.stringify(selected)}`).toBe(false);
      expect(await page.evaluate(() => CSS.highlights.has('link-target'))).toBe(true);
      await page.keyboard.type('https://example.org/vote');
      await page.keyboard.press('Enter');
      await expect(popover).toBeHidden();
      expect(await page.evaluate(() => CSS.highlights.has('link-target'))).toBe(false);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
    }
    await expect(body(page).getByRole('link', { name: sentence })).toHaveCount(2);
  });
});

test('a library card shows the new byline and "Edited" time after a change, without leaving the article', async ({ page, host }) => {
  await startArticle(page, 'Card refresh');
  await page.keyboard.type('First words.');
  await expectSaved(page);
  const card = page
    .getByRole('list', { name: 'Articles' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Card refresh', exact: true }) });
  await expect(card).toContainText('No byline');
  const editedBefore = await card.locator('[title^="20"]').getAttribute('title');

  const details = await showDetails(page);
  await details.getByLabel('Byline', { exact: true }).click();
  await page.keyboard.type('lind');
  await page.keyboard.press('Enter');
  await expectSaved(page);
  await expect(card).toContainText('Mara Lindqvist');
  await expect(card).not.toContainText('No byline');
  const stored = host.session
    .store()
    .listArticles({ view: 'active' })
    .items.find((a) => a.headline === 'Card refresh')!;
  await expect(card.locator(`[title="${stored.updatedAt}"]`)).toHaveText(/^Edited /);
  expect(stored.updatedAt).not.toBe(editedBefore);
  // Still in the article: nothing navigated away.
  await expect(page.getByLabel('Headline')).toHaveValue('Card refresh');
});

test('a locked article looks read-only and is', async ({ page, host }) => {
  const seed = host.session.store().listArticles({ view: 'active' }).items[0]!;
  const article = host.session.store().getArticle(seed.id);
  host.session.store().setStatus(article.id, article.version, 'approved');
  await page.reload();
  await articleButton(page, seed.headline).click();
  await expect(page.getByText(/This article is approved/)).toBeVisible();

  const headline = page.getByLabel('Headline');
  await expect(headline).not.toBeEditable();
  await headline.click();
  await page.keyboard.type('XYZ');
  await expect(headline).toHaveValue(seed.headline);
  await expect(headline).toHaveCSS('border-bottom-style', 'none');
  await expect(page.getByLabel('Dek')).not.toBeEditable();
  await expect(page.locator('.body-editor')).toHaveAttribute('contenteditable', 'false');

  const details = await showDetails(page);
  for (const label of ['Section', 'Dateline', 'Slug']) {
    const field = details.getByLabel(label, { exact: true });
    await expect(field).toBeDisabled();
    await expect(field).toHaveCSS('border-top-color', 'rgba(0, 0, 0, 0)');
    await expect(field).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  }
  await expect(details.getByRole('button', { name: /Remove .* from the byline/ })).toBeHidden();
  await expect(details.getByLabel('Section', { exact: true })).toHaveValue('Climate');
  expect(host.session.store().getArticle(seed.id).headline).toBe(seed.headline);
});

test('icons are bundled vector icons, never emoji or glyphs a font may lack', async ({ page, host }) => {
  const seed = host.session.store().listArticles({ view: 'active' }).items[0]!;
  const at = new Date().toISOString();
  host.session.review().comments.addImported(
    seed.id,
    [
      {
        id: 'c1',
        anchor: null,
        quote: 'barrier',
        resolvedAt: '',
        resolvedBy: '',
        createdAt: at,
        messages: [{ id: 'm1', by: 'Tomas Okafor', role: 'editor', text: 'Source?', at }],
      },
    ],
    true,
  );
  await page.reload();
  const count = page.locator('.comment-count');
  await expect(count).toHaveText('1');
  await expect(count.locator('svg.lucide')).toHaveCount(1);
  await articleButton(page, seed.headline).click();
  await body(page).click();
  await page.keyboard.press('Control+f');
  for (const name of ['Undo', 'Redo', 'Previous match', 'Next match', 'Close find']) {
    await expect(page.getByRole('button', { name, exact: true }).locator('svg.lucide')).toHaveCount(1);
  }
  await showDetails(page); // the byline is in the details, a drawer at this width
  await expect(
    page
      .getByRole('button', { name: /^Remove .* from the byline$/ })
      .first()
      .locator('svg.lucide'),
  ).toHaveCount(1);
  // No pictographs, arrow or cross glyphs as icons anywhere in the desk (a "→" in prose is text).
  const glyphs = await page.evaluate(() => document.body.innerText.match(/[\p{Extended_Pictographic}\u2190\u2191\u2193-\u21FF\u2715\u00D7\u25BE]/gu) ?? []);
  expect(glyphs).toEqual([]);
});

test.describe('web images in a paste', () => {
  let server: http.Server;
  let origin: string;
  test.beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/photo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function pastePage(page: Page) {
    await body(page).evaluate((el, src) => {
      const dt = new DataTransfer();
      dt.setData('text/html', `<h1>Page</h1><p>Before the photo.</p><img src="${src}/photo.png" alt="The inner port"><p>After the photo.</p>`);
      dt.setData('text/plain', 'Before the photo. After the photo.');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, origin);
  }

  test.describe('fetched', () => {
    test.use({ allowLocalWebImages: true });
    test('when online, they are fetched through the main process and stored like other images', async ({ page, host }) => {
      await startArticle(page, 'Web paste');
      await pastePage(page);
      const image = body(page).getByRole('group', { name: 'Image' });
      await expect(image).toHaveCount(1);
      await expect(image.locator('img')).toHaveAttribute('src', /^blob:/);
      await expect(page.locator('.editor-notice')).toHaveCount(0);
      await expectSaved(page);
      const stored = host.session
        .store()
        .listArticles({ view: 'active' })
        .items.find((a) => a.headline === 'Web paste')!;
      const blocks = host.session.store().getArticle(stored.id).body;
      const images = blocks.filter((b) => b.type === 'image');
      expect(images).toHaveLength(1);
      expect(images[0]).toMatchObject({ alt: 'The inner port' });
      const asset = host.session.assets().getAssetBytes((images[0] as { assetId: string }).assetId)!;
      expect(asset.mimeType).toBe('image/png');
      expect(asset.bytes.equals(PNG)).toBe(true);
      expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'image', 'paragraph']);
    });
  });

  test('an image the desk must not fetch is named in a notice, and the text is pasted', async ({ page }) => {
    await startArticle(page, 'Refused paste');
    await pastePage(page);
    await expect(page.locator('.editor-notice')).toHaveText(/1 web image was left out: 127\.0\.0\.1 is not on the public internet\./);
    await expect(body(page)).toContainText('After the photo.');
    await expect(body(page).getByRole('group', { name: 'Image' })).toHaveCount(0);
  });

  test('offline, the paste says what was left out', async ({ page, context }) => {
    await startArticle(page, 'Offline paste');
    // Saved first, and online again as soon as the paste is in: the host itself is reached over the network.
    await expectSaved(page);
    await context.setOffline(true);
    await pastePage(page);
    await expect(page.locator('.editor-notice')).toHaveText(/1 web image was left out: this computer is offline/);
    await context.setOffline(false);
    await expect(body(page)).toContainText('Before the photo.');
    await expect(body(page).getByRole('group', { name: 'Image' })).toHaveCount(0);
    await expectSaved(page);
  });
});
