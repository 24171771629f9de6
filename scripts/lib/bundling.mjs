// esbuild settings shared by scripts/build.mjs and the tests that check what it builds.
import path from 'node:path';
import { build as esbuild } from 'esbuild';

export const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native and heavy runtime packages load from node_modules at run time.
  external: ['electron', 'better-sqlite3', 'docx', 'mammoth'],
};

/** The Electron main bundle is CommonJS; shared Node modules use import.meta.url, so give it the real value. */
export const cjsImportMetaUrl = {
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The contained worker (electron/node/worker/) is evaluated from source text beside each entry
 * point, so it is one self-contained CommonJS file: parsers and mammoth inside, nothing to resolve.
 */
export async function buildContainedWorker(root, outdir) {
  await esbuild({
    ...nodeCommon,
    external: [],
    sourcemap: false,
    format: 'cjs',
    entryPoints: { 'contained-worker': path.join(root, 'electron/node/worker/taskWorker.ts') },
    outdir,
    outExtension: { '.js': '.cjs' },
  });
}
