/**
 * The article's status and the workflow actions the desk's role may take: a returned draft shows
 * "Returned" with the editor's note, submitting runs the checklist first (errors stop it, warnings
 * ask), and the activity log lists every move. A newsroom article's step that waits for the server
 * is shown as waiting, then with the server's answer (WorkflowNotices).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ariaKeyshortcuts, describeHotkey, matchHotkeyTable } from '../../../shared/editor/hotkeys';
import type { Article } from '../../../shared/model/article';
import type { ArticleSyncState } from '../../../shared/sync/syncState';
import { AssignDialog } from './AssignDialog';
import type { ChecklistPurpose } from '../../../shared/rules/checklist';
import type { RuleFinding } from '../../../shared/rules/types';
import { workflowNoticeSentence } from '../../../shared/sync/workflowNotices';
import { allowedActions, STATUS_LABEL, TRANSITIONS, type WorkflowAction } from '../../../shared/workflow/transitions';
import { call, errorMessage } from '../api/call';
import { announce } from '../app/focus';
import { DESK_HOTKEYS, deskHotkeyFor } from '../editor/hotkeyTable';
import { FindingLine } from './ChecklistPanel';
import { useWorkflowNotices } from '../sync/useWorkflowNotices';
import { useReview } from './ReviewContext';
import { WorkflowNotices } from './WorkflowNotices';
import { activeReturn, useTransitions } from './useTransitions';

type Props = {
  article: Article;
  /** Saves pending edits first so the transition is checked against the latest version. */
  flush: () => Promise<number>;
  /** Errors of the checklist as it stands now (approval and export are offered but refused while any remain). */
  blocking: RuleFinding[];
  /** The checklist over the text as it stands this instant (typing is checked on a delay). */
  findingsFor: (purpose: ChecklistPurpose) => RuleFinding[];
  onTransitioned: (article: Article) => void;
  /** A newsroom article (its text is the server's document): editors may assign it. */
  newsroom?: boolean;
  /** Who holds it, as the server last listed it. */
  holder?: ArticleSyncState['holder'];
};

/** What submitting found: errors stop it; warnings alone are confirmed or dismissed. */
type SubmitCheck = { kind: 'errors' | 'warnings'; findings: RuleFinding[] };

/** The article whose status just changed here; its next workflow bar takes focus. */
let focusStatusOf: string | undefined;

const SUBMIT_KEY = deskHotkeyFor('submit');

