import { test, expect, articleButton } from './fixtures';
test('explore locked', async ({ page, host }) => {
  const seed = host.session.store().listArticles({ view: 'active' }).items[0]!;
  const a = host.session.store().getArticle(seed.id); host.session.store().setStatus(a.id, a.version, 'approved');
  await page.reload();
  await articleButton(page, seed.headline).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/pol/locked.png' });
});
