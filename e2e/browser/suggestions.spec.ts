/**
 * Suggestions end to end: an editor suggests an insertion, a deletion and a heading; the writer
 * accepts some and rejects others; approval is refused while one is open and allowed after.
 */
import type { Page } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import type { ArticleBody } from '../../shared/model/document';
import type { Profile } from '../../shared/model/review';
import { test, expect, expectSaved, articleButton } from './fixtures';
import { SEED_IDS } from '../../electron/node/store/seed';
import { expectNoA11yViolations } from './a11y';

const HEADLINE = 'Harbour ferry fares go up';

async function becomeRole(page: Page, name: string, role: 'Writer' | 'Editor') {
  await page.locator('.settings-open').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByLabel(role).check();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.settings-open')).toHaveText(`${name} (${role.toLowerCase()})`);
}

const workflowButton = (page: Page, label: string) => page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: label, exact: true });

const tomas = (id: string) => ({ id, authorId: 'desk:Tomas Okafor', authorName: 'Tomas Okafor', at: '2026-12-02T05:00:00.000Z' });

/** What the editor's keystrokes below leave in the stored body (ids and times made canonical). */
const SUGGESTED: ArticleBody = [
  {
    type: 'heading',
    level: 1,
    restyle: { ...tomas('s1'), before: { type: 'paragraph' } },
    children: [{ text: 'Council voted on Tuesday' }, { text: ' evening', ins: tomas('s2') }, { text: '.' }],
  },
  {
    type: 'paragraph',
    children: [{ text: 'Ferry ', ins: tomas('s3') }, { text: 'Fares rise' }, { text: ' in June', del: tomas('s4') }, { text: '.' }],
  },
];

/** The body with suggestion ids numbered in order of first appearance and one time for all. */
function canonical(body: ArticleBody): ArticleBody {
  const ids = new Map<string, string>();
  return JSON.parse(JSON.stringify(body), (key, value: unknown) => {
    if (key === 'id' && typeof value === 'string') {
      if (!ids.has(value)) ids.set(value, `s${ids.size + 1}`);
      return ids.get(value);
    }
    return key === 'at' ? '2026-12-02T05:00:00.000Z' : value;
  }) as ArticleBody;
}

const WRITER: Profile = { name: 'Mara Lindqvist', role: 'writer' };
const EDITOR: Profile = { name: 'Tomas Okafor', role: 'editor' };

/** The article as earlier steps of the workflow left it, written through the desk's own store. */
function seedArticle(host: BrowserHost, body: ArticleBody, steps: Array<['submit', Profile] | ['start-edit' | 'return', Profile, string?]>) {
  const created = host.session.store().createArticle({ headline: HEADLINE, dek: 'The first rise in ten years.', bylineAuthorIds: [SEED_IDS.authorMara], body });
  let version = created.version;
  for (const [action, who, note] of steps) version = host.session.review().workflow.transition(created.id, version, action, note ?? '', who).version;
  return created.id;
}

