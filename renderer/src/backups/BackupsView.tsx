/** Settings ▸ Backups: the backups of the open database, "Back up now", restoring one, and where they go. */
import { useCallback, useEffect, useState } from 'react';
import type { DbStatus } from '../../../shared/ipc/contract';
import type { BackupInfo, BackupOverview } from '../../../shared/ipc/channels/backups';
import { call, errorMessage } from '../api/call';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { flushAllAutosaves } from '../article/useArticleAutosave';
import { usePathChoices } from '../paths/usePathChoices';
import { backupSize, backupTime, KIND_LABEL } from './backupText';
import './backups.css';

type Props = {
  onClose: () => void;
  /** After a restore the database was reopened: the desk reloads everything from it. */
  onRestored: (status: DbStatus) => void;
  notify: (text: string, kind: 'info' | 'error') => void;
};

export function BackupsView({ onClose, onRestored, notify }: Props) {
  const [overview, setOverview] = useState<BackupOverview | undefined>();
  const [busy, setBusy] = useState<'backup' | 'restore' | 'folder' | undefined>();
  const [confirming, setConfirming] = useState<BackupInfo | undefined>();
  const showError = useCallback((e: unknown) => notify(errorMessage(e), 'error'), [notify]);
  const folders = usePathChoices('backup-folder', showError);
  /** The folder picked in the list; unset means the one in use. */
  const [folderId, setFolderId] = useState<string | undefined>();
  const inUse = folders.choices?.paths.find((p) => p.path === overview?.folder);
  const selectedId = folderId ?? inUse?.id ?? '';

  const load = useCallback(async () => {
    try {
      setOverview(await call('listBackups', {}));
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  }, [notify]);

  useEffect(() => void load(), [load]);

  const run = async (kind: 'backup' | 'restore' | 'folder', fn: () => Promise<void>) => {
    setBusy(kind);
    try {
      await fn();
    } catch (e) {
      notify(errorMessage(e), 'error');
    } finally {
      setBusy(undefined);
    }
  };

  const backUpNow = () =>
    run('backup', async () => {
      await flushAllAutosaves();
      const info = await call('backUpNow', {});
      notify(`Backed up (${backupTime(info.createdAt)}).`, 'info');
      await load();
    });

  const restore = (backup: BackupInfo) =>
    run('restore', async () => {
      setConfirming(undefined);
      await flushAllAutosaves();
      const result = await call('restoreBackup', { name: backup.name, confirm: true });
      notify(
        result.undoBackup
          ? `Restored the backup of ${backupTime(backup.createdAt)}. The database as it was is kept as a backup, so you can undo this.`
          : `Restored the backup of ${backupTime(backup.createdAt)}.`,
        'info',
      );
      onRestored(result.status);
    });

  const changeFolder = (nextId: string | null) =>
    run('folder', async () => {
      const updated = await call('setBackupFolder', { folderId: nextId });
      setOverview(updated);
      setFolderId(undefined);
      await folders.reload();
      notify('Backups will be written to the new folder.', 'info');
    });

  const chooseFolder = () =>
    run('folder', async () => {
      const picked = await folders.pick(inUse?.id);
      if (picked) setFolderId(picked.id);
    });

  return (
    <section className="backups-view" aria-labelledby="backups-title">
      <header className="backups-header">
        <h2 id="backups-title">Backups</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="backups-intro">
        The database is backed up when the app starts and every few hours while it is open. The newest backup of each of the last 7 days and of each of the last
        4 weeks is kept.
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void backUpNow()}>
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {overview?.lastError && (
        <p className="error-text" role="alert">
          {overview.lastError}
        </p>
      )}

      <form
        className="backups-folder"
        onSubmit={(e) => {
          e.preventDefault();
          if (selectedId && selectedId !== inUse?.id) void changeFolder(selectedId);
        }}
      >
        <label htmlFor="backup-folder">Backup folder</label>
        <select id="backup-folder" value={selectedId} onChange={(e) => setFolderId(e.target.value)} disabled={!folders.choices}>
          {folders.choices?.paths.map((p) => (
            <option key={p.id} value={p.id}>
              {p.path}
            </option>
          ))}
        </select>
        {folders.choices?.canPick && (
          <button type="button" disabled={busy !== undefined} onClick={() => void chooseFolder()}>
            Choose…
          </button>
        )}
        <button type="submit" disabled={busy !== undefined || !selectedId || selectedId === inUse?.id}>
          Use this folder
        </button>
        {overview && !overview.isDefaultFolder && (
          <button type="button" disabled={busy !== undefined} onClick={() => void changeFolder(null)}>
            Use the default folder
          </button>
        )}
      </form>

      {!overview ? (
        <p>Loading…</p>
      ) : overview.backups.length === 0 ? (
        <p className="empty-state">No backups yet.</p>
      ) : (
        <table className="backups-table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col">Articles</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.backups.map((b) => (
              <tr key={b.name} title={b.name}>
                <td>{backupTime(b.createdAt)}</td>
                <td>{KIND_LABEL[b.kind]}</td>
                <td>{b.articleCount ?? '—'}</td>
                <td>{backupSize(b.sizeBytes)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy !== undefined}
                    aria-label={`Restore the backup of ${backupTime(b.createdAt)}`}
                    onClick={() => setConfirming(b)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {confirming && (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore"
          danger
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(undefined)}
        >
          The database will be replaced by the backup of {backupTime(confirming.createdAt)}
          {confirming.articleCount !== undefined ? ` (${confirming.articleCount} articles)` : ''}. The database as it is now is backed up first, so you can undo
          this by restoring that backup.
        </ConfirmDialog>
      )}
    </section>
  );
}
