/**
 * What the Word export's "with changes" option adds: suggestions as Word's tracked changes
 * (`w:ins`, `w:del`, `w:rPrChange` for marks, `w:pPrChange` for a block's style, an inserted
 * paragraph mark for a suggested break) and comment threads as Word comments anchored to their text,
 * replies threaded through commentsExtended.xml as Word writes them. Word keeps no history of a
 * link's address, so a suggested link change goes out as the suggested link and is named in the
 * export's warnings.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  HeadingLevel,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { Path } from 'slate';
import type { CommentAnchor } from '../../../shared/comments/anchors';
import type { BlockElement, FormattedText, InlineNode } from '../../../shared/model/document';
import { isLink } from '../../../shared/model/document';
import type { SuggestionMeta } from '../../../shared/model/suggestions';
import { cleanLine, cleanText } from '../../../shared/export/cleanText';

/** A comment thread as the export writes it: where it is, whether it is resolved, its messages in order. */
export type ExportComment = {
  anchor: CommentAnchor | undefined;
  resolved: boolean;
  messages: ReadonlyArray<{ by: string; text: string; at: string }>;
};

type Change = { id: number; author: string; date: string };
/** A comment boundary inside a leaf: before the character at `offset`. */
type CommentPoint = { offset: number; end: boolean; ids: number[] };

/** Word writes dates to the second, in UTC. */
export function wordDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z') : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => [...part][0]!.toUpperCase())
    .join('')
    .slice(0, 9);

/**
 * Numbers every revision and comment of one export. Word needs each `w:id` unique among the
 * document's revisions, and comments numbered apart from them.
 */
export class DocxReview {
  readonly warnings: string[] = [];
  readonly comments: ICommentOptions[] = [];
  private nextChange = 1;
  private points = new Map<FormattedText, CommentPoint[]>();
  /** Blocks followed by a block split off by a suggested break: their paragraph mark is the insertion. */
  private breakAfter = new Map<BlockElement, SuggestionMeta>();
  /** Blocks whose following block is suggested to join them: their paragraph mark is the deletion. */
  private joinAfter = new Map<BlockElement, SuggestionMeta>();
  private relinks = 0;

  constructor(body: readonly BlockElement[], threads: readonly ExportComment[]) {
    for (const [index, block] of body.entries()) {
      const insBreak = 'insBreak' in block ? block.insBreak : undefined;
      const delBreak = 'delBreak' in block ? block.delBreak : undefined;
      const previous = body[index - 1];
      if (insBreak && previous) this.breakAfter.set(previous, insBreak);
      if (delBreak && previous) this.joinAfter.set(previous, delBreak);
      if (block.type === 'promo-box') {
        for (const [i, child] of block.children.entries()) {
          if (i === 0) continue;
          if (child.insBreak) this.breakAfter.set(block.children[i - 1]!, child.insBreak);
          if (child.delBreak) this.joinAfter.set(block.children[i - 1]!, child.delBreak);
        }
      }
    }
    const leaves = leafPaths(body);
    let orphaned = 0;
    for (const thread of threads) {
      const first = thread.messages[0];
      const range = thread.anchor && edges(thread.anchor);
      const start = range && leaves.get(range[0].path.join(','));
      const end = range && leaves.get(range[1].path.join(','));
      if (!first || !range || !start || !end) {
        orphaned++;
        continue;
      }
      // Word anchors a reply where its thread is: each message is a comment over the same text.
      const ids: number[] = [];
      let parent: number | undefined;
      for (const message of thread.messages) {
        const id = this.comments.length;
        ids.push(id);
        this.comments.push({
          id,
          author: cleanLine(message.by),
          initials: initials(cleanLine(message.by)),
          date: new Date(wordDate(message.at)),
          ...(parent === undefined ? {} : { parentId: parent }),
          ...(thread.resolved ? { resolved: true } : {}),
          children: cleanText(message.text)
            .split('\n')
            .map((line) => new Paragraph({ children: [new TextRun(line)] })),
        });
        parent ??= id;
      }
      this.addPoint(start, { offset: range[0].offset, end: false, ids });
      this.addPoint(end, { offset: range[1].offset, end: true, ids });
    }
    if (orphaned) {
      this.warnings.push(
        orphaned === 1
          ? 'One comment whose text was deleted was left out of the Word file.'
          : `${orphaned} comments whose text was deleted were left out of the Word file.`,
      );
    }
  }

