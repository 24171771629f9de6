import type { AppInfo, Channel } from '../../../../shared/ipc/contract';
import type { OpenedFiles } from '../../../../shared/ipc/channels/exchange';
import type { PathKind } from '../../../../shared/ipc/channels/paths';
import type { BackupService } from '../../backup/backupService';
import type { ImageRasterizer } from '../../export/docx';
import type { WebImageOptions } from '../../exchange/webImage';
import type { PickedPaths } from '../../paths/pickedPaths';
import type { DatabaseSession } from '../../session';
import type { SyncService } from '../../sync/syncService';
import type { Handlers } from '../dispatch';

export type HandlerContext = {
  session: DatabaseSession;
  info: AppInfo;
  /** The paths the page may refer to by id; the host seeds it (its command line, remembered picks). */
  paths?: PickedPaths;
  /** A native dialog for a file or folder (Electron); undefined when the user cancels. The browser host has none. */
  pickPath?: (kind: PathKind, current?: string) => Promise<string | undefined>;
  /** The host's backup service (with its timers); without one, backups are taken only on request. */
  backups?: BackupService;
  /** What only the Electron shell offers for export: revealing files, PDF printing. */
  exchange?: ExchangeHost;
  /** The newsroom server (one per host, over the session's database); made with a memory token vault when absent. */
  sync?: SyncService;
  /** Tests only: limits on fetching web images (a local test server, no other hosts). */
  webImages?: WebImageOptions;
};

export type ExchangeHost = {
  reveal?: (fullPath: string) => void;
  printPdf?: (htmlFile: string, pdfFile: string) => Promise<void>;
  /** Redraws images Word cannot show as PNG (Electron: a hidden window; elsewhere headless Chromium). */
  rasterizeImage?: ImageRasterizer;
  /** Bundles opened from the operating system (Electron only). */
  takeOpenedFiles?: () => OpenedFiles;
};

/** The context the handler groups see: one registry of paths and one backup service, shared by all of them. */
export type FullHandlerContext = HandlerContext & { paths: PickedPaths; backups: BackupService; sync: SyncService };

/** The handlers of one group of channels (see shared/ipc/channels/). */
export type HandlerGroup<C extends Channel> = Pick<Handlers, C>;
