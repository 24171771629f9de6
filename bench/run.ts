/**
 * `npm run bench [-- --json] [-- --only NAME]`: measures the figures the
 * issues ask for on this machine. With --json, one JSON object per line:
 * {"name", "value", "unit"}.
 *
 * `--only load` (200 desks, two server instances behind nginx, two to three minutes, needs nginx,
 * PostgreSQL and Redis) runs only when asked for by name.
 */
import { launchChromium } from './lib';
import { exportBench } from './export.bench';
import { importBench } from './import.bench';
import { storeBench } from './store.bench';
import { styleBench } from './style.bench';
import { openBench } from './open.bench';
import { scaleBench } from './scale.bench';
import { syncBench } from './sync.bench';
import { typingBench } from './typing.bench';
import { spellingBench } from './spelling.bench';
import { loadBench } from './load.bench';
import { referenceBench } from './reference.bench';
import { suggestionsBench } from './suggestions.bench';
import { pasteBench } from './paste.bench';

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const want = (name: string) => !only || only === name;

if (only === 'load') await loadBench();

if (want('store')) await storeBench();
if (want('export')) await exportBench();
if (want('import')) await importBench();
if (want('scale')) await scaleBench();
if (want('style')) await styleBench();
if (want('sync')) await syncBench();
if (want('open') || want('typing') || want('reference') || want('suggestions') || want('spelling') || want('paste')) {
  const browser = await launchChromium();
  try {
    if (want('open')) await openBench(browser);
    if (want('typing')) await typingBench(browser);
    if (want('paste')) await pasteBench(browser);
    if (want('reference')) await referenceBench(browser);
    if (want('suggestions')) await suggestionsBench(browser);
    if (want('spelling')) await spellingBench(browser);
  } finally {
    await browser.close();
  }
}
