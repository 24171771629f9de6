/**
 * The margin beside the body: comment cards beside the text they belong to, kept there while the
 * article scrolls and while someone types above them; clicking a card selects its text, putting the
 * caret in commented text makes its card the active one; replies; the keyboard way in and out; the
 * details column as a drawer on a laptop's window; the narrow window's column. At the project's
 * 1280x900 viewport unless said otherwise: most laptops are 1280 to 1366 pixels wide.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, articleButton, expectSaved } from './fixtures';
import { expectNoA11yViolations } from './a11y';
import type { BundleComment } from '../../shared/exchange/bundle';
import type { ArticleBody } from '../../shared/model/document';

const HEADLINE = 'Harbour bridge closes for a month of repairs';
/** One line each, so Home and End reach a paragraph's ends. */
const para = (i: number) => `Paragraph ${i}: the bridge shuts on Monday.`;
const BODY: ArticleBody = Array.from({ length: 40 }, (_, i) => ({ type: 'paragraph', children: [{ text: para(i + 1) }] }));
/** The commented words: the first 11 characters of paragraphs 3 and 25 (“Paragraph 3”, “Paragraph 25”). */
const comment = (id: string, block: number, length: number, text: string, at: string): BundleComment => ({
  id,
  anchor: { anchor: { path: [block, 0], offset: 0 }, focus: { path: [block, 0], offset: length }, quote: para(block + 1).slice(0, length) },
  quote: para(block + 1).slice(0, length),
  resolvedAt: '',
  resolvedBy: '',
  createdAt: at,
  messages: [{ id: `${id}-m`, by: 'Tomas Okafor', role: 'editor', text, at }],
});

const margin = (page: Page) => page.getByRole('complementary', { name: 'Comments and suggestions' });
const card = (page: Page, quote: string) => margin(page).getByRole('article', { name: new RegExp(`^Comment by Tomas Okafor on “${quote}”`) });
const mark = (page: Page, id: string) => page.locator(`.comment-mark[data-comment-ids~="${id}"]`).first();

/** Card top minus the top of its text's first line, once layout has settled. */
async function offset(cardLocator: Locator, text: Locator): Promise<number> {
  await cardLocator.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const [c, t] = await Promise.all([cardLocator.boundingBox(), text.boundingBox()]);
  return c!.y - t!.y;
}

async function expectAligned(page: Page) {
  await expect.poll(async () => Math.abs(await offset(card(page, 'Paragraph 3'), mark(page, 'c-early')))).toBeLessThanOrEqual(4);
  await expect.poll(async () => Math.abs(await offset(card(page, 'Paragraph 25'), mark(page, 'c-late')))).toBeLessThanOrEqual(4);
}

