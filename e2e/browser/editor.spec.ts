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

