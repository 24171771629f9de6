/**
 * Each list item's place in its run, as "position/size" (what assistive technology is told).
 *
 * Every list item asks on every change, and a keystroke makes a new sibling array, so the places
 * are carried over from the array before when the two differ only where no list is affected (the
 * usual keystroke: a paragraph, or the text of an item): a pointer scan instead of renumbering.
 */
import type { Descendant, Element } from 'slate';
import { listNumbers } from './listNumbering';
import { isListItem } from './schema';

const cache = new WeakMap<readonly Descendant[], Map<Element, string>>();
type Entry = { siblings: readonly Descendant[]; places: Map<Element, string> };
/** The last few arrays worked out: the body's and those of a box or two, each carried over from its own. */
const recent: Entry[] = [];
const RECENT = 4;

/** How many items the run of each item has (the runs `listNumbers` counts in). */
function listSetSizes(siblings: readonly Descendant[]): Map<Element, number> {
  const numbers = listNumbers(siblings);
  const runs: Element[][] = [];
  const open: Element[][] = [];
  for (const node of siblings) {
    if (!isListItem(node)) {
      open.length = 0;
      continue;
    }
    const d = node.depth;
    open.length = d + 1;
    if (numbers.get(node) === 1 || !open[d]) runs.push((open[d] = []));
    open[d]!.push(node);
  }
  const sizes = new Map<Element, number>();
  for (const run of runs) for (const item of run) sizes.set(item, run.length);
  return sizes;
}

function computePlaces(siblings: readonly Descendant[]): Map<Element, string> {
  const numbers = listNumbers(siblings);
  const sizes = listSetSizes(siblings);
  const places = new Map<Element, string>();
  for (const [item, n] of numbers) places.set(item, `${n}/${sizes.get(item) ?? 1}`);
  return places;
}

/** Same kind of block as far as numbering goes: both not list items, or items of one list and depth. */
function sameForNumbering(a: Descendant, b: Descendant): boolean {
  const aItem = isListItem(a);
  const bItem = isListItem(b);
  if (!aItem || !bItem) return aItem === bItem;
  return a.depth === b.depth && a.list === b.list;
}

/** The places of `siblings` worked out from `before`'s, or undefined when numbering may have changed. */
function carriedOver(before: Entry, siblings: readonly Descendant[]) {
  if (before.siblings.length !== siblings.length) return undefined;
  const moved: Array<[was: Element, now: Element]> = [];
  for (let i = 0; i < siblings.length; i++) {
    const was = before.siblings[i]!;
    const now = siblings[i]!;
    if (was === now) continue;
    if (!sameForNumbering(was, now)) return undefined;
    if (isListItem(now)) moved.push([was as Element, now as Element]);
  }
  if (moved.length === 0) return before.places;
  // All removals first, from `before`'s own places: an item can be one index's old object and
  // another's new one (a removal and an insertion that shift it), and must end with its new place.
  const places = new Map(before.places);
  for (const [was] of moved) places.delete(was);
  for (const [was, now] of moved) places.set(now, before.places.get(was)!);
  return places;
}

export function listPlaces(siblings: readonly Descendant[]): Map<Element, string> {
  const hit = cache.get(siblings);
  if (hit) return hit;
  let places: Map<Element, string> | undefined;
  for (const entry of recent) if ((places = carriedOver(entry, siblings))) break;
  places ??= computePlaces(siblings);
  cache.set(siblings, places);
  recent.unshift({ siblings, places });
  recent.length = Math.min(recent.length, RECENT);
  return places;
}
