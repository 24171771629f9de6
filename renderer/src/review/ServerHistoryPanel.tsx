/**
 * A newsroom article's revisions as the newsroom server keeps them (any desk's, so they survive a
 * lost laptop): who, when and why; compare any with the current text (the word diff); save a
 * version; restore one. A restore is written into the article's document as an ordinary edit
 * (`replaceArticleContent`): it syncs to everyone, the server judges it like typing, and Ctrl+Z in
 * the body takes it back. The text it replaces and the restore itself are kept as revisions too.
 */
import { useCallback, useEffect, useState } from 'react';
import type { VersionText } from '../../../shared/diff/wordDiff';
import type { Article } from '../../../shared/model/article';
import { RESTORE_ORIGIN, replaceArticleContent } from '../../../shared/sync/articleRestore';
import { revisionReasonLabel, type ServerRevision, type ServerRevisionList } from '../../../shared/sync/serverRevisions';
import { call, errorMessage } from '../api/call';
import type { ArticleChannel } from '../sync/articleChannel';
import { useSyncSelector } from '../sync/syncStatus';
import { CompareView, CURRENT, serverKey } from './CompareView';

type Props = {
  article: Article;
  channel: ArticleChannel;
  /** The text as it stands in this window. */
  current: () => VersionText;
  /** Why the server keeps the article read-only for this account, when it does. */
  serverReadOnly?: string | undefined;
  /** The History tab is shown: the list is asked for again (other desks add versions meanwhile). */
  active: boolean;
};

const when = (at: string) => new Date(at).toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const nameOf = (r: ServerRevision) => `Version ${r.number}: ${revisionReasonLabel(r)}`;

export function ServerHistoryPanel({ article, channel, current, serverReadOnly, active }: Props) {
  const [list, setList] = useState<ServerRevisionList | undefined>();
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<number | undefined>();
  // Back online (or signed in again): ask again.
  const online = useSyncSelector((s) => s?.connection.kind === 'up-to-date' || s?.connection.kind === 'syncing');

  const reload = useCallback(async () => {
    setList(await call('listServerRevisions', { articleId: article.id }));
  }, [article.id]);
  useEffect(() => {
    if (active) reload().catch((e) => setError(errorMessage(e)));
  }, [reload, article.status, online, active]);

  const attempt = (fn: () => Promise<void>) => () => {
    if (busy) return;
    setError('');
    setDone('');
    setBusy(true);
    fn()
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  /** The server snapshots what it has: this window's last changes go to the desk first, which sends them before asking. */
  const request = async (reason: 'requested' | 'before-restore' | 'restored', restoredFrom?: number) => {
    await channel.flush();
    return call('requestServerRevision', { articleId: article.id, reason, ...(restoredFrom !== undefined ? { restoredFrom } : {}) });
  };

  const compare = (r: ServerRevision) => () => setShown(r.number);

  const restore = (r: ServerRevision) =>
    attempt(async () => {
      const revision = await call('getServerRevision', { articleId: article.id, number: r.number });
      // The text about to be replaced is kept first (nothing if a revision already holds it).
      await request('before-restore');
      replaceArticleContent(channel.doc, revision.content, RESTORE_ORIGIN);
      await request('restored', r.number);
      await reload();
      setDone(`Version ${r.number} restored. Ctrl+Z in the text takes it back.`);
    });

  const canWrite = serverReadOnly === undefined;
  const revisions = list?.available ? list.revisions : [];
  return (
    <section className="review-section history" aria-label="Versions on the newsroom server">
      <header className="review-section-header">
        <h2>Versions on the server</h2>
      </header>
      {list?.available && canWrite && (
        <div className="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={attempt(async () => {
              const saved = await request('requested');
              await reload();
              setDone(`Saved as version ${saved.number}.`);
            })}
          >
            Save a version
          </button>
        </div>
      )}
      {list?.available && !canWrite && <p className="muted">Restoring or saving versions needs write access: {serverReadOnly}</p>}
      <p className="muted" role="status">
        {done}
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {list === undefined ? (
        <p className="muted">Asking the newsroom server…</p>
      ) : !list.available ? (
        <p className="muted">The newsroom server’s history needs a connection: it shows here when the desk is online. {list.reason}</p>
      ) : revisions.length === 0 ? (
        <p className="muted">No versions yet. The server keeps one at every submit, return, approval and export, and every ten minutes of editing.</p>
      ) : (
        <ol className="revision-list" aria-label="Versions on the server">
          {revisions.map((r) => (
            <li key={r.number} aria-label={nameOf(r)}>
              <span className="revision-name">{nameOf(r)}</span>
              <span className="muted">
                {r.accountName}, {when(r.createdAt)}
              </span>
              <span className="muted revision-headline">{r.headline || '(no headline)'}</span>
              <div className="button-row">
                <button type="button" disabled={busy} aria-label={`Compare version ${r.number} with the current text`} onClick={compare(r)}>
                  Compare
                </button>
                {canWrite && (
                  <button type="button" disabled={busy} aria-label={`Restore version ${r.number}`} onClick={restore(r)}>
                    Restore
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {shown !== undefined && (
        <CompareView articleId={article.id} current={current} newsroom from={serverKey(shown)} to={CURRENT} onClose={() => setShown(undefined)} />
      )}
    </section>
  );
}
