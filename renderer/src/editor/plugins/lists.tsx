/** Flat list items: indentation and the marker come from depth and the item's place among its siblings. */
import { Editor, type Descendant, type Element } from 'slate';
import { ReactEditor, useSlateSelector, type RenderElementProps } from 'slate-react';
import type { ListItemElement } from '../../../../shared/model/document';
import { listMarker, listNumbers } from '../../../../shared/editor/listNumbering';
import { isListItem } from '../../../../shared/editor/schema';

const BULLETS = ['•', '◦', '▪'];

const sizeCache = new WeakMap<readonly Descendant[], Map<Element, number>>();

/** How many items the run an item belongs to has (the runs `listNumbers` counts in). */
function listSetSizes(siblings: readonly Descendant[]): Map<Element, number> {
  const hit = sizeCache.get(siblings);
  if (hit) return hit;
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
  sizeCache.set(siblings, sizes);
  return sizes;
}

/** The item's place in its list, as "position/size". */
function useItemPlace(element: ListItemElement): string {
  return useSlateSelector((editor) => {
    try {
      const path = ReactEditor.findPath(editor, element);
      const siblings = path.length === 1 ? editor.children : Editor.parent(editor, path)[0].children;
      return `${listNumbers(siblings).get(element) ?? 1}/${listSetSizes(siblings).get(element) ?? 1}`;
    } catch {
      return '1/1'; // Not in the document yet (mid-render).
    }
  });
}

/**
 * Items are flat blocks, so each is a one-item list to assistive technology,
 * with its level and its place in the run ("bullet, level 2, 2 of 3"); the
 * drawn marker is left unspoken (editor.css).
 */
export function ListItem({ attributes, children, element }: RenderElementProps & { element: ListItemElement }) {
  const [position, size] = useItemPlace(element).split('/').map(Number) as [number, number];
  const marker = element.list === 'numbered' ? listMarker(position, element.depth) : BULLETS[element.depth % BULLETS.length];
  return (
    <div {...attributes} className={`list-item list-${element.list}`} data-depth={element.depth} data-marker={marker} role="list">
      <div role="listitem" aria-level={element.depth + 1} aria-posinset={position} aria-setsize={size}>
        {children}
      </div>
    </div>
  );
}
