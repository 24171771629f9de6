/**
 * An article's language, as a writer meets it: set in the details, Arabic and Hebrew typed right to
 * left with Latin names and numbers inside, the caret going where Home and End say, the desk around
 * the text staying left to right, and the exports saying the language and direction. The desk's
 * default language (Settings) is what a new article takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectSaved, choosePath, exportFolderOf, showDetails } from './fixtures';
import { expectNoA11yViolations } from './a11y';

const ARABIC_HEADLINE = 'الفيضانات تغمر المدينة';
const ARABIC_SENTENCE = 'قال Ahmed Salem إن 42 منزلاً غمرتها المياه في 2025';
const HEBREW_HEADLINE = 'שיטפון בעיר';
const HEBREW_SENTENCE = 'דני Cohen אמר ש-3 בתים נפגעו';

/** The details, shown (a drawer at this width). */
const details = (page: Page) => showDetails(page);
const languageSelect = async (page: Page) => (await details(page)).getByLabel('Language', { exact: true });
const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });

const direction = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).direction);

/** Where the caret is in the body's focused text: its offset in the text node (polled: Slate moves it on its next render). */
/** The caret's offset in its paragraph's text (spelling underlines split the text into several nodes). */
const bodyCaret = (page: Page) =>
  page.evaluate(() => {
    const selection = window.getSelection();
    const block = selection?.focusNode?.parentElement?.closest('p');
    if (!selection?.focusNode || !block) return -1;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(selection.focusNode, selection.focusOffset);
    return before.toString().length;
  });

async function newArticleIn(page: Page, language: string) {
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await (await languageSelect(page)).selectOption(language);
  await page.getByLabel('Headline').click();
}

/** Exports the open article in the given formats to the offered folder; the files' text by extension. */
async function exportOpenArticle(page: Page, dbDir: string, labels: string[]): Promise<Map<string, string>> {
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Export “/ });
  for (const label of labels) await dialog.getByLabel(label).check();
  const out = exportFolderOf(dbDir);
  await choosePath(page, 'Folder', out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-state')).toHaveText(`Exported 1 of 1 to ${out}.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(out)) {
    const ext = name.endsWith('.ninjs.json') ? '.ninjs.json' : name.endsWith('.fragment.html') ? '.fragment.html' : path.extname(name);
    files.set(ext, fs.readFileSync(path.join(out, name), 'utf8'));
  }
  return files;
}

test('an Arabic article is typed right to left with Latin names and numbers, Home and End stay sane, the desk stays left to right', async ({ page }) => {
  await newArticleIn(page, 'ar');
  const headline = page.getByLabel('Headline');
  await page.keyboard.type(ARABIC_HEADLINE);
  await expect(headline).toHaveValue(ARABIC_HEADLINE);

  // Only the article's text takes its direction.
  await expect(headline).toHaveAttribute('dir', 'rtl');
  await expect(headline).toHaveAttribute('lang', 'ar');
  expect(await direction(headline)).toBe('rtl');
  expect(await direction(page.getByLabel('Dek'))).toBe('rtl');
  expect(await direction(body(page))).toBe('rtl');
  await expect(body(page)).toHaveAttribute('lang', 'ar');
  expect(await direction(await details(page))).toBe('ltr');
  expect(await direction(page.getByRole('button', { name: 'Export…', exact: true }))).toBe('ltr');

  // Home and End in the headline go to the logical start and end, whatever the mix of directions
  // (back in the headline: opening the details drawer took the focus to its tab).
  await headline.click();
  await page.keyboard.press('Home');
  expect(await headline.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(0);
  await page.keyboard.press('End');
  expect(await headline.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(ARABIC_HEADLINE.length);

  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Dek')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type(ARABIC_SENTENCE);
  const paragraph = body(page).locator('p').first();
  await expect(paragraph).toHaveText(ARABIC_SENTENCE);
  expect(await direction(paragraph)).toBe('rtl');

  // The caret stays inside the sentence: Home to its start, End to its end, and typing lands there.
  await page.keyboard.press('Home');
  await expect.poll(() => bodyCaret(page)).toBe(0);
  await page.keyboard.press('End');
  await expect.poll(() => bodyCaret(page)).toBe(ARABIC_SENTENCE.length);
  await page.keyboard.type('.');
  await expect(paragraph).toHaveText(`${ARABIC_SENTENCE}.`);
  // In right-to-left text the left arrow moves forward in reading order, so from the start it steps one character in.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => bodyCaret(page)).toBe(1);
  await expectSaved(page);
});

/** Whether the element's text is laid out from its right edge (its first line ends at the content box's right side). */
const readsRightToLeft = (locator: Locator) =>
  locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getClientRects()[0]!;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return Math.abs(box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) - text.right) < 3;
  });

