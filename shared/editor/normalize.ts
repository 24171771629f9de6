/**
 * The body's structural rules, enforced on every change. Each rule fixes one
 * thing and returns; Slate calls normalizeNode again until nothing is left.
 */
import { Editor, Element, Node, Path, Text, Transforms, type NodeEntry } from 'slate';
import { foreignBlockKeys, typeOfUntypedBlock } from '../model/document';
import { isAllowedLinkUrl } from '../security/urlPolicy';
import { MAX_LIST_DEPTH, emptyParagraph, isBlockElement, isListItem, isPromoBox, isTextBlock, isVoidBlock, todayIso } from './schema';

const isLinkElement = (node: unknown): node is Extract<Element, { type: 'link' }> => Element.isElement(node) && node.type === 'link';
const isInlineNode = (node: unknown) => Text.isText(node) || isLinkElement(node);

export function withArticleSchema<E extends Editor>(editor: E): E {
  const { isInline, isVoid, normalizeNode, getDirtyPaths } = editor;

  editor.isInline = (element) => element.type === 'link' || isInline(element);
  editor.isVoid = (element) => isVoidBlock(element) || isVoid(element);

  editor.normalizeNode = (entry, options) => {
    if (fixNode(editor, entry)) return;
    normalizeNode(entry, options);
  };
  // The body's own rules (and Slate's) look at every top-level block; a change inside a block cannot
  // break them. Leaving the body out of what such a change dirties keeps a keystroke from walking
  // the whole article.
  editor.getDirtyPaths = (op) => {
    const paths = getDirtyPaths(op);
    const inside = (op.type === 'insert_text' || op.type === 'remove_text' || op.type === 'set_node') && op.path.length >= 2;
    return inside ? paths.filter((path) => path.length > 0) : paths;
  };
  return editor;
}

/** Applies the first fix `entry` needs; returns whether it changed anything. */
function fixNode(editor: Editor, [node, path]: NodeEntry): boolean {
  if (Editor.isEditor(node)) {
    if (node.children.length === 0) {
      Transforms.insertNodes(editor, emptyParagraph(), { at: [0] });
      return true;
    }
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i]!;
      const untyped = Element.isElement(child) ? typeOfUntypedBlock(child) : undefined;
      if (untyped) {
        Transforms.setNodes(editor, { type: untyped } as never, { at: [i] });
        return true;
      }
      if (!isBlockElement(child)) {
        Transforms.wrapNodes(editor, emptyParagraph(), { at: [i] });
        return true;
      }
    }
    // A document ending in a void or box still needs a place to type after it.
    const last = node.children[node.children.length - 1];
    if (isVoidBlock(last) || isPromoBox(last)) {
      Transforms.insertNodes(editor, emptyParagraph(), { at: [node.children.length] });
      return true;
    }
    return fixListDepths(editor, node.children, []);
  }
  if (!Element.isElement(node)) return false;

  if (isLinkElement(node)) return fixLink(editor, node, path);
  if (isTextBlock(node)) return fixTextBlock(editor, node, path);
  if (isVoidBlock(node)) return fixVoid(editor, node, path);
  if (isPromoBox(node)) return fixPromoBox(editor, node, path);
  return false;
}

