/** What the author and disclosure forms share: draft state, error and status lines, and the save / archive / delete row. */
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { problemText } from './problem';

export function useEntryForm<I extends object>(initial: I) {
  const [draft, setDraft] = useState<I>(initial);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  /** Runs one action, showing its failure in plain words instead of throwing. */
  const run = async (fn: () => Promise<void>) => {
    setError('');
    setStatus('');
    try {
      await fn();
    } catch (e) {
      setError(problemText(e));
    }
  };
  return { draft, set: (patch: Partial<I>) => setDraft((d) => ({ ...d, ...patch })), status, setStatus, error, run };
}

type ActionsProps = {
  /** e.g. "author": "Save author", "Add author", "Delete author". */
  noun: string;
  /** The saved entry; absent for a new one (no archive or delete then). The newsroom's are archived, never deleted. */
  entry: { archived: boolean; newsroom?: true } | undefined;
  error: string;
  status: string;
  run: (fn: () => Promise<void>) => Promise<void>;
  onArchiveToggle: () => Promise<void>;
  onDelete: () => Promise<void>;
  /** What deleting removes, and that used entries can only be archived. */
  deleteMessage: ReactNode;
};

export function EntryFormActions({ noun, entry, error, status, run, onArchiveToggle, onDelete, deleteMessage }: ActionsProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      <div className="button-row">
        <button type="submit" className="primary">
          {entry ? `Save ${noun}` : `Add ${noun}`}
        </button>
        {entry && (
          <button type="button" onClick={() => run(onArchiveToggle)}>
            {entry.archived ? 'Unarchive' : 'Archive'}
          </button>
        )}
        {entry && !entry.newsroom && (
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
      {confirmDelete && entry && (
        <ConfirmDialog
          title={`Delete this ${noun}?`}
          confirmLabel={`Delete ${noun}`}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            void run(onDelete);
          }}
        >
          {deleteMessage}
        </ConfirmDialog>
      )}
    </>
  );
}