test('an editor suggests an insertion, a deletion and a heading from the keyboard; approval is refused while they are open', async ({ page, host }) => {
  const id = seedArticle(
    host,
    [
      { type: 'paragraph', children: [{ text: 'Council voted on Tuesday.' }] },
      { type: 'paragraph', children: [{ text: 'Fares rise in June.' }] },
    ],
    [['submit', WRITER]],
  );
  const body = page.getByRole('textbox', { name: 'Article body' });
  // The editor opens the submitted article in suggesting mode (the setting's default).
  await becomeRole(page, 'Tomas Okafor', 'Editor');
  await articleButton(page, HEADLINE).click();
  await expect(page.getByTestId('suggesting-badge')).toHaveText('Suggesting');
  await workflowButton(page, 'Start editing').click();
  await expect(page.getByTestId('article-status')).toHaveText('In edit');
  await expect(page.getByTestId('suggesting-badge')).toHaveText('Suggesting');

  // Plain arrows, Home and End are the browser's; Slate reads the caret back on a 100 ms throttle, and a
  // render in between puts its older caret back (keyboardSelection.ts syncs only Shift+ moves). So the
  // caret settles after each move, as review.spec.ts does before a shortcut.
  const move = async (...keys: string[]) => {
    for (const key of keys) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
    }
  };
  await body.click();
  await move('Control+Home', 'End', 'ArrowLeft');
  await page.keyboard.type(' evening');
  await move('ArrowDown', 'End', 'ArrowLeft');
  for (let i = 0; i < ' in June'.length; i++) await page.keyboard.press('Backspace');
  await move('Control+Home');
  await page.keyboard.press('Control+Alt+1');
  await move('ArrowDown', 'Home');
  await page.keyboard.type('Ferry ');
  await expectSaved(page);
  await expect(page.locator('.suggestion-ins')).toHaveText([' evening', 'Ferry ']);
  await expect(page.locator('.suggestion-del')).toHaveText([' in June']);
  await expect(page.locator('.suggestion-ins').first()).toHaveAttribute('title', /^Suggested insertion by Tomas Okafor at /);
  await expect(body.locator('h2')).toHaveAttribute('aria-description', /^Suggested style change by Tomas Okafor/);
  expect(canonical(host.session.store().getArticle(id).body)).toEqual(SUGGESTED);
  await expectNoA11yViolations(page, 'article with suggestions');

  await workflowButton(page, 'Approve').click();
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('alert')).toContainText(
    '4 suggestions are still open: accept or reject them before approving.',
  );
  await expect(page.getByTestId('article-status')).toHaveText('In edit');
});

