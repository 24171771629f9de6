/** The handlers behind every channel of the contract, shared by Electron and the browser host. */
import type { Handlers } from './dispatch';
import { BackupService } from '../backup/backupService';
import { PickedPaths } from '../paths/pickedPaths';
import { appHandlers } from './handlers/app';
import { articleHandlers } from './handlers/articles';
import { assetHandlers } from './handlers/assets';
import { backupHandlers } from './handlers/backups';
import type { HandlerContext } from './handlers/context';
import { exchangeHandlers } from './handlers/exchange';
import { libraryHandlers } from './handlers/library';
import { styleHandlers } from './handlers/style';
import { pathHandlers } from './handlers/paths';
import { reviewHandlers } from './handlers/review';
import { spellingHandlers } from './handlers/spelling';
import { syncHandlers } from './handlers/sync';
import { SyncService } from '../sync/syncService';

export type { HandlerContext };

export function createHandlers(context: HandlerContext): Handlers {
  const ctx = {
    ...context,
    paths: context.paths ?? new PickedPaths(),
    backups: context.backups ?? new BackupService({ session: context.session }),
    sync: context.sync ?? new SyncService(context.session),
  };
  return {
    ...appHandlers(ctx),
    ...articleHandlers(ctx),
    ...assetHandlers(ctx),
    ...backupHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...libraryHandlers(ctx),
    ...styleHandlers(ctx),
    ...pathHandlers(ctx),
    ...reviewHandlers(ctx),
    ...spellingHandlers(ctx),
    ...syncHandlers(ctx),
  };
}
