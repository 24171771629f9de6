import fc from 'fast-check';
import type { Descendant } from 'slate';
import { describe, expect, it } from 'vitest';
import { listPlaces } from './listPlaces';
import { listNumbers } from './listNumbering';

type Spec = { item: boolean; list: 'bulleted' | 'numbered'; depth: number };
const block = (s: Spec, text = 'x'): Descendant =>
  s.item ? { type: 'list-item', list: s.list, depth: s.depth, children: [{ text }] } : { type: 'paragraph', children: [{ text }] };
const spec = fc.record({ item: fc.boolean(), list: fc.constantFrom('bulleted' as const, 'numbered' as const), depth: fc.integer({ min: 0, max: 2 }) });

/** What assistive technology is told, worked out from scratch by walking the runs. */
function expected(siblings: readonly Descendant[]): string[] {
  const numbers = listNumbers(siblings);
  return siblings.map((node, i) => {
    const n = numbers.get(node as never);
    if (n === undefined) return '';
    // The run's size: the items after it at its depth until the run ends (a new run starts at 1).
    let size = n;
    for (let j = i + 1; j < siblings.length; j++) {
      const m = numbers.get(siblings[j] as never);
      if (m === undefined) break;
      const d = (siblings[j] as { depth: number }).depth;
      const own = (node as { depth: number }).depth;
      if (d < own) break;
      if (d === own) {
        if (m === 1) break;
        size = m;
      }
    }
    return `${n}/${size}`;
  });
}
const placesOf = (siblings: readonly Descendant[]) => siblings.map((node) => listPlaces(siblings).get(node as never) ?? '');

describe('list places', () => {
  it('numbers runs and their sizes', () => {
    const body = [
      block({ item: true, list: 'numbered', depth: 0 }),
      block({ item: true, list: 'numbered', depth: 1 }),
      block({ item: true, list: 'numbered', depth: 1 }),
      block({ item: true, list: 'numbered', depth: 0 }),
      block({ item: false, list: 'bulleted', depth: 0 }),
      block({ item: true, list: 'bulleted', depth: 0 }),
    ];
    expect(placesOf(body)).toEqual(['1/2', '1/2', '2/2', '2/2', '', '1/1']);
  });

  it('an item shifted by a removal and an insertion keeps its own place (a case the property found)', () => {
    const numbered = { item: true, list: 'numbered', depth: 1 } as const;
    const [q, a, b, c, p] = [
      block({ item: false, list: 'bulleted', depth: 0 }),
      block(numbered),
      block(numbered),
      block(numbered),
      block({ item: false, list: 'bulleted', depth: 0 }),
    ];
    expect(placesOf([q, b, a, p])).toEqual(['', '1/2', '2/2', '']);
    expect(placesOf([q, a, p])).toEqual(['', '1/1', '']);
    expect(placesOf([q, a, c, p])).toEqual(['', '1/2', '2/2', '']);
  });

  it('carried over from the array before, the same as worked out afresh, whatever the edits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('text', 'retype', 'insert', 'remove'), spec), { maxLength: 12 }),
        (start, edits) => {
          let body: Descendant[] = start.map((s) => block(s));
          placesOf(body);
          for (const [at, kind, s] of edits) {
            const i = at % body.length;
            const next = [...body];
            const was = body[i] as { type: string; list?: 'bulleted' | 'numbered'; depth?: number };
            const same: Spec = { item: was.type === 'list-item', list: was.list ?? 'bulleted', depth: was.depth ?? 0 };
            // A keystroke: a new object of the same kind; or a kind change, an insertion, a removal.
            if (kind === 'text') next[i] = block(same, `x${Math.random()}`);
            else if (kind === 'retype') next[i] = block(s);
            else if (kind === 'insert') next.splice(i, 0, block(s));
            else if (body.length > 1) next.splice(i, 1);
            body = next;
            expect(placesOf(body)).toEqual(expected(body));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
