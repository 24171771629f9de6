/**
 * The packaged app's RESOURCES LAYOUT (what goes into app.asar and app.asar.unpacked), checked
 * offline by running electron-builder itself on a temp copy of this project.
 *
 * How real this is:
 * - The app is built with `node scripts/build.mjs` in the temp copy (the shared dist/ is never
 *   touched; other edits in the working tree are built too), and electron-builder (the real
 *   packager, `--linux dir`) loads the real electron-builder.yml from it. Only three things are
 *   overridden for this run, all test-only:
 *     - `electronDist` points at a temp directory holding a placeholder text file named `electron`.
 *       It is NOT an Electron binary and nothing here runs Electron: it only lets the packager lay
 *       out resources without downloading Electron (no network here). This test checks the
 *       resources layout, never the binary.
 *     - `electronFuses: null`: fuses are flipped inside the real Electron binary, which the
 *       placeholder is not (the fuse config itself is checked in builderConfig.test.ts).
 *     - `directories.output` goes to the temp directory.
 * - native/electron/better_sqlite3.node (built for Electron by `npm run rebuild:electron`, which
 *   needs the network) is a placeholder file created only inside the temp copy.
 * - node_modules is hard-linked into the temp copy (copied where linking is impossible); the
 *   packager reads it through `npm ls`, exactly as in a real build. Nothing writes into it.
 * Not covered: the Electron binary, fuses, signing, installers (AppImage/deb/dmg/nsis).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type AsarEntry = { unpacked?: boolean; files?: Record<string, AsarEntry> };
type Asar = {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, filename: string): Buffer;
  statFile(archive: string, filename: string): AsarEntry;
};

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');
// @electron/asar is what electron-builder packs with (a dependency of app-builder-lib).
const asar = require('@electron/asar') as Asar;

const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// Not copied into the temp project: VCS, installed/built output, local state.
const notCopied = new Set(['.git', 'node_modules', 'dist', 'native', 'release', 'test-results', 'playwright-report', '.tmp']);
const NATIVE_PLACEHOLDER = 'placeholder: stands in for the Electron build of better_sqlite3.node in a layout test';

let tmp = '';
let resources = '';
let archive = '';
/** Every path in app.asar (packed and unpacked), without the leading slash. */
let entries: string[] = [];
let entrySet = new Set<string>();
/** Every file under app.asar.unpacked, relative to it. */
let unpackedFiles: string[] = [];

/** Hard-links a tree (falls back to copying a file where linking fails, e.g. across devices). */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === '.vite' || entry.name === '.cache') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
    }
  }
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

function walk(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Runs electron-builder's programmatic API (the one its CLI calls) in a child process. */
const packScript = `
const { build, Platform, Arch } = require(require('node:path').join(process.cwd(), 'node_modules/electron-builder'));
const [electronDist, output] = process.argv.slice(1);
build({
  projectDir: process.cwd(),
  targets: Platform.LINUX.createTarget('dir', Arch.x64),
  publish: 'never',
  // Merged over electron-builder.yml, which electron-builder loads from the project itself.
  config: { electronDist, electronFuses: null, directories: { output } },
}).catch((error) => { console.error(error); process.exit(1); });
`;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-packaged-layout-'));
  const project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  for (const name of fs.readdirSync(root)) {
    if (notCopied.has(name) || /\.db(-wal|-shm)?$/.test(name)) continue;
    fs.cpSync(path.join(root, name), path.join(project, name), { recursive: true });
  }
  linkTree(path.join(root, 'node_modules'), path.join(project, 'node_modules'));
  fs.mkdirSync(path.join(project, 'native/electron'), { recursive: true });
  fs.writeFileSync(path.join(project, 'native/electron/better_sqlite3.node'), NATIVE_PLACEHOLDER);

  // The whole app, as for a release (dist/node is built too, so its exclusion is checked).
  run(process.execPath, ['scripts/build.mjs'], project);

  const electronDist = path.join(tmp, 'electron-dist-placeholder');
  fs.mkdirSync(electronDist);
  fs.writeFileSync(path.join(electronDist, 'electron'), 'placeholder: not an Electron binary; only lets electron-builder lay out resources\n');
  const output = path.join(tmp, 'release');
  run(process.execPath, ['-e', packScript, electronDist, output], project);

  resources = path.join(output, 'linux-unpacked/resources');
  archive = path.join(resources, 'app.asar');
  entries = asar.listPackage(archive, { isPack: false }).map((entry) =>
    entry
      .replace(/^[/\\]/, '')
      .split(path.sep)
      .join('/'),
  );
  entrySet = new Set(entries);
  unpackedFiles = walk(path.join(resources, 'app.asar.unpacked'));
}, 180_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const isFile = (entry: string) => asar.statFile(archive, entry).files === undefined;
const packageName = (entry: string) => {
  const parts = entry.split('/');
  return parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1];
};

