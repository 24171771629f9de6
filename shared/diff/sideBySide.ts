/**
 * A comparison (wordDiff's `VersionDiff`, the desk's one diff) laid out as rows that line up the
 * two versions block by block: an unchanged block beside itself, an edited block beside its edit
 * with its words marked on each side, a replaced block beside its replacement, and an added or
 * removed block beside a gap. Each row that is not the same is one change, in reading order, for
 * "next change" and its count; the inline view walks the same rows so both count alike.
 */
import type { BlockDiff, VersionDiff, WordPart } from './wordDiff';

export type RowField = 'headline' | 'dek' | 'body';
export type RowKind = 'same' | 'changed' | 'replaced' | 'added' | 'removed';

export type AlignedRow = {
  kind: RowKind;
  field: RowField;
  /** The before side (same and removed words); undefined where the block did not exist. */
  left: WordPart[] | undefined;
  /** The after side (same and added words); undefined where the block does not exist. */
  right: WordPart[] | undefined;
  /** Both sides in one run, removed words before added ones, for the inline view. */
  inline: WordPart[];
};

const beforeSide = (parts: WordPart[]) => parts.filter((p) => p.kind !== 'added');
const afterSide = (parts: WordPart[]) => parts.filter((p) => p.kind !== 'removed');

function fieldRow(field: RowField, parts: WordPart[]): AlignedRow {
  const same = parts.every((p) => p.kind === 'same');
  return { kind: same ? 'same' : 'changed', field, left: beforeSide(parts), right: afterSide(parts), inline: parts };
}

/** Body rows: removed blocks followed by added ones (one edited stretch) pair up in order. */
function bodyRows(blocks: readonly BlockDiff[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const left: WordPart[] = [{ kind: 'removed', text: removed[i]! }];
      const right: WordPart[] = [{ kind: 'added', text: added[i]! }];
      rows.push({ kind: 'replaced', field: 'body', left, right, inline: [...left, ...right] });
    }
    for (const text of removed.slice(pairs))
      rows.push({ kind: 'removed', field: 'body', left: [{ kind: 'removed', text }], right: undefined, inline: [{ kind: 'removed', text }] });
    for (const text of added.slice(pairs))
      rows.push({ kind: 'added', field: 'body', left: undefined, right: [{ kind: 'added', text }], inline: [{ kind: 'added', text }] });
    removed = [];
    added = [];
  };
  for (const b of blocks) {
    if (b.kind === 'removed') {
      // An addition already waiting ends that stretch: what is removed after it lines up on its own.
      if (added.length) flush();
      removed.push(b.text);
    } else if (b.kind === 'added') added.push(b.text);
    else {
      flush();
      if (b.kind === 'changed') rows.push(fieldRow('body', b.parts));
      else
        rows.push({
          kind: 'same',
          field: 'body',
          left: [{ kind: 'same', text: b.text }],
          right: [{ kind: 'same', text: b.text }],
          inline: [{ kind: 'same', text: b.text }],
        });
    }
  }
  flush();
  return rows;
}

/** Headline, dek, then the body, aligned. */
export function alignVersions(diff: VersionDiff): AlignedRow[] {
  return [fieldRow('headline', diff.headline), fieldRow('dek', diff.dek), ...bodyRows(diff.blocks)];
}

/** Indices of the rows that are changes, in reading order. */
export function changeRows(rows: readonly AlignedRow[]): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => r.kind !== 'same' && out.push(i));
  return out;
}

/** What a screen reader hears for one change: insertions and deletions named, not shown by colour. */
export function describeChange(row: AlignedRow): string {
  const clip = (t: string) => {
    const s = t.trim();
    return s.length > 120 ? `${s.slice(0, 119)}…` : s;
  };
  const where = row.field === 'headline' ? 'Headline' : row.field === 'dek' ? 'Dek' : 'Paragraph';
  const deleted = row.inline.filter((p) => p.kind === 'removed').map((p) => clip(p.text));
  const inserted = row.inline.filter((p) => p.kind === 'added').map((p) => clip(p.text));
  const what = row.kind === 'added' ? 'added' : row.kind === 'removed' ? 'removed' : row.kind === 'replaced' ? 'replaced' : 'changed';
  const parts = [...deleted.map((t) => `deleted “${t}”`), ...inserted.map((t) => `inserted “${t}”`)];
  return `${where} ${what}: ${parts.join(', ')}`;
}
