/**
 * `npm run bench [-- --json] [-- --only NAME]`: measures the figures the
 * issues ask for on this machine. With --json, one JSON object per line:
 * {"name", "value", "unit"}.
 */
import { launchChromium } from './lib';
import { storeBench } from './store.bench';
import { openBench } from './open.bench';

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const want = (name: string) => !only || only === name;

if (want('store')) await storeBench();
if (want('open')) {
  const browser = await launchChromium();
  try {
    await openBench(browser);
  } finally {
    await browser.close();
  }
}