function fixLink(editor: Editor, link: Extract<Element, { type: 'link' }>, path: number[]): boolean {
  if (!isAllowedLinkUrl(link.url)) {
    Transforms.unwrapNodes(editor, { at: path });
    return true;
  }
  if (Node.string(link) === '') {
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  for (let i = 0; i < link.children.length; i++) {
    const child = link.children[i] as Node;
    if (!Text.isText(child)) {
      Transforms.unwrapNodes(editor, { at: [...path, i] });
      return true;
    }
  }
  return false;
}

function fixTextBlock(editor: Editor, block: Element, path: number[]): boolean {
  const foreign = foreignBlockKeys(block);
  if (foreign.length > 0) {
    Transforms.unsetNodes(editor, foreign, { at: path });
    return true;
  }
  for (let i = 0; i < block.children.length; i++) {
    const child = block.children[i] as Node;
    if (!isInlineNode(child)) {
      if (isTextBlock(child)) Transforms.unwrapNodes(editor, { at: [...path, i] });
      else Transforms.liftNodes(editor, { at: [...path, i] });
      return true;
    }
  }
  switch (block.type) {
    case 'heading':
      if (block.level !== 1 && block.level !== 2) {
        Transforms.setNodes(editor, { level: 1 }, { at: path });
        return true;
      }
      return false;
    case 'pull-quote':
      if (typeof block.attribution !== 'string') {
        Transforms.setNodes(editor, { attribution: '' }, { at: path });
        return true;
      }
      return false;
    case 'editors-note':
      if (block.kind !== 'note' && block.kind !== 'correction') {
        Transforms.setNodes(editor, { kind: 'note' }, { at: path });
        return true;
      }
      if (typeof block.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(block.date)) {
        Transforms.setNodes(editor, { date: todayIso() }, { at: path });
        return true;
      }
      return false;
    case 'list-item':
      return fixListItem(editor, block, path);
    default:
      return false;
  }
}

function fixListItem(editor: Editor, item: Extract<Element, { type: 'list-item' }>, path: number[]): boolean {
  if (item.list !== 'bulleted' && item.list !== 'numbered') {
    Transforms.setNodes(editor, { list: 'bulleted' }, { at: path });
    return true;
  }
  return false;
}

/**
 * List depth stays within 0..MAX and at most one level deeper than the item before.
 * Checked on the container, because removing or outdenting one item changes what
 * its later siblings may be.
 */
function fixListDepths(editor: Editor, children: readonly Node[], path: number[]): boolean {
  let ceiling = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!isListItem(child)) {
      ceiling = 0;
      continue;
    }
    const depth = Number.isInteger(child.depth) ? Math.max(0, Math.min(child.depth, ceiling)) : 0;
    if (depth !== child.depth) {
      Transforms.setNodes(editor, { depth }, { at: [...path, i] });
      return true;
    }
    ceiling = Math.min(depth + 1, MAX_LIST_DEPTH);
  }
  return false;
}

function fixVoid(editor: Editor, block: Element, path: number[]): boolean {
  if (path.length > 1) {
    if (!evictFromBox(editor, Path.parent(path))) Transforms.liftNodes(editor, { at: path });
    return true;
  }
  const [only, ...rest] = block.children as Node[];
  if (rest.length > 0) {
    Transforms.removeNodes(editor, { at: [...path, block.children.length - 1], voids: true });
    return true;
  }
  if (!Text.isText(only) || Object.keys(only).length !== 1 || only.text !== '') {
    Editor.withoutNormalizing(editor, () => {
      Transforms.insertNodes(editor, { text: '' }, { at: [...path, 0], voids: true });
      if (only) Transforms.removeNodes(editor, { at: [...path, 1], voids: true });
    });
    return true;
  }
  return false;
}

function fixPromoBox(editor: Editor, box: Element, path: number[]): boolean {
  if (path.length > 1) {
    if (!evictFromBox(editor, Path.parent(path))) Transforms.liftNodes(editor, { at: path });
    return true;
  }
  if (typeof (box as { title?: unknown }).title !== 'string') {
    Transforms.setNodes(editor, { title: '' }, { at: path });
    return true;
  }
  if (box.children.length === 0) {
    Transforms.insertNodes(editor, emptyParagraph(), { at: [...path, 0] });
    return true;
  }
  for (let i = 0; i < box.children.length; i++) {
    const child = box.children[i] as Node;
    const at = [...path, i];
    if (isInlineNode(child)) {
      Transforms.wrapNodes(editor, emptyParagraph(), { at });
      return true;
    }
    if (isTextBlock(child) && child.type !== 'paragraph' && child.type !== 'list-item') {
      Transforms.unsetNodes(editor, ['level', 'attribution', 'kind', 'date'], { at });
      Transforms.setNodes(editor, { type: 'paragraph' }, { at });
      return true;
    }
    if (!isTextBlock(child)) return evictFromBox(editor, path);
  }
  return fixListDepths(editor, box.children, path);
}

/**
 * Moves every block a promo box cannot hold (voids, boxes) to just after the box, in
 * order. Lifting them one by one would split the box and repeat its title.
 */
function evictFromBox(editor: Editor, boxPath: Path): boolean {
  const box = Node.get(editor, boxPath);
  if (!isPromoBox(box)) return false;
  const foreign = box.children.flatMap((child, i) => (isTextBlock(child) || isInlineNode(child) ? [] : [i]));
  if (foreign.length === 0) return false;
  Editor.withoutNormalizing(editor, () => {
    // Last first: each lands right after the box, ahead of the ones moved before it.
    for (const i of foreign.reverse()) Transforms.moveNodes(editor, { at: [...boxPath, i], to: Path.next(boxPath) });
  });
  return true;
}
