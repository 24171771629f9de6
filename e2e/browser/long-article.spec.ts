/**
 * A writer opens a long article (a live blog of 5,000 paragraphs): the first screen is painted at
 * once and the rest of the body arrives behind it (editor/progressiveBody.tsx). Whatever the writer
 * does meanwhile acts on the whole article, not on what is on the page yet.
 */
import type { Page } from '@playwright/test';
import { test, expect, articleButton, expectSaved } from './fixtures';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const BLOCKS = 5_000;
const LAST = 'The last paragraph mentions the lighthouse.';

test.use({ seed: false });

async function openLongArticle(page: Page, host: import('../../electron/browser-host/server').BrowserHost) {
  const body = Array.from({ length: BLOCKS }, (_, i) => ({ type: 'paragraph' as const, children: [{ text: `Paragraph ${i + 1} about the harbour.` }] }));
  body[BLOCKS - 1] = { type: 'paragraph', children: [{ text: LAST }] };
  host.session.store().createArticle({ headline: 'Live blog', body });
  await page.reload();
  await articleButton(page, 'Live blog').click();
  const editor = page.getByRole('textbox', { name: 'Article body' });
  await expect(editor.locator('p').first()).toHaveText('Paragraph 1 about the harbour.');
  // Still arriving: what follows is done before the last block is on the page.
  await expect(editor).toHaveAttribute('aria-busy', 'true');
  expect(await editor.locator('p').count()).toBeLessThan(BLOCKS);
  return editor;
}

test('a writer jumps to the end of a long article as it opens, types there, and it is all saved', async ({ page, host }) => {
  const editor = await openLongArticle(page, host);
  await editor.locator('p').first().click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.type(' Updated at noon.');
  await expect(editor.locator('p').last()).toHaveText(`${LAST} Updated at noon.`);
  await expect(editor.locator('p').last()).toBeInViewport();
  await page.keyboard.press(`${MOD}+Home`);
  await page.keyboard.type('Live: ');
  await expect(editor.locator('p').first()).toHaveText('Live: Paragraph 1 about the harbour.');
  // Everything has arrived, and nothing was lost or doubled on the way.
  await expect(editor).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await expect(editor.locator('p')).toHaveCount(BLOCKS);
  await expect(page.getByTestId('word-count')).toHaveText('25,005 words');
  // The checks walk the whole article after its first screen: they see all of it, typing included.
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(page.getByRole('region', { name: 'Checklist' })).not.toContainText('Checking…');
  await expect(page.getByRole('region', { name: 'Checklist' })).toContainText(/error/);
  await expectSaved(page);

  await page.reload();
  await articleButton(page, 'Live blog').click();
  await expect(editor.locator('p').first()).toHaveText('Live: Paragraph 1 about the harbour.');
  await expect(editor).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await expect(editor.locator('p').nth(2_500)).toHaveText('Paragraph 2501 about the harbour.');
  await expect(editor.locator('p').last()).toHaveText(`${LAST} Updated at noon.`);
});

test('find, select all and scrolling reach the part of a long article not yet on the page', async ({ page, host }) => {
  const editor = await openLongArticle(page, host);
  await editor.locator('p').first().click();
  await page.keyboard.press(`${MOD}+f`);
  const find = page.getByRole('textbox', { name: 'Find' });
  await find.fill('lighthouse');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await find.press('Enter');
  await expect(editor.locator('p').last()).toBeInViewport();
  await expect(editor.locator('p').last().locator('.find-match')).toHaveText('lighthouse');
  await find.press('Escape');

  // Select all takes the whole article, and undo gives all of it back.
  await editor.locator('p').first().click();
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.press('Delete');
  await expect(editor.locator('p')).toHaveCount(1);
  await expect(page.getByTestId('word-count')).toHaveText('0 words');
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('word-count')).toHaveText('25,001 words');
  await expect(editor.locator('p')).toHaveCount(BLOCKS);

  // Scrolled to the bottom at once, the text there is on the page (the chunks passed on the way take
  // their real height as they are laid out, so the bottom moves on: a second scroll reaches it).
  await page.reload();
  await articleButton(page, 'Live blog').click();
  await expect(editor.locator('p').first()).toBeVisible();
  await editor.locator('p').first().hover();
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 1e6);
      return editor
        .locator('p')
        .last()
        .evaluate((p) => p.getBoundingClientRect().bottom <= innerHeight && p.getBoundingClientRect().top >= 0);
    })
    .toBe(true);
  await expect(editor.locator('p').last()).toHaveText(LAST);
});
