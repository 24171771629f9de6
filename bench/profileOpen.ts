/**
 * `node --import tsx bench/profileOpen.ts [blocks] [--later] [--fill] [--yjs]`: a CPU profile of opening a
 * long article (the first open in a fresh window, or with --later a second one; with --fill, of the
 * rest of the body arriving), written to /tmp/open-<blocks>.cpuprofile and summarized by self time
 * per function (build with NEWSROOM_NO_MINIFY=1 for names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LONG, withLongArticlePage } from './longArticlePage';

const blocks = Number(process.argv[2] ?? 10_000);
await withLongArticlePage(blocks, process.argv.includes('--later'), async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.getByRole('button', { name: LONG, exact: true }).click();
  const ms = await page.waitForFunction(() => performance.getEntriesByName('article-open')[0]?.duration, undefined, { timeout: 60_000 });
  let { profile } = await cdp.send('Profiler.stop');
  console.log('article-open', await ms.jsonValue(), 'ms');
  if (process.argv.includes('--fill')) {
    // The rest of the body arriving after the first paint.
    await cdp.send('Profiler.start');
    const complete = await page.waitForFunction(() => performance.getEntriesByName('article-complete')[0]?.duration, undefined, { timeout: 60_000 });
    profile = (await cdp.send('Profiler.stop')).profile;
    console.log('article-complete', await complete.jsonValue(), 'ms');
  }
  fs.writeFileSync(path.join('/tmp', `open-${blocks}.cpuprofile`), JSON.stringify(profile));
  // Self time per function, and per top-level "phase" frame.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const dt = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0) / 1000));
  const fnSelf = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
  }
  const top = [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, t] of top) console.log(t.toFixed(1).padStart(8), k);
});
