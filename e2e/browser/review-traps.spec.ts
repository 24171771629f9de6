/**
 * Issue 13, "Review traps": review has its own place beside the article, submitting runs the
 * checklist, a returned article says so, empty states speak to their view and role, the role is
 * one click, and the AI-use declaration reaches the exported files. Typed like a person.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import { SEED_IDS } from '../../electron/node/store/seed';
import { test, expect, showDetails, expectSaved, articleButton, choosePath, exportFolderOf } from './fixtures';

// These flows start as a new desk does: with the welcome card.
test.use({ firstRun: true });

const SEED_HEADLINE = 'Harbour City Votes to Build Flood Barrier After Decade of Debate';
const SEED_SLUG = 'harbour-city-votes-to-build-flood-barrier-after-decade-of-debate';
const STORY = 'Council approves the harbour wall';

/** First run: the welcome card, filled in with the keyboard. */
async function introduce(page: Page, name: string, role: 'Writer' | 'Editor') {
  const welcome = page.getByRole('dialog', { name: 'Welcome to the desk' });
  await welcome.getByLabel('Your name').click();
  await page.keyboard.type(name);
  await welcome.getByLabel(role).check();
  await welcome.getByRole('button', { name: 'Start' }).click();
  await expect(welcome).toBeHidden();
}

const roleSwitch = (page: Page) => page.getByRole('group', { name: /Mara|Tomas/ });

/** A complete story waiting in the review queue, with a few paragraphs to comment on. */
function createStory(host: BrowserHost, status: 'submitted' | 'in-edit') {
  return host.session.store().createArticle(
    {
      headline: STORY,
      dek: 'A decade of debate ends with a vote of 31 to 12.',
      bylineAuthorIds: [SEED_IDS.authorMara],
      body: [
        { type: 'paragraph', children: [{ text: 'The city council approved the harbour wall on Thursday after a six-hour debate.' }] },
        { type: 'paragraph', children: [{ text: 'Work starts in spring and is due to finish in four years.' }] },
        { type: 'paragraph', children: [{ text: 'Opponents said the cost would double before the wall was built.' }] },
      ],
    },
    status,
  );
}

/** Nothing sideways: no horizontal scrolling anywhere, every tab whole and inside the window. */
async function expectNothingClipped(page: Page) {
  const m = await page.evaluate(() => {
    const side = document.querySelector('.article-side')!;
    const workspace = document.querySelector('.workspace')!;
    const doc = document.scrollingElement!;
    const s = side.getBoundingClientRect();
    const tabs = [...document.querySelectorAll('.side-tabs [role="tab"]')].map((t) => {
      const r = t.getBoundingClientRect();
      return {
        name: t.textContent,
        inside: r.left >= s.left && r.right <= s.right + 0.5 && r.top >= 0 && r.bottom <= innerHeight,
        whole: t.scrollWidth <= t.clientWidth,
      };
    });
    return {
      overflow: [doc.scrollWidth - doc.clientWidth, workspace.scrollWidth - workspace.clientWidth, side.scrollWidth - side.clientWidth],
      sideInWindow: s.left >= 0 && s.right <= innerWidth,
      tabs,
    };
  });
  expect(m.overflow, 'horizontal overflow of page, workspace, review column').toEqual([0, 0, 0]);
  expect(m.sideInWindow).toBe(true);
  expect(m.tabs).toHaveLength(3); // Details, Checklist, History: comments are in the margin
  for (const tab of m.tabs) expect(tab, `tab ${tab.name}`).toEqual({ name: tab.name, inside: true, whole: true });
}

async function expectInViewport(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize()!;
  expect(box, selector).not.toBeNull();
  expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= size.width && box!.y + box!.height <= size.height, `${selector} ${JSON.stringify(box)}`).toBe(
    true,
  );
}

