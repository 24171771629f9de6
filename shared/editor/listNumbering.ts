/** Numbers for flat numbered lists, computed once per sibling array. */
import type { Descendant, Element } from 'slate';
import { isListItem } from './schema';

const cache = new WeakMap<readonly Descendant[], Map<Element, number>>();

/**
 * An item's number counts the preceding items of the same list at its depth, up to
 * a shallower item, a different kind at that depth, or a non-list block.
 */
export function listNumbers(siblings: readonly Descendant[]): Map<Element, number> {
  const hit = cache.get(siblings);
  if (hit) return hit;
  const numbers = new Map<Element, number>();
  const counters: number[] = [];
  const kinds: string[] = [];
  for (const node of siblings) {
    if (!isListItem(node)) {
      counters.length = 0;
      kinds.length = 0;
      continue;
    }
    const d = node.depth;
    counters.length = d + 1;
    kinds.length = d + 1;
    if (kinds[d] !== node.list) counters[d] = 0;
    kinds[d] = node.list;
    counters[d] = (counters[d] ?? 0) + 1;
    numbers.set(node, counters[d]!);
  }
  cache.set(siblings, numbers);
  return numbers;
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyz';
function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [value, digits] of table)
    while (n >= value) {
      out += digits;
      n -= value;
    }
  return out;
}

/** "1.", "a.", "i." by depth, as Google Docs and Word show nested numbering. */
export function listMarker(number: number, depth: number): string {
  switch (depth % 3) {
    case 1: {
      let s = '';
      for (let n = number; n > 0; n = Math.floor((n - 1) / 26)) s = ALPHA[(n - 1) % 26] + s;
      return `${s}.`;
    }
    case 2:
      return `${roman(number)}.`;
    default:
      return `${number}.`;
  }
}
