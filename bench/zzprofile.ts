// Temporary profiling harness (not committed).
import fs from 'node:fs';
import { launchChromium, startHost, tempDir } from './lib';
import { mixedBlocks } from './documents';
import { hostCall, signInHost, startBenchServer } from './newsroomServer';

const blocks = Number(process.argv[2] ?? 10000);
const bound = process.argv[3] === 'bound';
const browser = await launchChromium();
const dir = tempDir('prof');
const host = await startHost(dir);
const server = bound ? await startBenchServer([{ name: 'Bench Writer', password: 'bench-password-1', role: 'writer' }]) : undefined;
const HEADLINE = 'Profile';
if (server) {
  await signInHost(host, server, { name: 'Bench Writer', password: 'bench-password-1', role: 'writer' });
  await hostCall(host, 'articles:create', { fields: { headline: HEADLINE, body: mixedBlocks(blocks) } });
} else host.session.store().createArticle({ headline: HEADLINE, body: mixedBlocks(blocks) });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => sessionStorage.setItem('newsroom.welcome.later', '1'));
await page.goto(host.url);
await page.getByRole('button', { name: HEADLINE, exact: true }).click();
const editor = page.getByLabel('Article body');
await editor.waitFor();
await editor.locator('p').first().click();
await page.keyboard.press('End');
await page.keyboard.type('warm up the editor ', { delay: 35 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
await page.evaluate(() => {
  const w = window as any;
  w.__fetches = []; w.__aev = 0;
  const orig = w.fetch.bind(w);
  w.fetch = async (url: string, init: any) => {
    const t = performance.now();
    const res = await orig(url, init);
    const text = await res.clone().text();
    w.__fetches.push([String(url).replace('/ipc/', ''), (init?.body ?? '').length, text.length, Math.round(performance.now() - t)]);
    return res;
  };
});
page.on('console', (m) => console.log('PAGE', m.text().slice(0, 600)));
const t0 = Date.now();
await page.keyboard.type('the council voted on thursday to fund the barrier and residents welcomed ', { delay: 35 });
const wall = Date.now() - t0;
console.log('AEV renders', await page.evaluate(() => (window as any).__aev));
const fetches = await page.evaluate(() => (window as any).__fetches as Array<[string, number, number, number]>);
const byUrl = new Map<string, number[]>();
for (const [u, q, r, t] of fetches) { const a = byUrl.get(u) ?? [0, 0, 0, 0]; a[0]++; a[1] += q; a[2] += r; a[3] += t; byUrl.set(u, a); }
console.log('fetches', JSON.stringify([...byUrl]));
console.log('sample', JSON.stringify(fetches.slice(0, 6)));
const { profile } = await cdp.send('Profiler.stop');
const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Array<{ name: string; ph: string; dur?: number; tid: number }> };
const byName = new Map<string, number>();
for (const e of trace.traceEvents) if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
fs.writeFileSync('.tmp/trace.json', JSON.stringify(trace));
console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v / 1000)} ${k}`).join('\n'));
fs.writeFileSync('.tmp/typing.cpuprofile', JSON.stringify(profile));
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples!.forEach((s, i) => {
  const n = byId.get(s)!;
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas![i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('wall', wall, 'profiled ms', Math.round(total / 1000));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(Math.round(v / 1000), k);
await browser.close();
await host.close();
await server?.stop();
fs.rmSync(dir, { recursive: true, force: true });
