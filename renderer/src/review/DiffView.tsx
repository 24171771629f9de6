/**
 * A word-level comparison, inline (deletions struck through, insertions underlined) or side by
 * side (the two versions block by block, words marked on each side). Both walk the same aligned
 * rows (shared/diff/sideBySide), so "change 3 of 7" is the same change in either. Insertions are
 * underlined and deletions struck through (not colour alone), whole blocks carry a badge, and the
 * compare view says each change it moves to in words.
 */
import { useMemo } from 'react';
import { alignVersions, changeRows, type AlignedRow } from '../../../shared/diff/sideBySide';
import { COARSE_DIFF_NOTE, type VersionDiff, type WordPart } from '../../../shared/diff/wordDiff';

export type DiffMode = 'inline' | 'side-by-side';

function Parts({ parts }: { parts: WordPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

const FIELD_CLASS = { headline: 'diff-headline', dek: 'diff-dek', body: 'diff-block' } as const;
const BADGE: Partial<Record<AlignedRow['kind'], string>> = { added: 'Added block', removed: 'Removed block', replaced: 'Replaced block' };

type Props = {
  diff: VersionDiff;
  label: string;
  /** `false` leaves the headline out, for views that show both headlines already. */
  headline?: boolean;
  mode?: DiffMode;
  /** The change to mark as current (an index among the changes), for next/previous change. */
  current?: number | undefined;
  /** Column headings of the side-by-side view. */
  names?: { before: string; after: string };
};

export const changeDomId = (i: number) => `diff-change-${i}`;

export function DiffView({ diff, label, headline = true, mode = 'inline', current, names }: Props) {
  const rows = useMemo(() => alignVersions(diff), [diff]);
  const changeOf = useMemo(() => new Map(changeRows(rows).map((row, n) => [row, n])), [rows]);
  const shown = rows.map((row, i) => ({ row, i })).filter(({ row }) => headline || row.field !== 'headline');

  const attrs = (i: number, row: AlignedRow) => {
    const n = changeOf.get(i);
    if (n === undefined) return { className: `${FIELD_CLASS[row.field]}` };
    return {
      id: changeDomId(n),
      tabIndex: -1,
      'data-change': n,
      'data-diff': row.kind,
      className: `${FIELD_CLASS[row.field]} diff-${row.kind}${n === current ? ' diff-current' : ''}`,
    };
  };
  const badge = (row: AlignedRow) => (BADGE[row.kind] ? <span className="diff-badge">{BADGE[row.kind]}</span> : null);

  if (mode === 'side-by-side') {
    return (
      <div className="diff-view diff-side-by-side" role="region" aria-label={label}>
        {diff.coarse && <p className="diff-note">{COARSE_DIFF_NOTE}</p>}
        <div className="diff-columns" aria-hidden="true">
          <span>{names?.before ?? 'Before'}</span>
          <span>{names?.after ?? 'After'}</span>
        </div>
        {shown.map(({ row, i }) => (
          <div key={i} {...attrs(i, row)} role="group" aria-label={row.kind === 'same' ? undefined : (BADGE[row.kind] ?? 'Changed')}>
            <div className={`diff-side diff-before${row.left ? '' : ' diff-gap'}`}>
              {row.left ? <Parts parts={row.left} /> : <span className="visually-hidden">Not in the earlier version.</span>}
            </div>
            <div className={`diff-side diff-after${row.right ? '' : ' diff-gap'}`}>
              {row.right ? <Parts parts={row.right} /> : <span className="visually-hidden">Not in the later version.</span>}
              {badge(row)}
            </div>
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="diff-view" role="region" aria-label={label}>
      {diff.coarse && <p className="diff-note">{COARSE_DIFF_NOTE}</p>}
      {shown.map(({ row, i }) =>
        row.kind === 'replaced' ? (
          <div key={i} {...attrs(i, row)}>
            <p className="diff-removed">
              <Parts parts={row.left!} />
            </p>
            <p className="diff-added">
              <Parts parts={row.right!} />
              {badge(row)}
            </p>
          </div>
        ) : (
          <p key={i} {...attrs(i, row)}>
            <Parts parts={row.inline} />
            {badge(row)}
          </p>
        ),
      )}
    </div>
  );
}
