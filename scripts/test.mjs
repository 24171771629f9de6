#!/usr/bin/env node
// `npm test`: every check, in order — type-check, lint (oxlint: correctness,
// React hooks, layering), formatting (Prettier), build, unit tests (Vitest),
// end-to-end tests (Playwright: the real renderer in Debian's Chromium against
// the browser host; Electron specs skip loudly without an Electron binary),
// and the Electron security scan. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  } catch {
    return undefined;
  }
}

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const typecheck = run('type-check', bin('tsc'), ['-p', '.']);
if (!typecheck) failed++;
if (run('lint', bin('oxlint'), ['--deny-warnings'])) passed++;
else failed++;
if (run('formatting', bin('prettier'), ['--check', '.'])) passed++;
else failed++;
const built = run('build', process.execPath, ['scripts/build.mjs']);
if (!built) failed++;

run('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) failed += unit.numFailedTestSuites;
} else failed++;

if (built) {
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    console.warn('\n!!! Chromium not found at /usr/bin/chromium: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).');
  }
  run('end-to-end tests', bin('playwright'), ['test'], { PW_REPORTER: 'json' });
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
    if (e2e.errors?.length) failed += e2e.errors.length;
  } else failed++;
}

if (existsSync(path.join(root, 'scripts/electronegativity.mjs'))) {
  if (run('electron security scan', process.execPath, ['scripts/electronegativity.mjs'])) passed++;
  else failed++;
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
