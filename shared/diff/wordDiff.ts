/**
 * Word-level comparison of two versions of an article: blocks are matched
 * first (added, removed, unchanged or changed), and changed blocks are
 * compared word by word. Pure; the UI renders the result inline.
 */
import { blockText, type ArticleBody, type BlockElement } from '../model/document';
import { diffSequences } from './sequence';

export type WordPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type BlockDiff =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  | { kind: 'changed'; parts: WordPart[] };

/**
 * Words and punctuation, each carrying the whitespace before it, so the parts
 * join back into the text exactly and spaces never match on their own.
 */
export function tokenize(text: string): string[] {
  return text.match(/\s*(?:[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-])|\s+$/gu) ?? [];
}

function merge(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** Inline word diff of two strings: removed and added runs in reading order. */
export function diffWords(before: string, after: string): WordPart[] {
  const parts: WordPart[] = diffSequences(tokenize(before), tokenize(after)).map((e) => ({ kind: e.kind, text: e.item }));
  const ordered: WordPart[] = [];
  // Within each changed stretch, show what was removed before what was added.
  let pendingRemoved: WordPart[] = [];
  let pendingAdded: WordPart[] = [];
  const flush = () => {
    ordered.push(...pendingRemoved, ...pendingAdded);
    pendingRemoved = [];
    pendingAdded = [];
  };
  for (const p of parts) {
    if (p.kind === 'same') {
      flush();
      ordered.push(p);
    } else (p.kind === 'removed' ? pendingRemoved : pendingAdded).push(p);
  }
  flush();
  return merge(ordered);
}

/** Share of words kept between two texts (0–1), to tell an edited block from a replaced one. */
function similarity(a: string, b: string): number {
  const wa = tokenize(a).map((t) => t.trim()).filter(Boolean);
  const wb = tokenize(b).map((t) => t.trim()).filter(Boolean);
  if (wa.length === 0 && wb.length === 0) return 1;
  const same = diffSequences(wa, wb).filter((e) => e.kind === 'same').length;
  return (2 * same) / (wa.length + wb.length);
}

/** Compares two lists of block texts. */
export function diffBlocks(before: readonly string[], after: readonly string[]): BlockDiff[] {
  const edits = diffSequences(before, after);
  const out: BlockDiff[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    // Pair removed and added blocks in order; a pair that shares enough words is one edited block.
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const r = removed[i]!;
      const a = added[i]!;
      if (similarity(r, a) >= 0.34) out.push({ kind: 'changed', parts: diffWords(r, a) });
      else out.push({ kind: 'removed', text: r }, { kind: 'added', text: a });
    }
    for (const r of removed.slice(pairs)) out.push({ kind: 'removed', text: r });
    for (const a of added.slice(pairs)) out.push({ kind: 'added', text: a });
    removed = [];
    added = [];
  };
  for (const e of edits) {
    if (e.kind === 'same') {
      flush();
      out.push({ kind: 'same', text: e.item });
    } else (e.kind === 'removed' ? removed : added).push(e.item);
  }
  flush();
  return out;
}

/** The text a block shows in a comparison; blocks without text are named by kind. */
export function blockLabel(block: BlockElement): string {
  const text = blockText(block);
  if (text.trim()) return text;
  if (block.type === 'image') return `[Image${block.alt ? `: ${block.alt}` : ''}]`;
  if (block.type === 'embed') return `[Embed: ${block.url}]`;
  if (block.type === 'section-break') return '[Section break]';
  return '';
}

export type VersionText = { headline: string; dek: string; body: ArticleBody };

export type VersionDiff = { headline: WordPart[]; dek: WordPart[]; blocks: BlockDiff[] };

export function diffVersions(before: VersionText, after: VersionText): VersionDiff {
  return {
    headline: diffWords(before.headline, after.headline),
    dek: diffWords(before.dek, after.dek),
    blocks: diffBlocks(before.body.map(blockLabel), after.body.map(blockLabel)),
  };
}

/** True when the comparison found no difference at all. */
export function isUnchanged(diff: VersionDiff): boolean {
  const same = (parts: WordPart[]) => parts.every((p) => p.kind === 'same');
  return same(diff.headline) && same(diff.dek) && diff.blocks.every((b) => b.kind === 'same');
}