test.describe('the margin', () => {
  test.beforeEach(async ({ page, host }) => {
    const session = host.session;
    session.review().settings.setProfile({ name: 'Tomas Okafor', role: 'editor' });
    // In edit: in the editor's review queue, and its text may be changed.
    const article = session.store().createArticle({ headline: HEADLINE, body: BODY }, 'in-edit');
    session
      .review()
      .comments.addImported(
        article.id,
        [comment('c-early', 2, 11, 'Which Monday?', '2026-12-01T09:00:00.000Z'), comment('c-late', 24, 12, 'Name the engineers.', '2026-12-01T09:05:00.000Z')],
        false,
      );
    await page.reload();
    await articleButton(page, HEADLINE).click();
    await expect(page.getByRole('textbox', { name: 'Article body' })).toContainText('Paragraph 40');
  });

  test('comment cards sit beside their text, and stay there after scrolling and typing above them', async ({ page }) => {
    await expect(card(page, 'Paragraph 3')).toBeVisible();
    await expect(card(page, 'Paragraph 25')).toContainText('Name the engineers.');
    await expectAligned(page);
    // The margin and its cards are to the right of the body, not in the details column nor under the text.
    const [bodyBox, marginBox, cardBox] = await Promise.all([
      page.locator('.body-editor').boundingBox(),
      margin(page).boundingBox(),
      card(page, 'Paragraph 3').boundingBox(),
    ]);
    expect(marginBox!.x).toBeGreaterThanOrEqual(bodyBox!.x + bodyBox!.width - 1);
    expect(cardBox!.x).toBeGreaterThanOrEqual(bodyBox!.x + bodyBox!.width - 1);
    expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expect(page.getByRole('tab', { name: /Comments/ })).toHaveCount(0);

    await mark(page, 'c-late').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 300);
    await expectAligned(page);

    // Three new paragraphs above both comments, typed as direct edits: the editor opens this in-edit
    // article suggesting, and suggestion cards above would rightly push the comment cards down.
    await page.getByText(para(1)).click();
    await page.keyboard.press('Control+Alt+Shift+X');
    await expect(page.getByTestId('suggesting-badge')).toHaveText('');
    await page.keyboard.press('End');
    // Each paragraph's words as one input event: the layout is what is tested, not keystroke speed.
    for (const words of ['A new paragraph that pushes the rest down.', 'And another one.', 'And a third.']) {
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(words);
    }
    await expectSaved(page);
    await expectAligned(page);
    await expectNoA11yViolations(page, 'the margin with two comments', { include: '.margin' });
  });

  test('clicking a card selects its text; selecting commented text makes its card active', async ({ page }) => {
    const late = card(page, 'Paragraph 25');
    await late.getByText('Name the engineers.').click();
    await expect(late).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Paragraph 25');
    await expect(mark(page, 'c-late')).toHaveClass(/comment-mark-active/);

    // Some of the other comment's words selected (from inside them to the end of the line).
    await mark(page, 'c-early').click();
    await page.keyboard.press('Shift+End');
    await expect(card(page, 'Paragraph 3')).toHaveAttribute('aria-current', 'true');
    await expect(card(page, 'Paragraph 3')).toHaveClass(/\bactive\b/);
    await expect(late).not.toHaveAttribute('aria-current', 'true');
    // The active card is beside its text even when cards above are many.
    await expectAligned(page);
  });

  test('on a laptop the details column is a rail of tabs; a tab opens its panel over the margin, Escape closes it', async ({ page }) => {
    const details = page.getByRole('tab', { name: 'Details' });
    const slug = page.getByLabel('Slug', { exact: true });
    await expect(details).toBeVisible();
    await expect(slug).toBeHidden();
    // The rail is at the window's edge, to the right of the margin.
    const [rail, marginBox] = await Promise.all([page.getByRole('tablist', { name: 'Details and review' }).boundingBox(), margin(page).boundingBox()]);
    expect(rail!.x).toBeGreaterThanOrEqual(marginBox!.x + marginBox!.width - 1);

    await details.click();
    await expect(slug).toBeVisible();
    await expectNoA11yViolations(page, 'the details drawer over the margin');
    await slug.focus();
    await page.keyboard.press('Escape');
    await expect(slug).toBeHidden();
    await expect(details).toBeFocused();

    // Ctrl+Alt+R opens the review tools; the close button closes them, and the cards are in view again.
    await page.keyboard.press('Control+Alt+r');
    await expect(page.getByRole('tab', { name: 'Checklist' })).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Checklist' })).toBeVisible();
    await page.getByRole('button', { name: 'Close panel' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Checklist' })).toBeHidden();
    await expect(card(page, 'Paragraph 3')).toBeVisible();
    await expectNoA11yViolations(page, 'the rail and the margin');

    // Going to a card from the drawer (Ctrl+Alt+Shift+M) closes it: the card is under it.
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByRole('tabpanel', { name: 'History' })).toBeVisible();
    await page.keyboard.press('Control+Alt+Shift+M');
    await expect(card(page, 'Paragraph 3')).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'History' })).toBeHidden();
  });

  test('a wide window keeps the details column open beside the margin', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await expect(page.getByRole('button', { name: 'Close panel' })).toBeHidden();
    const [marginBox, side] = await Promise.all([margin(page).boundingBox(), page.locator('.article-side').boundingBox()]);
    expect(side!.x).toBeGreaterThanOrEqual(marginBox!.x + marginBox!.width - 1);
    expect(side!.width).toBeGreaterThan(300);
    await expectAligned(page);
  });

  test('a reply goes into the thread; the keyboard reaches the card at the caret and goes back to the text', async ({ page }) => {
    const early = card(page, 'Paragraph 3');
    await early.getByLabel('Reply').fill('The 14th; added.');
    await early.getByRole('button', { name: 'Reply' }).click();
    await expect(early).toContainText('Tomas Okafor (editor');
    await expect(early).toContainText('The 14th; added.');

    // Ctrl+Alt+Shift+M from the caret in the commented words.
    await mark(page, 'c-early').click();
    await page.waitForTimeout(150); // Slate reads the DOM selection on a throttle.
    await page.keyboard.press('Control+Alt+Shift+M');
    await expect(early).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(card(page, 'Paragraph 25')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(early).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: 'Article body' })).toBeFocused();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Paragraph 3');

    // A new comment opens beside its text and lands in the margin.
    await page.getByText(para(10)).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.waitForTimeout(150);
    await page.keyboard.press('Control+Alt+m');
    const form = page.getByRole('form', { name: 'New comment' });
    await expect(form.getByLabel('Comment')).toBeFocused();
    await page.keyboard.type('Too long; split it.');
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect(margin(page).getByRole('article', { name: /^Comment by Tomas Okafor on “Paragraph 10/ })).toContainText('Too long; split it.');
    await expect(margin(page)).toContainText('3 open comments');
  });

  test('a window under 1024 pixels wide lists the cards in a column under the text', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 900 });
    const early = card(page, 'Paragraph 3');
    const late = card(page, 'Paragraph 25');
    await expect(early).toBeVisible();
    const [bodyBox, a, b] = await Promise.all([page.locator('.body-editor').boundingBox(), early.boundingBox(), late.boundingBox()]);
    expect(a!.y).toBeGreaterThan(bodyBox!.y + bodyBox!.height - 1);
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    await expectNoA11yViolations(page, 'the margin under the text');
  });
});

