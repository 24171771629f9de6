/**
 * The runtime of a file is visible from where it lives: shared/ runs everywhere (renderer, main, CLI),
 * so it may use neither Electron, Node nor the DOM; the renderer and the Electron side never import
 * each other. The linter enforces this (.oxlintrc.json, run by `npm run lint` and `npm test`); these
 * tests prove each rule can fail, on throwaway files linted with the project's own configuration.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const oxlint = path.join(root, 'node_modules/.bin/oxlint');

type Diagnostic = { code: string; filename: string; labels: { span: { line: number } }[] };

/** Lints `dir` with the configuration copied there: rule globs are relative to the config. */
function lint(dir: string, ...targets: string[]): Diagnostic[] {
  const r = spawnSync(oxlint, ['-c', '.oxlintrc.json', '-f', 'json', ...targets], { cwd: dir, encoding: 'utf8' });
  if (r.error) throw r.error;
  return (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

/** "rule@line" for every diagnostic in one file, e.g. "import(no-nodejs-modules)@3". */
const hits = (diagnostics: Diagnostic[], file: string) => diagnostics.filter((d) => d.filename === file).map((d) => `${d.code}@${d.labels[0]?.span.line}`);

const BAD: Record<string, string> = {
  'shared/model/bad.ts': [
    "import fs from 'node:fs';", // 1
    "import { join } from 'path';", // 2
    "import type { Readable } from 'stream/promises';", // 3
    "import { ipcRenderer } from 'electron';", // 4
    "export { session } from '../../electron/node/session';", // 5
    "export * from '../../renderer/src/api/call';", // 6
    "const later = await import('electron/main');", // 7
    "const crypto = require('crypto');", // 8
    "document.title = 'x';", // 9
    'const w = window.innerWidth;', // 10
    'const doc = new DOMParser();', // 11
    'const agent = navigator.userAgent;', // 12
    'const saved = localStorage.getItem("k");', // 13
    'export const all = [fs, join, ipcRenderer, later, crypto, w, doc, agent, saved] as unknown as Readable;', // 14
  ].join('\n'),
  // Locals named like DOM globals and imports that only look alike are fine.
  'shared/model/good.ts': [
    "import { Node } from 'slate';",
    "import { z } from 'zod';",
    "import { documentTitle } from './electronic/renderers';",
    'export function f(window: number, document: string) {',
    '  return [Node.string, z, documentTitle, window, document];',
    '}',
  ].join('\n'),
  // Tests and their fixtures in shared/ may use Node.
  'shared/model/bad.test.ts': "import fs from 'node:fs';\nexport const x = fs;",
  'shared/model/__fixtures__/files.ts': "import fs from 'node:fs';\nexport const x = fs;",
  'renderer/src/app/bad.tsx': [
    "import { ipcRenderer } from 'electron';", // 1
    "import { session } from '../../../electron/node/session';", // 2
    "export const later = () => import('../../../electron/main/menus');", // 3
    'export const all = [ipcRenderer, session];',
  ].join('\n'),
  'renderer/src/app/hooks.tsx': [
    "import { useEffect, useState } from 'react';",
    'export function Panel({ open, id }: { open: boolean; id: string }) {',
    '  if (!open) return null;',
    '  const [n, setN] = useState(0);', // 4: a hook after an early return
    '  useEffect(() => setN(id.length), []);', // 5: reads id, never re-runs
    '  return <p>{n}</p>;',
    '}',
  ].join('\n'),
  'electron/node/bad.ts': [
    "import { call } from '../../renderer/src/api/call';", // 1
    "export { App } from '../../renderer/src/app/App';", // 2
    "import fs from 'node:fs';", // 3: Node is fine here
    'export const all = [call, fs];',
  ].join('\n'),
};

describe('layering rules (.oxlintrc.json)', () => {
  let dir: string;
  let diagnostics: Diagnostic[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-lint-'));
    fs.copyFileSync(path.join(root, '.oxlintrc.json'), path.join(dir, '.oxlintrc.json'));
    for (const [file, text] of Object.entries(BAD)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    diagnostics = lint(dir, ...Object.keys(BAD));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shared/ imports neither Node builtins (node:, bare, subpaths, require) nor Electron', () => {
    const found = hits(diagnostics, 'shared/model/bad.ts');
    for (const line of [1, 2, 3, 8]) expect(found).toContain(`import(no-nodejs-modules)@${line}`);
    for (const line of [4, 7]) expect(found).toContain(`eslint(no-restricted-imports)@${line}`);
  });

  it('shared/ imports nothing from electron/ or renderer/', () => {
    const found = hits(diagnostics, 'shared/model/bad.ts');
    for (const line of [5, 6]) expect(found).toContain(`eslint(no-restricted-imports)@${line}`);
  });

  it('shared/ uses no DOM globals', () => {
    const found = hits(diagnostics, 'shared/model/bad.ts');
    for (const line of [9, 10, 11, 12, 13]) expect(found).toContain(`eslint(no-restricted-globals)@${line}`);
  });

  it('renderer/ never imports Electron or electron/', () => {
    expect(hits(diagnostics, 'renderer/src/app/bad.tsx').sort()).toEqual([
      'eslint(no-restricted-imports)@1',
      'eslint(no-restricted-imports)@2',
      'eslint(no-restricted-imports)@3',
    ]);
  });

  it('renderer/ follows the rules of hooks', () => {
    const found = hits(diagnostics, 'renderer/src/app/hooks.tsx');
    expect(found).toContain('react-hooks(rules-of-hooks)@4');
    expect(found).toContain('react-hooks(exhaustive-deps)@5');
  });

  it('electron/ never imports renderer/, and may use Node', () => {
    expect(hits(diagnostics, 'electron/node/bad.ts').sort()).toEqual(['eslint(no-restricted-imports)@1', 'eslint(no-restricted-imports)@2']);
  });

  it('leaves lookalikes, tests and fixtures alone', () => {
    expect(hits(diagnostics, 'shared/model/good.ts')).toEqual([]);
    expect(hits(diagnostics, 'shared/model/bad.test.ts')).toEqual([]);
    expect(hits(diagnostics, 'shared/model/__fixtures__/files.ts')).toEqual([]);
  });

  it('the tree itself keeps the layers apart', () => {
    const layering = new Set(['import(no-nodejs-modules)', 'eslint(no-restricted-imports)', 'eslint(no-restricted-globals)', 'typescript(no-require-imports)']);
    const offenders = lint(root, 'shared', 'renderer', 'electron').filter((d) => layering.has(d.code));
    expect(offenders.map((d) => `${d.filename}: ${d.code}`)).toEqual([]);
  });
});
