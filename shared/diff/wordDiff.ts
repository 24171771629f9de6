/**
 * Word-level comparison of two versions of an article: blocks are matched
 * first (added, removed, unchanged or changed), and changed blocks are
 * compared word by word. Pure; the UI renders the result inline.
 *
 * Bounded on any input: a comparison that would exceed the limits of `diffSequences` falls back to
 * whole texts shown as replaced, and the result says it is coarse.
 */
import { blockText, type ArticleBody, type BlockElement } from '../model/document';
import { diffSequences, newBudget, type DiffBudget } from './sequence';

export type WordPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type BlockDiff = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'changed'; parts: WordPart[] };

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

/** A comparison's budget, and whether any part of it had to fall back to whole texts. */
type Run = DiffBudget & { coarse: boolean };

const replaced = (before: string, after: string): WordPart[] => [
  ...(before ? [{ kind: 'removed' as const, text: before }] : []),
  ...(after ? [{ kind: 'added' as const, text: after }] : []),
];

/** Inline word diff of two strings: removed and added runs in reading order. */
export function diffWords(before: string, after: string): WordPart[] {
  return wordParts(before, after, { ...newBudget(), coarse: false });
}

function wordParts(before: string, after: string, run: Run): WordPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const edits = diffSequences(tokenize(before), tokenize(after), run);
  if (!edits) {
    run.coarse = true;
    return replaced(before, after);
  }
  const parts: WordPart[] = edits.map((e) => ({ kind: e.kind, text: e.item }));
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

/** Share of words kept between two texts (0–1), to tell an edited block from a replaced one; undefined past the limits. */
function similarity(a: string, b: string, run: Run): number | undefined {
  if (Date.now() >= run.deadline) return undefined;
  const wa = tokenize(a)
    .map((t) => t.trim())
    .filter(Boolean);
  const wb = tokenize(b)
    .map((t) => t.trim())
    .filter(Boolean);
  if (wa.length === 0 && wb.length === 0) return 1;
  const edits = diffSequences(wa, wb, run);
  if (!edits) return undefined;
  const same = edits.filter((e) => e.kind === 'same').length;
  return (2 * same) / (wa.length + wb.length);
}

/** Compares two lists of block texts. */
export function diffBlocks(before: readonly string[], after: readonly string[]): BlockDiff[] {
  return blockDiffs(before, after, { ...newBudget(), coarse: false });
}

function blockDiffs(before: readonly string[], after: readonly string[], run: Run): BlockDiff[] {
  const edits = diffSequences(before, after, run);
  if (!edits) {
    run.coarse = true;
    return [...before.map((text) => ({ kind: 'removed' as const, text })), ...after.map((text) => ({ kind: 'added' as const, text }))];
  }
  const out: BlockDiff[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    // Pair removed and added blocks in order; a pair that shares enough words is one edited block.
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const r = removed[i]!;
      const a = added[i]!;
      const shared = similarity(r, a, run);
      const parts = shared !== undefined && shared >= 0.34 ? wordParts(r, a, run) : undefined;
      if (shared === undefined) run.coarse = true;
      if (parts) out.push({ kind: 'changed', parts });
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

/** What a view says when a comparison is coarse. */
export const COARSE_DIFF_NOTE = 'Some changes were too large to compare word by word; those paragraphs are shown as replaced.';

/** `coarse`: some changed text was too different (or too long) to compare word by word and is shown as replaced. */
export type VersionDiff = { headline: WordPart[]; dek: WordPart[]; blocks: BlockDiff[]; coarse?: true };

export function diffVersions(before: VersionText, after: VersionText): VersionDiff {
  const run: Run = { ...newBudget(), coarse: false };
  const diff: VersionDiff = {
    headline: wordParts(before.headline, after.headline, run),
    dek: wordParts(before.dek, after.dek, run),
    blocks: blockDiffs(before.body.map(blockLabel), after.body.map(blockLabel), run),
  };
  return run.coarse ? { ...diff, coarse: true } : diff;
}

/** True when the comparison found no difference at all. */
export function isUnchanged(diff: VersionDiff): boolean {
  const same = (parts: WordPart[]) => parts.every((p) => p.kind === 'same');
  return same(diff.headline) && same(diff.dek) && diff.blocks.every((b) => b.kind === 'same');
}
