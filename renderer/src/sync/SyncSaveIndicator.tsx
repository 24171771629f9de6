/** A newsroom article's save state: whether its changes are on this computer only or on the server too. */
import type { ArticleChannel } from './articleChannel';
import { useChannelState } from './useArticleChannel';

/** Subscribes on its own, so a change of save state re-renders this line and not the editor. */
export function SyncSaveIndicator({ channel }: { channel: ArticleChannel }) {
  const state = useChannelState(channel);
  if (!state) return null;
  const { article, unsent, refused } = state;
  const text = refused
    ? `Not saved: ${refused}`
    : unsent
      ? 'Saving…'
      : article.problem
        ? article.problem
        : article.saved === 'on-the-server'
          ? 'Saved to the newsroom server'
          : 'Saved on this computer — not yet on the server';
  const kind = refused || article.problem ? 'error' : unsent ? 'saving' : article.saved === 'on-the-server' ? 'saved' : 'saved-locally';
  return (
    <div className={`save-state save-${kind}`} role="status" aria-live="polite">
      <span data-testid="save-state">{text}</span>
    </div>
  );
}
