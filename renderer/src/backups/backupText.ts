/** Plain words for backups in the UI: when, how big, what kind. */
import type { BackupInfo } from '../../../shared/ipc/channels/backups';

export function backupTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export function backupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const KIND_LABEL: Record<BackupInfo['kind'], string> = {
  automatic: 'Automatic',
  manual: 'Backed up by hand',
  'before-restore': 'Before a restore',
};

/** The backup to offer when the database cannot be opened: the newest that passed its check. */
export function newestGoodBackup(backups: readonly BackupInfo[]): BackupInfo | undefined {
  return backups.find((b) => b.verified);
}
