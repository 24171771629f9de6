/**
 * The set-up the open tools share (profileOpen.ts, traceOpen.ts): a desk with a long article and a
 * short one, a page on the short one, ready for the long one to be opened and looked at.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { mixedBlocks } from './documents';
import { launchChromium, startHost, tempDir } from './lib';
import { hostCall, signInHost, startBenchServer, type BenchAccount } from './newsroomServer';

export const LONG = 'Long article';

const READER: BenchAccount = { name: 'Bench Reader', password: 'bench-password-1', role: 'writer' };

/**
 * Runs `look` with the page showing the short article. With `later`, the long article was opened
 * once before in this window and arrived whole, as in a working session. With `newsroom`, both are
 * newsroom articles on a newsroom server: opening builds the editor from the Yjs document.
 */
export async function withLongArticlePage(
  blocks: number,
  later: boolean,
  look: (page: Page, browser: Browser) => Promise<void>,
  newsroom = process.argv.includes('--yjs'),
): Promise<void> {
  const browser = await launchChromium();
  const dir = tempDir('open-tool');
  const host = await startHost(dir);
  const server = newsroom ? await startBenchServer([READER]) : undefined;
  try {
    if (server) {
      await signInHost(host, server, READER);
      await hostCall(host, 'articles:create', { fields: { headline: LONG, body: mixedBlocks(blocks) } });
      await hostCall(host, 'articles:create', { fields: { headline: 'Other article' } });
    } else {
      const store = host.session.store();
      store.createArticle({ headline: LONG, body: mixedBlocks(blocks) });
      store.createArticle({ headline: 'Other article' });
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => sessionStorage.setItem('newsroom.welcome.later', '1'));
    await page.goto(host.url);
    if (later) {
      await page.getByRole('button', { name: LONG, exact: true }).click();
      await page.locator('.body-editor:not([aria-busy])').waitFor({ timeout: 60_000 });
    }
    await page.getByRole('button', { name: 'Other article', exact: true }).click();
    await page.getByLabel('Headline').waitFor();
    await page.evaluate(() => performance.clearMeasures('article-open'));
    await look(page, browser);
    await page.close();
  } finally {
    await host.close();
    await server?.stop();
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
