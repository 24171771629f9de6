/**
 * `node --import tsx bench/traceOpen.ts [blocks] [--later] [--yjs]`: a Chromium trace of opening a long
 * article (the first open in a fresh window, or with --later a second one), from the click to the
 * first paint: main-thread time by kind of work, idle time, and each task over 8 ms.
 */
import { LONG, withLongArticlePage } from './longArticlePage';

const blocks = Number(process.argv[2] ?? 10_000);
await withLongArticlePage(blocks, process.argv.includes('--later'), async (page, browser) => {
  await page.waitForTimeout(500);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await page.getByRole('button', { name: LONG, exact: true }).click();
  const ms = (await (
    await page.waitForFunction(() => performance.getEntriesByName('article-open')[0]?.duration, undefined, { timeout: 60_000 })
  ).jsonValue()) as number;
  const buf = await browser.stopTracing();
  console.log('article-open', ms);
  const events = JSON.parse(buf.toString()).traceEvents as Array<{ name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: any }>;
  const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const start = click!.ts;
  const end = start + ms * 1000;
  const byTid = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask' && e.dur) byTid.set(`${e.pid}:${e.tid}`, (byTid.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = `${click!.pid}:${click!.tid}`;
  const inWindow = events.filter((e) => `${e.pid}:${e.tid}` === main && e.dur && e.ts >= start - 1000 && e.ts <= end);
  const sums = new Map<string, number>();
  for (const e of inWindow) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur! / 1000);
  for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(v.toFixed(1).padStart(8), k);
  const tasks = inWindow.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  let idle = 0;
  let last = start;
  for (const t of tasks) {
    if (t.ts > last) idle += t.ts - last;
    last = Math.max(last, t.ts + t.dur!);
  }
  console.log('main thread idle in window', (idle / 1000).toFixed(0), 'ms');
  for (const t of tasks.filter((t) => t.dur! > 8000)) {
    const inner = inWindow
      .filter((e) => e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.name !== 'RunTask' && e.dur! > 4000)
      .map((e) => `${e.name}${e.args?.data?.functionName ? '[' + e.args.data.functionName + ']' : ''} ${(e.dur! / 1000).toFixed(0)}`);
    console.log(`task @${((t.ts - start) / 1000).toFixed(0)}ms ${(t.dur! / 1000).toFixed(0)}ms:`, inner.slice(0, 8).join(', '));
  }
});
