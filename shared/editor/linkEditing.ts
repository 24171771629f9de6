/** Adding, changing and removing inline links. URLs must already be allowed (see links.ts). */
import { Editor, Element, Range, Transforms, type NodeEntry } from 'slate';
import type { LinkElement } from '../model/document';
import { isAllowedLinkUrl } from '../security/urlPolicy';

const isLink = (node: unknown): node is LinkElement => Element.isElement(node) && node.type === 'link';

export function activeLink(editor: Editor): NodeEntry<LinkElement> | undefined {
  if (!editor.selection) return undefined;
  return Editor.above<LinkElement>(editor, { match: isLink });
}

/**
 * Links the selection (or changes the link around the cursor). With a collapsed
 * selection outside a link, inserts `text` (or the URL itself) as a new link.
 */
export function setLink(editor: Editor, url: string, text?: string): void {
  if (!isAllowedLinkUrl(url) || !editor.selection) return;
  const existing = activeLink(editor);
  if (existing) {
    Transforms.setNodes(editor, { url }, { at: existing[1] });
    return;
  }
  if (Range.isCollapsed(editor.selection)) {
    const link: LinkElement = { type: 'link', url, children: [{ text: text || url }] };
    Transforms.insertNodes(editor, link);
    Transforms.move(editor, { unit: 'offset' });
    return;
  }
  Editor.withoutNormalizing(editor, () => {
    Transforms.unwrapNodes(editor, { match: isLink, split: true });
    Transforms.wrapNodes(editor, { type: 'link', url, children: [] }, { split: true });
  });
  Transforms.collapse(editor, { edge: 'end' });
}

export function removeLink(editor: Editor): void {
  const existing = activeLink(editor);
  if (existing && editor.selection && Range.isCollapsed(editor.selection)) Transforms.unwrapNodes(editor, { at: existing[1] });
  else Transforms.unwrapNodes(editor, { match: isLink, split: true });
}
