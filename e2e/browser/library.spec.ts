import { test, expect, expectSaved, articleButton, articleRow, showDetails } from './fixtures';

const SEED_HEADLINE = 'Harbour City Votes to Build Flood Barrier After Decade of Debate';

test.describe('article library', () => {
  test('a new article autosaves what the writer types and shows it in the library', async ({ page }) => {
    await page.getByRole('button', { name: 'New article' }).click();
    const headline = page.getByLabel('Headline');
    await expect(headline).toBeFocused();
    await page.keyboard.type('Port strike ends after nine days');
    await expect(page.getByTestId('save-state')).toHaveText(/Saving…|Saved/);
    await expectSaved(page);
    await page.getByLabel('Dek').click();
    await page.keyboard.type('Dockworkers accept a 6 percent raise.');
    await page.getByLabel('Article body').click();
    await page.keyboard.type('The strike that closed the port for nine days ended on Monday.');
    await expectSaved(page);

    const row = articleRow(page, 'Port strike ends after nine days');
    await expect(row).toBeVisible();
    await expect(row).toContainText('Draft');
    await expect(row).toContainText('No byline');
    await expect(row).toContainText('Edited');

    // Reload from the database: everything typed is there.
    await page.reload();
    await articleButton(page, 'Port strike ends after nine days').click();
    await expect(page.getByLabel('Headline')).toHaveValue('Port strike ends after nine days');
    await expect(page.getByLabel('Dek')).toHaveValue('Dockworkers accept a 6 percent raise.');
    await expect(page.getByLabel('Article body')).toContainText('closed the port for nine days');
  });

  test('Ctrl+N creates an article; the seeded list shows status, byline and edit time', async ({ page }) => {
    const seed = articleRow(page, SEED_HEADLINE);
    await expect(seed).toContainText('Draft');
    await expect(seed).toContainText('Mara Lindqvist');
    await page.keyboard.press('Control+n');
    await expect(page.getByLabel('Headline')).toBeFocused();
    await expect(page.getByText('2 articles')).toBeVisible();
    await expect(articleButton(page, 'Untitled article')).toBeVisible();
  });

  test('switching articles right after typing loses no keystroke', async ({ page }) => {
    await articleButton(page, SEED_HEADLINE).click();
    const body = page.getByLabel('Article body');
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Last words before switching.');
    // No pause: switch at once, then come back.
    await page.getByRole('button', { name: 'New article' }).click();
    await expect(page.getByLabel('Headline')).toHaveValue('');
    await articleButton(page, SEED_HEADLINE).click();
    await expect(page.getByLabel('Article body')).toContainText('Last words before switching.');
  });

  test('duplicate, trash, restore and delete for good (with confirmation)', async ({ page }) => {
    await page.getByRole('button', { name: `Duplicate “${SEED_HEADLINE}”` }).click();
    const copy = `Copy of ${SEED_HEADLINE}`;
    await expect(articleButton(page, copy)).toBeVisible();
    await expect(page.getByLabel('Headline')).toHaveValue(copy);

    await page.getByRole('button', { name: `Move “${copy}” to trash` }).click();
    await expect(articleButton(page, copy)).toHaveCount(0);
    await expect(page.getByText('No article open')).toBeVisible();

    await page.getByRole('tab', { name: 'Trash' }).click();
    const trash = page.getByRole('list', { name: 'Trash' });
    await expect(trash.getByRole('button', { name: copy, exact: true })).toBeVisible();
    await page.getByRole('button', { name: `Restore “${copy}”` }).click();
    await expect(page.getByText(/The trash is empty/)).toBeVisible();

    await page.getByRole('tab', { name: 'Articles' }).click();
    await page.getByRole('button', { name: `Move “${copy}” to trash` }).click();
    await page.getByRole('tab', { name: 'Trash' }).click();

    // Cancel keeps it.
    await page.getByRole('button', { name: `Delete “${copy}” for good` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete for good?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Trash' }).getByRole('button', { name: copy, exact: true })).toBeVisible();

    await page.getByRole('button', { name: `Delete “${copy}” for good` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await expect(page.getByText(/The trash is empty/)).toBeVisible();
    await page.getByRole('tab', { name: 'Articles' }).click();
    await expect(page.getByText('1 article', { exact: true })).toBeVisible();
  });

  test('search answers as you type', async ({ page }) => {
    await page.getByRole('button', { name: 'New article' }).click();
    await expect(page.getByLabel('Headline')).toBeFocused();
    await page.keyboard.type('Ferry timetable changes');
    await expectSaved(page);
    const search = page.getByLabel('Search articles');
    await search.click();
    await page.keyboard.type('barr');
    await expect(articleButton(page, SEED_HEADLINE)).toBeVisible();
    await expect(articleButton(page, 'Ferry timetable changes')).toHaveCount(0);
    await search.fill('');
    await page.keyboard.type('zzzz');
    await expect(page.getByText('No articles match “zzzz”.')).toBeVisible();
  });
});

test.describe('empty newsroom', () => {
  test.use({ seed: false });

  test('empty states say what to do', async ({ page }) => {
    await expect(page.getByText('No articles yet. Press “New article” (Ctrl+N) to start writing.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
    await page.getByRole('tab', { name: 'Trash' }).click();
    await expect(page.getByText(/The trash is empty/)).toBeVisible();
  });
});

test('a stale window is told about the conflict and nothing is overwritten silently', async ({ page, context, host }) => {
  await articleButton(page, SEED_HEADLINE).click();
  const other = await context.newPage();
  await other.goto(host.url);
  await articleButton(other, SEED_HEADLINE).click();

  // Window A saves first, changing the headline and a detail.
  await page.getByLabel('Headline').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (A)');
  const dateline = (await showDetails(page)).getByLabel('Dateline');
  await dateline.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('FROM WINDOW A');
  await expectSaved(page);

  // Window B is now stale.
  await other.getByLabel('Headline').click();
  await other.keyboard.press('Control+End');
  await other.keyboard.type(' (B)');
  const banner = other.getByRole('alert', { name: 'Save conflict' });
  await expect(banner).toBeVisible();
  await expect(other.getByTestId('save-state')).toHaveText('Not saved: changed elsewhere');

  // The stored text is still A's.
  const stored = await host.session.store().getArticle((await host.session.store().listArticles({ view: 'active' })).items[0]!.id);
  expect(stored.headline).toBe(`${SEED_HEADLINE} (A)`);

  await banner.getByRole('button', { name: 'Compare' }).click();
  await expect(banner.getByText(`${SEED_HEADLINE} (A)`)).toBeVisible();
  await expect(banner.getByText(`${SEED_HEADLINE} (B)`)).toBeVisible();
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expectSaved(other);
  const after = host.session.store().getArticle(stored.id);
  expect(after.headline).toBe(`${SEED_HEADLINE} (B)`);
  // Keep mine writes what window B changed, not its stale copy of everything else.
  expect(after.dateline).toBe('FROM WINDOW A');
  await other.close();
});
