/**
 * Suggesting-mode edits on a Slate editor: insertions, deletions, paragraph breaks, mark changes,
 * block restyles and link changes become suggestions instead of changes. Nothing here removes a
 * word someone else wrote; only the suggesting author's own suggested insertions are really removed.
 */
import { Editor, Node, Path, Point, Range, Text, Transforms, type BaseOperation, type Location } from 'slate';
import { MARKS, TEXT_BLOCK_ATTRIBUTES, type FormattedText, type Mark } from '../model/document';
import type { SuggestionMeta } from '../model/suggestions';
import { isTextBlock, textBlockAbove, type TextBlockElement } from '../editor/schema';
import { newSuggestionMeta, type SuggestionAuthor } from './mode';

const own = (meta: SuggestionMeta | undefined, author: SuggestionAuthor): boolean => meta !== undefined && meta.authorId === author.authorId;
const isOwnInsertion = (node: unknown, author: SuggestionAuthor): boolean => Text.isText(node) && own(node.ins, author);

/** The author's own insertion touching `point` (so typing next to it extends it). */
function ownInsertionAt(editor: Editor, point: Point, author: SuggestionAuthor): SuggestionMeta | undefined {
  const candidates: Array<Node | undefined> = [Node.get(editor, point.path)];
  const leaf = candidates[0] as FormattedText;
  if (point.offset === 0) candidates.push(Editor.previous(editor, { at: point.path, match: Text.isText })?.[0]);
  if (point.offset === leaf.text.length) candidates.push(Editor.next(editor, { at: point.path, match: Text.isText })?.[0]);
  for (const node of candidates) if (isOwnInsertion(node, author)) return (node as FormattedText).ins;
  return undefined;
}

/** The author's own deletion next to `range`, so a run of Backspaces stays one suggestion. */
function ownDeletionNear(editor: Editor, range: Range, author: SuggestionAuthor): SuggestionMeta | undefined {
  const [start, end] = Range.edges(range);
  const wider = { anchor: Editor.before(editor, start) ?? start, focus: Editor.after(editor, end) ?? end };
  for (const [node] of Editor.nodes(editor, { at: wider, match: Text.isText }))
    if (own((node as FormattedText).del, author)) return (node as FormattedText).del;
  return undefined;
}

/** The text block right before `path` under the same parent, if there is one. */
function textBlockBefore(editor: Editor, path: Path): TextBlockElement | undefined {
  if (path.length === 0 || path[path.length - 1] === 0) return undefined;
  const previous = Node.get(editor, Path.previous(path));
  return isTextBlock(previous) ? previous : undefined;
}

/**
 * Suggests joining the text block at `path` to the one before it (the break between them struck),
 * unless the break is not one a join can take back (first block, after an image) or already carries
 * a suggested join.
 */
function suggestJoin(editor: Editor, path: Path, meta: SuggestionMeta): void {
  const block = Node.get(editor, path);
  if (!isTextBlock(block) || block.delBreak || !textBlockBefore(editor, path)) return;
  Transforms.setNodes(editor, { delBreak: meta } as never, { at: path });
}

/** Where an operation's inserted text ends up after the operations that followed it. */
function insertedRanges(ops: readonly BaseOperation[]): Range[] {
  const ranges: Range[] = [];
  ops.forEach((op, i) => {
    if (op.type !== 'insert_text' || op.text.length === 0) return;
    let range: Range | null = {
      anchor: { path: op.path, offset: op.offset },
      focus: { path: op.path, offset: op.offset + op.text.length },
    };
    for (const later of ops.slice(i + 1)) {
      range = range && Range.transform(range, later, { affinity: 'inward' });
      if (!range) return;
    }
    ranges.push(range);
  });
  return ranges;
}

/**
 * Types `text` as a suggestion: `insert` is the editor's own insertText (smart quotes and the rest
 * still apply). The new text carries the author's insertion mark and never a deletion mark (typing
 * inside struck text is a plain insertion); next to the author's own insertion it joins it.
 */
export function suggestInsertText(editor: Editor, author: SuggestionAuthor, insert: () => void): void {
  if (!editor.selection) return insert();
  if (Range.isExpanded(editor.selection)) {
    suggestDeletion(editor, author, editor.selection);
    Transforms.collapse(editor, { edge: 'end' });
  }
  const point = editor.selection.anchor;
  const joined = ownInsertionAt(editor, point, author);
  const start = editor.operations.length;
  insert();
  const ranges = insertedRanges(editor.operations.slice(start));
  if (ranges.length === 0) return;
  const meta = joined ?? newSuggestionMeta(author);
  // Backward: the caret stays at the end of the inserted text, inside the insertion the next key extends.
  const caret = editor.selection ? Editor.pointRef(editor, Range.end(editor.selection as Range), { affinity: 'backward' }) : null;
  Editor.withoutNormalizing(editor, () => {
    for (const range of ranges) {
      const leaf = Node.get(editor, range.anchor.path) as FormattedText;
      // The common case, typing on inside one's own insertion: the text already carries it.
      if (leaf.ins?.id === meta.id && !leaf.del && !leaf.fmt) continue;
      // null removes the key: inserted text is never struck nor a format change.
      Transforms.setNodes(editor, { ins: meta, del: null, fmt: null } as never, { at: range, match: Text.isText, split: true });
    }
  });
  const at = caret?.unref();
  if (at) Transforms.select(editor, at);
}

