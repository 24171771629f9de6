#!/usr/bin/env node
// npm run rebuild:electron
// Produces native/electron/better_sqlite3.node built for Electron's ABI, without
// touching node_modules/better-sqlite3/build (the Node build the tests use):
// copy the package to a temp dir, try a prebuilt download for Electron, fall back
// to node-gyp against Electron's headers, then prove the result is not Node's
// ABI before installing it. Skips when the stamped binary is current.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIdentity, describeFailure, electronBuildEnv, isStampCurrent, judgeNodeLoad } from './lib/electronNative.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'build-stamp.json');
const STEP_TIMEOUT_MS = 10 * 60_000;
const force = process.argv.includes('--force');
const verbose = process.argv.includes('--verbose');

class BuildFailure extends Error {}

function fail(reason) {
  throw new BuildFailure(reason);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Loads the binary in a plain-Node child; an Electron build must be refused. */
function loadInNode(file) {
  const probe =
    'try { process.dlopen({ exports: {} }, process.argv[1]); console.log(JSON.stringify({ loaded: true })); } catch (e) { console.log(JSON.stringify({ loaded: false, error: String(e && e.message || e) })); }';
  const result = spawnSync(process.execPath, ['-e', probe, file], { encoding: 'utf8', timeout: 30_000 });
  try {
    return JSON.parse(result.stdout.trim().split('\n').at(-1));
  } catch {
    return { loaded: false, error: `probe failed: ${result.stderr || result.error?.message || 'no output'}` };
  }
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, output };
}

function findBuilt(dir) {
  for (const candidate of ['build/Release/better_sqlite3.node', 'build/Debug/better_sqlite3.node']) {
    const file = path.join(dir, candidate);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

function main() {
  const electronPkg = readJson(path.join(root, 'node_modules/electron/package.json'));
  const sqlitePkg = readJson(path.join(root, 'node_modules/better-sqlite3/package.json'));
  if (!electronPkg) fail('node_modules/electron is missing; run npm install first.');
  if (!sqlitePkg) fail('node_modules/better-sqlite3 is missing; run npm install first.');
  let electronAbi;
  try {
    electronAbi = fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
  } catch {
    fail('node_modules/electron/abi_version is missing; cannot tell which ABI Electron needs.');
  }
  const identity = buildIdentity({
    electronVersion: electronPkg.version,
    electronAbi,
    betterSqliteVersion: sqlitePkg.version,
    platform: process.platform,
    arch: process.arch,
  });
  const nodeAbi = process.versions.modules;

  if (!force && fs.existsSync(outFile) && isStampCurrent(readJson(stampFile), identity)) {
    const verdict = judgeNodeLoad(loadInNode(outFile), { electronAbi, nodeAbi });
    if (verdict.ok) {
      console.log(`rebuild:electron: up to date (better-sqlite3 ${identity.betterSqliteVersion} for Electron ${identity.electronVersion}, ABI ${electronAbi})`);
      return;
    }
    console.warn(`rebuild:electron: existing binary rejected (${verdict.reason}); rebuilding`);
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-electron-sqlite-'));
  const pkgDir = path.join(work, 'better-sqlite3');
  try {
    // A private copy: the Node build in node_modules stays exactly as it is.
    fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), pkgDir, {
      recursive: true,
      filter: (src) => path.relative(path.join(root, 'node_modules/better-sqlite3'), src).split(path.sep)[0] !== 'build',
    });
    const env = electronBuildEnv(process.env);
    const target = ['--runtime=electron', `--target=${identity.electronVersion}`, `--arch=${identity.arch}`];

    console.log(
      `rebuild:electron: fetching a prebuilt better-sqlite3 ${identity.betterSqliteVersion} for Electron ${identity.electronVersion} (${identity.platform}-${identity.arch})…`,
    );
    const prebuilt = run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...target, `--platform=${identity.platform}`, '--verbose'], {
      cwd: pkgDir,
      env,
    });

    let compiled = { ok: false, output: '' };
    if (!prebuilt.ok || !findBuilt(pkgDir)) {
      console.log('rebuild:electron: no prebuilt binary; compiling against Electron headers with node-gyp…');
      const headers = process.env.ELECTRON_HEADERS_DIR;
      const gypArgs = [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        ...target,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
        // Only an explicit Electron headers folder; never npm's nodedir (cleared from env above).
        ...(headers ? [`--nodedir=${path.resolve(headers)}`] : []),
      ];
      compiled = run(process.execPath, gypArgs, { cwd: pkgDir, env });
    }

    const built = findBuilt(pkgDir);
    if (!built || (!prebuilt.ok && !compiled.ok)) {
      if (verbose) console.error(`--- prebuild-install ---\n${prebuilt.output}\n--- node-gyp ---\n${compiled.output}`);
      fail(describeFailure({ prebuilt: prebuilt.output, compiled: compiled.output, electronVersion: identity.electronVersion }));
    }

    const verdict = judgeNodeLoad(loadInNode(built), { electronAbi, nodeAbi });
    if (!verdict.ok) fail(`refusing the built binary: ${verdict.reason}`);

    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, `${outFile}.tmp`);
    fs.renameSync(`${outFile}.tmp`, outFile);
    fs.writeFileSync(stampFile, `${JSON.stringify({ ...identity, builtAt: new Date().toISOString() }, null, 2)}\n`);
    console.log(`rebuild:electron: wrote ${path.relative(root, outFile)} for Electron ${identity.electronVersion} (ABI ${electronAbi})`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof BuildFailure)) throw error;
  console.error(`rebuild:electron: FAILED: ${error.message}`);
  process.exitCode = 1;
}
