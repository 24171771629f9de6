/**
 * Wires Electron's IPC to the one dispatch choke point: every contract
 * channel through ipcMain.handle, the sender described by its frame. Also the
 * close handshake, which is not a request/response call.
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Dispatch, Sender } from '../node/ipc/dispatch';
import { isTrustedIpcSender } from '../node/security/appProtocol';
import { SHELL_CHANNELS } from '../preload/apiKeys';

export function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): Sender {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpcHandlers(dispatch: Dispatch): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, payload, senderOf(event)));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

export type FlushOutcome = 'flushed' | 'timeout' | 'gone';

/**
 * Asks the page to save pending edits and waits for its notifyFlushed(), at
 * most timeoutMs: a hung or crashed page must not keep the window open.
 */
export function requestRendererFlush(contents: WebContents, timeoutMs: number): Promise<FlushOutcome> {
  return new Promise((resolve) => {
    const onFlushed = (event: IpcMainEvent) => {
      if (event.sender === contents && isTrustedIpcSender(senderOf(event))) finish('flushed');
    };
    const onGone = () => finish('gone');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    function finish(outcome: FlushOutcome) {
      clearTimeout(timer);
      ipcMain.removeListener(SHELL_CHANNELS.flushed, onFlushed);
      contents.removeListener('render-process-gone', onGone);
      contents.removeListener('destroyed', onGone);
      resolve(outcome);
    }
    ipcMain.on(SHELL_CHANNELS.flushed, onFlushed);
    contents.once('render-process-gone', onGone);
    contents.once('destroyed', onGone);
    if (contents.isDestroyed() || contents.isCrashed()) finish('gone');
    else contents.send(SHELL_CHANNELS.beforeClose);
  });
}