/**
 * Types `text` directly (suggesting off) next to or inside a suggestion: Slate would give the new text
 * the leaf's keys, making it part of someone's suggested insertion or deletion; it stays plain instead.
 */
export function insertPlainText(editor: Editor, insert: () => void): void {
  const selection = editor.selection;
  const leaf = selection && Range.isCollapsed(selection) ? Node.get(editor, selection.anchor.path) : undefined;
  if (!leaf || !Text.isText(leaf) || !(leaf.ins || leaf.del || leaf.fmt)) return insert();
  const start = editor.operations.length;
  insert();
  const ranges = insertedRanges(editor.operations.slice(start));
  const caret = editor.selection ? Editor.pointRef(editor, Range.end(editor.selection as Range), { affinity: 'backward' }) : null;
  Editor.withoutNormalizing(editor, () => {
    for (const range of ranges) Transforms.setNodes(editor, { ins: null, del: null, fmt: null } as never, { at: range, match: Text.isText, split: true });
  });
  const at = caret?.unref();
  if (at) Transforms.select(editor, at);
}

/**
 * Marks `range` as suggested for deletion. The author's own suggested insertions in it are removed
 * (they were never anyone else's text); text already suggested for deletion keeps its suggestion;
 * everything else, other authors' insertions included, is struck through.
 */
export function suggestDeletion(editor: Editor, author: SuggestionAuthor, range: Range): void {
  if (Range.isCollapsed(range)) return;
  const meta = ownDeletionNear(editor, range, author) ?? newSuggestionMeta(author);
  Editor.withoutNormalizing(editor, () => {
    const [start, end] = Range.edges(range);
    const ownRefs = [];
    for (const [node, path] of Editor.nodes(editor, { at: range, match: (n) => isOwnInsertion(n, author) })) {
      const text = (node as FormattedText).text;
      const from = Path.equals(path, start.path) ? start.offset : 0;
      const to = Path.equals(path, end.path) ? end.offset : text.length;
      if (to > from) ownRefs.push(Editor.rangeRef(editor, { anchor: { path, offset: from }, focus: { path, offset: to } }));
    }
    Transforms.setNodes(
      editor,
      { del: meta },
      {
        at: range,
        match: (n) => Text.isText(n) && !n.del && !isOwnInsertion(n, author),
        split: true,
      },
    );
    // The breaks inside the range are struck too: accepted, the paragraphs it spans become one.
    for (const [node, path] of Editor.nodes(editor, { at: range, match: (n) => isTextBlock(n) })) {
      const block = node as TextBlockElement;
      if (Point.isBefore(Editor.start(editor, path), start) || Point.equals(Editor.start(editor, path), start)) continue;
      if (!own(block.insBreak, author)) suggestJoin(editor, path, meta);
    }
    for (const ref of ownRefs.reverse()) {
      const own = ref.unref();
      if (own && Range.isExpanded(own)) Transforms.delete(editor, { at: own });
    }
  });
}

/** Backspace (`backward`) or Delete as a suggestion: the caret moves past the struck text. */
export function suggestDeleteAtCaret(
  editor: Editor,
  author: SuggestionAuthor,
  direction: 'backward' | 'forward',
  unit: 'character' | 'word' | 'line' | 'block',
  joinBlocks: () => void,
): void {
  const selection = editor.selection;
  if (!selection) return;
  if (Range.isExpanded(selection)) return suggestDeleteSelection(editor, author, direction);
  const point = selection.anchor;
  const other = direction === 'backward' ? Editor.before(editor, point, { unit }) : Editor.after(editor, point, { unit });
  if (!other) return;
  const here = textBlockAbove(editor, point.path);
  const there = textBlockAbove(editor, other.path);
  if (!here || !there || !Path.equals(here[1], there[1])) {
    // Across a block boundary: the author's own suggested break is simply taken back; any other
    // break between two text blocks is struck as a suggested join; the caret moves across it.
    const later = direction === 'backward' ? here : there;
    if (later && own(later[0].insBreak, author)) return joinBlocks();
    if (here && there && Path.equals(Path.parent(here[1]), Path.parent(there[1]))) {
      const earlier = direction === 'backward' ? there : here;
      if (Path.equals(Path.next(earlier[1]), later![1]))
        suggestJoin(editor, later![1], ownDeletionNear(editor, { anchor: point, focus: other }, author) ?? newSuggestionMeta(author));
    }
    Transforms.select(editor, other);
    return;
  }
  const range = { anchor: point, focus: other };
  const ref = Editor.rangeRef(editor, range);
  suggestDeletion(editor, author, range);
  const after = ref.unref();
  if (after) Transforms.select(editor, direction === 'backward' ? Range.start(after) : Range.end(after));
}

