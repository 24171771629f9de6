import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './a11y';
import { test, expect, showDetails, expectSaved } from './fixtures';

async function becomeRole(page: Page, name: string, role: 'Writer' | 'Editor') {
  await page.locator('.settings-open').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByLabel(role).check();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
}

/** A new article; `complete` adds the dek and byline, so the house style is all the checklist has to say. */
async function newArticle(page: Page, text: string, complete = true) {
  await page.getByRole('button', { name: 'New article' }).click();
  // The new article's headline takes the focus once it exists: typing before that goes nowhere.
  await expect(page.getByLabel('Headline')).toBeFocused();
  // Whole lines as one input event each: the flow is about the findings, not the typing.
  await page.keyboard.insertText('Harbour ferry adds a night crossing');
  if (complete) {
    await page.getByLabel('Dek').click();
    await page.keyboard.insertText('The last boat leaves at midnight from June.');
    const details = await showDetails(page);
    await details.getByLabel('Byline', { exact: true }).click();
    await page.keyboard.type('lind');
    await page.keyboard.press('Enter');
  }
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await page.keyboard.insertText(text);
  if (complete) await expectSaved(page);
  return body;
}

test('an editor adds a rule in the Style area (a runaway pattern is refused); a writer sees it underlined with its message and fixes it with one click', async ({
  page,
}) => {
  await becomeRole(page, 'Tomas Okafor', 'Editor');
  const areas = page.getByRole('navigation', { name: 'Desk areas' });
  await areas.getByRole('button', { name: 'Style' }).click();
  const style = page.getByRole('region', { name: 'House style' });
  await expect(style.getByRole('list', { name: 'Style rules' })).toContainText('email, not e-mail');
  await style.getByRole('button', { name: 'New rule' }).click();
  const form = style.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Name').fill('use, not utilize');
  await form.getByLabel('A pattern').check();
  await form.getByLabel(/^Pattern/).fill('(a+)+$');
  await expect(form.locator('.field-error')).toContainText('repeats a group that already repeats');
  await form.getByLabel('Preferred form', { exact: false }).fill('use');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('alert')).toContainText('The rule was not saved: The pattern repeats a group that already repeats');
  await form.getByLabel('Words or phrases', { exact: true }).check();
  await form.getByLabel('Words or phrases, one a line').fill('utilize\nutilise');
  await form.getByLabel('Message for the writer').fill('Write “use”: shorter and plainer.');
  await form.getByLabel('Severity').selectOption('error');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(style.getByRole('form', { name: 'Edit use, not utilize' })).toContainText('version 1');
  await expectNoA11yViolations(page, 'Style area');

  // Writers do not see the Style area; they see its findings.
  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  await expect(areas.getByRole('button', { name: 'Style' })).toBeHidden();
  await areas.getByRole('button', { name: 'Articles' }).click();
  const body = await newArticle(page, 'Crews utilize the old pier. Staff utilise radios.', false);
  const errorMarks = body.locator('.style-finding-error');
  await expect(errorMarks).toHaveText(['utilize', 'utilise']);
  // Checked off the page, in the house-style worker.
  expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/style\.worker-[\w-]+\.js$/));
  await errorMarks.first().click();
  const bubble = page.getByRole('group', { name: 'House style' });
  await expect(bubble).toContainText('Write “use”: shorter and plainer.');
  await bubble.getByRole('button', { name: 'Change to “use”' }).click();
  await expect(body).toContainText('Crews use the old pier. Staff utilise radios.');
  await expect(errorMarks).toHaveText(['utilise']);
});

test('a writer ignores one instance, which stays ignored; an unresolved style error holds the article back, warnings do not', async ({ page }) => {
  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  // The starter set: “very unique” is an error, “e-mail” a warning.
  const body = await newArticle(page, 'A very unique crossing. Send an e-mail to book, or an e-mail to cancel.');
  await expect(body.locator('.style-finding-error')).toHaveText(['very unique']);
  const warningMarks = body.locator('.style-finding-warning');
  await expect(warningMarks).toHaveText(['e-mail', 'e-mail']);
  await warningMarks.nth(1).click();
  const bubble = page.getByRole('group', { name: 'House style' });
  await expect(bubble).toContainText('House style: use “email”.');
  await expectNoA11yViolations(page, 'House-style finding in the text');
  await warningMarks.nth(1).click();
  await bubble.getByRole('button', { name: 'Ignore' }).click();
  await expect(warningMarks).toHaveCount(1);

  // Opened again, the ignored instance stays ignored.
  await page.reload();
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: 'Harbour ferry adds a night crossing', exact: true }).click();
  await expect(warningMarks).toHaveText(['e-mail']);
  await expect(body.locator('.style-finding-error')).toHaveText(['very unique']);

  const workflow = page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('alert', { name: 'Not ready to submit' })).toContainText('1 house-style error is still in the text');
  await page.getByRole('button', { name: 'Back to the article' }).click();
  await body.locator('.style-finding-error').click();
  await bubble.getByRole('button', { name: 'Change to “unique”' }).click();
  await expect(body).toContainText('A unique crossing.');
  await expect(body.locator('.style-finding-error')).toHaveCount(0);
  await expectSaved(page);
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  const warnings = page.getByRole('alertdialog', { name: 'Submit with warnings?' });
  await expect(warnings).toContainText('1 house-style warning in the text');
  await warnings.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Submitted');
});

test('from the keyboard alone: Alt+F7 opens a house-style finding’s menu, Enter takes its fix, and the next one is ignored from the menu', async ({ page }) => {
  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  const body = await newArticle(page, 'Send an e-mail to book. It was a very unique crossing.', false);
  await expect(body.locator('.style-finding-warning')).toHaveText(['e-mail']);
  await expect(body.locator('.style-finding-error')).toHaveText(['very unique']);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+F7');
  const first = page.getByRole('menu', { name: 'House style: e-mail' });
  await expect(first.getByRole('menuitem', { name: 'email' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first).toBeHidden();
  await expect(body).toContainText('Send an email to book.');
  await expect(body.locator('.style-finding-warning')).toHaveCount(0);

  await page.keyboard.press('Alt+F7');
  const second = page.getByRole('menu', { name: 'House style: very unique' });
  await expect(second).toBeVisible();
  await page.keyboard.press('End');
  await expect(second.getByRole('menuitem', { name: 'Ignore this one' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(second).toBeHidden();
  await expect(body.locator('.style-finding-error')).toHaveCount(0);
  await expect(body).toContainText('It was a very unique crossing.');
  // The caret is back in the text, after the words, which typing leaves alone.
  await page.keyboard.type(',');
  await expect(body).toContainText('It was a very unique, crossing.');
});

test('a writer who turns the underlines off still has the checklist count house style', async ({ page }) => {
  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  const body = await newArticle(page, 'A very unique crossing.', false);
  await expect(body.locator('.style-finding-error')).toHaveText(['very unique']);
  await page.locator('.settings-open').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel(/Underline house style as you type/).uncheck();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(body.locator('.style-finding-error')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(page.getByRole('region', { name: 'Checklist' })).toContainText('1 house-style error is still in the text');
});
