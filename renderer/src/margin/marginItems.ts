/**
 * What the margin shows: one card per comment thread and per suggestion, in document order, each
 * with the range of text it belongs to. Replies to a suggestion are a comment thread carrying its
 * `suggestionId`; that thread is shown in the suggestion's card, not as a card of its own.
 */
import { Path, Range } from 'slate';
import { anchorRange } from '../../../shared/comments/anchors';
import type { CommentThread } from '../../../shared/model/review';
import type { SuggestionSummary } from '../../../shared/suggestions/list';

export type MarginItem =
  | { kind: 'comment'; id: string; range: Range | undefined; authorName: string; at: string; summary: string; thread: CommentThread }
  | {
      kind: 'suggestion';
      id: string;
      range: Range;
      authorName: string;
      at: string;
      summary: string;
      suggestion: SuggestionSummary;
      /** The replies, when someone answered. */
      thread: CommentThread | undefined;
    };

const MARK_NAMES: Record<string, string> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strikethrough: 'strikethrough',
  superscript: 'superscript',
  subscript: 'subscript',
};

const BLOCK_NAMES: Record<string, string> = {
  paragraph: 'Normal text',
  'block-quote': 'Quote',
  'pull-quote': 'Pull quote',
  'list-item': 'List item',
  'editors-note': "Editor's note",
};

function blockName(node: Record<string, unknown>): string {
  if (node.type === 'heading') return node.level === 2 ? 'Subheading' : 'Heading';
  if (node.type === 'list-item') return node.list === 'numbered' ? 'Numbered list' : 'Bulleted list';
  return BLOCK_NAMES[String(node.type)] ?? String(node.type);
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** “Inserted: …”, “Deleted: …”, “Changed to Heading”, “Formatted: bold”: the card's first line. */
export function suggestionSummary(s: SuggestionSummary): string {
  switch (s.kind) {
    case 'insert':
      return `Inserted: “${clip(s.text)}”`;
    case 'delete':
      return `Deleted: “${clip(s.text)}”`;
    case 'format': {
      const { before, now } = s.marks;
      const added = now.filter((m) => !before.includes(m));
      const removed = before.filter((m) => !now.includes(m));
      const parts = [...added.map((m) => MARK_NAMES[m] ?? m), ...removed.map((m) => `not ${MARK_NAMES[m] ?? m}`)];
      return `Formatted: ${parts.join(', ') || 'marks'}`;
    }
    case 'restyle':
      return `Changed to ${blockName(s.style.now)}`;
    case 'break':
      return 'New paragraph';
    case 'join':
      return `Joined to the paragraph before: “${clip(s.text)}”`;
    case 'link':
      return s.url.before === null ? `Link added: ${clip(s.url.now)}` : `Link changed to ${clip(s.url.now)}`;
  }
}

/** Document order of two ranges by their starts; items without a range (orphaned comments) last. */
function compare(a: MarginItem, b: MarginItem): number {
  if (!a.range || !b.range) return a.range ? -1 : b.range ? 1 : 0;
  const [sa] = Range.edges(a.range);
  const [sb] = Range.edges(b.range);
  return Path.compare(sa.path, sb.path) || sa.offset - sb.offset;
}

export function marginItems(threads: readonly CommentThread[], suggestions: readonly SuggestionSummary[], showResolved = false): MarginItem[] {
  const replies = new Map<string, CommentThread>();
  const items: MarginItem[] = [];
  for (const t of threads) {
    if (t.suggestionId) {
      replies.set(t.suggestionId, t);
      continue;
    }
    if (t.resolved && !showResolved) continue;
    const first = t.messages[0];
    items.push({
      kind: 'comment',
      id: t.id,
      range: t.anchor ? anchorRange(t.anchor) : undefined,
      authorName: first?.by ?? '',
      at: first?.at ?? t.createdAt,
      summary: first?.text ?? '',
      thread: t,
    });
  }
  for (const s of suggestions) {
    items.push({
      kind: 'suggestion',
      id: `suggestion:${s.id}`,
      range: s.range,
      authorName: s.authorName,
      at: s.at,
      summary: suggestionSummary(s),
      suggestion: s,
      thread: replies.get(s.id),
    });
  }
  return items.sort(compare);
}

/** The item whose text holds a point: the innermost (latest starting) one. */
export function itemAt(items: readonly MarginItem[], point: { path: number[]; offset: number }): MarginItem | undefined {
  let found: MarginItem | undefined;
  for (const item of items) {
    if (item.range && Range.includes(item.range, point)) found = item;
  }
  return found;
}
