import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './a11y';
import { test, expect, showDetails, expectSaved, articleButton } from './fixtures';

/** Creates an article with a headline and puts the cursor in its empty body. */
async function startArticle(page: Page, headline: string) {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type(headline);
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  return body;
}

const misspelled = (page: Page) => page.getByRole('textbox', { name: 'Article body' }).locator('.spelling-error');

test('a misspelled word is underlined and fixed from the context menu and from the keyboard', async ({ page }) => {
  const body = await startArticle(page, 'Spelling fixes');
  // Ours replaces the browser's checker, so a word is never underlined twice.
  await expect(body).toHaveAttribute('spellcheck', 'false');
  await page.keyboard.type('The council recieved teh report on Tuesday.');
  await expect(misspelled(page)).toHaveText(['recieved', 'teh']);

  // Right-click the first: its suggestions, the right one chosen with the mouse.
  await misspelled(page).first().click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Spelling: recieved' });
  await expect(menu.getByRole('menuitem', { name: 'received', exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'spelling menu');
  await menu.getByRole('menuitem', { name: 'received', exact: true }).click();
  await expect(menu).toBeHidden();
  await expect(body.locator('p').first()).toHaveText('The council received teh report on Tuesday.');
  await expect(misspelled(page)).toHaveText(['teh']);

  // From the keyboard: the caret is at the end; Alt+F7 goes to the next misspelling (wrapping round).
  await page.keyboard.press('End');
  await page.keyboard.press('Alt+F7');
  const next = page.getByRole('menu', { name: 'Spelling: teh' });
  await expect(next.getByRole('menuitem').first()).toBeFocused();
  await expect(next.getByRole('menuitem').first()).toHaveText('the');
  await page.keyboard.press('Enter');
  await expect(next).toBeHidden();
  await expect(body.locator('p').first()).toHaveText('The council received the report on Tuesday.');
  await expect(misspelled(page)).toHaveCount(0);
  // The caret is back in the text: typing goes on where the fix left it.
  await page.keyboard.press('End');
  await page.keyboard.type(' Fine.');
  await expect(body.locator('p').first()).toHaveText('The council received the report on Tuesday. Fine.');

  // Nothing left to fix: said so, no menu.
  await page.keyboard.press('Alt+F7');
  await expect(page.getByText('No spelling mistakes found.')).toBeVisible();
});

test('a newsroom word is known in every article; a word ignored in one article stays ignored after reopening', async ({ page }) => {
  const body = await startArticle(page, 'Spelling words');
  await page.keyboard.type('Wuggleton said the snarfleblat was late.');
  await expect(misspelled(page)).toHaveText(['Wuggleton', 'snarfleblat']);

  await misspelled(page).first().click({ button: 'right' });
  await page.getByRole('menu', { name: 'Spelling: Wuggleton' }).getByRole('menuitem', { name: 'Add to newsroom dictionary' }).click();
  await expect(misspelled(page)).toHaveText(['snarfleblat']);

  // Keyboard only: caret into the word, open its menu, End to the last item, Enter.
  await body.getByText(/snarfleblat/).click();
  await page.keyboard.press('Alt+F7');
  const menu = page.getByRole('menu', { name: 'Spelling: snarfleblat' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Ignore in this article' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(misspelled(page)).toHaveCount(0);

  await expectSaved(page);
  await page.reload();
  await articleButton(page, 'Spelling words').click();
  await expect(page.getByRole('textbox', { name: 'Article body' }).locator('p').first()).toHaveText('Wuggleton said the snarfleblat was late.');
  // Give the checker time to answer, then: still nothing underlined.
  await page.getByRole('textbox', { name: 'Article body' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Recieved.');
  await expect(misspelled(page)).toHaveText(['Recieved']);
});

test('a word ignored in one article is still flagged in another, where the newsroom word stays known', async ({ page }) => {
  await startArticle(page, 'Spelling words');
  await page.keyboard.type('Wuggleton said the snarfleblat was late.');
  await misspelled(page).first().click({ button: 'right' });
  await page.getByRole('menu', { name: 'Spelling: Wuggleton' }).getByRole('menuitem', { name: 'Add to newsroom dictionary' }).click();
  await misspelled(page).first().click({ button: 'right' });
  await page.getByRole('menu', { name: 'Spelling: snarfleblat' }).getByRole('menuitem', { name: 'Ignore in this article' }).click();
  await expect(misspelled(page)).toHaveCount(0);
  await startArticle(page, 'Spelling elsewhere');
  await page.keyboard.type('Wuggleton and the snarfleblat.');
  await expect(misspelled(page)).toHaveText(['snarfleblat']);
});

test('names in the dateline and tags are known words', async ({ page }) => {
  const body = await startArticle(page, 'Spelling names');
  await page.keyboard.type('Ostravik met Wendelborg.');
  await expect(misspelled(page)).toHaveText(['Ostravik', 'Wendelborg']);
  const details = await showDetails(page);
  await details.getByLabel('Dateline').click();
  // Datelines are often capitals: the name is known in any case.
  await page.keyboard.type('OSTRAVIK');
  await expect(misspelled(page)).toHaveText(['Wendelborg']);
  await details.getByLabel('Tags', { exact: true }).click();
  await page.keyboard.type('Wendelborg');
  await page.keyboard.press('Enter');
  await expect(misspelled(page)).toHaveCount(0);
  await expect(body.locator('p').first()).toHaveText('Ostravik met Wendelborg.');
});

// The larger dictionaries load within the expect timeout (Hunspell in WebAssembly; the JavaScript
// port took up to a minute and a half for French and never finished Hebrew).
test('French and Hebrew articles are checked within seconds, with suggestions in their language', async ({ page }) => {
  for (const [language, headline, text, wrong, fix] of [
    ['fr', 'Orthographe', 'Le journaliste a reçu le rapport aujourd’hui, dit le journalizte.', 'journalizte', 'journaliste'],
    ['he', 'איות', 'שלום עולם, העיתון שלוםם', 'שלוםם', 'שלום'],
  ] as const) {
    await page.getByRole('button', { name: 'New article' }).click();
    await expect(page.getByLabel('Headline')).toBeFocused();
    await (await showDetails(page)).getByLabel('Language', { exact: true }).selectOption(language);
    await page.getByLabel('Headline').click();
    await page.keyboard.type(headline);
    await page.getByRole('textbox', { name: 'Article body' }).click();
    await page.keyboard.type(text);
    await expect(misspelled(page)).toHaveText([wrong]);
    await misspelled(page).first().click({ button: 'right' });
    const menu = page.getByRole('menu', { name: `Spelling: ${wrong}` });
    await expect(menu.getByRole('menuitem', { name: fix, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  }
});
