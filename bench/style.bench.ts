/**
 * House style: the first full check of a 10,000-block article (every block read, the starter rules
 * plus a pattern rule, every built-in check), then a recheck after one block changed (what typing
 * costs), how long the longest slice of a sliced first check would hold the page (the fallback when
 * no worker starts), and what a recheck costs the page itself now that the worker checks: the delta of
 * changed blocks and its structured clone, as postMessage makes it.
 */
import { createBodyMirrorSender } from '../shared/language/style/bodyMirror';
import { createStyleChecker } from '../shared/language/style/checkStyle';
import type { StyleRule } from '../shared/language/style/rules';
import { STARTER_STYLE_RULES } from '../shared/language/style/starterRules';
import { mixedBlocks } from './documents';
import { median, report } from './lib';

const BLOCKS = 10_000;
const SLICE_MS = 8;

const rules: StyleRule[] = STARTER_STYLE_RULES.map((r) => ({ ...r, version: 1, archived: false, updatedAt: '2026-01-01T00:00:00.000Z' }));

export async function styleBench(): Promise<void> {
  const body = mixedBlocks(BLOCKS);
  const firsts: number[] = [];
  const rechecks: number[] = [];
  let findings = 0;
  for (let run = 0; run < 5; run++) {
    const checker = createStyleChecker();
    let t = performance.now();
    const result = checker.check(body, rules);
    firsts.push(performance.now() - t);
    if (result.done) findings = result.findings.length;
    const edited = [...body];
    edited[BLOCKS / 2] = { type: 'paragraph', children: [{ text: `Edited in run ${run}: an e-mail, very unique.` }] };
    t = performance.now();
    checker.check(edited, rules);
    rechecks.push(performance.now() - t);
  }
  report({ name: 'style: first full check, 10,000 blocks', value: Math.round(median(firsts)), unit: 'ms', note: `${findings} findings` });
  report({ name: 'style: recheck after one block changed, 10,000 blocks', value: Math.round(median(rechecks) * 10) / 10, unit: 'ms' });

  // Sliced as the editor does it: the longest single slice is what typing can wait for.
  const checker = createStyleChecker();
  let longest = 0;
  let slices = 0;
  for (;;) {
    const start = performance.now();
    const result = checker.check(body, rules, {}, { deadline: () => performance.now() - start > SLICE_MS });
    longest = Math.max(longest, performance.now() - start);
    slices++;
    if (result.done) break;
  }
  report({ name: 'style: longest slice of a sliced first check, 10,000 blocks', value: Math.round(longest * 10) / 10, unit: 'ms', note: `${slices} slices` });

  const sender = createBodyMirrorSender();
  structuredClone(sender.delta(body));
  const pageCosts: number[] = [];
  for (let run = 0; run < 20; run++) {
    const edited = [...body];
    edited[run * 97] = { type: 'paragraph', children: [{ text: `Typed into in run ${run}.` }] };
    const start = performance.now();
    structuredClone(sender.delta(edited));
    pageCosts.push(performance.now() - start);
  }
  report({
    name: 'style: page time of a recheck (delta and its copy to the worker), 10,000 blocks',
    value: Math.round(median(pageCosts) * 100) / 100,
    unit: 'ms',
  });
}
