import { test, expect, showDetails, expectSaved, articleButton, articleRow } from './fixtures';

test('article details are edited by keyboard and survive reopening', async ({ page }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Tram line opens on Sunday');
  const details = await showDetails(page);
  const slug = details.getByLabel('Slug', { exact: true });
  await expect(slug).toHaveValue('tram-line-opens-on-sunday');
  await expect(details.getByText('Follows the headline until you edit it.')).toBeVisible();

  // Byline: search the author library and pick with the keyboard.
  await details.getByLabel('Byline', { exact: true }).click();
  await page.keyboard.type('tom');
  await expect(details.getByRole('option', { name: /Tomas Okafor/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('lind');
  await page.keyboard.press('Enter');
  const byline = details.getByRole('list', { name: 'Authors in the byline' });
  await expect(byline.getByRole('listitem')).toHaveText([/Tomas Okafor/, /Mara Lindqvist/]);
  await details.getByRole('button', { name: 'Move Mara Lindqvist earlier' }).click();
  await expect(byline.getByRole('listitem')).toHaveText([/Mara Lindqvist/, /Tomas Okafor/]);

  // Tags complete from tags already used (the seed article has "flooding").
  await details.getByLabel('Tags', { exact: true }).click();
  await page.keyboard.type('flo');
  await expect(details.getByRole('option', { name: 'flooding' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('transport');
  await page.keyboard.press('Enter');
  await expect(details.getByRole('list', { name: 'Tags on this article' }).getByRole('listitem')).toHaveText([/flooding/, /transport/]);

  await details.getByLabel('Section', { exact: true }).click();
  await page.keyboard.type('City');
  await details.getByLabel('Dateline').click();
  await page.keyboard.type('VESTMARK');
  await details.getByLabel(/SEO title/).click();
  await page.keyboard.type('Vestmark tram opens');
  await details.getByLabel(/SEO description/).click();
  await page.keyboard.type('The new tram line links the harbour and the station.');
  await details.getByLabel('Planned length (words)').click();
  await page.keyboard.type('800');

  // Editing the slug by hand stops it following the headline.
  await slug.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('tram-opens');
  await page.getByLabel('Headline').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' at last');
  await expect(slug).toHaveValue('tram-opens');
  await expectSaved(page);

  await page.reload();
  await articleButton(page, 'Tram line opens on Sunday at last').click();
  const d = await showDetails(page);
  await expect(d.getByLabel('Slug', { exact: true })).toHaveValue('tram-opens');
  await expect(d.getByText('Edited by hand.')).toBeVisible();
  await expect(d.getByRole('list', { name: 'Authors in the byline' }).getByRole('listitem')).toHaveText([/Mara Lindqvist/, /Tomas Okafor/]);
  await expect(d.getByRole('list', { name: 'Tags on this article' }).getByRole('listitem')).toHaveText([/flooding/, /transport/]);
  await expect(d.getByLabel('Section', { exact: true })).toHaveValue('City');
  await expect(d.getByLabel('Dateline')).toHaveValue('VESTMARK');
  await expect(d.getByLabel(/SEO title/)).toHaveValue('Vestmark tram opens');
  await expect(d.getByLabel(/SEO description/)).toHaveValue('The new tram line links the harbour and the station.');
  await expect(d.getByLabel('Planned length (words)')).toHaveValue('800');
  await expect(articleRow(page, 'Tram line opens on Sunday at last')).toContainText('Mara Lindqvist, Tomas Okafor');

  // Back to following the headline.
  await d.getByRole('button', { name: 'Follow the headline again' }).click();
  await expect(d.getByLabel('Slug', { exact: true })).toHaveValue('tram-line-opens-on-sunday-at-last');
});

test('the byline picker moves through matches with the arrow keys', async ({ page }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  const details = await showDetails(page);
  const input = details.getByLabel('Byline', { exact: true });
  await input.click();
  await page.keyboard.type('a'); // Both seeded authors match.
  // The matches' own list: the language picker's options are in the panel too.
  const options = details.getByRole('listbox', { name: 'Matching authors' }).getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  const second = (await options.nth(1).locator('strong').textContent())!;
  await page.keyboard.press('ArrowDown'); // Wraps to the first…
  await page.keyboard.press('ArrowUp'); // …and back to the second.
  await page.keyboard.press('Enter');
  await expect(details.getByRole('list', { name: 'Authors in the byline' }).getByRole('listitem')).toHaveText([new RegExp(second)]);
});
