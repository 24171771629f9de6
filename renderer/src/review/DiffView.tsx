/** A word-level comparison rendered inline: deletions struck through, insertions underlined, whole blocks marked. */
import { COARSE_DIFF_NOTE, type VersionDiff, type WordPart } from '../../../shared/diff/wordDiff';

function Parts({ parts }: { parts: WordPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

/** `headline={false}` leaves the headline out, for views that show both headlines already. */
export function DiffView({ diff, label, headline = true }: { diff: VersionDiff; label: string; headline?: boolean }) {
  return (
    <div className="diff-view" role="region" aria-label={label}>
      {diff.coarse && <p className="diff-note">{COARSE_DIFF_NOTE}</p>}
      {headline && (
        <p className="diff-headline">
          <Parts parts={diff.headline} />
        </p>
      )}
      <p className="diff-dek">
        <Parts parts={diff.dek} />
      </p>
      {diff.blocks.map((b, i) =>
        b.kind === 'changed' ? (
          <p key={i} className="diff-block diff-changed">
            <Parts parts={b.parts} />
          </p>
        ) : (
          <p key={i} className={`diff-block diff-${b.kind}`} data-diff={b.kind}>
            {b.kind === 'added' ? <ins>{b.text}</ins> : b.kind === 'removed' ? <del>{b.text}</del> : b.text}
            {b.kind !== 'same' && <span className="diff-badge">{b.kind === 'added' ? 'Added block' : 'Removed block'}</span>}
          </p>
        ),
      )}
    </div>
  );
}
