/** A bundle of an article that is already here: what differs, and which to keep. Nothing is lost either way. */
import { useEffect, useRef } from 'react';
import { COARSE_DIFF_NOTE, type WordPart } from '../../../shared/diff/wordDiff';
import type { ImportOutcome } from '../../../shared/ipc/channels/exchange';
import { useRestoreFocus } from '../app/focus';
import './exchange.css';

type Conflict = Extract<ImportOutcome, { kind: 'conflict' }>;
export type ConflictChoice = 'keep-mine' | 'take-theirs' | 'keep-both';

function Parts({ parts }: { parts: WordPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} className="diff-added">
            {p.text}
          </ins>
        ) : (
          <del key={i} className="diff-removed">
            {p.text}
          </del>
        ),
      )}
    </>
  );
}

export function ImportConflictDialog({ conflict, onChoose }: { conflict: Conflict; onChoose: (choice: ConflictChoice | undefined) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useRestoreFocus();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const changed = conflict.diff.blocks.filter((b) => b.kind !== 'same');
  return (
    <dialog ref={ref} className="import-conflict" aria-labelledby="conflict-title" onCancel={() => onChoose(undefined)}>
      <h2 id="conflict-title">This article is already here</h2>
      <p>
        The bundle holds “{conflict.theirs.headline || 'Untitled article'}” (version {conflict.theirs.version}); this desk has version {conflict.mine.version}.
        Deleted words are struck through, the bundle’s words are highlighted.
      </p>
      {conflict.diff.coarse && <p className="diff-note">{COARSE_DIFF_NOTE}</p>}
      <h3>Headline</h3>
      <p data-testid="conflict-headline">
        <Parts parts={conflict.diff.headline} />
      </p>
      {conflict.diff.dek.some((p) => p.kind !== 'same') && (
        <>
          <h3>Dek</h3>
          <p>
            <Parts parts={conflict.diff.dek} />
          </p>
        </>
      )}
      <h3>Body ({changed.length === 0 ? 'no changes' : `${changed.length} changed block${changed.length === 1 ? '' : 's'}`})</h3>
      {changed.length > 0 && (
        <div className="conflict-blocks">
          {changed.slice(0, 200).map((b, i) => (
            <p key={i}>
              {b.kind === 'changed' ? (
                <Parts parts={b.parts} />
              ) : b.kind === 'added' ? (
                <ins className="diff-added">{b.text}</ins>
              ) : (
                <del className="diff-removed">{b.text}</del>
              )}
            </p>
          ))}
        </div>
      )}
      <div className="button-row end">
        <button type="button" autoFocus onClick={() => onChoose('keep-mine')}>
          Keep mine
        </button>
        <button type="button" onClick={() => onChoose('take-theirs')}>
          Take theirs
        </button>
        <button type="button" className="primary" onClick={() => onChoose('keep-both')}>
          Keep both
        </button>
      </div>
    </dialog>
  );
}
