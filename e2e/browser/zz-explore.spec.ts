import { test, expect } from './fixtures';
test('explore link', async ({ page }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type('Link test');
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await page.keyboard.type('The council approved the barrier on Tuesday after a long debate.');
  await page.keyboard.press('Shift+Home');
  await page.waitForTimeout(200);
  await page.keyboard.press('Control+k');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/pol/link.png' });
  const box = await page.locator('.link-popover').boundingBox();
  console.log('popover', JSON.stringify(box), JSON.stringify(await body.locator('p').first().boundingBox()));
});
