/**
 * Links the URL policy refuses, unwrapped to their text anywhere in a stored value (an article
 * body, a bio snapshot, a revision). For content that did not come through an importer or the
 * editor — a bundle from another desk — so a refused link never reaches the store.
 */
import { isAllowedLinkUrl } from './urlPolicy';

type LinkLike = { type: 'link'; url: unknown; children: unknown[] };

const isLink = (value: unknown): value is LinkLike =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'link' && Array.isArray((value as { children?: unknown }).children);

/** A copy of `value` with every refused link replaced by its children; counts what it unwrapped. */
export function unwrapUnsafeLinks<T>(value: T): { value: T; unwrapped: number } {
  let unwrapped = 0;
  // Recursion depth is the model's nesting (block > inline > text), bounded by the schema checked first.
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.flatMap((item) => {
        if (isLink(item) && !(typeof item.url === 'string' && isAllowedLinkUrl(item.url))) {
          unwrapped++;
          return item.children.map(walk);
        }
        return [walk(item)];
      });
    }
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    }
    return node;
  };
  return { value: walk(value) as T, unwrapped };
}
