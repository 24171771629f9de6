/**
 * Pasting 1 MB of HTML into a new article in the real renderer (browser host, Chromium): how long
 * the paste event takes to handle, and how long the next frame waits after it. The end-to-end test
 * (e2e/browser/editor.spec.ts) checks the same paste works; its speed is measured here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { median, report, ROOT, startHost, tempDir } from './lib';

const RUNS = 3;

export async function pasteBench(browser: Browser): Promise<void> {
  const html = fs.readFileSync(path.join(ROOT, 'e2e/fixtures/clipboard/large-1mb.html'), 'utf8');
  const handled: number[] = [];
  const nextFrame: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = tempDir('paste');
    const host = await startHost(dir);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.addInitScript(() => sessionStorage.setItem('newsroom.welcome.later', '1'));
      await page.goto(host.url);
      await page.getByRole('button', { name: 'New article' }).click();
      const body = page.getByRole('textbox', { name: 'Article body' });
      await body.click();
      handled.push(
        await body.evaluate((el, content) => {
          const dt = new DataTransfer();
          dt.setData('text/html', content);
          const start = performance.now();
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
          return performance.now() - start;
        }, html),
      );
      await body.locator('h2').first().waitFor();
      nextFrame.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              requestAnimationFrame(() => resolve(performance.now() - start));
            }),
        ),
      );
    } finally {
      await page.close();
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  report({ name: `paste: 1 MB of HTML handled (median of ${RUNS})`, value: median(handled), unit: 'ms' });
  report({ name: `paste: the next frame after it (median of ${RUNS})`, value: median(nextFrame), unit: 'ms' });
}