  private addPoint(leaf: FormattedText, point: CommentPoint): void {
    const list = this.points.get(leaf);
    if (list) list.push(point);
    else this.points.set(leaf, [point]);
  }

  change(meta: SuggestionMeta): Change {
    return { id: this.nextChange++, author: cleanLine(meta.authorName || meta.authorId), date: wordDate(meta.at) };
  }

  /** The comment boundaries inside `leaf`, in text order (a thread's end before another's start at one offset). */
  pointsIn(leaf: FormattedText): CommentPoint[] {
    const list = this.points.get(leaf);
    return list ? [...list].sort((a, b) => a.offset - b.offset || Number(b.end) - Number(a.end)) : [];
  }

  /**
   * `w:pPrChange` for a restyled block, and the paragraph mark of a block a suggested break follows
   * (inserted) or a suggested join takes away (deleted).
   */
  paragraphChanges(block: BlockElement): Partial<IParagraphOptions> {
    const out: { run?: IParagraphOptions['run']; revision?: IParagraphOptions['revision'] } = {};
    const split = this.breakAfter.get(block);
    const join = this.joinAfter.get(block);
    if (split || join) out.run = { ...(split ? { insertion: this.change(split) } : {}), ...(join ? { deletion: this.change(join) } : {}) };
    const restyle = 'restyle' in block ? block.restyle : undefined;
    if (restyle) out.revision = { ...this.change(restyle), ...styleBefore(restyle.before) };
    return out;
  }

  /** A suggested link change: Word has no revision for it, so the file carries the suggested link. */
  noteRelink(node: InlineNode): void {
    if (!isLink(node) || !node.relink) return;
    if (this.relinks++ === 0) {
      this.warnings.push('Word does not track changes to a link’s address: the Word file has the suggested links, not marked as changes.');
    }
  }

  static commentMarks(point: CommentPoint): ParagraphChild[] {
    if (!point.end) return point.ids.map((id) => new CommentRangeStart(id));
    return point.ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]);
  }
}

function edges(anchor: CommentAnchor): [CommentAnchor['anchor'], CommentAnchor['anchor']] {
  const forward = Path.compare(anchor.anchor.path, anchor.focus.path) || anchor.anchor.offset - anchor.focus.offset;
  return forward <= 0 ? [anchor.anchor, anchor.focus] : [anchor.focus, anchor.anchor];
}

/** Every text leaf of the body by its Slate path. */
function leafPaths(body: readonly BlockElement[]): Map<string, FormattedText> {
  const out = new Map<string, FormattedText>();
  const inlines = (nodes: readonly InlineNode[], path: number[]) => {
    nodes.forEach((node, i) => {
      if (isLink(node)) node.children.forEach((leaf, j) => out.set([...path, i, j].join(','), leaf));
      else out.set([...path, i].join(','), node);
    });
  };
  body.forEach((block, i) => {
    if (block.type === 'promo-box') block.children.forEach((child, j) => inlines(child.children, [i, j]));
    else inlines(block.children as InlineNode[], [i]);
  });
  return out;
}

/** The paragraph properties a block had before a suggested restyle, as the export writes them. */
function styleBefore(before: Record<string, unknown>): Partial<IParagraphOptions> {
  switch (before.type) {
    case 'heading':
      return { heading: before.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2 };
    case 'block-quote':
      return { style: 'BlockQuote' };
    case 'pull-quote':
      return { style: 'PullQuote' };
    case 'list-item':
      return { style: before.list === 'numbered' ? 'ListNumber' : 'ListBullet' };
    default:
      return {};
  }
}
