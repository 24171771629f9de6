/**
 * The writing traps of issue 13, typed as a writer types them: keyboard.type
 * and keyboard.press into the real editor, never fill().
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectSaved, ROOT, showDetails } from './fixtures';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Creates an article with a headline and puts the cursor in its empty body. */
async function startArticle(page: Page, headline: string) {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type(headline);
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  return body;
}

/** Inserts a block through the "/" menu at the cursor. */
async function slashInsert(page: Page, query: string) {
  await page.keyboard.type(`/${query}`);
  await expect(page.getByRole('listbox', { name: 'Insert block' })).toBeVisible();
  await page.keyboard.press('Enter');
}

test('typing into every field inside a block (box title, attribution, embed, alt text, caption, credit) keeps focus in it', async ({ page }) => {
  const body = await startArticle(page, 'Fields test');
  await page.keyboard.type('Opening paragraph.');
  await page.keyboard.press('Enter');
  await slashInsert(page, 'promo');
  const title = page.getByLabel('Promo box title');
  await title.click();
  await page.keyboard.type('Uncommon Knowledge');
  await expect(title).toHaveValue('Uncommon Knowledge');
  await expect(title).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await expect(title).toHaveValue('Uncommon Knowledg');
  await page.keyboard.type('e');
  await expect(body.locator('.promo-body')).toHaveText('');
  await expect(body.locator('.promo-box')).toHaveCount(1);

  // Leaving the field by clicking the box text puts the caret there.
  await body.locator('.promo-body p').click();
  await page.keyboard.type('Box text');
  await expect(body.locator('.promo-body')).toHaveText('Box text');
  await expect(title).toHaveValue('Uncommon Knowledge');

  await body.locator('p', { hasText: 'Opening paragraph.' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await slashInsert(page, 'pull');
  await page.keyboard.type('A line worth pulling');
  const attribution = page.getByLabel('Pull quote attribution');
  await attribution.click();
  await page.keyboard.type('Mara Lindqvist, editor');
  await expect(attribution).toHaveValue('Mara Lindqvist, editor');
  await expect(attribution).toBeFocused();
  await expect(body.locator('.pull-quote blockquote')).toHaveText('A line worth pulling');

  await body.locator('.pull-quote blockquote').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await slashInsert(page, 'embed');
  const url = page.getByLabel('Embed URL');
  await url.click();
  await page.keyboard.type('https://example.org/video');
  await expect(url).toHaveValue('https://example.org/video');
  const caption = page.getByLabel('Embed caption');
  await caption.click();
  await page.keyboard.type('The full interview');
  await expect(caption).toHaveValue('The full interview');
  await expect(caption).toBeFocused();

  await body.locator('p', { hasText: 'Opening paragraph.' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const chooser = page.waitForEvent('filechooser');
  await slashInsert(page, 'image');
  await (await chooser).setFiles(path.join(ROOT, 'e2e/fixtures/images/test-photo.png'));
  const image = body.getByRole('group', { name: 'Image' });
  for (const [label, text] of [
    ['Alt text', 'A harbour at dawn'],
    ['Caption', 'The harbour before the boats leave'],
    ['Credit', 'Jonas Berg / Desk Agency'],
  ] as const) {
    const field = image.getByLabel(label);
    await field.click();
    await page.keyboard.type(text);
    await expect(field).toHaveValue(text);
    await expect(field).toBeFocused();
  }

  await expectSaved(page);
  await page.reload();
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: 'Fields test', exact: true }).click();
  await expect(page.getByLabel('Promo box title')).toHaveValue('Uncommon Knowledge');
  await expect(page.getByLabel('Pull quote attribution')).toHaveValue('Mara Lindqvist, editor');
  await expect(page.getByLabel('Embed caption')).toHaveValue('The full interview');
  await expect(page.getByLabel('Credit')).toHaveValue('Jonas Berg / Desk Agency');
});

test('Enter on an empty quote line and Backspace at its start leave the quote; "- " inside a quote makes a list', async ({ page }) => {
  const body = await startArticle(page, 'Quote exit test');
  await page.keyboard.type('> First quoted line');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second quoted line');
  await expect(body.locator('blockquote')).toHaveCount(2);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Back in the story');
  await expect(body.locator('blockquote')).toHaveCount(2);
  await expect(body.locator('p', { hasText: 'Back in the story' })).toHaveCount(1);

  await page.keyboard.press('Enter');
  await page.keyboard.type('> Quoted again');
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expect(body.locator('p', { hasText: 'Quoted again' })).toHaveCount(1);
  await expect(body.locator('blockquote')).toHaveCount(2);

  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> ');
  await page.keyboard.type('- a listed point');
  await expect(body.locator('.list-bulleted')).toHaveText('a listed point');
  await expect(body.locator('blockquote')).toHaveCount(2);
});

/** Selects from the start of the block holding `from` to the end of the block holding `to`, with the keyboard. */
async function selectBlocks(page: Page, body: ReturnType<Page['getByRole']>, from: string, count: number) {
  await body.getByText(from, { exact: true }).click();
  await page.keyboard.press('Home');
  for (let i = 1; i < count; i += 1) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
}

test('block type changes apply to every block in the selection, from toolbar, shortcut and menu', async ({ page }) => {
  const body = await startArticle(page, 'Block type test');
  for (const line of ['Alpha line', 'Beta line', 'Gamma line', 'Delta line']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.type('Last line');

  await selectBlocks(page, body, 'Alpha line', 3);
  await page.getByLabel('Block type', { exact: true }).selectOption('bulleted-list');
  await expect(body.locator('.list-bulleted')).toHaveText(['Alpha line', 'Beta line', 'Gamma line']);

  await selectBlocks(page, body, 'Alpha line', 3);
  await page.keyboard.press(`${MOD}+Shift+7`);
  await expect(body.locator('.list-numbered')).toHaveText(['Alpha line', 'Beta line', 'Gamma line']);

  await selectBlocks(page, body, 'Beta line', 3);
  await page.keyboard.press(`${MOD}+Alt+2`);
  await expect(body.locator('h3')).toHaveText(['Beta line', 'Gamma line', 'Delta line']);

  await selectBlocks(page, body, 'Gamma line', 3);
  await page.getByRole('button', { name: 'Insert' }).click();
  await page.getByRole('menuitem', { name: 'Quote', exact: true }).click();
  await expect(body.locator('blockquote')).toHaveText(['Gamma line', 'Delta line', 'Last line']);
  await expect(body.locator('.list-numbered')).toHaveText(['Alpha line']);
  await expect(body.locator('h3')).toHaveText(['Beta line']);

  // A selection dragged with the mouse, then the toolbar at once.
  const from = await body.getByText('Alpha line', { exact: true }).boundingBox();
  const to = await body.getByText('Gamma line', { exact: true }).boundingBox();
  await page.mouse.move(from!.x + 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(to!.x + to!.width - 2, to!.y + to!.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.getByLabel('Block type', { exact: true }).selectOption('heading-1');
  await expect(body.locator('h2')).toHaveText(['Alpha line', 'Beta line', 'Gamma line']);
});

test('Enter in the headline moves to the dek, Enter in the dek to the start of the body, inserting nothing', async ({ page }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  const body = page.getByRole('textbox', { name: 'Article body' });
  await page.getByLabel('Headline').click();
  await page.keyboard.type('Body first');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Existing body text.');
  await expect(body).toContainText('Existing body text.');

  await page.getByLabel('Headline').click();
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.type('Harbour reopens');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Dek')).toBeFocused();
  await page.keyboard.type('Boats return after a week.');
  await page.keyboard.press('Enter');
  await expect(body).toBeFocused();
  await page.keyboard.type('Lead: ');
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour reopens');
  await expect(page.getByLabel('Dek')).toHaveValue('Boats return after a week.');
  await expect(body.locator('p').first()).toHaveText('Lead: Existing body text.');
  await expectSaved(page);
});

test('Markdown shortcuts give the levels the Markdown export writes, and "---" is a section break at once', async ({ page }) => {
  const body = await startArticle(page, 'Shortcut levels test');
  await page.keyboard.type('# One hash');
  await page.keyboard.press('Enter');
  await page.keyboard.type('## Two hashes');
  await page.keyboard.press('Enter');
  await page.keyboard.type('### Three hashes');
  await page.keyboard.press('Enter');
  await expect(body.locator('h2')).toHaveText(['One hash', 'Two hashes']);
  await expect(body.locator('h3')).toHaveText(['Three hashes']);
  await page.keyboard.type('--- ');
  await expect(body.locator('.section-break hr')).toHaveCount(1);
  await page.keyboard.type('After the break');
  await page.keyboard.press('Enter');
  await page.keyboard.type('---');
  await page.keyboard.press('Enter');
  await expect(body.locator('.section-break hr')).toHaveCount(2);
  await expect(body.locator('p', { hasText: 'After the break' })).toHaveCount(1);
  await expect(body.locator('p', { hasText: '-' })).toHaveCount(0);
});

test('the word count and the planned-length bar count the story, and show the words in boxes apart', async ({ page }) => {
  const body = await startArticle(page, 'Counts test');
  await (await showDetails(page)).getByLabel('Planned length (words)').click();
  await page.keyboard.type('15');
  await body.click();
  await page.keyboard.type('The harbour council voted on Tuesday to build a flood barrier after ten years.');
  await expect(page.getByTestId('word-count')).toHaveText('14 words');
  await page.keyboard.press('Enter');
  await slashInsert(page, 'promo');
  await page.getByLabel('Promo box title').click();
  await page.keyboard.type('Uncommon Knowledge');
  await body.locator('.promo-body p').click();
  await page.keyboard.type('Three more words');
  await expect(page.getByTestId('word-count')).toHaveText('14 words');
  await expect(page.getByTestId('aside-word-count')).toHaveText('+5 outside the story');
  await expect(page.getByTestId('length-progress')).toContainText('14 / 15 planned · on target');
});

test('smart quotes, apostrophes and dashes as you type, undone one at a time, by the article’s language, and a setting to turn them off', async ({ page }) => {
  const body = await startArticle(page, 'Typography test');
  const first = body.locator('p').first();
  await page.keyboard.type(`"It's here" -- she said`);
  await expect(first).toHaveText('“It’s here” — she said');
  await page.keyboard.type(' "');
  await expect(first).toHaveText('“It’s here” — she said “');
  await page.keyboard.press(`${MOD}+z`);
  await expect(first).toHaveText('“It’s here” — she said "');
  await page.keyboard.type('x');
  await expect(first).toHaveText('“It’s here” — she said "x');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Your name').click();
  await page.keyboard.type('Mara Lindqvist');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  // Quotes follow the article's language.
  await (await showDetails(page)).getByLabel('Language', { exact: true }).selectOption('de');
  await body.click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`Er sagte: "Das ist 'gut'" -- wirklich.`);
  await expect(body.locator('p').nth(1)).toHaveText('Er sagte: „Das ist ‚gut‘“ – wirklich.');

  // Once named, the settings button shows who is at the desk.
  await page.getByRole('button', { name: 'Mara Lindqvist (writer)' }).click();
  await settings.getByLabel('Smart quotes and dashes as you type').uncheck();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await body.click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`"Straight" -- it's`);
  await expect(body.locator('p').nth(2)).toHaveText(`"Straight" -- it's`);
});

test('smart typography in the headline and the dek too: by the article’s language, undone by Ctrl+Z, off with the setting', async ({ page }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  const headline = page.getByLabel('Headline');
  const dek = page.getByLabel('Dek');
  await expect(headline).toBeFocused();
  await page.keyboard.type(`Mayor's "last" plan -- again`);
  await expect(headline).toHaveValue('Mayor’s “last” plan — again');
  await page.keyboard.type(' "');
  await expect(headline).toHaveValue('Mayor’s “last” plan — again “');
  // Undo gives back the straight quote, not the whole word.
  await page.keyboard.press(`${MOD}+z`);
  await expect(headline).toHaveValue('Mayor’s “last” plan — again "');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(headline).toHaveValue('Mayor’s “last” plan — again');
  await page.keyboard.press('Enter');
  await expect(dek).toBeFocused();
  await page.keyboard.type(`It's "done" --`);
  await expect(dek).toHaveValue('It’s “done” —');
  await page.keyboard.press(`${MOD}+z`);
  await expect(dek).toHaveValue('It’s “done” --');
  await expectSaved(page);
  // What was typed is what is stored.
  await page.reload();
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: 'Mayor’s “last” plan — again', exact: true }).click();
  await expect(headline).toHaveValue('Mayor’s “last” plan — again');
  await expect(dek).toHaveValue('It’s “done” --');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Your name').click();
  await page.keyboard.type('Mara Lindqvist');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await (await showDetails(page)).getByLabel('Language', { exact: true }).selectOption('de');
  await headline.click();
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.type(`"Ja" -- sagt der Rat`);
  await expect(headline).toHaveValue('„Ja“ – sagt der Rat');

  await page.getByRole('button', { name: 'Mara Lindqvist (writer)' }).click();
  await settings.getByLabel('Smart quotes and dashes as you type').uncheck();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await dek.click();
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.type(`"Straight" -- it's`);
  await expect(dek).toHaveValue(`"Straight" -- it's`);
  await expectSaved(page);
});
