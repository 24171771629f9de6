/** All editing behaviour that needs no DOM, composed in the order the features expect. */
import { createEditor, Editor, Element, type Descendant, type Node, type Path } from 'slate';
import { withHistory, type HistoryEditor } from 'slate-history';
import type { ArticleBody } from '../model/document';
import { withBlockBreaks } from './blockBreaks';
import { withLists } from './lists';
import { withMarkdownShortcuts } from './markdownShortcuts';
import { withArticleSchema } from './normalize';
import { withPromoBox } from './promoBox';
import { withTypingUndoGroups } from './typingUndo';
import { withTypography } from './typography';

/** Expects an editor that already has history (withHistory, or withYHistory on a newsroom article). Later plugins run first. */
export function withArticleEditing<E extends Editor>(editor: E, now?: () => number): E {
  return withQuickForcedNormalize(
    withTypingUndoGroups(withTypography(withMarkdownShortcuts(withLists(withPromoBox(withBlockBreaks(withArticleSchema(editor)))))), now),
  );
}

/** Applies the body rules to a stored body once, before an editor shows it. */
export function normalizeBody(body: readonly unknown[]): ArticleBody {
  const editor = withArticleEditing(withHistory(createEditor()) as unknown as Editor & HistoryEditor);
  // No copy needed: Slate's transforms never mutate nodes in place (they produce new trees).
  editor.children = body as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor.children as ArticleBody;
}

/**
 * A forced normalization (opening a stored body; @slate-yjs/core's connect forces one on every
 * newsroom article) checks first whether anything needs fixing: a stored body is almost always
 * normal already, and asking each node once, deepest first as Slate does, reaches the same fixed
 * point at a fraction of the cost (Slate's forced pass keeps a path and a key for every node: a third
 * of a second at 10,000 blocks). Slate's pass can leave a rule broken that its own fix uncovered (two
 * headings with a list depth keep one): passes go on until the quick check finds nothing, as an
 * editor would on the next change.
 */
function withQuickForcedNormalize<E extends Editor>(editor: E): E {
  const { normalize } = editor;
  editor.normalize = (options) => {
    if (!options?.force || !Editor.isNormalizing(editor)) return normalize(options);
    for (let pass = 0; pass < 4 && !alreadyNormal(editor); pass++) normalize(options);
  };
  return editor;
}

function alreadyNormal(editor: Editor): boolean {
  const { apply } = editor;
  editor.apply = () => {
    throw STOP;
  };
  const visit = (node: Node, path: Path): void => {
    if (Element.isElement(node)) {
      if (node.children.length === 0) throw STOP;
      for (let i = node.children.length - 1; i >= 0; i--) visit(node.children[i]!, [...path, i]);
    }
    editor.normalizeNode([node, path], { force: true });
  };
  try {
    Editor.withoutNormalizing(editor, () => {
      if (editor.children.length === 0) throw STOP;
      for (let i = editor.children.length - 1; i >= 0; i--) visit(editor.children[i]!, [i]);
      editor.normalizeNode([editor, []], { force: true });
    });
    return true;
  } catch (error) {
    if (error === STOP) return false;
    throw error;
  } finally {
    editor.apply = apply;
  }
}

const STOP = new Error('not normal');
