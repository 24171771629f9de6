import { describe, it, expect } from 'vitest';
import { buildCsp, RENDERER_CSP } from './csp';

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
