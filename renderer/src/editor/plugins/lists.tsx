/** Flat list items: indentation and the marker come from depth and the item's place among its siblings. */
import { Editor } from 'slate';
import { ReactEditor, useSlateSelector, type RenderElementProps } from 'slate-react';
import type { ListItemElement } from '../../../../shared/model/document';
import { listMarker, listNumbers } from '../../../../shared/editor/listNumbering';

const BULLETS = ['•', '◦', '▪'];

function useItemNumber(element: ListItemElement): number {
  return useSlateSelector((editor) => {
    if (element.list !== 'numbered') return 0;
    try {
      const path = ReactEditor.findPath(editor, element);
      const siblings = path.length === 1 ? editor.children : Editor.parent(editor, path)[0].children;
      return listNumbers(siblings).get(element) ?? 1;
    } catch {
      return 1; // Not in the document yet (mid-render).
    }
  });
}

export function ListItem({ attributes, children, element }: RenderElementProps & { element: ListItemElement }) {
  const number = useItemNumber(element);
  const marker = element.list === 'numbered' ? listMarker(number, element.depth) : BULLETS[element.depth % BULLETS.length];
  return (
    <div {...attributes} className={`list-item list-${element.list}`} data-depth={element.depth} data-marker={marker}>
      {children}
    </div>
  );
}
