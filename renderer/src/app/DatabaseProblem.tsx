/**
 * Shown instead of the desk when the database file could not be opened; the file is left untouched.
 * Only a damaged file is offered its newest backup: a locked, newer or foreign file is good, and
 * restoring over it would put a good file aside as "damaged".
 */
import { useEffect, useState } from 'react';
import { restorableProblem, type DbProblem } from '../../../shared/ipc/channels/app';
import type { BackupInfo } from '../../../shared/ipc/channels/backups';
import type { DbStatus } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api/call';
import { runtime } from '../api/transport';
import { backupTime, newestGoodBackup } from '../backups/backupText';

type Props = { status: Extract<DbStatus, { state: 'error' }>; onOpened: (status: DbStatus) => void };

const TITLES: Partial<Record<DbProblem, string>> = {
  locked: 'This database is in use',
  'newer-schema': 'This database needs a newer version of the app',
};

export function DatabaseProblem({ status, onOpened }: Props) {
  const [path, setPath] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [backup, setBackup] = useState<BackupInfo | undefined>();

  const restorable = restorableProblem(status.problem);
  useEffect(() => {
    if (!restorable) return setBackup(undefined);
    call('listBackups', {})
      .then((overview) => setBackup(newestGoodBackup(overview.backups)))
      .catch(() => setBackup(undefined));
  }, [status.path, restorable]);

  const attempt = async (fn: () => Promise<DbStatus>) => {
    setBusy(true);
    setError('');
    try {
      const next = await fn();
      if (next.state === 'open') onOpened(next);
      else setError(next.message);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="db-problem" aria-labelledby="db-problem-title">
      <h1 id="db-problem-title">{TITLES[status.problem] ?? 'This database can’t be opened'}</h1>
      <p className="db-problem-message">{status.message}</p>
      <p className="db-problem-path">
        File: <code>{status.path}</code>
      </p>
      <div className="db-problem-actions">
        {status.problem === 'locked' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void attempt(() => call('retryDatabase', {}))}>
            Try again
          </button>
        )}
        {restorable && backup && (
          <div className="db-problem-restore">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void attempt(async () => (await call('restoreBackup', { name: backup.name, confirm: true })).status)}
            >
              Restore the newest backup ({backupTime(backup.createdAt)})
            </button>
            <small>The file that cannot be opened is kept beside it, renamed, in case it can be repaired.</small>
          </div>
        )}
        {runtime === 'electron' ? (
          <button type="button" disabled={busy} onClick={() => void attempt(() => call('openDatabase', {}))}>
            Open another database…
          </button>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (path.trim()) void attempt(() => call('openDatabase', { path: path.trim() }));
            }}
          >
            <label htmlFor="db-path">Open another database file</label>
            <input id="db-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/newsroom.db" />
            <button type="submit" disabled={busy || !path.trim()}>
              Open
            </button>
          </form>
        )}
        <button type="button" className="primary" disabled={busy} onClick={() => void attempt(() => call('createNewDatabase', {}))}>
          Start a new database
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
