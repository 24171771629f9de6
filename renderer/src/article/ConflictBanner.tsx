/**
 * Shown when this window's copy is stale: another window saved the article
 * since it was opened. Nothing is overwritten until the writer chooses.
 */
import { useState } from 'react';
import type { Article, ArticlePatch } from '../../../shared/model/article';
import { diffVersions } from '../../../shared/diff/wordDiff';
import type { ArticleBody } from '../../../shared/model/document';
import { DiffView } from '../review/DiffView';
import { call, errorMessage } from '../api/call';

/** This window's whole copy: headline, dek and body, plus the details (kept in a copy). */
type Mine = { headline: string; dek: string; body: ArticleBody } & ArticlePatch;

type Props = {
  articleId: string;
  mine: Mine;
  onKeepMine: (currentVersion: number) => Promise<void>;
  onTakeTheirs: () => Promise<void>;
};

export function ConflictBanner({ articleId, mine, onKeepMine, onTakeTheirs }: Props) {
  const [theirs, setTheirs] = useState<Article | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const run = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="conflict-banner" role="alert" aria-label="Save conflict">
      <p>
        <strong>This article was changed in another window.</strong> Your text here has not been saved and has not been lost. Compare, then keep one version.
      </p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={run(async () => setTheirs(await call('getArticle', { id: articleId })))}>
          Compare
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={run(async () => {
            const current = await call('getArticle', { id: articleId });
            await onKeepMine(current.version);
          })}
        >
          Keep mine
        </button>
        <button type="button" disabled={busy} onClick={run(onTakeTheirs)}>
          Use the saved version
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={run(async () => {
            await call('createArticle', { fields: { ...mine, headline: `${mine.headline} (my copy)`.slice(0, 300) } });
            await onTakeTheirs();
          })}
        >
          Save mine as a new article
        </button>
      </div>
      {error && <p className="error-text">{error}</p>}
      {theirs && (
        <>
          <div className="conflict-compare">
            <div>
              <h3>Yours (this window)</h3>
              <p className="compare-headline">{mine.headline}</p>
            </div>
            <div>
              <h3>Saved (version {theirs.version})</h3>
              <p className="compare-headline">{theirs.headline}</p>
            </div>
          </div>
          <div className="conflict-compare-diff">
            <h3>
              Saved version → yours: <del>removed by you</del>, <ins>added by you</ins>
            </h3>
            <DiffView diff={diffVersions(theirs, mine)} label="Your changes against the saved version" headline={false} />
          </div>
        </>
      )}
    </section>
  );
}
