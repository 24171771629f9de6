#!/usr/bin/env node
// npm start: build the renderer and the Electron bundles, make sure Electron's
// copy of better-sqlite3 exists, then run `electron .` (package.json "main" is
// dist/electron/main.cjs). Extra arguments go to Electron.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function step(label, script, args = []) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: ${label} failed (see above); the app was not started.`);
    process.exit(result.status || 1);
  }
}

function electronBinary() {
  try {
    // Electron's index.js returns the binary's path, downloading it first on a networked machine.
    return require('electron');
  } catch (error) {
    console.error(`start: no Electron binary: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    console.error(
      'start: on a machine with network access run "npx install-electron" (or reinstall the electron package); "npm run dev:browser" runs the UI without Electron.',
    );
    process.exit(1);
  }
}

step('build', 'scripts/build.mjs', ['--renderer', '--electron']);
step('native SQLite for Electron', 'scripts/build-electron-native.mjs');

const child = spawn(electronBinary(), [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('error', (error) => {
  console.error(`start: could not launch Electron: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
