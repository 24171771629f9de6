/** Opening an article in the real renderer (browser host, Chromium) until its first paint. */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { ArticleBody } from '../shared/model/document';
import { paragraphs, mixedBlocks } from './documents';
import { median, report, startHost, tempDir } from './lib';
import { hostCall, signInHost, startBenchServer, type BenchAccount, type BenchServer } from './newsroomServer';

/** With `server`, both articles are newsroom articles: opening builds the editor from the Yjs document. */
export async function timeOpen(browser: Browser, body: ArticleBody, runs: number, server?: BenchServer, complete?: number[]): Promise<number[]> {
  const dir = tempDir('open');
  const host = await startHost(dir);
  try {
    if (server) {
      await signInHost(host, server, READER);
      await hostCall(host, 'articles:create', { fields: { headline: 'Long article', body } });
      await hostCall(host, 'articles:create', { fields: { headline: 'Other article' } });
    } else {
      const store = host.session.store();
      store.createArticle({ headline: 'Long article', body });
      store.createArticle({ headline: 'Other article' });
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // As if "Later" was chosen on the modal welcome card of a new desk.
    await page.addInitScript(() => sessionStorage.setItem('newsroom.welcome.later', '1'));
    await page.goto(host.url);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.getByRole('button', { name: 'Other article', exact: true }).click();
      await page.getByLabel('Headline').waitFor();
      await page.evaluate(() => performance.clearMeasures('article-open'));
      await page.getByRole('button', { name: 'Long article', exact: true }).click();
      const ms = await page.waitForFunction(() => performance.getEntriesByName('article-open')[0]?.duration, undefined, { timeout: 60_000 });
      times.push((await ms.jsonValue()) as number);
      // Until the last block is on the page (a short body is whole at its first paint).
      const whole = await page.waitForFunction(
        () => performance.getEntriesByName('article-complete')[0]?.duration ?? (document.querySelector('.body-editor[aria-busy]') ? undefined : 0),
        undefined,
        { timeout: 60_000 },
      );
      complete?.push(((await whole.jsonValue()) as number) || times.at(-1)!);
      await page.evaluate(() => performance.clearMeasures('article-complete'));
    }
    await page.close();
    return times;
  } finally {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const READER: BenchAccount = { name: 'Bench Reader', password: 'bench-password-1', role: 'writer' };

export async function openBench(browser: Browser): Promise<void> {
  for (const [label, body, runs] of [
    ['a 1,000-paragraph article', paragraphs(1_000), 7],
    ['a 10,000-block article', mixedBlocks(10_000), 7],
  ] as const) {
    const complete: number[] = [];
    const [first, ...rest] = await timeOpen(browser, body, runs, undefined, complete);
    // The first open in a fresh window runs cold code; later ones are what a working session sees.
    report({ name: `renderer: open ${label} to first paint, first open in the window`, value: first!, unit: 'ms' });
    report({ name: `renderer: open ${label} to first paint (median of later opens)`, value: median(rest), unit: 'ms' });
    report({ name: `renderer: open ${label} until its last block is on the page, first open`, value: complete[0]!, unit: 'ms' });
    report({ name: `renderer: open ${label} until its last block is on the page (median of later opens)`, value: median(complete.slice(1)), unit: 'ms' });
  }
  // A newsroom article: the desk reads its Yjs document, the renderer gets the state and binds the editor to it.
  const server = await startBenchServer([READER]);
  try {
    const [first, ...rest] = await timeOpen(browser, mixedBlocks(10_000), 5, server);
    report({ name: 'renderer: open a 10,000-block newsroom article (Yjs) to first paint, first open', value: first!, unit: 'ms' });
    report({ name: 'renderer: open a 10,000-block newsroom article (Yjs) to first paint (median of later opens)', value: median(rest), unit: 'ms' });
  } finally {
    await server.stop();
  }
}
