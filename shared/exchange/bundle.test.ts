import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonNestingDepth } from './bundle';

/** The nesting depth of a parsed value, for comparison (recursive: only for small values). */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('jsonNestingDepth', () => {
  it('counts arrays and objects, not brackets inside strings or after escapes', () => {
    expect(jsonNestingDepth('1', 10)).toBe(0);
    expect(jsonNestingDepth('[{"a":[1]}]', 10)).toBe(3);
    expect(jsonNestingDepth('["[[[", "\\"[[", "\\\\"]', 10)).toBe(1);
    expect(jsonNestingDepth('{"k\\"{":"}}}"}', 10)).toBe(1);
  });

  it('stops as soon as the limit is passed', () => {
    expect(jsonNestingDepth(`${'['.repeat(5_000_000)}`, 64)).toBe(65);
  });

  it('agrees with the parsed value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const json = JSON.stringify(value);
        expect(jsonNestingDepth(json, 100)).toBe(depthOf(value));
      }),
      { numRuns: 300 },
    );
  });
});
