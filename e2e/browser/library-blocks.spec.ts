import type { Page } from '@playwright/test';
import { test, expect, showDetails, expectSaved } from './fixtures';

const areas = (page: Page) => page.getByRole('navigation', { name: 'Desk areas' });
const bioBlock = (page: Page, name: string) => page.getByRole('textbox', { name: 'Article body' }).getByRole('group', { name: `Author bio: ${name}` });
const disclosureBlock = (page: Page, title: string) =>
  page.getByRole('textbox', { name: 'Article body' }).getByRole('group', { name: `AI-use disclosure: ${title}` });

/** Types at the end of a rich-text field (a small Slate editor) found by its label. */
async function appendTo(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, text: string) {
  await scope.getByRole('textbox', { name: label }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function openAuthor(page: Page, name: string) {
  await areas(page).getByRole('button', { name: 'Authors' }).click();
  await page
    .getByRole('list', { name: 'Authors' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  return page.getByRole('form', { name: `Edit ${name}` });
}

async function openDisclosure(page: Page, title: string) {
  await areas(page).getByRole('button', { name: 'Disclosures' }).click();
  await page
    .getByRole('list', { name: 'Disclosures' })
    .getByRole('button', { name: new RegExp(title) })
    .click();
  return page.getByRole('form', { name: `Edit ${title}` });
}

/** Inserts a library block through the "/" menu and the picker. */
async function insertFromSlash(page: Page, slash: string, search: string) {
  await page.keyboard.type(slash);
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog');
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type(search);
  await expect(picker.getByRole('combobox')).toHaveValue(search);
  await expect(picker.getByRole('option').first()).toContainText(new RegExp(search, 'i'));
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
}

test('author bios and disclosures: live in drafts, detachable, frozen at approval', async ({ page, host }) => {
  // A new author in the library.
  await areas(page).getByRole('button', { name: 'Authors' }).click();
  await page.getByRole('button', { name: 'New author' }).click();
  const form = page.getByRole('form', { name: 'New author' });
  await form.getByLabel('Name').click();
  await page.keyboard.type('Ines Halvorsen');
  await form.getByLabel('Job title').click();
  await page.keyboard.type('Harbour Reporter');
  await appendTo(page, form, 'Short bio', 'Covers the port.');
  await form.getByLabel('“Read more” link').click();
  await page.keyboard.type('https://example.org/ines');
  await form.getByRole('button', { name: 'Add author' }).click();
  await expect(page.getByRole('form', { name: 'Edit Ines Halvorsen' })).toBeVisible();

  // A new article; the bio goes in from the "/" menu, rendered as it will be exported.
  await areas(page).getByRole('button', { name: 'Articles' }).click();
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type('Ferry strike ends');
  await page.getByRole('textbox', { name: 'Article body' }).click();
  await page.keyboard.type('The ferries run again.');
  await page.keyboard.press('Enter');
  await insertFromSlash(page, '/author bio', 'ines');
  const bio = bioBlock(page, 'Ines Halvorsen');
  await expect(bio).toContainText('About the writer');
  await expect(bio).toContainText('Harbour Reporter');
  await expect(bio).toContainText('Covers the port.');
  await expect(bio.getByRole('link', { name: 'Read more' })).toHaveAttribute('href', 'https://example.org/ines');
  await expect(bio.getByTestId('library-block-state')).toHaveText('Synced with library · version 1');
  await expectSaved(page);

  // Editing the library entry updates the draft.
  let author = await openAuthor(page, 'Ines Halvorsen');
  await appendTo(page, author, 'Short bio', ' And the ferries.');
  await author.getByRole('button', { name: 'Save author' }).click();
  await expect(author.getByRole('status')).toHaveText('Saved. Updated the bio in 1 draft.');
  await areas(page).getByRole('button', { name: 'Articles' }).click();
  await expect(bio).toContainText('Covers the port. And the ferries.');
  await expect(bio.getByTestId('library-block-state')).toHaveText('Synced with library · version 2');

  // Detached: an editable copy the library no longer changes.
  await bio.getByRole('button', { name: 'Detach' }).click();
  await expect(bio.getByTestId('library-block-state')).toHaveText('Detached copy');
  await appendTo(page, bio, 'Bio', ' Guest column.');
  await expectSaved(page);
  author = await openAuthor(page, 'Ines Halvorsen');
  await author.getByLabel('Job title').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and Ferries');
  await author.getByRole('button', { name: 'Save author' }).click();
  await expect(author.getByRole('status')).toHaveText('Saved.');
  await areas(page).getByRole('button', { name: 'Articles' }).click();
  await expect(bio.getByTestId('library-block-state')).toHaveText('Detached copy');
  await expect(bio.getByLabel('Job title')).toHaveValue('Harbour Reporter');

  // Follow the library again, declare AI use: approval refuses until a fitting disclosure is in.
  await bio.getByRole('button', { name: 'Sync with library' }).click();
  await expect(bio.getByTestId('library-block-state')).toHaveText('Synced with library · version 3');
  await expect(bio).toContainText('Harbour Reporter and Ferries');
  const details = await showDetails(page);
  await details.getByRole('group', { name: 'AI use' }).getByLabel('Research').check();
  await expectSaved(page);
  await page.getByRole('button', { name: 'Freeze library blocks' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'declares AI use for research' })).toContainText('“AI-assisted research”');

  await page.getByRole('textbox', { name: 'Article body' }).getByText('The ferries run again.').click();
  await page.keyboard.press('Control+End');
  await insertFromSlash(page, '/disclosure', 'research');
  const disclosure = disclosureBlock(page, 'AI-assisted research');
  await expect(disclosure).toContainText('Our reporters used AI tools to help research this story');
  await expect(disclosure.getByRole('link', { name: 'Read our AI policy' })).toBeVisible();
  await expectSaved(page);

  // Freezing fixes each reference at the version it shows.
  await page.getByRole('button', { name: 'Freeze library blocks' }).click();
  await expect(bio.getByTestId('library-block-state')).toHaveText('Frozen at version 3');
  await expect(disclosure.getByTestId('library-block-state')).toHaveText('Frozen at version 1');
  const article = host.session
    .store()
    .listArticles({ view: 'active' })
    .items.find((a) => a.headline === 'Ferry strike ends')!;
  const frozenBody = host.session.store().getArticle(article.id).body;

  // Later library edits leave the frozen article as it was.
  author = await openAuthor(page, 'Ines Halvorsen');
  await appendTo(page, author, 'Short bio', ' Now on leave.');
  await author.getByRole('button', { name: 'Save author' }).click();
  await expect(author.getByRole('status')).toHaveText('Saved.');
  const template = await openDisclosure(page, 'AI-assisted research');
  await appendTo(page, template, 'Disclosure text', ' Updated policy.');
  await template.getByRole('button', { name: 'Save disclosure' }).click();
  await expect(template.getByRole('status')).toHaveText('Saved as version 2.');
  // Every version stays readable.
  await template.getByRole('button', { name: 'Version 1' }).click();
  await expect(template.getByRole('region', { name: 'Version 1' })).not.toContainText('Updated policy.');

  await areas(page).getByRole('button', { name: 'Articles' }).click();
  await expect(bio).not.toContainText('Now on leave.');
  await expect(disclosure).not.toContainText('Updated policy.');
  await expect(disclosure.getByTestId('library-block-state')).toHaveText('Frozen at version 1');
  expect(host.session.store().getArticle(article.id).body).toEqual(frozenBody);
});

test('archived authors leave the picker but their blocks stay, with a notice; used authors cannot be deleted', async ({ page }) => {
  const author = await openAuthor(page, 'Mara Lindqvist');
  await author.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete author' }).click();
  await expect(author.getByRole('alert')).toContainText('cannot be deleted. Archive them instead');
  await author.getByRole('button', { name: 'Archive' }).click();
  await expect(author.getByRole('heading', { name: /Mara Lindqvist/ })).toContainText('Archived');

  await areas(page).getByRole('button', { name: 'Articles' }).click();
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: 'Harbour City Votes to Build Flood Barrier After Decade of Debate', exact: true })
    .click();
  const bio = bioBlock(page, 'Mara Lindqvist');
  await expect(bio).toContainText('This author was archived; showing the last saved bio.');
  await expect(bio).toContainText('climate and cities');

  // Adding an author to the byline offers their bio; taking them off offers to remove it.
  const details = await showDetails(page);
  await details.getByLabel('Byline', { exact: true }).click();
  await page.keyboard.type('tomas');
  await page.keyboard.press('Enter');
  await details.getByRole('button', { name: 'Insert' }).click();
  await expect(bioBlock(page, 'Tomas Okafor')).toContainText('international desk');
  await details.getByRole('button', { name: 'Remove Tomas Okafor from the byline' }).click();
  await expect(details.getByRole('status').filter({ hasText: 'Remove Tomas Okafor’s bio from the story?' })).toBeVisible();
  await details.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(bioBlock(page, 'Tomas Okafor')).toHaveCount(0);
  await expectSaved(page);
});
