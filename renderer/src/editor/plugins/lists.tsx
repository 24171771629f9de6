/** Flat list items: indentation and the marker come from depth and the item's place among its siblings. */
import { Editor } from 'slate';
import { ReactEditor, useSlateSelector, type RenderElementProps } from 'slate-react';
import type { ListItemElement } from '../../../../shared/model/document';
import { listMarker } from '../../../../shared/editor/listNumbering';
import { listPlaces } from '../../../../shared/editor/listPlaces';

const BULLETS = ['•', '◦', '▪'];

/** The item's place in its list, as "position/size". */
function useItemPlace(element: ListItemElement): string {
  // Every item's selector runs on every change: a top-level item (nearly all) is found without a path.
  return useSlateSelector((editor) => {
    const top = listPlaces(editor.children).get(element);
    if (top) return top;
    try {
      const path = ReactEditor.findPath(editor, element);
      const siblings = path.length === 1 ? editor.children : Editor.parent(editor, path)[0].children;
      return listPlaces(siblings).get(element) ?? '1/1';
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
