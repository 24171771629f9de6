import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { listZipEntries, inflateEntry } from '../../electron/node/exchange/zipCheck';
import { test, expect, articleButton, choosePath, exportFolderOf, ROOT } from './fixtures';

/** Written by LibreOffice Writer with tracked changes and comments (electron/node/exchange/__fixtures__/word/make.sh). */
const FIXTURE = path.join(ROOT, 'electron/node/exchange/__fixtures__/word/tracked-review.docx');
const HEADLINE = 'Harbour City votes for the barrier';

async function dropFile(page: Page, name: string, bytes: Buffer) {
  await page.getByRole('button', { name: 'Import…' }).waitFor();
  await page.evaluate(
    ({ name, base64 }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      const target = document.querySelector('.workspace') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    { name, base64: bytes.toString('base64') },
  );
}

function documentXml(file: string): string {
  const bytes = fs.readFileSync(file);
  const listed = listZipEntries(bytes, 1000);
  if (!listed.ok) throw new Error('not a zip');
  return inflateEntry(
    bytes,
    listed.entries.find((e) => e.name === 'word/document.xml')!,
    10 * 1024 * 1024,
  ).toString('utf8');
}

test('a Word file with tracked changes and comments imports as suggestions and threads, and goes back out with changes', async ({ page, host, dbDir }) => {
  await dropFile(page, 'tracked-review.docx', fs.readFileSync(FIXTURE));
  await expect(articleButton(page, HEADLINE)).toBeVisible();
  await expect(page.getByLabel('Headline')).toHaveValue(HEADLINE);
  // Deleted text stays in the body until the deletion is accepted.
  await expect(page.getByLabel('Article body')).toContainText('The council voted on Tuesday to build a barrier costing roughly 412 million euros.');
  const id = host.session
    .store()
    .listArticles({ view: 'active' })
    .items.find((a) => a.headline === HEADLINE)!.id;
  const body = JSON.stringify(host.session.store().getArticle(id).body);
  for (const name of ['word:Ines Halvorsen', 'word:Tomas Reyes']) expect(body).toContain(name);

  // Word's comments are cards in the margin beside their text, with their Word authors.
  const comments = page.getByRole('complementary', { name: 'Comments and suggestions' });
  await expect(comments).toContainText('Which residents? Name one.');
  await expect(comments).toContainText('Ines Halvorsen');

  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Export “Harbour City votes/ });
  await dialog.getByLabel('Word (.docx)').check();
  await dialog.getByLabel(/Word with changes/).check();
  await expect(dialog.getByText('For review, not publication')).toBeVisible();
  const out = exportFolderOf(dbDir);
  await choosePath(page, 'Folder', out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-state')).toHaveText(`Exported 1 of 1 to ${out}.`);
  const docx = fs.readdirSync(out).find((f) => f.endsWith('.docx'))!;
  const xml = documentXml(path.join(out, docx));
  expect(xml).toMatch(/<w:del w:id="\d+" w:author="Ines Halvorsen" w:date="2026-11-30T09:16:00Z">/);
  expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Ines Halvorsen" w:date="2026-11-30T09:15:00Z">/);
  expect(xml).toContain('<w:commentRangeStart w:id="0"/>');
});