async function shoot(page: Page, testInfo: TestInfo, name: string, selector = '.desk') {
  const file = testInfo.outputPath(`${name}.png`);
  await page.locator(selector).first().screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`review has its own tabs beside the article at ${size.width}×${size.height}: one key away, nothing clipped, compare as wide as the article`, async ({
    page,
    host,
  }, testInfo) => {
    await page.setViewportSize(size);
    createStory(host, 'in-edit');
    await page.reload();
    await introduce(page, 'Tomas Okafor', 'Editor');
    await articleButton(page, STORY).click();
    const body = page.getByRole('textbox', { name: 'Article body' });
    await expect(page.getByRole('tab', { name: 'Checklist' })).toHaveAttribute('aria-selected', 'true'); // an editor starts on review

    // Comment on a sentence: the comment box opens in the margin, inside the window.
    await body.getByText('Work starts in spring').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.waitForTimeout(150); // Slate reads the DOM selection on a throttle.
    await page.keyboard.press('Control+Alt+m');
    const form = page.getByRole('form', { name: 'New comment' });
    await expect(form).toBeVisible();
    await expectInViewport(page, '.comment-form');
    await expect(form.getByLabel('Comment')).toBeFocused();
    await page.keyboard.type('Which contractor? Name them and the cost.');
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect(page.getByRole('complementary', { name: 'Comments and suggestions' })).toContainText('1 open comment');
    await expectNothingClipped(page);
    await shoot(page, testInfo, `review-comments-${size.width}x${size.height}`);

    // From the text, Ctrl+Alt+R goes to the review tab last used; the tabs are one stop with arrow keys.
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect(page.getByRole('complementary', { name: 'Article details' })).toBeVisible();
    await body.getByText('Opponents said').click();
    await page.keyboard.press('Control+Alt+r');
    await expect(page.getByRole('tab', { name: 'Checklist' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Checklist' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'History' })).toBeFocused();
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.side-tabs [tabindex="0"]')).toHaveCount(1);
    await expectNothingClipped(page);

    // Save a version, change the text, compare: the comparison reads at the article's width.
    const history = page.getByRole('region', { name: 'History' });
    await history.getByLabel('Version label').click();
    await page.keyboard.type('Before the edit');
    await history.getByRole('button', { name: 'Save version' }).click();
    await expect(history.getByRole('list', { name: 'Versions' })).toContainText('Before the edit');
    await body.getByText('Opponents said').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' The mayor disagreed.');
    await expectSaved(page);
    await history.getByLabel('Compare', { exact: true }).selectOption({ index: 0 });
    await history.getByRole('button', { name: 'Compare', exact: true }).click();
    const comparison = page.getByRole('dialog', { name: 'Comparison' });
    await expect(comparison.locator('ins', { hasText: 'The mayor disagreed.' })).toBeVisible();
    const [dialogBox, articleBox] = [await comparison.boundingBox(), await page.locator('.article-view').boundingBox()];
    // At least as wide as the article (with its margin, when the window has room for it beside the text).
    expect(dialogBox!.x, 'comparison over the article').toBeLessThanOrEqual(articleBox!.x + 1);
    expect(dialogBox!.x + dialogBox!.width).toBeGreaterThanOrEqual(articleBox!.x + articleBox!.width - 1);
    expect(dialogBox!.width).toBeGreaterThan(500);
    await expectInViewport(page, '.wide-view');
    await shoot(page, testInfo, `review-compare-${size.width}x${size.height}`, 'body');
    await page.keyboard.press('Escape');
    await expect(comparison).toBeHidden();
    await expect(history.getByRole('button', { name: 'Compare', exact: true })).toBeFocused();
    await expectNothingClipped(page);
    await shoot(page, testInfo, `review-history-${size.width}x${size.height}`);
  });
}

test('submitting runs the checklist: errors stop it with the list, warnings ask', async ({ page }) => {
  await introduce(page, 'Mara Lindqvist', 'Writer');
  await page.getByRole('button', { name: 'New article' }).click();
  // The new article opens after a round trip to the store: type once its headline has the caret.
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Ferry fares rise');
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await page.keyboard.type('Lorem ipsum dolor sit amet.');
  await expectSaved(page);
  const workflow = page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  const refused = page.getByRole('alert', { name: 'Not ready to submit' });
  await expect(refused).toContainText('Not submitted: the checklist has 2 errors to fix first.');
  // Each finding goes to the field that fixes it; the list crosses off what is fixed.
  await expect(refused.getByRole('listitem')).toHaveText([
    'Add a dek (the line under the headline). Go to the dek',
    'Add at least one author to the byline. Go to the byline',
  ]);
  await expect(refused).toBeFocused();
  await expect(page.getByTestId('article-status')).toHaveText('Draft');
  await page.getByRole('tab', { name: 'History' }).click(); // the byline's tab is not the one shown
  await refused.getByRole('button', { name: 'Go to the dek' }).click();
  await expect(page.getByLabel('Dek')).toBeFocused();
  await page.keyboard.type('Single tickets cost more from June.');
  await expect(refused).toContainText('Not submitted: the checklist has 1 error to fix first.');
  await expect(refused.getByRole('listitem')).toHaveText(['Add at least one author to the byline. Go to the byline']);
  await refused.getByRole('button', { name: 'Go to the byline' }).click();
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
  // The fix opened the details (a drawer at this width) and went to the field.
  const details = page.getByRole('complementary', { name: 'Article details' });
  await expect(details.getByLabel('Byline', { exact: true })).toBeFocused();
  await page.keyboard.type('lind');
  await page.keyboard.press('Enter');
  await expect(refused).toContainText('Fixed: nothing stops the submission now. Submit again with Ctrl+Shift+Enter.');
  await expect(refused.getByRole('listitem')).toHaveCount(0);
  await refused.getByRole('button', { name: 'Back to the article' }).click();
  await expect(refused).toBeHidden();
  await expectSaved(page);

  // Fixed; the placeholder text and the missing bio are warnings, and warnings ask.
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Submit with warnings?' });
  await expect(ask).toContainText('The checklist has 2 warnings. Submit anyway?');
  await expect(ask).toContainText('placeholder text (“Lorem ipsum”)');
  await expect(ask).toContainText('Mara Lindqvist has no “About the writer” bio block');
  await ask.getByRole('button', { name: 'Keep writing' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Draft');

  // The text as it is this instant is checked, not as it was at the last pause.
  await body.getByText('Lorem ipsum').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('Single tickets on the harbour ferry go up by 40 cents.');
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(ask).toContainText('The checklist has 1 warning. Submit anyway?');
  await expect(ask).not.toContainText('placeholder');
  await ask.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Submitted');
});

test('a returned article says Returned with the note on top until the writer resubmits; the role is one click', async ({ page, host }) => {
  createStory(host, 'in-edit');
  await page.reload();
  await introduce(page, 'Tomas Okafor', 'Editor');
  await articleButton(page, STORY).click();
  const workflow = page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Return to writer' }).click();
  await page.getByLabel('Note for the writer').click();
  await page.keyboard.type('Say who voted against.');
  await page.getByRole('button', { name: 'Return with note' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Returned');
  const note = page.getByRole('note', { name: 'Returned by the editor' });
  await expect(note).toContainText('Returned by Tomas Okafor: Say who voted against.');

  // One click switches role, keeping the name; the writer's desk shows the returned story.
  const roles = roleSwitch(page);
  await expect(roles).toContainText('Tomas Okafor');
  await roles.getByLabel('Writer').click();
  await expect(page.locator('.settings-open')).toHaveText('Tomas Okafor (writer)');
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('desk');
  await expect(roles.getByLabel('Writer')).toBeChecked();
  await articleButton(page, STORY).click();
  await expect(page.getByTestId('article-status')).toHaveText('Returned');
  // The note sits above the headline, not at the bottom of a column.
  const [noteBox, headlineBox] = [await note.boundingBox(), await page.getByLabel('Headline').boundingBox()];
  expect(noteBox!.y + noteBox!.height).toBeLessThanOrEqual(headlineBox!.y);
  await expectInViewport(page, '.return-banner');

  // Still returned after an edit; gone once resubmitted.
  await page.getByRole('textbox', { name: 'Article body' }).getByText('Opponents said').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Twelve councillors voted against.');
  await expectSaved(page);
  await expect(page.getByTestId('article-status')).toHaveText('Returned');
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('alertdialog', { name: 'Submit with warnings?' }).getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Submitted');
  await expect(note).toHaveCount(0);
});

test('empty states speak to their view and role', async ({ page }) => {
  await introduce(page, 'Tomas Okafor', 'Editor');
  const library = page.getByRole('navigation', { name: 'Article library' });
  // The seed article is a draft: an editor's queue is empty, and is not told to write one.
  await expect(library.locator('.empty-state')).toHaveText('Nothing is waiting for review. Articles writers submit appear here, longest waiting first.');
  await expect(page.locator('.workspace-empty')).toContainText('Choose an article from the review queue');
  await expect(page.locator('.workspace-empty')).not.toContainText('New article');

  await roleSwitch(page).getByLabel('Writer').click();
  await expect(articleButton(page, SEED_HEADLINE)).toBeVisible();
  await expect(page.locator('.workspace-empty')).toContainText('press “New article” (Ctrl+N)');
  await page.getByLabel('Search articles').click();
  await page.keyboard.type('zeppelin');
  await expect(library.locator('.empty-state')).toHaveText('No articles in this view match “zeppelin”. Choose “All articles” under Show to search everything.');
  await page.getByLabel('Show', { exact: true }).selectOption('all');
  await expect(library.locator('.empty-state')).toHaveText('No articles match “zeppelin”. Check the spelling or search for fewer words.');
  await page.getByLabel('Search articles').fill('');
  await page.getByRole('tab', { name: 'Trash' }).click();
  await expect(library.locator('.empty-state')).toHaveText('The trash is empty. Articles you move to the trash wait here until you restore or delete them.');
  await page.getByRole('tab', { name: 'Articles' }).click();
  await page.getByLabel('Show', { exact: true }).selectOption('desk');
  await library.getByRole('button', { name: `Move “${SEED_HEADLINE}” to trash` }).click();
  await expect(library.locator('.empty-state')).toHaveText('Your desk is clear: no drafts and nothing returned. Press “New article” (Ctrl+N) to start one.');
});

test('the AI-use declaration: the hint follows the text, a None beside a disclosure is flagged, exports carry it', async ({ page, dbDir }) => {
  await introduce(page, 'Mara Lindqvist', 'Writer');
  await page.getByRole('button', { name: 'New article' }).click();
  // The new article opens after a round trip to the store: type once its headline has the caret.
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Ferry timetable goes digital');
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await page.keyboard.type('The ferry company published its timetable as open data.');
  const details = await showDetails(page);
  const aiUse = details.getByRole('group', { name: 'AI use' });
  const hint = aiUse.locator('.hint');
  await expect(hint).toHaveText('No AI was used for this article.');
  await aiUse.getByLabel('Research').check();
  await expect(hint).toContainText('Add an AI-use disclosure block that covers it (e.g. “AI-assisted research”).');

  // Insert the disclosure from the "/" menu: the hint goes once the block is in.
  await body.getByText('open data.').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/disclosure');
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog');
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('newsroom');
  await expect(picker.getByRole('option').first()).toContainText('AI as a newsroom tool');
  await page.keyboard.press('Enter');
  // It covers more than the declaration names: the picker offers to declare those too; Escape inserts it alone.
  await expect(picker).toContainText(
    '“AI as a newsroom tool” tells readers AI was used for drafting, editing, translation, transcription and other uses. The article’s AI-use declaration does not name these uses yet.',
  );
  await expect(picker.getByRole('button', { name: 'Insert and declare these uses' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(body.getByRole('group', { name: /^AI-use disclosure/ })).toBeVisible();
  await expect(aiUse.getByLabel('Drafting')).not.toBeChecked();
  await expect(hint).toHaveText('The AI-use disclosure in the article covers these uses.');
  await expect(hint).not.toContainText('Add an AI-use disclosure block');
  await expectSaved(page);

  // "None" beside that block contradicts it, in the hint and the checklist.
  await aiUse.getByLabel('None').check();
  await expect(hint).toContainText('The AI-use declaration says None, but the disclosure “AI as a newsroom tool” in the article tells readers AI was used.');
  await page.getByRole('tab', { name: 'Checklist' }).click();
  const checklist = page.getByRole('region', { name: 'Checklist' });
  await expect(checklist).toContainText('says None, but the disclosure “AI as a newsroom tool”');
  // Its fix goes to the declaration, to a button that declares what the disclosure covers.
  await checklist.getByRole('button', { name: 'Go to AI use' }).click();
  const declare = aiUse.getByRole('button', { name: /^Declare these uses: research, drafting, editing, translation, transcription and other uses$/ });
  await expect(declare).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(aiUse.getByLabel('Research')).toBeChecked();
  await expect(aiUse.getByLabel('Images')).not.toBeChecked();
  await expect(hint).toHaveText('The AI-use disclosure in the article covers these uses.');
  await expect(declare).toHaveCount(0);
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(checklist).not.toContainText('says None');

  // The seed article declares research and transcription: its exports say so with the disclosure.
  await articleButton(page, SEED_HEADLINE).click();
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Export “Harbour City/ });
  for (const label of ['Markdown', 'Plain text']) await dialog.getByLabel(label).check();
  const out = exportFolderOf(dbDir);
  await choosePath(page, 'Folder', out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-state')).toHaveText(`Exported 1 of 1 to ${out}.`);
  const sentence =
    'AI use declared for this article: research and transcription. Tools: A transcription service. Note: Every quote was checked against the recording.';
  const read = (ext: string) => fs.readFileSync(path.join(out, SEED_SLUG + ext), 'utf8');
  expect(read('.html')).toContain(`Click here</a>.</p><p class="ai-declaration">${sentence}</p></aside>`);
  expect(read('.md')).toContain('aiUse: ["research", "transcription"]');
  expect(read('.md')).toContain(`\n\n${sentence}\n\n:::`);
  expect(read('.txt')).toContain(`[https://example.org/newsroom/ai-policy].\n${sentence}`);
});
