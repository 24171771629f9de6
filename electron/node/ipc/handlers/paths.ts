import os from 'node:os';
import { AppError } from '../../../../shared/ipc/contract';
import type { PathKind, pathChannels } from '../../../../shared/ipc/channels/paths';
import { defaultBackupFolder } from '../../backup/backupService';
import { expandHome } from '../../exchange/files';
import type { FullHandlerContext, HandlerGroup } from './context';

export const DEFAULT_EXPORT_FOLDER = '~/Newsroom exports';

/**
 * Offers what every host may use without asking: the open database, the backup folder in use and
 * the default one beside the database, and the default export folder.
 */
export function offerDefaults({ paths, session, backups }: FullHandlerContext, kind: PathKind): void {
  const dbPath = session.status().path;
  if (kind === 'database') paths.offer('database', dbPath);
  if (kind === 'backup-folder') {
    if (backups) paths.offer('backup-folder', backups.folder().folder);
    paths.offer('backup-folder', defaultBackupFolder(dbPath));
  }
  if (kind === 'export-folder') paths.offer('export-folder', expandHome(DEFAULT_EXPORT_FOLDER, os.homedir()));
}

export function pathHandlers(ctx: FullHandlerContext): HandlerGroup<keyof typeof pathChannels> {
  const { paths, pickPath } = ctx;
  return {
    'paths:list': ({ kind }) => {
      offerDefaults(ctx, kind);
      return { paths: paths.list(kind), canPick: pickPath !== undefined };
    },
    'paths:pick': async ({ kind, currentId }) => {
      if (!pickPath) throw new AppError('NOT_ALLOWED', 'This window cannot show a file dialog: choose one of the offered places.');
      const chosen = await pickPath(kind, currentId === undefined ? undefined : paths.resolve(kind, currentId));
      if (!chosen) throw new AppError('CANCELLED', 'Nothing was chosen.');
      return paths.remember(kind, chosen);
    },
  };
}
