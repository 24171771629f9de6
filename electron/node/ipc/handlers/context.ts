import type { AppInfo, Channel } from '../../../../shared/ipc/contract';
import type { OpenedFiles } from '../../../../shared/ipc/channels/exchange';
import type { BackupService } from '../../backup/backupService';
import type { ImageRasterizer } from '../../export/docx';
import type { DatabaseSession } from '../../session';
import type { Handlers } from '../dispatch';

export type HandlerContext = {
  session: DatabaseSession;
  info: AppInfo;
  /** Electron shows a native file dialog; the browser host has none and requires a path. */
  chooseDatabaseFile?: () => Promise<string | undefined>;
  /** The host's backup service (with its timers); without one, backups are taken only on request. */
  backups?: BackupService;
  /** What only the Electron shell offers for export: a folder dialog, revealing files, PDF printing. */
  exchange?: ExchangeHost;
};

export type ExchangeHost = {
  chooseFolder?: (current?: string) => Promise<string | undefined>;
  reveal?: (fullPath: string) => void;
  printPdf?: (htmlFile: string, pdfFile: string) => Promise<void>;
  /** Redraws images Word cannot show as PNG (Electron: a hidden window; elsewhere headless Chromium). */
  rasterizeImage?: ImageRasterizer;
  /** Bundles opened from the operating system (Electron only). */
  takeOpenedFiles?: () => OpenedFiles;
};

/** The handlers of one group of channels (see shared/ipc/channels/). */
export type HandlerGroup<C extends Channel> = Pick<Handlers, C>;
