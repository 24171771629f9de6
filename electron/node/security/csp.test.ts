import { describe, it, expect } from 'vitest';
import { buildCsp, cspFor, RENDERER_CSP, SPELLING_WORKER_CSP } from './csp';

function parse(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('RENDERER_CSP', () => {
  const policy = parse(RENDERER_CSP);

  it('denies by default and allows only the app itself for code and styles', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
  });

  it('blocks plugins, base rewriting, form posts and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('never allows inline or evaluated script, nor remote hosts', () => {
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:/);
  });
});

describe('the spelling worker’s policy', () => {
  it('adds WebAssembly compilation and nothing else', () => {
    const worker = parse(SPELLING_WORKER_CSP);
    expect(worker.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(SPELLING_WORKER_CSP).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:/);
    const page = parse(RENDERER_CSP);
    for (const [name, sources] of page) if (name !== 'script-src') expect(worker.get(name), name).toEqual(sources);
  });

  it('goes with the built spelling worker only', () => {
    expect(cspFor('/assets/spelling.worker-Dfm3pVUz.js')).toBe(SPELLING_WORKER_CSP);
    for (const other of [
      '/',
      '/index.html',
      '/assets/index-BBBMYgj0.js',
      '/assets/spelling.worker-Dfm3pVUz.js.map',
      '/assets/x/spelling.worker-a.js',
      '/spelling.worker-a.js',
    ])
      expect(cspFor(other), other).toBe(RENDERER_CSP);
  });
});

describe('buildCsp', () => {
  it('joins directives', () => {
    expect(buildCsp({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe("default-src 'none'; img-src 'self' data:");
  });

  it('rejects a source that would inject another directive', () => {
    expect(() => buildCsp({ 'img-src': ["'self'; script-src *"] })).toThrow(/Invalid CSP source/);
    expect(() => buildCsp({ 'img-src': [''] })).toThrow(/Invalid CSP source/);
    expect(() => buildCsp({ 'img src': ["'self'"] })).toThrow(/directive name/);
  });
});
