import { test, expect, articleButton } from './fixtures';

test('the seeded newsroom opens with its sample article', async ({ page }) => {
  await expect(page.getByRole('navigation', { name: 'Article library' })).toBeVisible();
  await articleButton(page, 'Harbour City Votes to Build Flood Barrier After Decade of Debate').click();
  await expect(page.getByLabel('Headline')).toHaveValue(/Harbour City Votes/);
  await page.screenshot({ path: 'test-results/smoke.png' });
});
