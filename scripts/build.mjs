#!/usr/bin/env node
// Builds what the app and tests run: the renderer (Vite), the Electron main and
// preload bundles, and the plain-Node entry points (CLI, browser host, newsroom server).
// Flags select parts: --renderer, --electron, --node (default: all).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildServer } from '../server/build.mjs';
import { buildContainedWorker, cjsImportMetaUrl, nodeCommon } from './lib/bundling.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const all = args.size === 0;
const started = Date.now();

async function buildNode() {
  await buildContainedWorker(root, path.join(root, 'dist/node'));
  await esbuild({
    ...nodeCommon,
    format: 'esm',
    entryPoints: {
      cli: path.join(root, 'electron/cli/main.ts'),
      'browser-host': path.join(root, 'electron/browser-host/main.ts'),
    },
    outdir: path.join(root, 'dist/node'),
    outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await buildServer(path.join(root, 'dist/node'));
}

async function buildElectron() {
  const main = path.join(root, 'electron/main/main.ts');
  const preload = path.join(root, 'electron/preload/preload.ts');
  if (!existsSync(main) || !existsSync(preload)) throw new Error('electron/main/main.ts or electron/preload/preload.ts is missing');
  await buildContainedWorker(root, path.join(root, 'dist/electron'));
  await esbuild({
    ...nodeCommon,
    format: 'cjs',
    entryPoints: { main },
    outdir: path.join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
    ...cjsImportMetaUrl,
  });
  // The sandboxed preload may require only 'electron': bundle everything else in.
  await esbuild({
    ...nodeCommon,
    external: ['electron'],
    format: 'cjs',
    entryPoints: { preload },
    outdir: path.join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
  });
}

async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

try {
  if (all || args.has('--node')) await buildNode();
  if (all || args.has('--renderer')) await buildRenderer();
  if (all || args.has('--electron')) await buildElectron();
  console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
