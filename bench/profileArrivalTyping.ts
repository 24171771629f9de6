/**
 * `node --import tsx bench/profileArrivalTyping.ts [blocks]`: a CPU profile of typing at the top of a
 * long article at once after it opens, while the rest of its body arrives (as the typing bench's
 * "while the body arrives" figure does), with each keystroke's keydown-to-paint time and the work
 * inside the longest main-thread stretches. Build with NEWSROOM_NO_MINIFY=1 for names.
 */
import fs from 'node:fs';
import { LONG, withLongArticlePage } from './longArticlePage';
import { typeAndMeasure } from './typing.bench';

type Profile = {
  nodes: { id: number; callFrame: { functionName: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

const blocks = Number(process.argv[2] ?? 10_000);
await withLongArticlePage(blocks, false, async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await page.getByRole('button', { name: LONG, exact: true }).click();
  const editor = page.getByLabel('Article body');
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  await cdp.send('Profiler.start');
  const { keys } = await typeAndMeasure(page, 'the council voted on thursday to fund the barrier and residents welcomed the news', false);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  fs.writeFileSync('/tmp/arrival-typing.cpuprofile', JSON.stringify(profile));
  console.log('keys (ms):', keys.map((k) => Math.round(k)).join(' '));
  // Stretches of busy samples (no idle between) over 150 ms, and what ran inside them.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => `${byId.get(id)!.callFrame.functionName || '(anon)'}:${byId.get(id)!.callFrame.lineNumber}`;
  let start = -1;
  let t = 0;
  const stretches: { from: number; to: number; samples: number[] }[] = [];
  let current: number[] = [];
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i]! / 1000;
    const idle = name(id).startsWith('(idle)');
    if (!idle && start < 0) {
      start = t;
      current = [];
    }
    if (!idle) current.push(i);
    if (idle && start >= 0) {
      if (t - start > 150) stretches.push({ from: start, to: t, samples: current });
      start = -1;
    }
  });
  for (const s of stretches) {
    const incl = new Map<string, number>();
    for (const i of s.samples) {
      const seen = new Set<string>();
      for (let cur: number | undefined = profile.samples[i]; cur !== undefined; cur = parent.get(cur)) {
        const k = name(cur);
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + profile.timeDeltas[i]! / 1000);
      }
    }
    const top = [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`\nbusy ${s.from.toFixed(0)}–${s.to.toFixed(0)} ms:\n${top.map(([k, v]) => `${v.toFixed(1).padStart(8)} ${k}`).join('\n')}`);
  }
});
