/** The article's status and the workflow actions the desk's role may take, with the return note and the activity log. */
import { useEffect, useId, useRef, useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { TransitionRecord } from '../../../shared/model/review';
import type { RuleFinding } from '../../../shared/rules/types';
import { allowedActions, STATUS_LABEL, TRANSITIONS, type WorkflowAction } from '../../../shared/workflow/transitions';
import { call, errorMessage } from '../api/call';
import { announce } from '../app/focus';
import { useReview } from './ReviewContext';

type Props = {
  article: Article;
  /** Saves pending edits first so the transition is checked against the latest version. */
  flush: () => Promise<number>;
  /** Errors of the checklist as it stands now (approval and export are offered but refused while any remain). */
  blocking: RuleFinding[];
  onTransitioned: (article: Article) => void;
};

/** The article whose status just changed here; its next workflow bar takes focus. */
let focusStatusOf: string | undefined;

export function WorkflowBar({ article, flush, blocking, onTransitioned }: Props) {
  const { profile } = useReview();
  const statusRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (focusStatusOf !== article.id) return;
    focusStatusOf = undefined;
    statusRef.current?.focus();
    announce(`The article is now ${STATUS_LABEL[article.status]}.`);
  }, [article.id, article.status]);
  const [noteFor, setNoteFor] = useState<WorkflowAction | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const noteId = useId();
  const actions = profile ? allowedActions(article.status, profile.role) : [];

  const run = async (action: WorkflowAction, withNote = '') => {
    setBusy(true);
    setError('');
    try {
      const baseVersion = await flush();
      const moved = await call('transitionArticle', { id: article.id, baseVersion, action, note: withNote });
      // The view reloads under the keyboard: the new workflow bar takes focus and says where the article went.
      focusStatusOf = article.id;
      onTransitioned(moved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="workflow-bar" aria-label="Workflow">
      <span ref={statusRef} tabIndex={-1} className={`status-chip status-${article.status}`} data-testid="article-status">
        {STATUS_LABEL[article.status]}
      </span>
      {!profile && <span className="muted">Tell the desk who you are (Settings) to submit, comment or approve.</span>}
      <div className="button-row">
        {actions.map((action) => {
          const rule = TRANSITIONS[action];
          const blocked = rule.needsCleanChecklist === true && blocking.length > 0;
          return (
            <button
              key={action}
              type="button"
              className={action === 'approve' || action === 'submit' ? 'primary' : action === 'spike' ? 'danger' : ''}
              disabled={busy}
              aria-describedby={blocked ? `${noteId}-blocked` : undefined}
              onClick={() => (rule.needsNote ? (setNoteFor(action), setNote('')) : void run(action))}
            >
              {rule.label}
            </button>
          );
        })}
      </div>
      {actions.some((a) => TRANSITIONS[a].needsCleanChecklist) && blocking.length > 0 && (
        <p className="hint" id={`${noteId}-blocked`}>
          The checklist has {blocking.length} {blocking.length === 1 ? 'error' : 'errors'}; approval will be refused until they are fixed.
        </p>
      )}
      {noteFor && (
        <form
          className="return-note"
          aria-label="Return to writer"
          onSubmit={(e) => {
            e.preventDefault();
            void run(noteFor, note).then(() => setNoteFor(undefined));
          }}
        >
          <label htmlFor={noteId}>Note for the writer</label>
          <textarea id={noteId} rows={3} value={note} autoFocus onChange={(e) => setNote(e.target.value)} />
          <div className="button-row end">
            <button type="button" onClick={() => setNoteFor(undefined)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!note.trim() || busy}>
              Return with note
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The transitions log: who moved the article, when, and with what note. */
export function ActivityLog({ article }: { article: Article }) {
  const [log, setLog] = useState<TransitionRecord[]>([]);
  useEffect(() => {
    call('listTransitions', { id: article.id })
      .then(setLog)
      .catch(() => setLog([]));
  }, [article.id, article.version]);
  const lastReturn = [...log].reverse().find((t) => t.action === 'return');
  return (
    <section className="review-section" aria-label="Activity">
      {article.status === 'draft' && lastReturn && log[log.length - 1] === lastReturn && (
        <div className="return-banner" role="note" aria-label="Returned by the editor">
          <strong>Returned by {lastReturn.by}:</strong> {lastReturn.note}
        </div>
      )}
      <header className="review-section-header">
        <h2>Activity</h2>
      </header>
      {log.length === 0 ? (
        <p className="muted">No status changes yet.</p>
      ) : (
        // It scrolls: a tab stop lets the keyboard scroll it too.
        <ol className="activity-log" tabIndex={0} aria-label="Status changes">
          {[...log].reverse().map((t) => (
            <li key={t.id}>
              <span>
                {t.by} ({t.role}): {STATUS_LABEL[t.from]} → {STATUS_LABEL[t.to]}
              </span>
              <span className="muted"> {new Date(t.at).toLocaleString()}</span>
              {t.note && <p className="activity-note">“{t.note}”</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
