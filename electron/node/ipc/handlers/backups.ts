import type { backupChannels } from '../../../../shared/ipc/channels/backups';
import { BackupService } from '../../backup/backupService';
import type { HandlerContext, HandlerGroup } from './context';

/** None of these call session.store(): they must answer while the database is in its error state. */
export function backupHandlers({ session, backups }: HandlerContext): HandlerGroup<keyof typeof backupChannels> {
  const service = backups ?? new BackupService({ session });
  return {
    'backups:list': () => service.list(),
    'backups:create': () => service.backupNow('manual'),
    'backups:restore': ({ name }) => service.restore(name),
    'backups:setFolder': ({ folder }) => service.setFolder(folder),
  };
}