test('the writer accepts some suggestions and rejects others; the editor settles the last and approves', async ({ page, host }) => {
  // The article as the editor above left it, returned to the writer.
  const id = seedArticle(host, SUGGESTED, [
    ['submit', WRITER],
    ['start-edit', EDITOR],
    ['return', EDITOR, 'See my suggestions.'],
  ]);
  const warnings = page.getByRole('alertdialog', { name: 'Submit with warnings?' });
  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  await articleButton(page, HEADLINE).click();
  await expect(page.getByTestId('suggesting-badge')).toHaveText('');
  // The caret goes into each suggestion; the decision is a key (Ctrl+Alt+Shift+A accepts, …+D rejects).
  await page.locator('.suggestion-ins', { hasText: 'evening' }).click();
  await expect(page.getByRole('button', { name: 'Accept', exact: true })).toBeEnabled();
  await page.keyboard.press('Control+Alt+Shift+a');
  await expect(page.locator('.suggestion-ins', { hasText: 'evening' })).toHaveCount(0);
  await page.locator('.suggestion-ins', { hasText: 'Ferry' }).click();
  await page.keyboard.press('Control+Alt+Shift+d');
  await expect(page.locator('.suggestion-ins')).toHaveCount(0);
  await page.locator('.suggestion-del').click();
  await page.keyboard.press('Control+Alt+Shift+a');
  await expectSaved(page);
  await expect(page.locator('.suggestion-ins, .suggestion-del')).toHaveCount(0);
  expect(canonical(host.session.store().getArticle(id).body)).toEqual([
    { type: 'heading', level: 1, restyle: { ...tomas('s1'), before: { type: 'paragraph' } }, children: [{ text: 'Council voted on Tuesday evening.' }] },
    { type: 'paragraph', children: [{ text: 'Fares rise.' }] },
  ]);
  await workflowButton(page, 'Submit for review').click();
  await expect(warnings).toContainText('1 suggestion is still open');
  await warnings.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Submitted');

  await becomeRole(page, 'Tomas Okafor', 'Editor');
  await articleButton(page, HEADLINE).click();
  await workflowButton(page, 'Start editing').click();
  await expect(page.getByTestId('article-status')).toHaveText('In edit');
  await workflowButton(page, 'Approve').click();
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('alert')).toContainText(
    '1 suggestion is still open: accept or reject it before approving.',
  );
  await page.getByRole('button', { name: '1 suggestion' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'Review suggestions' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Reject all' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectSaved(page);
  expect(host.session.store().getArticle(id).body).toEqual([
    { type: 'paragraph', children: [{ text: 'Council voted on Tuesday evening.' }] },
    { type: 'paragraph', children: [{ text: 'Fares rise.' }] },
  ]);
  await workflowButton(page, 'Approve').click();
  await expect(page.getByTestId('article-status')).toHaveText('Approved');
});

test('Ctrl+Alt+Shift+X switches suggesting on and off, and the badge says so', async ({ page }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await page.keyboard.type('Plain text.');
  await page.keyboard.press('Control+Alt+Shift+x');
  await expect(page.getByTestId('suggesting-badge')).toHaveText('Suggesting');
  await expect(page.getByRole('button', { name: 'Suggest', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type(' More.');
  await expect(page.locator('.suggestion-ins')).toHaveText([' More.']);
  await page.keyboard.press('Control+Alt+Shift+x');
  await expect(page.getByTestId('suggesting-badge')).toHaveText('');
  await page.keyboard.type(' Direct.');
  await expect(page.locator('.suggestion-ins')).toHaveText([' More.']);
  await page.keyboard.press('Control+z');
  await expect(body).toContainText('Plain text. More.');
});

test('Backspace at a paragraph’s start suggests joining it to the one before; the writer sees it in the margin and accepts it', async ({ page, host }) => {
  const id = seedArticle(
    host,
    [
      { type: 'paragraph', children: [{ text: 'Council voted on Tuesday.' }] },
      { type: 'paragraph', children: [{ text: 'Fares rise in June.' }] },
    ],
    [['submit', WRITER]],
  );
  await becomeRole(page, 'Tomas Okafor', 'Editor');
  await articleButton(page, HEADLINE).click();
  await workflowButton(page, 'Start editing').click();
  await expect(page.getByTestId('suggesting-badge')).toHaveText('Suggesting');
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.getByText('Fares rise in June.').click();
  await page.keyboard.press('Home');
  await page.waitForTimeout(150); // Slate reads the caret back on a throttle.
  await page.keyboard.press('Backspace');
  // The break is struck, both paragraphs stay until someone decides.
  const joined = body.locator('[data-suggestion-kind="paragraph join"]');
  await expect(joined).toHaveText('Fares rise in June.');
  await expect(joined).toHaveAttribute('aria-description', /^Suggested paragraph join by Tomas Okafor/);
  await expect(body.locator('p')).toHaveCount(2);
  await expectSaved(page);
  expect(canonical(host.session.store().getArticle(id).body)).toEqual([
    { type: 'paragraph', children: [{ text: 'Council voted on Tuesday.' }] },
    { type: 'paragraph', delBreak: tomas('s1'), children: [{ text: 'Fares rise in June.' }] },
  ]);
  await workflowButton(page, 'Return to writer').click();
  await page.getByLabel('Note for the writer').fill('One paragraph, please.');
  await page.getByRole('button', { name: 'Return with note' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('Returned');

  await becomeRole(page, 'Mara Lindqvist', 'Writer');
  await articleButton(page, HEADLINE).click();
  const card = page
    .getByRole('complementary', { name: 'Comments and suggestions' })
    .getByRole('article', { name: 'Suggestion by Tomas Okafor: Joined to the paragraph before: “Fares rise in June.”' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /^Accept suggestion/ }).click();
  await expect(body.locator('p')).toHaveText(['Council voted on Tuesday.Fares rise in June.']);
  await expectSaved(page);
  expect(host.session.store().getArticle(id).body).toEqual([{ type: 'paragraph', children: [{ text: 'Council voted on Tuesday.Fares rise in June.' }] }]);
});
