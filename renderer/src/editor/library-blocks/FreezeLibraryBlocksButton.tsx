/**
 * Freezes the article's synced library blocks at the versions they show, as
 * approval does, for a desk that wants a fixed text before the workflow gets there.
 */
import { useState } from 'react';
import { call, errorMessage } from '../../api/call';

type Props = {
  articleId: string;
  /** Saves pending edits first, so the freeze works on what the writer sees. */
  flush: () => Promise<unknown>;
  /** Reloads the article after the store changed it. */
  onFrozen: () => void;
};

export function FreezeLibraryBlocksButton({ articleId, flush, onFrozen }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <span className="freeze-library-blocks">
      <button
        type="button"
        disabled={busy}
        title="Fix every synced author bio and AI-use disclosure at the version it shows now"
        onClick={async () => {
          setBusy(true);
          setError('');
          try {
            await flush();
            await call('freezeLibraryBlocks', { id: articleId });
            onFrozen();
          } catch (e) {
            setError(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        Freeze library blocks
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
