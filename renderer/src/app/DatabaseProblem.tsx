/**
 * Shown instead of the desk when the database file could not be opened; the file is left untouched.
 * Only a damaged file is offered its newest backup: a locked, newer or foreign file is good, and
 * restoring over it would put a good file aside as "damaged".
 */
import { useCallback, useEffect, useState } from 'react';
import { restorableProblem, type DbProblem } from '../../../shared/ipc/channels/app';
import type { BackupInfo } from '../../../shared/ipc/channels/backups';
import type { DbStatus } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api/call';
import { runtime } from '../api/transport';
import { backupTime, newestGoodBackup } from '../backups/backupText';
import { usePathChoices } from '../paths/usePathChoices';

type Props = { status: Extract<DbStatus, { state: 'error' }>; onOpened: (status: DbStatus) => void };

const TITLES: Partial<Record<DbProblem, string>> = {
  locked: 'This database is in use',
  'newer-schema': 'This database needs a newer version of the app',
};

export function DatabaseProblem({ status, onOpened }: Props) {
  const [error, setError] = useState('');
  // Databases the host offers (picked earlier in a dialog, or given on the browser host's command line).
  const databases = usePathChoices(
    'database',
    useCallback((e: unknown) => setError(errorMessage(e)), []),
  );
  const [databaseId, setDatabaseId] = useState('');
  const chosenDatabase = databaseId || databases.choices?.paths[0]?.id || '';
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
        {runtime === 'electron' && (
          <button type="button" disabled={busy} onClick={() => void attempt(() => call('openDatabase', {}))}>
            Open another database…
          </button>
        )}
        {/* Electron: databases picked before; the browser host: those given on its command line. */}
        {(runtime !== 'electron' || (databases.choices?.paths.length ?? 0) > 1) && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (chosenDatabase) void attempt(() => call('openDatabase', { pathId: chosenDatabase }));
            }}
          >
            <label htmlFor="db-path">Open another database file</label>
            <select id="db-path" value={chosenDatabase} onChange={(e) => setDatabaseId(e.target.value)}>
              {databases.choices?.paths.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.path}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || !chosenDatabase}>
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
