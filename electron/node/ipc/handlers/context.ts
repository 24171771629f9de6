import type { AppInfo, Channel } from '../../../../shared/ipc/contract';
import type { BackupService } from '../../backup/backupService';
import type { DatabaseSession } from '../../session';
import type { Handlers } from '../dispatch';

export type HandlerContext = {
  session: DatabaseSession;
  info: AppInfo;
  /** Electron shows a native file dialog; the browser host has none and requires a path. */
  chooseDatabaseFile?: () => Promise<string | undefined>;
  /** The host's backup service (with its timers); without one, backups are taken only on request. */
  backups?: BackupService;
};

/** The handlers of one group of channels (see shared/ipc/channels/). */
export type HandlerGroup<C extends Channel> = Pick<Handlers, C>;
