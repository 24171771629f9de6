/**
 * The one choke point every IPC call passes through, whatever the transport
 * (Electron's ipcMain or the browser host's HTTP): it rejects unknown
 * channels and untrusted senders, validates the payload against the shared
 * contract, runs the handler and returns a typed result, never a throw.
 */
import {
  AppError,
  isChannel,
  contract,
  type Channel,
  type IpcError,
  type IpcResult,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/ipc/contract';

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/** Who sent a call: the frame's URL and whether it is the window's main frame. */
export type Sender = { url: string; isMainFrame: boolean };

export type DispatchOptions = {
  isTrustedSender: (sender: Sender) => boolean;
  /** Reports unexpected failures (not typed AppErrors) for logs. */
  onInternalError?: (channel: Channel, error: unknown) => void;
};

export type Dispatch = (channel: unknown, payload: unknown, sender: Sender) => Promise<IpcResult<unknown>>;

const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error });

/** Maps SQLite failures a user can act on to plain words; extended codes (SQLITE_BUSY_SNAPSHOT, …) map with their family. */
export function describeStorageError(error: unknown): IpcError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  const family = (name: string) => code === name || code.startsWith(`${name}_`);
  if (family('SQLITE_FULL'))
    return { code: 'INTERNAL', message: 'Could not save: the disk is full. Your text is kept in the window; free some space and it will save.' };
  if (family('SQLITE_READONLY')) {
    return {
      code: 'INTERNAL',
      message: 'Could not save: the database is read-only (its file, folder or disk cannot be written). Your text is kept in the window.',
    };
  }
  if (family('SQLITE_BUSY') || family('SQLITE_LOCKED')) {
    return { code: 'INTERNAL', message: 'Could not save: the database is busy (another window or program is writing to it). Retrying shortly.' };
  }
  if (family('SQLITE_IOERR')) return { code: 'INTERNAL', message: 'Could not save: the disk reported an error. Your text is kept in the window.' };
  return undefined;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  return async (channel, payload, sender) => {
    if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL', message: 'Unknown request.' });
    if (!options.isTrustedSender(sender)) {
      return fail({ code: 'UNTRUSTED_SENDER', message: 'Request refused: it did not come from the app window.' });
    }
    // Only a missing payload means "no arguments"; null is a malformed request like any other non-object.
    const parsed = contract[channel].request.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
      return fail({ code: 'INVALID_PAYLOAD', message: 'The request was not valid and nothing was changed.', details: { issues } });
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof AppError) {
        return fail({ code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
      }
      const storage = describeStorageError(error);
      if (storage) return fail(storage);
      options.onInternalError?.(channel, error);
      return fail({ code: 'INTERNAL', message: `Something went wrong: ${(error as Error)?.message ?? String(error)}` });
    }
  };
}
