/** Test fixtures: an article under review (every suggestion Word can carry, comments with replies) and ways to read a .docx. */
import type { ExportComment } from './docxReview';
import type { ArticleBody, BlockElement, InlineNode } from '../../../shared/model/document';
import { isLink } from '../../../shared/model/document';
import type { SuggestionMeta } from '../../../shared/model/suggestions';
import { inflateEntry, listZipEntries } from '../exchange/zipCheck';

const meta = (id: string, authorName: string, at: string): SuggestionMeta => ({ id, authorId: `desk:${id}`, authorName, at });
const edda = (id: string) => meta(id, 'Edda Editor', '2026-12-01T09:30:00.000Z');
const wren = (id: string) => meta(id, 'Wren Writer', '2026-12-01T11:45:00.000Z');

/** A reviewed body: insertions, deletions, mark changes, restyles, a suggested break and a suggested join, by two people. */
export function reviewedBody(): ArticleBody {
  return [
    { type: 'heading', level: 2, restyle: { ...edda('restyle-1'), before: { type: 'paragraph' } }, children: [{ text: 'What the council decided' }] },
    {
      type: 'paragraph',
      children: [
        { text: 'The council voted ' },
        { text: 'on Tuesday ', ins: edda('ins-1') },
        { text: 'to build a barrier costing ' },
        { text: 'roughly ', del: wren('del-1') },
        { text: '412 million euros, ' },
        { text: 'its largest project', bold: true, fmt: { ...edda('fmt-1'), before: ['italic'] } },
        { text: '. Read ' },
        { type: 'link', url: 'https://example.org/minutes', children: [{ text: 'the minutes' }] },
        { text: '.' },
      ],
    },
    {
      type: 'paragraph',
      insBreak: wren('break-1'),
      children: [{ text: 'Work starts in spring.' }, { text: ' The mayor did not comment.', del: edda('del-2') }],
    },
    {
      type: 'list-item',
      list: 'numbered',
      depth: 0,
      restyle: { ...wren('restyle-2'), before: { type: 'paragraph' } },
      children: [{ text: 'Residents welcomed it.' }],
    },
    { type: 'block-quote', children: [{ text: 'Quoted ' }, { text: 'and added', italic: true, ins: wren('ins-2') }] },
    { type: 'paragraph', children: [{ text: 'A short paragraph' }] },
    { type: 'paragraph', delBreak: edda('join-1'), children: [{ text: 'run on into the one before.' }] },
  ];
}

/** Comment threads on `reviewedBody`: one with replies across two blocks, one resolved. */
export function reviewComments(): ExportComment[] {
  return [
    {
      anchor: { anchor: { path: [1, 0], offset: 4 }, focus: { path: [1, 2], offset: 8 }, quote: 'council voted on Tuesday to build' },
      resolved: false,
      messages: [
        { by: 'Edda Editor', text: 'Which day exactly?', at: '2026-12-01T09:31:00.000Z' },
        { by: 'Wren Writer', text: 'Tuesday, checked\nwith the clerk.', at: '2026-12-01T11:50:00.000Z' },
        { by: 'Edda Editor', text: 'Thanks.', at: '2026-12-01T12:05:00.000Z' },
      ],
    },
    {
      anchor: { anchor: { path: [3, 0], offset: 10 }, focus: { path: [3, 0], offset: 21 }, quote: 'welcomed it' },
      resolved: true,
      messages: [{ by: 'Wren Writer', text: 'Source: the residents’ association.', at: '2026-12-01T11:55:00.000Z' }],
    },
  ];
}

/** One part of a .docx as text, or undefined when the file has no such part. */
export function docxPart(bytes: Uint8Array, name: string): string | undefined {
  const listed = listZipEntries(bytes, 1000);
  if (!listed.ok) throw new Error('not a zip');
  const entry = listed.entries.find((e) => e.name === name);
  return entry ? inflateEntry(bytes, entry, 50 * 1024 * 1024).toString('utf8') : undefined;
}

export type SuggestionSeen = { kind: string; text: string; authorName: string; at: string; before?: unknown };

/** Every suggestion of a body in document order, as content (kind, text, author, date, what was before). */
export function suggestionsOf(body: readonly BlockElement[]): SuggestionSeen[] {
  const out: SuggestionSeen[] = [];
  const leaves = (nodes: readonly InlineNode[]) => {
    for (const node of nodes) {
      for (const leaf of isLink(node) ? node.children : [node]) {
        if (leaf.ins) out.push({ kind: 'insert', text: leaf.text, authorName: leaf.ins.authorName, at: leaf.ins.at });
        if (leaf.del) out.push({ kind: 'delete', text: leaf.text, authorName: leaf.del.authorName, at: leaf.del.at });
        if (leaf.fmt) out.push({ kind: 'format', text: leaf.text, authorName: leaf.fmt.authorName, at: leaf.fmt.at, before: leaf.fmt.before });
      }
    }
  };
  for (const block of body) {
    if (!('children' in block) || block.type === 'promo-box') continue;
    const b = block as { restyle?: SuggestionMeta & { before: unknown }; insBreak?: SuggestionMeta; delBreak?: SuggestionMeta; children: InlineNode[] };
    if (b.insBreak) out.push({ kind: 'break', text: '', authorName: b.insBreak.authorName, at: b.insBreak.at });
    if (b.delBreak) out.push({ kind: 'join', text: '', authorName: b.delBreak.authorName, at: b.delBreak.at });
    if (b.restyle) out.push({ kind: 'restyle', text: '', authorName: b.restyle.authorName, at: b.restyle.at, before: b.restyle.before });
    leaves(b.children);
  }
  return out;
}

/**
 * The body as it comes back from Word: suggestion ids are the file's own and a Word author is known
 * by name only (`word:<name>`), so ids become their kind and author ids are derived from names.
 */
export function asFromWord(body: readonly BlockElement[]): unknown {
  return JSON.parse(JSON.stringify(body), (key, value: unknown) =>
    ['ins', 'del', 'fmt', 'restyle', 'insBreak', 'delBreak'].includes(key) && value && typeof value === 'object'
      ? { ...value, id: key, authorId: `word:${(value as SuggestionMeta).authorName}` }
      : value,
  );
}
