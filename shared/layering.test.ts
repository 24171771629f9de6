/**
 * The runtime of a file is visible from where it lives: shared/ runs everywhere (renderer, main,
 * CLI), so it may use neither Node nor the DOM; the renderer and the Electron side never import
 * each other. Test files and test fixtures are exempt.
 */
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Test support (fixtures) is exempt like the tests themselves.
      if (!['node_modules', '__fixtures__', '__tests__'].includes(entry.name)) out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

/** Every module specifier a file imports, re-exports or loads dynamically. */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]!);
  return specs;
}

/** The source without comments, so a comment that mentions `window.` does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));
const isNodeOnly = (spec: string) => spec === 'electron' || spec.startsWith('electron/') || spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!);
const DOM_GLOBALS = /\b(?:document|window|navigator|localStorage|sessionStorage)\s*\.|\bnew\s+DOMParser\b|\bDOMParser\s*\(|\bHTMLElement\b|\blocalStorage\b/;

const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const resolvesInto = (file: string, spec: string, folder: string) =>
  spec.startsWith('.') && rel(path.resolve(path.dirname(file), spec)).startsWith(`${folder}/`);

describe('import parsing (the checker itself)', () => {
  it('finds static, type-only, side-effect, re-export, dynamic and require imports', () => {
    const text = `import fs from 'node:fs';\nimport type { X } from "../x";\nimport './side';\nexport { a } from 'path';\nexport * from './all';\nconst m = await import('electron');\nconst c = require('crypto');\nimport {\n  a,\n  b,\n} from 'os';`;
    expect(importsOf(text).sort()).toEqual(['../x', './all', './side', 'crypto', 'electron', 'node:fs', 'os', 'path'].sort());
  });

  it('knows Node builtins and DOM globals', () => {
    for (const s of ['fs', 'fs/promises', 'path', 'node:crypto', 'electron', 'child_process']) expect(isNodeOnly(s), s).toBe(true);
    for (const s of ['zod', 'slate', '../model/article', './x']) expect(isNodeOnly(s), s).toBe(false);
    expect(DOM_GLOBALS.test('const x = document.createElement("p")')).toBe(true);
    expect(DOM_GLOBALS.test('new DOMParser()')).toBe(true);
    expect(DOM_GLOBALS.test('const documentTitle = 1; windowSize.x')).toBe(false);
    expect(code('// uses window.alert\nconst a = 1; /* document.x */')).not.toMatch(DOM_GLOBALS);
  });
});

describe('layering', () => {
  const shared = sourceFiles(path.join(root, 'shared'));

  it('finds the shared sources', () => {
    expect(shared.length).toBeGreaterThan(5);
  });

  it('shared/ imports neither Electron nor Node builtins', () => {
    const offenders = shared.flatMap((file) =>
      importsOf(fs.readFileSync(file, 'utf8'))
        .filter(isNodeOnly)
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ uses no DOM globals', () => {
    const offenders = shared.filter((file) => DOM_GLOBALS.test(code(fs.readFileSync(file, 'utf8')))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('shared/ imports nothing from electron/ or renderer/', () => {
    const offenders = shared.flatMap((file) =>
      importsOf(fs.readFileSync(file, 'utf8'))
        .filter((spec) => resolvesInto(file, spec, 'electron') || resolvesInto(file, spec, 'renderer'))
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('renderer/ never imports from electron/', () => {
    const offenders = sourceFiles(path.join(root, 'renderer')).flatMap((file) =>
      importsOf(fs.readFileSync(file, 'utf8'))
        .filter((spec) => resolvesInto(file, spec, 'electron') || spec === 'electron' || spec.startsWith('electron/'))
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('electron/ never imports from renderer/', () => {
    const offenders = sourceFiles(path.join(root, 'electron')).flatMap((file) =>
      importsOf(fs.readFileSync(file, 'utf8'))
        .filter((spec) => resolvesInto(file, spec, 'renderer'))
        .map((spec) => `${rel(file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
