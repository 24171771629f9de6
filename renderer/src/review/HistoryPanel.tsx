/** Revisions of the article: who and when, save a labelled version, view one read-only, compare any two, restore. */
import { useCallback, useEffect, useId, useState } from 'react';
import { blockLabel, type VersionText } from '../../../shared/diff/wordDiff';
import type { Article } from '../../../shared/model/article';
import type { Revision, RevisionSummary } from '../../../shared/model/review';
import { STATUS_LABEL } from '../../../shared/workflow/transitions';
import { call, errorMessage } from '../api/call';
import { CompareView, CURRENT, KIND_LABEL, localKey, revisionName } from './CompareView';
import { WideView } from './WideView';

type Props = {
  article: Article;
  /** The text as it stands in this window, for "Current text" in comparisons. */
  current: () => VersionText;
  flush: () => Promise<number>;
  onRestored: (article: Article) => void;
  canWrite: boolean;
  /** The section's heading (a newsroom article shows this desk's own versions under the server's). */
  title?: string;
  /** A newsroom article: comparisons offer the server's versions too. */
  newsroom?: boolean;
};

export function HistoryPanel({ article, current, flush, onRestored, canWrite, title = 'History', newsroom = false }: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(CURRENT);
  const [shown, setShown] = useState<{ kind: 'view'; revision: Revision } | { kind: 'compare'; from: string; to: string } | undefined>();
  const [error, setError] = useState('');
  const ids = { label: useId(), from: useId(), to: useId() };

  const reload = useCallback(async () => {
    const list = await call('listRevisions', { articleId: article.id });
    setRevisions(list);
    setFrom((f) => f || (list[0] ? String(list[0].id) : ''));
  }, [article.id]);
  useEffect(() => {
    reload().catch((e) => setError(errorMessage(e)));
  }, [reload, article.version]);

  const attempt = (fn: () => Promise<void>) => () => {
    setError('');
    fn().catch((e) => setError(errorMessage(e)));
  };
  const keyOf = (value: string) => (value === CURRENT ? CURRENT : localKey(Number(value)));

  return (
    <section className="review-section history" aria-label={title}>
      <header className="review-section-header">
        <h2>{title}</h2>
      </header>
      {canWrite && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            attempt(async () => {
              await flush();
              await call('saveRevision', { articleId: article.id, label });
              setLabel('');
              await reload();
            })();
          }}
        >
          <input
            id={ids.label}
            aria-label="Version label"
            placeholder="Label (optional)"
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button type="submit">Save version</button>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {revisions.length === 0 ? (
        <p className="muted">{title === 'History' ? 'No versions yet. One is kept at every status change and every ten minutes of editing.' : 'None.'}</p>
      ) : (
        <>
          <form
            className="compare-form"
            aria-label="Compare versions"
            onSubmit={(e) => {
              e.preventDefault();
              setShown({ kind: 'compare', from: keyOf(from), to: keyOf(to) });
            }}
          >
            <label htmlFor={ids.from}>Compare</label>
            <select id={ids.from} value={from} onChange={(e) => setFrom(e.target.value)}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {revisionName(r)}
                </option>
              ))}
            </select>
            <label htmlFor={ids.to}>with</label>
            <select id={ids.to} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value={CURRENT}>Current text</option>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {revisionName(r)}
                </option>
              ))}
            </select>
            <button type="submit">Compare</button>
          </form>
          <ol className="revision-list" aria-label="Versions">
            {revisions.map((r) => (
              <li key={r.id} aria-label={revisionName(r)}>
                <span className="revision-name">{r.label || KIND_LABEL[r.kind]}</span>
                <span className="muted">
                  {r.by || 'Unknown'}
                  {r.role && ` (${r.role})`}, {new Date(r.at).toLocaleString()} · {STATUS_LABEL[r.status]}
                </span>
                <div className="button-row">
                  <button type="button" onClick={attempt(async () => setShown({ kind: 'view', revision: await call('getRevision', { id: r.id }) }))}>
                    View
                  </button>
                  {canWrite && (
                    <button
                      type="button"
                      onClick={attempt(async () => {
                        const baseVersion = await flush();
                        onRestored(await call('restoreRevision', { articleId: article.id, revisionId: r.id, baseVersion }));
                      })}
                    >
                      Restore
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {shown?.kind === 'view' && (
        <WideView title={`${revisionName(shown.revision)} (read-only)`} label="Version (read-only)" onClose={() => setShown(undefined)}>
          <h3>{shown.revision.fields.headline}</h3>
          <p className="diff-dek">{shown.revision.fields.dek}</p>
          {shown.revision.fields.body.map((b, i) => (
            <p key={i}>{blockLabel(b)}</p>
          ))}
        </WideView>
      )}
      {shown?.kind === 'compare' && (
        <CompareView articleId={article.id} current={current} newsroom={newsroom} from={shown.from} to={shown.to} onClose={() => setShown(undefined)} />
      )}
    </section>
  );
}
