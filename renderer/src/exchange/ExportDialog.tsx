/**
 * Export one article or a batch: choose formats and a folder, watch progress, cancel, and reveal
 * the files. The work runs in main as a job; this dialog polls its status.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJobStatus } from '../../../shared/ipc/channels/exchange';
import { EXPORT_FORMATS, FORMAT_LABEL, isExportFormat, type ExportFormat } from '../../../shared/exchange/formats';
import { call, errorMessage } from '../api/call';
import { useRestoreFocus } from '../app/focus';
import { flushAllAutosaves } from '../article/useArticleAutosave';
import { usePathChoices } from '../paths/usePathChoices';
import { lastFormats } from './exportPrefs';
import './exchange.css';

export type ExportCandidate = { id: string; headline: string };

type Props = {
  /** The articles offered; with one, there is no article list. */
  articles: ExportCandidate[];
  onClose: () => void;
};

const POLL_MS = 150;

export function ExportDialog({ articles, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useRestoreFocus();
  const [error, setError] = useState<string | undefined>();
  const showError = useCallback((e: unknown) => setError(errorMessage(e)), []);
  // Main lists the folder used last first, so it is the one chosen when the dialog opens.
  const folders = usePathChoices('export-folder', showError);
  const [folderId, setFolderId] = useState<string | undefined>();
  const chosenFolder = folders.choices?.paths.find((p) => p.id === folderId) ?? folders.choices?.paths[0];
  const [formats, setFormats] = useState<Set<ExportFormat>>(() => new Set((lastFormats.get() ?? ['html']).filter(isExportFormat)));
  const [selected, setSelected] = useState<Set<string>>(() => new Set(articles.map((a) => a.id)));
  // Not remembered: a file with suggestions and comments must never go out for publication by habit.
  const [withChanges, setWithChanges] = useState(false);
  const [htmlWithChanges, setHtmlWithChanges] = useState(false);
  const html = formats.has('html') || formats.has('fragment');
  const [job, setJob] = useState<ExportJobStatus | undefined>();
  const [revealed, setRevealed] = useState<string | undefined>();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Poll the running job until it finishes.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const t = setTimeout(() => {
      call('exportJobStatus', { jobId: job.jobId })
        .then(setJob)
        .catch((e) => setError(errorMessage(e)));
    }, POLL_MS);
    return () => clearTimeout(t);
  }, [job]);

  const running = job?.state === 'running';
  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  async function start() {
    setError(undefined);
    setRevealed(undefined);
    try {
      if (!chosenFolder) return;
      await flushAllAutosaves();
      const chosen = EXPORT_FORMATS.filter((f) => formats.has(f));
      const ids = articles.filter((a) => selected.has(a.id)).map((a) => a.id);
      const { jobId } = await call('startExport', {
        articleIds: ids,
        formats: chosen,
        folderId: chosenFolder.id,
        withChanges: formats.has('docx') && withChanges,
        htmlWithChanges: html && htmlWithChanges,
      });
      lastFormats.set(chosen);
      setJob(await call('exportJobStatus', { jobId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function choose() {
    const picked = await folders.pick(chosenFolder?.id);
    if (picked) setFolderId(picked.id);
  }

  async function reveal() {
    if (!job) return;
    try {
      const r = await call('revealExport', { jobId: job.jobId });
      if (!r.revealed) setRevealed(r.folder);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const canStart = !running && formats.size > 0 && selected.size > 0 && chosenFolder !== undefined;
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;

  return (
    <dialog ref={ref} className="export-dialog" aria-labelledby="export-title" onCancel={(e) => (running ? e.preventDefault() : onClose())}>
      <h2 id="export-title">{articles.length === 1 ? `Export “${articles[0]!.headline || 'Untitled article'}”` : 'Export articles'}</h2>
      {articles.length > 1 && (
        <fieldset className="export-articles" disabled={running}>
          <legend>
            Articles ({selected.size} of {articles.length})
          </legend>
          <div className="button-row">
            <button type="button" onClick={() => setSelected(new Set(articles.map((a) => a.id)))}>
              Select all
            </button>
            <button type="button" onClick={() => setSelected(new Set())}>
              Select none
            </button>
          </div>
          <ul aria-label="Articles to export">
            {articles.map((a) => (
              <li key={a.id}>
                <label>
                  <input type="checkbox" checked={selected.has(a.id)} onChange={() => setSelected((s) => toggle(s, a.id))} />
                  {a.headline || 'Untitled article'}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset className="export-formats" disabled={running}>
        <legend>Formats</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={formats.has(f)} onChange={() => setFormats((s) => toggle(s, f))} />
            {FORMAT_LABEL[f]}
          </label>
        ))}
        {formats.has('docx') && (
          <label className="export-option">
            <input
              type="checkbox"
              checked={withChanges}
              onChange={(e) => setWithChanges(e.target.checked)}
              aria-describedby={withChanges ? 'export-with-changes-note' : undefined}
            />
            Word with changes: suggestions as tracked changes, and comments
          </label>
        )}
        {html && (
          <label className="export-option">
            <input type="checkbox" checked={htmlWithChanges} onChange={(e) => setHtmlWithChanges(e.target.checked)} />
            HTML with changes: open suggestions marked with author and time
          </label>
        )}
        {formats.has('docx') && withChanges && (
          <p id="export-with-changes-note" className="export-note">
            For review, not publication: the Word file keeps open suggestions and comments, and the article is not marked exported.
          </p>
        )}
      </fieldset>
      <label className="field-label" htmlFor="export-folder">
        Folder
      </label>
      <div className="export-folder-row">
        <select id="export-folder" value={chosenFolder?.id ?? ''} disabled={running || !folders.choices} onChange={(e) => setFolderId(e.target.value)}>
          {folders.choices?.paths.map((p) => (
            <option key={p.id} value={p.id}>
              {p.path}
            </option>
          ))}
        </select>
        {folders.choices?.canPick && (
          <button type="button" onClick={() => void choose()} disabled={running}>
            Choose…
          </button>
        )}
      </div>
      {folders.choices && !folders.choices.canPick && (
        <p className="muted">This window cannot show a folder dialog; start the browser host with --export-folder DIR to offer more folders.</p>
      )}
      {job && (
        <div className="export-progress">
          <div role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.done}>
            <div className="export-progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <p aria-live="polite" data-testid="export-state">
            {job.state === 'running'
              ? `Exporting ${job.done} of ${job.total}…`
              : job.state === 'cancelled'
                ? `Cancelled after ${job.done} of ${job.total}. Files already written are kept.`
                : `Exported ${job.total - new Set(job.failures.map((f) => f.articleId)).size} of ${job.total} to ${job.folder}.`}
          </p>
          {job.failures.length > 0 && (
            <ul className="export-failures" aria-label="Export problems">
              {job.failures.slice(0, 20).map((f, i) => (
                <li key={i}>
                  {f.headline || f.articleId} ({f.format}): {f.message}
                </li>
              ))}
            </ul>
          )}
          {job.notes.length > 0 && (
            <ul className="export-notes" aria-label="Export notes">
              {job.notes.slice(0, 20).map((n, i) => (
                <li key={i}>
                  {n.headline || n.articleId}: {n.message}
                </li>
              ))}
            </ul>
          )}
          {revealed && (
            <p>
              The files are in <code data-testid="export-folder-path">{revealed}</code>
            </p>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="export-error">
          {error}
        </p>
      )}
      <div className="button-row end">
        {running ? (
          <button type="button" onClick={() => void call('cancelExport', { jobId: job.jobId }).then(setJob)}>
            Cancel export
          </button>
        ) : (
          <>
            {job && job.state !== 'running' && job.files.length > 0 && (
              <button type="button" onClick={() => void reveal()}>
                Reveal files
              </button>
            )}
            <button type="button" onClick={onClose}>
              {job ? 'Close' : 'Cancel'}
            </button>
            <button type="button" className="primary" disabled={!canStart} onClick={() => void start()}>
              Export
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
