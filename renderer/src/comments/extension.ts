/**
 * How a feature outside the editor (comments) plugs into the body editor:
 * it sees every operation, adds decorations and wraps leaf content.
 */
import { useCallback, useEffect } from 'react';
import type { DecoratedRange, Editor, NodeEntry } from 'slate';
import type { RenderLeafProps } from 'slate-react';

export type EditorExtension = {
  /** Called with the editor once mounted; returns the detach function. */
  attach: (editor: Editor) => () => void;
  decorate: (entry: NodeEntry) => DecoratedRange[];
  /** Wraps a leaf's children (inside the leaf's own element, which keeps Slate's attributes). */
  wrapLeaf: (props: RenderLeafProps) => RenderLeafProps['children'];
};

export function useExtensionAttach(editor: Editor, extension: EditorExtension | undefined) {
  const attach = extension?.attach;
  useEffect(() => attach?.(editor), [editor, attach]);
}

/** The editor's own decorations plus the extension's. */
export function useExtendedDecorate(decorate: (entry: NodeEntry) => DecoratedRange[], extension: EditorExtension | undefined) {
  const extra = extension?.decorate;
  return useCallback((entry: NodeEntry) => (extra ? [...decorate(entry), ...extra(entry)] : decorate(entry)), [decorate, extra]);
}

/** The editor's leaf renderer, with the extension wrapping each leaf's children. */
export function useExtendedLeaf(Leaf: (props: RenderLeafProps) => React.JSX.Element, extension: EditorExtension | undefined) {
  const wrap = extension?.wrapLeaf;
  return useCallback((props: RenderLeafProps) => (wrap ? Leaf({ ...props, children: wrap(props) }) : Leaf(props)), [Leaf, wrap]);
}
