#!/usr/bin/env node
// `npm run bench`: builds, then runs bench/run.ts (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--json');
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--renderer', '--node'], {
  cwd: root,
  stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
