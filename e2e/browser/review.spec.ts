import type { Page } from '@playwright/test';
import { test, expect, showDetails, expectSaved, articleButton, articleRow } from './fixtures';

const HEADLINE = 'Ferry fares rise for the first time in a decade';

/** The profile is per database (one desk): switching role between steps is what a shared machine does. */
async function becomeRole(page: Page, name: string, role: 'Writer' | 'Editor') {
  await page.locator('.settings-open').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByLabel(role).check();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.settings-open')).toHaveText(`${name} (${role.toLowerCase()})`);
}

/** The commented words, whole: spelling underlines (US English has no “harbour”) split the mark into several spans. */
const commentedText = (page: Page) =>
  page
    .locator('.comment-mark')
    .allTextContents()
    .then((parts) => parts.join(''));

async function transition(page: Page, label: string, status: string) {
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByTestId('article-status')).toHaveText(status);
}

test('a writer submits, an editor comments and returns, the writer fixes, the editor compares, resolves and approves', async ({ page }) => {
  // The welcome card itself is tested in polish.spec.ts; here the writer names herself in Settings.
  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('desk');

  // The writer drafts (no dek yet) and submits: the checklist stops it until there is a dek.
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type(HEADLINE);
  const details = await showDetails(page);
  await details.getByLabel('Byline', { exact: true }).click();
  await page.keyboard.type('lind');
  await page.keyboard.press('Enter');
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await page.keyboard.type('Single tickets on the harbour ferry will cost more from June.');
  await expectSaved(page);
  const workflow = page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('alert', { name: 'Not ready to submit' })).toContainText('Add a dek');
  await expect(page.getByTestId('article-status')).toHaveText('Draft');
  await page.getByRole('button', { name: 'Back to the article' }).click();
  // A "TK" dek is a placeholder: it warns at submission (and blocks approval).
  await page.getByLabel('Dek').click();
  await page.keyboard.type('TK');
  await expectSaved(page);
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  const warnings = page.getByRole('alertdialog', { name: 'Submit with warnings?' });
  await expect(warnings).toContainText('placeholder text (“TK”)');
  await warnings.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Submitted');
  await expect(articleButton(page, HEADLINE)).toBeHidden(); // My desk shows drafts only.

  // The editor's home is the review queue.
  await becomeRole(page, 'Tomas Okafor', 'Editor');
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('queue');
  await articleButton(page, HEADLINE).click();
  await transition(page, 'Start editing', 'In edit');

  // Comment on the sentence (Ctrl+Alt+M).
  await page.getByRole('textbox', { name: 'Article body' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.waitForTimeout(150); // Slate reads the DOM selection on a throttle.
  await page.keyboard.press('Control+Alt+m');
  const form = page.getByRole('form', { name: 'New comment' });
  await expect(form).toBeVisible();
  await form.getByLabel('Comment').fill('Which routes? Give the new prices.');
  await form.getByRole('button', { name: 'Add comment' }).click();
  const comments = page.getByRole('complementary', { name: 'Comments and suggestions' });
  await expect(comments.getByRole('article', { name: /Comment by Tomas Okafor/ })).toBeVisible();
  await expect.poll(() => commentedText(page)).toBe('Single tickets on the harbour ferry will cost more from June.');
  await expect(comments).toContainText('1 open comment');

  // The checklist blocks approval: a placeholder dek and an open comment.
  await page.getByRole('tab', { name: 'Checklist' }).click();
  const checklist = page.getByRole('region', { name: 'Checklist' });
  await expect(checklist).toContainText('placeholder text (“TK”)');
  await expect(checklist).toContainText('1 open comment');
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('alert')).toContainText('Cannot approve yet: The article still has placeholder text');
  await expect(page.getByTestId('article-status')).toHaveText('In edit');

  // Return to the writer with a note.
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Return to writer' }).click();
  await page.getByLabel('Note for the writer').fill('Add a dek and answer my comment.');
  await page.getByRole('button', { name: 'Return with note' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Returned');

  // The writer sees what came back, fixes it and resubmits.
  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  const row = articleRow(page, HEADLINE);
  await expect(row).toContainText('Returned: Add a dek and answer my comment.');
  await expect(row.getByLabel('1 open comment')).toBeVisible();
  await articleButton(page, HEADLINE).click();
  await expect(page.getByRole('note', { name: 'Returned by the editor' })).toContainText('Add a dek and answer my comment.');
  await page.getByLabel('Dek').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('The first rise in ten years.');
  await page.getByRole('textbox', { name: 'Article body' }).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('From June, ');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' The North and Island routes go up by 40 cents.');
  await expectSaved(page);
  // The comment still covers its sentence after the edit before it.
  await expect.poll(() => commentedText(page)).toBe('Single tickets on the harbour ferry will cost more from June.');
  await comments.getByLabel('Reply').fill('Added the routes and prices at the end.');
  await comments.getByRole('button', { name: 'Reply' }).click();
  await expect(comments).toContainText('Mara Lindqvist (writer');
  // Warnings only (the open comment, no bio): the writer confirms.
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('alertdialog', { name: 'Submit with warnings?' }).getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Submitted');

  // The editor compares the two submissions, resolves the comment and approves.
  await becomeRole(page, 'Tomas Okafor', 'Editor');
  await articleButton(page, HEADLINE).click();
  await transition(page, 'Start editing', 'In edit');
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  const versions = history.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  await expect(versions.filter({ hasText: 'Draft → Submitted' })).toHaveCount(2);
  const first = versions.filter({ hasText: 'Draft → Submitted' }).last();
  await history.getByLabel('Compare', { exact: true }).selectOption({ label: (await first.getAttribute('aria-label'))! });
  await history.getByLabel('with', { exact: true }).selectOption({ label: 'Current text' });
  await history.getByRole('button', { name: 'Compare', exact: true }).click();
  const diff = page.getByRole('dialog', { name: 'Comparison' }).getByRole('region', { name: 'Differences' });
  await expect(diff.locator('ins').first()).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'The first rise in ten years.' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'From' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'Island routes' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(diff).toBeHidden();

  // At this width History is a drawer over the margin: closed, the comment's card is in reach again.
  await page.getByRole('button', { name: 'Close panel' }).click();
  await comments.getByRole('button', { name: 'Resolve' }).click();
  await expect(comments).toContainText('0 open comments');
  await expect(page.locator('.comment-mark')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(page.getByRole('region', { name: 'Checklist' })).not.toContainText('Error');
  await transition(page, 'Approve', 'Approved');

  await page.getByRole('tab', { name: 'History' }).click();
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText('Tomas Okafor (editor): In edit → Approved');
  await expect(activity).toContainText('“Add a dek and answer my comment.”');

  // Approved text is locked; reopening makes it editable again.
  await expect(page.getByRole('note')).toContainText('its text is locked');
  await expect(page.getByLabel('Headline')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Article body')).toHaveAttribute('contenteditable', 'false');
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByRole('complementary', { name: 'Article details' }).getByLabel('Dateline')).toBeDisabled();
  await transition(page, 'Reopen for editing', 'In edit');
  await expect(page.getByRole('note')).toHaveCount(0);
  await page.getByLabel('Headline').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (corrected)');
  await expectSaved(page);
});

test('search answers as you type with highlighted snippets; filters narrow the list', async ({ page, host }) => {
  const store = host.session.store();
  store.createArticle({
    headline: 'Ferry timetable changes',
    section: 'Transport',
    tags: ['ferries'],
    body: [{ type: 'paragraph', children: [{ text: 'The <b>winter</b> timetable starts in November.' }] }],
  });
  await page.reload();
  await page.getByLabel('Search articles').click();
  await page.keyboard.type('timet');
  const snippet = articleRow(page, 'Ferry timetable changes').getByTestId('search-snippet');
  await expect(snippet.locator('mark').first()).toHaveText(/timetable/i);
  // Markup in the text stays text.
  await page.getByLabel('Search articles').fill('winter');
  await expect(articleRow(page, 'Ferry timetable changes').getByTestId('search-snippet')).toContainText('<b>winter</b>');
  await expect(page.locator('.search-snippet b')).toHaveCount(0);
  await page.getByLabel('Search articles').fill('');

  await page.getByText('Filters and sort').click();
  await page.getByLabel('Section').fill('transport');
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();
  await expect(articleButton(page, 'Ferry timetable changes')).toBeVisible();
  await page.getByLabel('Section').fill('');
  await page.getByLabel('Tag').fill('flooding');
  await expect(articleButton(page, 'Harbour City Votes to Build Flood Barrier After Decade of Debate')).toBeVisible();
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();
});

test('the checklist follows the AI-use declaration as it is edited', async ({ page }) => {
  await articleButton(page, 'Harbour City Votes to Build Flood Barrier After Decade of Debate').click();
  const details = await showDetails(page);
  const hint = details.getByRole('group', { name: 'AI use' }).locator('.hint');
  await expect(hint).toHaveText('The AI-use disclosure in the article covers these uses.');
  // The seeded disclosure does not cover AI-generated images: the hint and the checklist say so.
  await details.getByLabel('Images').check();
  await expect(hint).toContainText(/AI-generated illustration/);
  await page.getByRole('tab', { name: 'Checklist' }).click();
  const checklist = page.getByRole('region', { name: 'Checklist' });
  await expect(checklist).toContainText(/AI-generated illustration/);
  // "None" with the seeded disclosure in the text is a contradiction.
  await page.getByRole('tab', { name: 'Details' }).click();
  await details.getByLabel('None').check();
  await expect(hint).toContainText('The AI-use declaration says None, but the disclosure');
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(checklist).not.toContainText(/AI-generated illustration/);
  await expect(checklist).toContainText('says None, but the disclosure “AI as a newsroom tool”');
});
