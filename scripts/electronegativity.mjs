#!/usr/bin/env node
// Runs Electronegativity over the Electron shell (electron/) and fails on any
// finding above informational. Works offline: the tool's only network use is
// fetching translations, which it skips after a 1 s timeout.
//
// Uses the tool's programmatic API (its package "main") rather than the CLI so
// that parse errors, which the CLI drops in file-output mode, fail the run: an
// unparsed file is an unchecked file.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const Module = require('node:module');
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const electronVersion = require('electron/package.json').version;

/**
 * Findings reviewed and judged false positives. Each is matched by check id,
 * file and the source text at the reported line, so a new occurrence of the
 * same check elsewhere still fails.
 */
const REVIEWED = [
  {
    // The checks read only object literals written inside `new BrowserWindow(...)`. Our options come from
    // secureWebPreferences() (electron/node/security/webPreferences.ts, unit-tested; the Electron e2e spec
    // asserts getLastWebPreferences()). A literal `sandbox: false` etc. in main.ts is reported at that key's
    // line, not at `new BrowserWindow(`, so it is not covered by this entry.
    ids: ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'],
    file: 'main/main.ts',
    line: /new BrowserWindow\(\{/,
    block: /webPreferences: secureWebPreferences\(preloadPath\),/,
  },
  {
    // Manual-review check on any openExternal with a non-literal URL; ours runs only when
    // windowOpenDecision() found the URL safe (http, https or mailto without credentials; unit-tested).
    ids: ['OPEN_EXTERNAL_JS_CHECK'],
    file: 'main/main.ts',
    line: /if \(decision\.openExternally\) void shell\.openExternal\(url\);/,
  },
  {
    // The CSP evaluator's only remark on our policy is "'self' can be problematic if you host JSONP, Angular or
    // user uploaded files". app://newsroom serves only our own build output (dist/renderer): no JSONP, no
    // Angular, and user content lives in the database, shown as data or blob:/data: images, never served as
    // script. Accepted only while that is the evaluator's sole finding above informational.
    ids: ['CSP_GLOBAL_CHECK'],
    file: 'renderer-csp.html',
    line: /Content-Security-Policy/,
    verify: (issue) => cspRemarks(issue.sample).every((f) => f.directive === 'script-src' && f.value === "'self'"),
  },
  {
    // The spelling worker's policy (sent with its script only; electron/node/security/csp.ts): the page's, plus
    // 'wasm-unsafe-eval' so it can compile Hunspell's WebAssembly. The evaluator predates that keyword (CSP3,
    // WebAssembly compilation only, never eval or new Function) and calls it invalid; otherwise the same
    // 'self' remark as above. Accepted only while those two are its sole findings above informational.
    ids: ['CSP_GLOBAL_CHECK'],
    file: 'spelling-worker-csp.html',
    line: /Content-Security-Policy/,
    verify: (issue) => cspRemarks(issue.sample).every((f) => f.directive === 'script-src' && (f.value === "'self'" || f.value === "'wasm-unsafe-eval'")),
  },
];

/** The tool's own CSP evaluator, run again to see which remarks lie behind a CSP_GLOBAL_CHECK finding. */
function cspRemarks(policy) {
  const csp = require(require.resolve('@doyensec/csp-evaluator', { paths: [toolDir] }));
  const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  return findings.filter((f) => f.severity < csp.severities.INFO);
}

/**
 * The tool requires @typescript-eslint/typescript-estree, which npm hoisted to
 * the top level where it finds our TypeScript 7 (no JS compiler API) and
 * crashes on load. Point it at the TypeScript the tool ships with. TS files are
 * parsed by Babel first anyway (which knows `satisfies` etc.).
 */
function useToolsOwnTypeScript() {
  let nested;
  try {
    nested = require.resolve('typescript', { paths: [toolDir] });
  } catch {
    return;
  }
  const original = Module._resolveFilename;
  const marker = `${path.sep}@typescript-eslint${path.sep}`;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && parent?.filename?.includes(marker)) return nested;
    return original.call(this, request, parent, ...rest);
  };
}

/**
 * The CSP is sent as a header from protocol.handle, where the tool cannot see
 * it. Give it the real string as a <meta> page in the scanned copy so its own
 * CSP evaluator judges the policy we actually ship.
 */
async function rendererCsp() {
  const out = await build({
    entryPoints: [path.join(root, 'electron/node/security/csp.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return { page: mod.RENDERER_CSP, worker: mod.SPELLING_WORKER_CSP };
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function isReviewed(issue, scanDir) {
  return REVIEWED.some((entry) => {
    if (!entry.ids.includes(issue.id) || issue.file !== entry.file) return false;
    const lines = fs.readFileSync(path.join(scanDir, issue.file), 'utf8').split('\n');
    const at = issue.location?.line ?? 0;
    if (!entry.line.test(lines[at - 1] ?? '')) return false;
    if (entry.block && !entry.block.test(lines.slice(at - 1, at + 12).join('\n'))) return false;
    return !entry.verify || entry.verify(issue);
  });
}

async function main() {
  useToolsOwnTypeScript();
  const run = require(toolDir);
  const { severity } = require(path.join(toolDir, 'dist/finder/attributes.js'));

  const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-electronegativity-'));
  try {
    fs.cpSync(path.join(root, 'electron'), scanDir, { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
    const { page: csp, worker: workerCsp } = await rendererCsp();
    for (const [file, policy] of [
      ['renderer-csp.html', csp],
      ['spelling-worker-csp.html', workerCsp],
    ]) {
      fs.writeFileSync(
        path.join(scanDir, file),
        `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}"></head><body></body></html>\n`,
      );
    }

    const result = await run({
      input: scanDir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      // Needs the network (it looks up security releases) and says nothing about our code.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });

    const parseErrors = result.errors.filter((e) => !e.tolerable);
    const reviewed = result.issues.filter((i) => isReviewed(i, scanDir));
    const open = result.issues.filter((i) => !reviewed.includes(i));
    const failing = open.filter((i) => i.severity.value > severity.INFORMATIONAL.value);

    const where = (i) => (i.file === 'N/A' ? '(global)' : `electron/${i.file}:${i.location.line}:${i.location.column}`);
    for (const e of parseErrors) console.error(`electronegativity: could not parse ${e.file}: ${e.message}`);
    for (const i of open) {
      console.log(`${i.severity.name.padEnd(13)} ${i.id} ${where(i)}${i.manualReview ? ' (manual review)' : ''}\n  ${String(i.description).split('\n')[0]}`);
    }
    for (const i of reviewed) console.log(`reviewed      ${i.id} ${where(i)} (false positive, see REVIEWED in scripts/electronegativity.mjs)`);

    if (parseErrors.length > 0 || failing.length > 0) {
      console.error(`electronegativity: FAILED: ${failing.length} finding(s) above informational, ${parseErrors.length} file(s) not parsed`);
      process.exitCode = 1;
    } else {
      console.log(
        `electronegativity: passed (${result.atomicChecks} atomic + ${result.globalChecks} global checks, Electron ${electronVersion}, CSP: ${csp}; spelling worker: ${workerCsp})`,
      );
    }
  } finally {
    fs.rmSync(scanDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`electronegativity: could not run: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
