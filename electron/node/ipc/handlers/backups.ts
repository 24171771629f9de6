import type { backupChannels } from '../../../../shared/ipc/channels/backups';
import type { FullHandlerContext, HandlerGroup } from './context';

/** None of these call session.store(): they must answer while the database is in its error state. */
export function backupHandlers({ backups, paths }: FullHandlerContext): HandlerGroup<keyof typeof backupChannels> {
  return {
    'backups:list': () => backups.list(),
    'backups:create': () => backups.backupNow('manual'),
    'backups:restore': ({ name }) => backups.restore(name),
    'backups:setFolder': ({ folderId }) => {
      if (folderId === null) return backups.setFolder(null);
      const folder = paths.resolve('backup-folder', folderId);
      const overview = backups.setFolder(folder);
      paths.remember('backup-folder', folder);
      return overview;
    },
  };
}