test('a comment on Arabic text reads right to left in the left-to-right margin, an English reply left to right', async ({ page }) => {
  await page.locator('.settings-open').click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Your name').fill('Layla Haddad');
  await settings.getByLabel('Writer').check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await newArticleIn(page, 'ar');
  await page.keyboard.type(ARABIC_HEADLINE);
  await body(page).click();
  await page.keyboard.type(ARABIC_SENTENCE);
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.waitForTimeout(150); // Slate reads the DOM selection on a throttle.
  await page.keyboard.press('Control+Alt+m');
  const form = page.getByRole('form', { name: 'New comment' });
  await expect(form.getByLabel('Comment')).toBeFocused();
  await page.keyboard.type('من أين هذا الرقم؟');
  await form.getByRole('button', { name: 'Add comment' }).click();
  const card = page.getByRole('article', { name: `Comment by Layla Haddad on “${ARABIC_SENTENCE}”` });
  await expect(card.locator('.margin-text')).toHaveText('من أين هذا الرقم؟');
  expect(await readsRightToLeft(card.locator('.margin-text'))).toBe(true);
  // A reply in English stays left to right beside it.
  await card.getByLabel('Reply').fill('From the city council.');
  await card.getByRole('button', { name: 'Reply' }).click();
  await expect(card.locator('.comment-messages p')).toHaveText('From the city council.');
  expect(await readsRightToLeft(card.locator('.comment-messages p'))).toBe(false);
  // The card itself keeps the desk's direction.
  expect(await direction(card)).toBe('ltr');
});

test('an Arabic article exports with lang="ar" dir="rtl" (HTML, read right to left by Chromium) and language "ar" (ninjs), and opens in Arabic again', async ({
  page,
  dbDir,
}) => {
  await newArticleIn(page, 'ar');
  // Typing itself is the test above: here each field takes its text as one input event.
  await page.keyboard.insertText(ARABIC_HEADLINE);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`${ARABIC_SENTENCE}.`);
  await expect(body(page).locator('p').first()).toHaveText(`${ARABIC_SENTENCE}.`);
  await expectSaved(page);

  const files = await exportOpenArticle(page, dbDir, ['IPTC ninjs 3.1 (JSON)']);
  const html = files.get('.html')!;
  expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
  expect(html).toContain(`${ARABIC_SENTENCE}.`);
  expect(JSON.parse(files.get('.ninjs.json')!).language).toBe('ar');

  // The page as a reader's browser shows it: the whole article right to left.
  const reader = await page.context().newPage();
  await reader.setContent(html);
  expect(await reader.evaluate(() => [document.documentElement.lang, getComputedStyle(document.querySelector('article p')!).direction])).toEqual(['ar', 'rtl']);
  await reader.close();

  // Kept: the article opens in Arabic again.
  await page.reload();
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: ARABIC_HEADLINE, exact: true }).click();
  await expect(await languageSelect(page)).toHaveValue('ar');
  expect(await direction(body(page))).toBe('rtl');
});

test('a Hebrew article: typed right to left, and back to left to right when its language changes', async ({ page, dbDir }) => {
  await newArticleIn(page, 'he');
  await page.keyboard.type(HEBREW_HEADLINE);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(HEBREW_SENTENCE);
  const paragraph = body(page).locator('p').first();
  await expect(paragraph).toHaveText(HEBREW_SENTENCE);
  expect(await direction(paragraph)).toBe('rtl');
  await page.keyboard.press('End');
  await expect.poll(() => bodyCaret(page)).toBe(HEBREW_SENTENCE.length);
  await page.keyboard.press('Home');
  await expect.poll(() => bodyCaret(page)).toBe(0);
  await expectSaved(page);

  const files = await exportOpenArticle(page, dbDir, ['Markdown']);
  expect(files.get('.html')).toMatch(/^<!doctype html>\n<html lang="he" dir="rtl">/);
  expect(files.get('.md')).toContain('\nlang: "he"\n');

  await (await languageSelect(page)).selectOption('en-GB');
  expect(await direction(page.getByLabel('Headline'))).toBe('ltr');
  expect(await direction(body(page))).toBe('ltr');
  await expectSaved(page);
});

test('the desk’s default language: new articles take it, and a tag that is not one is refused in a sentence', async ({ page }) => {
  await page.locator('.settings-open').click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Your name').fill('Layla Haddad');
  const deskLanguage = settings.getByLabel('Default language for new articles');
  await expect(deskLanguage).toHaveValue('en');
  await deskLanguage.selectOption('__other__');
  const tag = settings.getByLabel('Language tag');
  await tag.fill('Arabic please');
  await tag.press('Enter');
  await expect(settings.getByRole('alert')).toHaveText(/The language must be a language tag such as “en”, “en-GB”, “fr” or “ar”/);
  await expect(tag).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(page, 'Settings with a refused language tag', { include: '.settings-dialog' });
  await tag.fill('ar-eg');
  await tag.press('Enter');
  await expect(deskLanguage).toHaveValue('ar-EG');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  await page.getByRole('button', { name: 'New article' }).click();
  await expect(await languageSelect(page)).toHaveValue('ar-EG');
  await expect(page.getByLabel('Headline')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.insertText(ARABIC_HEADLINE);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(ARABIC_SENTENCE);
  await expectSaved(page);
  // The article's view, right to left inside a left-to-right desk, is axe-clean.
  await expectNoA11yViolations(page, 'An Arabic article', { include: '.article-layout' });

  // Settings keep it across a reload.
  await page.reload();
  await page.locator('.settings-open').click();
  await expect(settings.getByLabel('Default language for new articles')).toHaveValue('ar-EG');
});