test.describe('the compare view', () => {
  const VERSIONS = 'Versions';
  test.beforeEach(async ({ page, host }) => {
    // Two saved versions of a short article: paragraph 2 has words added, paragraph 5 is rewritten.
    const session = host.session;
    const editor = { name: 'Tomas Okafor', role: 'editor' as const };
    session.review().settings.setProfile(editor);
    const short = BODY.slice(0, 12);
    const article = session.store().createArticle({ headline: HEADLINE, body: short }, 'in-edit');
    session.review().revisions.snapshot(article.id, 'manual', 'Before the edits', editor);
    const edited: ArticleBody = short.map((block, i) =>
      i === 1
        ? { type: 'paragraph', children: [{ text: `${para(2)} Buses replace it.` }] }
        : i === 4
          ? { type: 'paragraph', children: [{ text: 'Nobody knows when the ferry returns.' }] }
          : block,
    );
    session.store().saveArticle(article.id, article.version, { body: edited });
    session.review().revisions.snapshot(article.id, 'manual', 'After the edits', editor);
    await page.reload();
    await articleButton(page, HEADLINE).click();
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByRole('region', { name: 'History' }).getByRole('list', { name: VERSIONS }).getByRole('listitem')).toHaveCount(2);
  });

  test('two versions compared inline and side by side, change by change', async ({ page }) => {
    const history = page.getByRole('region', { name: 'History' });
    const versions = history.getByRole('list', { name: VERSIONS }).getByRole('listitem');
    const name = async (label: string) => (await versions.filter({ hasText: label }).getAttribute('aria-label'))!;
    await history.getByLabel('Compare', { exact: true }).selectOption({ label: await name('Before the edits') });
    await history.getByLabel('with', { exact: true }).selectOption({ label: await name('After the edits') });
    await history.getByRole('button', { name: 'Compare', exact: true }).click();
    const comparison = page.getByRole('dialog', { name: 'Comparison' });
    const diff = comparison.getByRole('region', { name: 'Differences' });
    await expect(comparison.getByRole('heading', { name: `${await name('Before the edits')} → ${await name('After the edits')}` })).toBeVisible();
    await expect(diff.locator('ins', { hasText: 'Buses replace it.' })).toBeVisible();
    await expect(diff.locator('del', { hasText: para(5) })).toBeVisible();
    await expect(diff.locator('ins', { hasText: 'Nobody knows when the ferry returns.' })).toBeVisible();
    await expect(comparison.getByTestId('change-count')).toHaveText('2 changes');

    // Next change, twice, and back: each is said in words.
    await comparison.getByRole('button', { name: 'Next change' }).click();
    await expect(comparison.getByTestId('change-count')).toHaveText('Change 1 of 2');
    await expect(comparison.getByRole('status')).toHaveText('Change 1 of 2. Paragraph changed: inserted “Buses replace it.”');
    await expect(diff.locator('[data-change="0"]')).toBeFocused();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(comparison.getByTestId('change-count')).toHaveText('Change 2 of 2');
    await expect(comparison.getByRole('status')).toContainText('Paragraph replaced: deleted “Paragraph 5:');
    await expect(diff.locator('[data-change="1"]')).toBeFocused();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(comparison.getByTestId('change-count')).toHaveText('Change 1 of 2');

    // Side by side: each block beside its other version, the added words marked on the right only.
    await comparison.getByRole('button', { name: 'Side by side' }).click();
    await expect(comparison.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true');
    const row = diff.locator('[data-change="0"]');
    const [before, after] = [row.locator('.diff-before'), row.locator('.diff-after')];
    await expect(before).toHaveText(para(2));
    await expect(after).toHaveText(`${para(2)} Buses replace it.`);
    await expect(before.locator('ins')).toHaveCount(0);
    await expect(after.locator('ins')).toHaveText(' Buses replace it.');
    const [b, a] = [await before.boundingBox(), await after.boundingBox()];
    expect(Math.abs(b!.y - a!.y), 'the two versions of a block start on one line').toBeLessThanOrEqual(1);
    expect(a!.x).toBeGreaterThan(b!.x + b!.width);
    const replaced = diff.locator('[data-change="1"]');
    await expect(replaced.locator('.diff-before del')).toHaveText(para(5));
    await expect(replaced.locator('.diff-after ins')).toHaveText('Nobody knows when the ferry returns.');
    // Unchanged paragraphs line up too: paragraph 10 sits on one line on both sides.
    const ten = diff.locator('.diff-block', { hasText: para(10) });
    const [l, r] = [await ten.locator('.diff-before').boundingBox(), await ten.locator('.diff-after').boundingBox()];
    expect(Math.abs(l!.y - r!.y)).toBeLessThanOrEqual(1);
    await expectNoA11yViolations(page, 'the compare view side by side', { include: '.wide-view' });

    // Any two: the earlier version against the current text, which has no further change.
    await comparison.getByLabel('Earlier').selectOption({ label: await name('After the edits') });
    await comparison.getByLabel('Later').selectOption({ label: 'Current text' });
    await expect(comparison.getByText('No differences.')).toBeVisible();
    await expect(comparison.getByTestId('change-count')).toHaveText('No changes');
    await page.keyboard.press('Escape');
    await expect(comparison).toBeHidden();
  });
});

