/** Adding, changing and removing inline links. URLs must already be allowed (see links.ts). */
import { Editor, Element, Range, Transforms, type NodeEntry } from 'slate';
import type { LinkElement } from '../model/document';
import { isAllowedLinkUrl } from '../security/urlPolicy';
import { newSuggestionMeta, suggestingAuthor } from '../suggestions/mode';

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
  // Suggesting: the link keeps the URL it had (null when new) in `relink`; a new link's text is inserted.
  const author = suggestingAuthor(editor);
  const meta = author ? newSuggestionMeta(author) : undefined;
  if (existing) {
    const [link, path] = existing;
    Editor.withoutNormalizing(editor, () => {
      Transforms.setNodes(editor, { url }, { at: path });
      if (!meta) return;
      const before = link.relink ? link.relink.before : link.url;
      if (before === url) Transforms.unsetNodes(editor, 'relink', { at: path });
      else Transforms.setNodes(editor, { relink: { ...meta, before } } as never, { at: path });
    });
    return;
  }
  if (Range.isCollapsed(editor.selection)) {
    const link: LinkElement = meta
      ? { type: 'link', url, relink: { ...meta, before: null }, children: [{ text: text || url, ins: meta }] }
      : { type: 'link', url, children: [{ text: text || url }] };
    Transforms.insertNodes(editor, link);
    Transforms.move(editor, { unit: 'offset' });
    return;
  }
  Editor.withoutNormalizing(editor, () => {
    Transforms.unwrapNodes(editor, { match: isLink, split: true });
    const relink = meta ? { relink: { ...meta, before: null } } : {};
    Transforms.wrapNodes(editor, { type: 'link', url, ...relink, children: [] }, { split: true });
  });
  Transforms.collapse(editor, { edge: 'end' });
}

/** While suggesting, only a link the author suggested adding goes (the model has no suggested removal). */
export function removeLink(editor: Editor): void {
  const existing = activeLink(editor);
  const author = suggestingAuthor(editor);
  if (author) {
    const relink = existing?.[0].relink;
    if (existing && relink && relink.before === null && relink.authorId === author.authorId) Transforms.unwrapNodes(editor, { at: existing[1] });
    return;
  }
  if (existing && editor.selection && Range.isCollapsed(editor.selection)) Transforms.unwrapNodes(editor, { at: existing[1] });
  else Transforms.unwrapNodes(editor, { match: isLink, split: true });
}
