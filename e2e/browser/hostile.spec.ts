/**
 * Hostile clipboard HTML in the real editor (issue "Hardening"): nothing in it runs, nothing of it
 * reaches the editor's DOM as markup, and the article it becomes exports as inert HTML.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { HOSTILE_CASES, PWNED_FLAG } from '../../shared/security/__fixtures__/hostileContent';
import { test, expect, expectSaved, choosePath, exportFolderOf } from './fixtures';

const EXECUTABLE = ['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base', 'form', 'link', 'meta', 'template', 'noscript'];

/** Elements and attributes in an exported HTML file that could run or load something. */
function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (EXECUTABLE.includes(name) && !(name === 'meta' && !/refresh/i.test(attribs['http-equiv'] ?? ''))) found.push(`<${name}>`);
        for (const [key, value] of Object.entries(attribs)) {
          if (key.startsWith('on')) found.push(`${key} on <${name}>`);
          if ((key === 'href' || key === 'src') && !/^(https?:|mailto:|#|[\w.-]+(\/[\w.-]+)*$)/i.test(value.trim())) found.push(`${key}="${value}"`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

test('hostile HTML pasted into the editor runs nothing, leaves no handlers, and exports as inert HTML', async ({ page, dbDir }) => {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').click();
  await page.keyboard.type('Hostile paste');
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.click();

  const html = HOSTILE_CASES.map((c) => c.html).join('\n');
  await body.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/html', data);
    dt.setData('text/plain', 'plain fallback');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  for (const c of HOSTILE_CASES) if (c.keeps) await expect(body, c.name).toContainText(c.keeps);

  // Give anything that slipped through its chance: hover and click where handlers were, focus, wait a tick.
  await body.getByText('Click me').hover();
  await body.getByText('Click me').click();
  await body.getByText('Hover me').hover();
  await page.waitForTimeout(300);
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG), 'no payload ran').toBeUndefined();

  const inEditor = await body.evaluate((el, executable) => {
    const problems: string[] = [];
    for (const node of el.querySelectorAll('*')) {
      const name = node.tagName.toLowerCase();
      if (executable.includes(name) && name !== 'svg') problems.push(`<${name}>`);
      for (const attr of node.getAttributeNames()) if (attr.startsWith('on')) problems.push(`${attr} on <${name}>`);
      for (const attr of ['href', 'src']) {
        const value = node.getAttribute(attr);
        if (value && /^\s*(javascript|vbscript|data:text)/i.test(value)) problems.push(`${attr}="${value}"`);
      }
    }
    // The editor's own icons may be SVG; none may carry a script.
    for (const svg of el.querySelectorAll('svg')) if (svg.querySelector('script')) problems.push('<svg> with <script>');
    return problems;
  }, EXECUTABLE);
  expect(inEditor, 'nothing executable in the editor DOM').toEqual([]);
  await expectSaved(page);

  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Export “Hostile paste/ });
  await dialog.getByLabel('Web page (HTML)').check();
  const out = exportFolderOf(dbDir);
  await choosePath(page, 'Folder', out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-state')).toHaveText(`Exported 1 of 1 to ${out}.`);

  const file = fs.readdirSync(out).find((f) => f.endsWith('.html'));
  expect(file, 'the HTML file').toBeDefined();
  const exported = fs.readFileSync(path.join(out, file!), 'utf8');
  expect(unsafeMarkup(exported)).toEqual([]);
  expect(exported).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(exported).toContain('After the script');
  expect(exported).toContain('href="https://example.org/safe"');
  // Markup that was text in the clipboard is still text, shown escaped.
  expect(exported).toContain('&lt;script&gt;');
});
