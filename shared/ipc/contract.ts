/**
 * The one IPC contract between the UI and the main process: channel names,
 * request schemas (validated in main before any handler runs) and response
 * types. Electron's preload and the browser host's HTTP client both expose
 * exactly the methods listed in API_METHODS.
 */
import { appChannels } from './channels/app';
import { articleChannels } from './channels/articles';
import { assetChannels } from './channels/assets';
import { backupChannels } from './channels/backups';
import { exchangeChannels } from './channels/exchange';
import { libraryChannels } from './channels/library';
import { pathChannels } from './channels/paths';
import { reviewChannels } from './channels/review';
import { styleChannels } from './channels/style';
import { spellingChannels } from './channels/spelling';
import { syncChannels } from './channels/sync';
import type { z } from 'zod';
import { API_METHODS, type ApiMethod } from './methods';

export type { AppInfo, DbProblem, DbStatus } from './channels/app';
export { LIST_PAGE_MAX, type ArticleList, type SaveResult, type Taxonomy } from './channels/articles';
export { IMAGE_MIME_TYPES, MAX_ASSET_BYTES, type AssetData, type AssetRef, type ImageMimeType } from './channels/assets';
export { API_METHODS, type ApiMethod };

/** Every channel, grouped by area in ./channels/. */
export const contract = {
  ...appChannels,
  ...articleChannels,
  ...assetChannels,
  ...backupChannels,
  ...exchangeChannels,
  ...libraryChannels,
  ...pathChannels,
  ...reviewChannels,
  ...styleChannels,
  ...spellingChannels,
  ...syncChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

export const CHANNELS = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

// ---- Errors ---------------------------------------------------------------

export const IPC_ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'INVALID_PAYLOAD',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ALLOWED',
  'DB_UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export type IpcError = {
  code: IpcErrorCode;
  /** Plain words for the user. */
  message: string;
  /** For INVALID_PAYLOAD: where the payload was wrong. For CONFLICT: the stored version. */
  details?: { issues?: string[]; currentVersion?: number };
};

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by handlers; the choke point turns it into an IpcResult error. */
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: IpcError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Raised in the UI when a call fails, carrying the typed error. */
export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
  }
}

// ---- The named API both transports expose ---------------------------------

/** What `window.newsroom` offers: one named method per channel, each resolving to a typed result. */
export type NewsroomApi = {
  [M in ApiMethod]: (request: RequestOf<(typeof API_METHODS)[M]>) => Promise<IpcResult<ResponseOf<(typeof API_METHODS)[M]>>>;
};
