/**
 * An editor gives a newsroom article to a writer and an editor, chosen from the newsroom's accounts
 * (the server's list; "Nobody" takes it back). The server decides; its sentence is shown when it refuses.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { NewsroomAccount } from '../../../shared/ipc/channels/sync';
import type { ArticleSyncState } from '../../../shared/sync/syncState';
import { call, errorMessage } from '../api/call';
import { announce, useRestoreFocus } from '../app/focus';
import { takeSyncStatus } from '../sync/syncStatus';

type Props = { articleId: string; holder: ArticleSyncState['holder']; onClose: () => void };

export function AssignDialog({ articleId, holder, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [accounts, setAccounts] = useState<NewsroomAccount[] | undefined>();
  const [writerId, setWriterId] = useState(holder?.writerId ?? '');
  const [editorId, setEditorId] = useState(holder?.editorId ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useRestoreFocus();
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
    call('listNewsroomAccounts', {}).then(setAccounts, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const writers = accounts?.filter((a) => a.role === 'writer') ?? [];
  const editors = accounts?.filter((a) => a.role === 'editor') ?? [];
  const nameOf = (accountId: string) => accounts?.find((a) => a.id === accountId)?.name;

  const assign = async () => {
    setBusy(true);
    setError('');
    try {
      takeSyncStatus(await call('assignArticle', { articleId, writerId: writerId || null, editorId: editorId || null }));
      const who = [writerId && `${nameOf(writerId)} (writer)`, editorId && `${nameOf(editorId)} (editor)`].filter(Boolean).join(' and ');
      announce(who ? `Assigned to ${who}.` : 'Nobody holds the article now.');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="confirm-dialog assign-dialog" aria-labelledby={`${id}-title`} onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void assign();
        }}
      >
        <h2 id={`${id}-title`}>Assign the article</h2>
        <p className="muted">The writer may edit it as its owner does; the review queue shows the editor holding it. Both are told in their inbox.</p>
        <div className="filter-grid">
          <label htmlFor={`${id}-writer`}>Writer</label>
          <select id={`${id}-writer`} value={writerId} onChange={(e) => setWriterId(e.target.value)} disabled={!accounts}>
            <option value="">Nobody</option>
            {writers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-editor`}>Editor</label>
          <select id={`${id}-editor`} value={editorId} onChange={(e) => setEditorId(e.target.value)} disabled={!accounts}>
            <option value="">Nobody</option>
            {editors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        {!accounts && !error && <p className="muted">Loading the newsroom’s people…</p>}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="button-row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !accounts}>
            Assign
          </button>
        </div>
      </form>
    </dialog>
  );
}
