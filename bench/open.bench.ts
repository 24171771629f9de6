/** Opening an article in the real renderer (browser host, Chromium) until its first paint. */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { ArticleBody } from '../shared/model/document';
import { paragraphs, mixedBlocks } from './documents';
import { median, report, startHost, tempDir } from './lib';

async function timeOpen(browser: Browser, body: ArticleBody, runs: number): Promise<number[]> {
  const dir = tempDir('open');
  const host = await startHost(dir);
  try {
    const store = host.session.store();
    const target = store.createArticle({ headline: 'Long article', body });
    store.createArticle({ headline: 'Other article' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.getByRole('button', { name: 'Other article', exact: true }).click();
      await page.getByLabel('Headline').waitFor();
      await page.evaluate(() => performance.clearMeasures('article-open'));
      await page.getByRole('button', { name: 'Long article', exact: true }).click();
      const ms = await page.waitForFunction(() => performance.getEntriesByName('article-open')[0]?.duration, undefined, { timeout: 60_000 });
      times.push((await ms.jsonValue()) as number);
    }
    await page.close();
    void target;
    return times;
  } finally {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function openBench(browser: Browser): Promise<void> {
  report({ name: 'renderer: open a 1,000-paragraph article to first paint (median)', value: median(await timeOpen(browser, paragraphs(1_000), 7)), unit: 'ms' });
  report({ name: 'renderer: open a 10,000-block article to first paint (median)', value: median(await timeOpen(browser, mixedBlocks(10_000), 5)), unit: 'ms' });
}