/** Deleting a selection (Delete, Backspace, Cut) as a suggestion; the caret goes to its start. */
export function suggestDeleteSelection(editor: Editor, author: SuggestionAuthor, direction: 'backward' | 'forward' = 'backward'): void {
  if (!editor.selection || Range.isCollapsed(editor.selection)) return;
  const ref = Editor.rangeRef(editor, editor.selection);
  suggestDeletion(editor, author, editor.selection);
  const after = ref.unref();
  if (after) Transforms.select(editor, direction === 'backward' ? Range.start(after) : Range.end(after));
}

/** Enter as a suggestion: `split` is the editor's own insertBreak; the block it opens carries `insBreak`. */
export function suggestBreak(editor: Editor, author: SuggestionAuthor, split: () => void): void {
  if (!editor.selection) return split();
  if (Range.isExpanded(editor.selection)) suggestDeleteSelection(editor, author, 'forward');
  const before = textBlockAbove(editor);
  split();
  const after = textBlockAbove(editor);
  if (!before || !after || Path.equals(before[1], after[1])) return;
  Transforms.setNodes(editor, { insBreak: newSuggestionMeta(author) } as never, { at: after[1] });
}

const marksOf = (leaf: FormattedText): Mark[] => MARKS.filter((m) => leaf[m] === true);
const sameMarks = (a: readonly Mark[], b: readonly Mark[]) => a.length === b.length && a.every((m) => b.includes(m));

/**
 * Adds or removes a mark over the selection as a suggestion: each leaf shows the new marks and keeps
 * in `fmt.before` the marks it had (the first ones, if it already carried a suggested change).
 * On the author's own inserted text the mark is simply applied.
 */
export function suggestMark(editor: Editor, author: SuggestionAuthor, mark: Mark, on: boolean): void {
  const selection = editor.selection;
  if (!selection || Range.isCollapsed(selection)) return;
  const meta = newSuggestionMeta(author);
  Editor.withoutNormalizing(editor, () => {
    const ref = Editor.rangeRef(editor, selection, { affinity: 'inward' });
    Transforms.setNodes(editor, {}, { at: selection, match: Text.isText, split: true });
    const range = ref.unref();
    if (!range) return;
    const entries = Array.from(Editor.nodes(editor, { at: range, match: Text.isText }));
    for (const [node, path] of entries) {
      const leaf = node as FormattedText;
      if (leaf[mark] === (on ? true : undefined)) continue;
      const change = () => (on ? Transforms.setNodes(editor, { [mark]: true }, { at: path }) : Transforms.unsetNodes(editor, mark, { at: path }));
      change();
      if (isOwnInsertion(leaf, author)) continue;
      const before = leaf.fmt ? leaf.fmt.before : marksOf(leaf);
      const now = marksOf(Node.get(editor, path) as FormattedText);
      if (sameMarks(before, now)) Transforms.unsetNodes(editor, 'fmt', { at: path });
      else Transforms.setNodes(editor, { fmt: { ...meta, before } }, { at: path });
    }
  });
}

const STYLE_KEYS = ['type', ...new Set(Object.values(TEXT_BLOCK_ATTRIBUTES).flat())] as const;

/** A text block's type and attributes, as `restyle.before` keeps them. */
export function blockStyleOf(block: TextBlockElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of STYLE_KEYS) if (key in block) out[key] = (block as Record<string, unknown>)[key];
  return out;
}
const sameStyle = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

/**
 * Runs `change` (a block style change on the text blocks at `at`) as a suggestion: each block that
 * ends up styled differently keeps its earlier style in `restyle.before`; one back where it began loses it.
 */
export function suggestRestyle(editor: Editor, author: SuggestionAuthor, at: Location | undefined, change: () => void): void {
  const entries = Array.from(Editor.nodes(editor, { at: at ?? editor.selection ?? undefined, match: isTextBlock, mode: 'lowest' }));
  const before = entries.map(([node, path]) => {
    const block = node as TextBlockElement;
    return { ref: Editor.pathRef(editor, path), style: block.restyle ? block.restyle.before : blockStyleOf(block), own: block.restyle };
  });
  change();
  const meta = newSuggestionMeta(author);
  for (const { ref, style } of before) {
    const path = ref.unref();
    if (!path) continue;
    const block = Node.get(editor, path);
    if (!isTextBlock(block)) continue;
    if (sameStyle(style, blockStyleOf(block))) {
      if (block.restyle) Transforms.unsetNodes(editor, 'restyle', { at: path });
    } else Transforms.setNodes(editor, { restyle: { ...meta, before: style } } as never, { at: path });
  }
}
