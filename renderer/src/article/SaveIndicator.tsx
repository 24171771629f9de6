import type { SaveState } from './autosave';

function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The always-visible save state: "Saving…", "Saved", or why it could not save. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const text =
    state.kind === 'saved'
      ? 'Saved'
      : state.kind === 'dirty' || state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'conflict'
          ? 'Not saved: changed elsewhere'
          : // Storage errors from main already say "Could not save: …".
            /^Could not save\b/.test(state.message)
            ? state.message
            : `Could not save: ${state.message}`;
  return (
    <div className={`save-state save-${state.kind}`} role="status" aria-live="polite">
      <span data-testid="save-state" title={state.kind === 'saved' ? `Saved at ${timeOf(state.at)}` : undefined}>
        {text}
      </span>
      {state.kind === 'error' && (
        <button type="button" className="link-button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}