export function WorkflowBar({ article, flush, blocking, findingsFor, onTransitioned, newsroom, holder }: Props) {
  const [assigning, setAssigning] = useState(false);
  const { profile } = useReview();
  const log = useTransitions(article);
  const returned = activeReturn(log, article.status);
  const [submitCheck, setSubmitCheck] = useState<SubmitCheck | undefined>();
  const checkRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (submitCheck) checkRef.current?.focus();
  }, [submitCheck]);
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
  const { notices, dismiss } = useWorkflowNotices(article.id);
  // Offered from where the steps waiting for the server lead: the next one is asked of that status.
  const expected = notices.filter((n) => n.state === 'waiting').at(-1)?.to ?? article.status;
  const actions = profile ? allowedActions(expected, profile.role) : [];
  const canSubmit = actions.includes('submit');

  // Ctrl+Shift+Enter submits from anywhere in the article, checklist first, as the button does.
  useEffect(() => {
    if (!canSubmit || busy || noteFor) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      // Not from behind a modal dialog (a picker, the export dialog): its keys are its own.
      if (matchHotkeyTable(DESK_HOTKEYS, e) !== 'submit' || document.querySelector('dialog[open]:modal')) return;
      e.preventDefault();
      submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // The errors that stopped a submission, as they stand now: each fix crosses one off.
  const openErrors = submitCheck?.kind === 'errors' ? findingsFor('writing').filter((f) => f.level === 'error') : [];

  const submit = () => {
    const findings = findingsFor('writing');
    const errors = findings.filter((f) => f.level === 'error');
    if (errors.length) setSubmitCheck({ kind: 'errors', findings: errors });
    else if (findings.length) setSubmitCheck({ kind: 'warnings', findings });
    else void run('submit');
  };

  const run = async (action: WorkflowAction, withNote = '') => {
    setSubmitCheck(undefined);
    setBusy(true);
    setError('');
    try {
      const baseVersion = await flush();
      const { workflowStep, ...moved } = await call('transitionArticle', { id: article.id, baseVersion, action, note: withNote });
      // The view reloads under the keyboard: the new workflow bar takes focus and says where the article went.
      if (workflowStep) announce(workflowNoticeSentence(workflowStep));
      else focusStatusOf = article.id;
      onTransitioned(moved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="workflow-bar" aria-label="Workflow">
      <span ref={statusRef} tabIndex={-1} className={`status-chip status-${returned ? 'returned' : article.status}`} data-testid="article-status">
        {returned ? 'Returned' : STATUS_LABEL[article.status]}
      </span>
      {!profile && <span className="muted">Tell the desk who you are (Settings) to submit, comment or approve.</span>}
      {newsroom && (holder?.writerName || holder?.editorName) && (
        <span className="holder" data-testid="article-holder">
          {[holder.writerName && `Writer: ${holder.writerName}`, holder.editorName && `Editor: ${holder.editorName}`].filter(Boolean).join(' · ')}
        </span>
      )}
      <WorkflowNotices notices={notices} dismiss={dismiss} onDecided={() => onTransitioned(article)} />
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
              {...(action === 'submit' && SUBMIT_KEY
                ? { title: `${rule.label} (${describeHotkey(SUBMIT_KEY)})`, 'aria-keyshortcuts': ariaKeyshortcuts(SUBMIT_KEY) }
                : {})}
              onClick={() => (rule.needsNote ? (setNoteFor(action), setNote('')) : action === 'submit' ? submit() : void run(action))}
            >
              {rule.label}
            </button>
          );
        })}
        {newsroom && profile?.role === 'editor' && (
          <button type="button" onClick={() => setAssigning(true)}>
            Assign…
          </button>
        )}
      </div>
      {assigning && <AssignDialog articleId={article.id} holder={holder} onClose={() => setAssigning(false)} />}
      {actions.some((a) => TRANSITIONS[a].needsCleanChecklist) && blocking.length > 0 && (
        <p className="hint" id={`${noteId}-blocked`}>
          The checklist has {blocking.length} {blocking.length === 1 ? 'error' : 'errors'}; approval will be refused until they are fixed.
        </p>
      )}
      {returned && (
        <div className="return-banner" role="note" aria-label="Returned by the editor">
          <strong>Returned by {returned.by}:</strong> {returned.note}
          <span className="muted"> Fix what the note asks, then submit again.</span>
        </div>
      )}
      {submitCheck && (
        <div
          ref={checkRef}
          tabIndex={-1}
          className={`submit-check submit-check-${submitCheck.kind}`}
          role={submitCheck.kind === 'errors' ? 'alert' : 'alertdialog'}
          aria-label={submitCheck.kind === 'errors' ? 'Not ready to submit' : 'Submit with warnings?'}
        >
          {submitCheck.kind === 'errors' ? (
            <strong>
              {openErrors.length
                ? `Not submitted: the checklist has ${openErrors.length} ${openErrors.length === 1 ? 'error' : 'errors'} to fix first.`
                : `Fixed: nothing stops the submission now.${SUBMIT_KEY ? ` Submit again with ${describeHotkey(SUBMIT_KEY)}.` : ''}`}
            </strong>
          ) : (
            <strong>{`The checklist has ${submitCheck.findings.length} ${submitCheck.findings.length === 1 ? 'warning' : 'warnings'}. Submit anyway?`}</strong>
          )}
          <ul>
            {(submitCheck.kind === 'errors' ? openErrors : submitCheck.findings).map((f, i) => (
              <li key={`${f.id}-${i}`}>
                <FindingLine finding={f} />
              </li>
            ))}
          </ul>
          <div className="button-row end">
            {submitCheck.kind === 'errors' ? (
              <button type="button" onClick={() => setSubmitCheck(undefined)}>
                Back to the article
              </button>
            ) : (
              <>
                <button type="button" onClick={() => setSubmitCheck(undefined)}>
                  Keep writing
                </button>
                <button type="button" className="primary" disabled={busy} onClick={() => void run('submit')}>
                  Submit anyway
                </button>
              </>
            )}
          </div>
        </div>
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
  const log = useTransitions(article);
  return (
    <section className="review-section" aria-label="Activity">
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
