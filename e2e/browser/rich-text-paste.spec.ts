import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Pastes into the focused rich-text field the way a word processor fills the clipboard. */
async function paste(page: Page, label: string, data: { html?: string; text: string }) {
  await page.getByRole('textbox', { name: label }).evaluate((el, d) => {
    const dt = new DataTransfer();
    if (d.html) dt.setData('text/html', d.html);
    dt.setData('text/plain', d.text);
    // Slate reads an HTML paste from the beforeinput event Chromium sends with it; a plain-text one from paste.
    if (d.html) el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: dt, bubbles: true, cancelable: true }));
    else el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

test('a bio pasted as several paragraphs keeps all its text (one paragraph field)', async ({ page, host }) => {
  await page.getByRole('navigation', { name: 'Desk areas' }).getByRole('button', { name: 'Authors' }).click();
  await page
    .getByRole('list', { name: 'Authors' })
    .getByRole('button', { name: /Mara Lindqvist/ })
    .click();
  const form = page.getByRole('form', { name: 'Edit Mara Lindqvist' });
  const bio = form.getByRole('textbox', { name: 'Short bio' });
  await bio.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await paste(page, 'Short bio', { text: 'Mara covers the harbour.\nShe joined in 2019.' });
  await page.keyboard.type(' Plain.');
  await page.keyboard.press('End');
  await paste(page, 'Short bio', {
    html: '<p>Word <b>one</b>.</p><p>Word two.</p>',
    text: 'Word one.\n\nWord two.',
  });
  await form.getByRole('button', { name: 'Save author' }).click();
  await expect(form.getByRole('status')).toContainText('Saved');

  const stored = host.session
    .library()
    .listAuthors({ includeArchived: true })
    .find((a) => a.name === 'Mara Lindqvist')!;
  const text = stored.bio.map((n) => ('text' in n ? n.text : n.children.map((c) => c.text).join(''))).join('');
  expect(text).toContain('Mara covers the harbour.');
  expect(text).toContain('She joined in 2019. Plain.');
  expect(text).toContain('Word one.');
  expect(text).toContain('Word two.');
});
