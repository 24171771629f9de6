/**
 * Accepting and rejecting suggestions: one, one author's, or all, in any order. Each call is one
 * undo step, and edits directly even while the editor is suggesting.
 */
import { Editor, Element, Node, Path, Text, Transforms, type NodeEntry } from 'slate';
import { MARKS, type FormattedText } from '../model/document';
import type { SuggestionMeta } from '../model/suggestions';
import { asOwnUndoStep } from '../editor/undoSteps';
import { isTextBlock } from '../editor/schema';
import { editingDirectly } from './mode';
import { listSuggestions, type SuggestionSummary } from './list';

export type Decision = 'accept' | 'reject';

const metasOf = (node: Node): SuggestionMeta[] => {
  const n = node as {
    ins?: SuggestionMeta;
    del?: SuggestionMeta;
    fmt?: SuggestionMeta;
    relink?: SuggestionMeta;
    restyle?: SuggestionMeta;
    insBreak?: SuggestionMeta;
    delBreak?: SuggestionMeta;
  };
  return [n.ins, n.del, n.fmt, n.relink, n.restyle, n.insBreak, n.delBreak].filter((m): m is SuggestionMeta => m !== undefined);
};

/** Accepts or rejects every suggestion whose id is in `ids`, as one undo step. Returns how many it settled. */
export function decideSuggestions(editor: Editor, ids: ReadonlySet<string>, decision: Decision): number {
  if (ids.size === 0) return 0;
  const entries = Array.from(Editor.nodes(editor, { at: [], match: (n, p) => p.length > 0 && metasOf(n).some((m) => ids.has(m.id)) }));
  if (entries.length === 0) return 0;
  asOwnUndoStep(editor, () =>
    editingDirectly(editor, () =>
      Editor.withoutNormalizing(editor, () => {
        // Later nodes and children first: removing or merging one never moves a node still to visit.
        for (const entry of entries.reverse()) settle(editor, entry, ids, decision);
      }),
    ),
  );
  return new Set(entries.flatMap(([n]) => metasOf(n).map((m) => m.id)).filter((id) => ids.has(id))).size;
}

function settle(editor: Editor, [node, path]: NodeEntry, ids: ReadonlySet<string>, decision: Decision): void {
  const hit = (meta: SuggestionMeta | undefined) => meta !== undefined && ids.has(meta.id);
  if (Text.isText(node)) {
    const leaf = node as FormattedText;
    const goes = decision === 'accept' ? hit(leaf.del) : hit(leaf.ins);
    if (goes) {
      Transforms.removeNodes(editor, { at: path });
      return;
    }
    const unset: string[] = [];
    if (hit(leaf.ins)) unset.push('ins');
    if (hit(leaf.del)) unset.push('del');
    if (hit(leaf.fmt)) {
      unset.push('fmt');
      if (decision === 'reject') {
        const before = new Set<string>(leaf.fmt!.before);
        unset.push(...MARKS.filter((m) => leaf[m] && !before.has(m)));
        const restore = Object.fromEntries(leaf.fmt!.before.map((m) => [m, true]));
        Transforms.setNodes(editor, restore, { at: path });
      }
    }
    if (unset.length) Transforms.unsetNodes(editor, unset, { at: path });
    return;
  }
  if (!Element.isElement(node)) return;
  if (node.type === 'link' && hit(node.relink)) {
    const before = node.relink!.before;
    if (decision === 'reject' && before === null) Transforms.unwrapNodes(editor, { at: path });
    else {
      if (decision === 'reject') Transforms.setNodes(editor, { url: before! } as never, { at: path });
      Transforms.unsetNodes(editor, 'relink', { at: path });
    }
    return;
  }
  if (!isTextBlock(node)) return;
  if (hit(node.restyle)) {
    if (decision === 'reject') {
      const before = node.restyle!.before;
      const stale = Object.keys(node).filter((k) => k !== 'children' && k !== 'restyle' && k !== 'insBreak' && k !== 'delBreak' && !(k in before));
      if (stale.length) Transforms.unsetNodes(editor, stale, { at: path });
      Transforms.setNodes(editor, before as never, { at: path });
    }
    Transforms.unsetNodes(editor, 'restyle', { at: path });
  }
  const index = path[path.length - 1]!;
  const previous = index > 0 ? Node.get(editor, Path.previous(path)) : undefined;
  // Joined (a suggested break rejected, a suggested join accepted): the break is gone, and with it
  // any other suggestion about it (one person's break struck by another), so the merge ends both.
  const joins = (hit(node.insBreak) && decision === 'reject') || (hit(node.delBreak) && decision === 'accept');
  if (joins && isTextBlock(previous)) {
    Transforms.mergeNodes(editor, { at: path });
    return;
  }
  if (hit(node.insBreak)) Transforms.unsetNodes(editor, 'insBreak', { at: path });
  if (hit(node.delBreak)) Transforms.unsetNodes(editor, 'delBreak', { at: path });
}

export const acceptSuggestion = (editor: Editor, id: string): number => decideSuggestions(editor, new Set([id]), 'accept');
export const rejectSuggestion = (editor: Editor, id: string): number => decideSuggestions(editor, new Set([id]), 'reject');

/** Accepts or rejects every open suggestion, or only those of one author. */
export function decideAll(editor: Editor, decision: Decision, authorId?: string): number {
  const ids = listSuggestions(editor.children as never)
    .filter((s: SuggestionSummary) => authorId === undefined || s.authorId === authorId)
    .map((s) => s.id);
  return decideSuggestions(editor, new Set(ids), decision);
}

/** The suggestion under the caret (the text's first, then its link's, then its block's). */
export function suggestionAtSelection(editor: Editor): SuggestionMeta | undefined {
  const selection = editor.selection;
  if (!selection) return undefined;
  const candidates: Node[] = [];
  for (const [node] of Editor.nodes(editor, { at: selection, match: Text.isText })) candidates.push(node);
  // A caret at the very start of a suggestion belongs to it too.
  const after = Editor.after(editor, selection.anchor);
  if (after) for (const [node] of Editor.nodes(editor, { at: { anchor: selection.anchor, focus: after }, match: Text.isText })) candidates.push(node);
  for (const [node] of Editor.nodes(editor, { at: selection, match: (n) => Element.isElement(n) && (n.type === 'link' || isTextBlock(n)), mode: 'all' }))
    candidates.push(node);
  for (const node of candidates) {
    const [meta] = metasOf(node);
    if (meta) return meta;
  }
  return undefined;
}
