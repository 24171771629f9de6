/**
 * A selection made from the keyboard and acted on at once: what the writer selected is what the
 * shortcut gets, on a slow machine too (Slate reads the page's selection on a throttle, and a render
 * in between used to put an older one back, losing Shift+Arrow presses: "report" selected, "ort" linked).
 */
import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const WORD = process.platform === 'darwin' ? 'Alt' : 'Control';

/** Presses the keys with Chromium's CPU slowed down, as on a loaded machine, and nothing in between. */
async function pressSlowly(page: Page, cdp: CDPSession, keys: readonly string[]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    for (const key of keys) await page.keyboard.press(key);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

test('Shift+Arrow presses followed at once by Ctrl+K link exactly the selected text, on a slow machine', async ({ page }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type('Keyboard selection');
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  const cdp = await page.context().newCDPSession(page);
  const address = page.getByRole('textbox', { name: 'Link address' });
  const stats = page.getByRole('status', { name: 'Document statistics' });

  const rounds = 3;
  for (let round = 1; round <= rounds; round++) {
    await page.keyboard.insertText('Read the report');
    await expect(stats).toContainText(`${15 * round} characters`);
    // Eight back and two forward: "report".
    const back = Array.from({ length: 8 }, () => 'Shift+ArrowLeft');
    await pressSlowly(page, cdp, [...back, 'Shift+ArrowRight', 'Shift+ArrowRight', `${MOD}+k`]);
    await expect(address).toBeFocused();
    await address.fill(`example.com/${round}`);
    await address.press('Enter');
    await expect(body.locator('a')).toHaveCount(round);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
  }
  // By word.
  await page.keyboard.insertText('Word by word');
  await expect(stats).toContainText(`${15 * rounds + 12} characters`);
  await pressSlowly(page, cdp, [`${WORD}+Shift+ArrowLeft`, `${WORD}+Shift+ArrowLeft`, `${MOD}+k`]);
  await expect(address).toBeFocused();
  await address.fill('example.com/words');
  await address.press('Enter');

  const links = await body.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent!.replace(/\u00a0/g, '')]));
  expect(links).toEqual([...Array.from({ length: rounds }, (_, i) => [`https://example.com/${i + 1}`, 'report']), ['https://example.com/words', 'by word']]);
});