test.describe('suggestions in the margin', () => {
  const edda = { id: 'acc-edda', authorId: 'acc-edda', authorName: 'Edda Editor', at: '2026-12-02T04:00:00.000Z' };
  const SUGGESTED: ArticleBody = [
    ...BODY.slice(0, 6),
    {
      type: 'paragraph',
      children: [
        { text: 'Fares rise ' },
        { text: 'by a third ', ins: { ...edda, id: 's-ins' } },
        { text: 'from June, ' },
        { text: 'officials said', del: { ...edda, id: 's-del' } },
        { text: '.' },
      ],
    },
    ...BODY.slice(6, 12),
  ];
  let articleId = '';

  test.beforeEach(async ({ page, host }) => {
    host.session.review().settings.setProfile({ name: 'Tomas Okafor', role: 'editor' });
    articleId = host.session.store().createArticle({ headline: HEADLINE, body: SUGGESTED }, 'in-edit').id;
    await page.reload();
    await articleButton(page, HEADLINE).click();
    await expect(page.getByRole('textbox', { name: 'Article body' })).toContainText('Fares rise by a third');
  });

  const suggestion = (page: Page, summary: string) => margin(page).getByRole('article', { name: `Suggestion by Edda Editor: ${summary}` });

  test('each suggestion has a card beside its text; replies are kept with it; Accept and Reject settle it', async ({ page, host }) => {
    const inserted = suggestion(page, 'Inserted: “by a third ”');
    const deleted = suggestion(page, 'Deleted: “officials said”');
    await expect(inserted).toBeVisible();
    await expect(deleted).toBeVisible();
    await expect(inserted.getByRole('button', { name: 'Accept' })).toBeVisible();
    await expect(margin(page)).toContainText('0 open comments, 2 suggestions');
    // Beside the paragraph that holds them, the second pushed below the first.
    const line = page.locator('.body-editor [data-slate-node="element"]', { hasText: 'Fares rise' });
    await expect.poll(async () => Math.abs(await offset(inserted, line))).toBeLessThanOrEqual(4);
    const [a, b] = [await inserted.boundingBox(), await deleted.boundingBox()];
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height);

    // A reply to the deletion: stored as a thread of that suggestion, not an open comment.
    await deleted.getByLabel('Reply').fill('Keep the attribution.');
    await deleted.getByRole('button', { name: 'Reply' }).click();
    await expect(deleted).toContainText('Tomas Okafor (editor');
    await expect(deleted).toContainText('Keep the attribution.');
    await expect(margin(page)).toContainText('0 open comments');
    const [stored] = host.session.review().comments.listThreads(articleId);
    expect(stored).toMatchObject({ suggestionId: 's-del', messages: [{ text: 'Keep the attribution.' }] });
    await expectNoA11yViolations(page, 'suggestion cards', { include: '.margin' });
    await page.reload();
    await articleButton(page, HEADLINE).click();
    await expect(deleted).toContainText('Keep the attribution.');

    // Accept the insertion, reject the deletion: both words stay, as plain text, and the cards go.
    await inserted.getByRole('button', { name: 'Accept' }).click();
    await expect(inserted).toBeHidden();
    await deleted.getByRole('button', { name: 'Reject' }).click();
    await expect(deleted).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Article body' })).toContainText('Fares rise by a third from June, officials said.');
    await expectSaved(page);
    await expect
      .poll(() => JSON.stringify(host.session.store().getArticle(articleId).body[6]))
      .toBe(JSON.stringify({ type: 'paragraph', children: [{ text: 'Fares rise by a third from June, officials said.' }] }));
  });
});