describe('packaged resources layout (electron-builder --linux dir, placeholder Electron)', () => {
  it('holds only app.asar and app.asar.unpacked', () => {
    expect(fs.readdirSync(resources).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
  });

  it('packs package.json, the main and preload bundles, the contained worker and the renderer with its assets', () => {
    for (const file of [
      'package.json',
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/contained-worker.cjs',
      'dist/renderer/index.html',
    ]) {
      expect(entrySet.has(file), file).toBe(true);
    }
    const builtAssets = fs.readdirSync(path.join(tmp, 'project/dist/renderer/assets')).filter((name) => !name.endsWith('.map'));
    expect(builtAssets.some((name) => name.endsWith('.js'))).toBe(true);
    expect(builtAssets.some((name) => name.endsWith('.css'))).toBe(true);
    for (const name of builtAssets) expect(entrySet.has(`dist/renderer/assets/${name}`), name).toBe(true);
    // Everything index.html loads is in the archive.
    const html = asar.extractFile(archive, 'dist/renderer/index.html').toString('utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((match) => `dist/renderer/${match[1]}`);
    expect(referenced.length).toBeGreaterThan(0);
    for (const file of referenced) expect(entrySet.has(file), file).toBe(true);
  });

  it('ships a package.json whose main is packed, without scripts or devDependencies', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(entrySet.has(pkg.main as string)).toBe(true);
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg).not.toHaveProperty('scripts');
  });

  it('contains only the built app and production node_modules: no sources, no source maps', () => {
    const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['dist', 'native', 'node_modules', 'package.json']);
    const distParts = new Set(entries.filter((entry) => entry.startsWith('dist/')).map((entry) => entry.split('/')[1]));
    expect([...distParts].sort()).toEqual(['electron', 'renderer']);
    for (const source of ['electron/', 'renderer/', 'shared/', 'scripts/', 'e2e/', 'bench/', 'bin/', 'assets/']) {
      expect(
        entries.filter((entry) => entry.startsWith(source)),
        source,
      ).toEqual([]);
    }
    expect(entries.filter((entry) => /\.(ts|tsx)$/.test(entry) && isFile(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.map') && isFile(entry))).toEqual([]);
    expect(unpackedFiles.filter((file) => /\.(ts|tsx|map)$/.test(file))).toEqual([]);
  });

  it('packs every production dependency, closed over their own dependencies', () => {
    for (const name of Object.keys(rootPackage.dependencies)) {
      expect(entrySet.has(`node_modules/${name}/package.json`), name).toBe(true);
    }
    for (const file of [
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/better-sqlite3/lib/database.js',
      'node_modules/zod/package.json',
      'node_modules/docx/package.json',
      'node_modules/mammoth/lib/index.js',
    ]) {
      expect(entrySet.has(file), file).toBe(true);
    }
    // Every packed package finds its (non-optional) dependencies by Node's lookup inside the archive.
    const packageJsons = entries.filter((entry) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(entry));
    const missing: string[] = [];
    for (const manifest of packageJsons) {
      const dir = manifest.slice(0, -'/package.json'.length);
      const pkg = JSON.parse(asar.extractFile(archive, manifest).toString('utf8')) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      for (const dependency of Object.keys(pkg.dependencies ?? {})) {
        if (pkg.optionalDependencies?.[dependency]) continue;
        let found = false;
        for (let base = dir; ; base = path.posix.dirname(base)) {
          const candidate = base === '.' ? `node_modules/${dependency}/package.json` : `${base}/node_modules/${dependency}/package.json`;
          if (entrySet.has(candidate)) {
            found = true;
            break;
          }
          if (base === '.') break;
        }
        if (!found) missing.push(`${dir} -> ${dependency}`);
      }
    }
    expect(packageJsons.length).toBeGreaterThan(Object.keys(rootPackage.dependencies).length);
    expect(missing).toEqual([]);
  });

  it('packs no devDependencies', () => {
    // @types/* are excepted: inert, and @types/node is a production dependency of docx.
    const devOnly = Object.keys(rootPackage.devDependencies).filter((name) => !name.startsWith('@types/'));
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'electron-builder', 'vite', 'vitest', '@playwright/test', 'esbuild', 'typescript']));
    const packed = new Set(entries.filter((entry) => entry.startsWith('node_modules/')).map(packageName));
    for (const name of [...devOnly, 'app-builder-lib', 'playwright', '@electron/asar', 'rolldown']) {
      expect(packed.has(name), name).toBe(false);
    }
  });

  it('unpacks the Electron SQLite binary and all of better-sqlite3, nothing else', () => {
    const native = path.join(resources, 'app.asar.unpacked/native/electron/better_sqlite3.node');
    expect(fs.readFileSync(native, 'utf8')).toBe(NATIVE_PLACEHOLDER);
    expect(asar.statFile(archive, 'native/electron/better_sqlite3.node').unpacked).toBe(true);
    expect(unpackedFiles).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3/package.json',
        'node_modules/better-sqlite3/lib/index.js',
        'node_modules/better-sqlite3/lib/database.js',
      ]),
    );
    // Every better-sqlite3 file in the archive header is unpacked (and on disk), and nothing else is.
    const sqliteFiles = entries.filter((entry) => entry.startsWith('node_modules/better-sqlite3/') && isFile(entry));
    expect(sqliteFiles.length).toBeGreaterThan(3);
    for (const file of sqliteFiles) {
      expect(asar.statFile(archive, file).unpacked, file).toBe(true);
      expect(unpackedFiles, file).toContain(file);
    }
    expect(unpackedFiles.filter((file) => !file.startsWith('native/') && !file.startsWith('node_modules/better-sqlite3/'))).toEqual([]);
  });

  it('leaves out better-sqlite3’s Node-ABI build, bundled SQLite sources and C++ sources', () => {
    for (const dir of ['build', 'deps', 'src']) {
      const prefix = `node_modules/better-sqlite3/${dir}/`;
      expect(
        entries.filter((entry) => entry.startsWith(prefix) || entry === prefix.slice(0, -1)),
        dir,
      ).toEqual([]);
      expect(
        unpackedFiles.filter((file) => file.startsWith(prefix)),
        dir,
      ).toEqual([]);
    }
    // Sanity: the installed package does have them, so the exclusion is what removed them.
    expect(fs.existsSync(path.join(root, 'node_modules/better-sqlite3/src'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'node_modules/better-sqlite3/deps'))).toBe(true);
  });
});
