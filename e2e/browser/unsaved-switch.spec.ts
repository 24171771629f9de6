import { test, expect, expectSaved, articleButton } from './fixtures';

const SEED_HEADLINE = 'Harbour City Votes to Build Flood Barrier After Decade of Debate';

test('a window holding unsaved text after a conflict does not switch away and drop it', async ({ page, context, host }) => {
  await articleButton(page, SEED_HEADLINE).click();
  const other = await context.newPage();
  await other.goto(host.url);
  await articleButton(other, SEED_HEADLINE).click();

  await page.getByLabel('Headline').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (A)');
  await expectSaved(page);

  await other.getByLabel('Headline').click();
  await other.keyboard.press('Control+End');
  await other.keyboard.type(' (B)');
  const banner = other.getByRole('alert', { name: 'Save conflict' });
  await expect(banner).toBeVisible();

  // New article, another desk area: each would unmount the article and lose " (B)".
  await other.getByRole('button', { name: 'New article', exact: true }).click();
  await expect(other.getByRole('alert').filter({ hasText: /could not be saved/ })).toBeVisible();
  await other.getByRole('navigation', { name: 'Desk areas' }).getByRole('button', { name: 'Authors' }).click();
  await expect(other.getByLabel('Headline')).toHaveValue(`${SEED_HEADLINE} (B)`);
  await expect(banner).toBeVisible();
  expect(host.session.store().listArticles({ view: 'active' }).items).toHaveLength(1);

  // Taking the saved version is still one click.
  await banner.getByRole('button', { name: 'Use the saved version' }).click();
  await expect(banner).toBeHidden();
  await expect(other.getByLabel('Headline')).toHaveValue(`${SEED_HEADLINE} (A)`);
  await other.getByRole('button', { name: 'New article', exact: true }).click();
  await expect(other.getByLabel('Headline')).toHaveValue('');
  await other.close();
});
