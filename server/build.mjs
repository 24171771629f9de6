#!/usr/bin/env node
// Builds the newsroom server into one ES module (dist/node/newsroom-server.mjs, or the folder given),
// the way scripts/build.mjs builds the desk's command line. Tests build their own copy to a temp folder.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServer(outdir = path.join(root, 'dist/node')) {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: { 'newsroom-server': path.join(root, 'server/src/main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Native and optional-native packages load from node_modules at run time.
    external: ['better-sqlite3', 'pg', 'pg-native', 'ws', 'bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return path.join(outdir, 'newsroom-server.mjs');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
