/**
 * The sandboxed preload: exposes `window.newsroom` with one named method per
 * contract channel plus the window-lifecycle hooks. The page never gets
 * ipcRenderer, a generic invoke, or Electron's event objects.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isMenuCommand, PRELOAD_METHODS, SHELL_CHANNELS, type DesktopApi, type MenuCommand, type ShellApi } from './apiKeys';

function namedMethods(): Omit<DesktopApi, keyof ShellApi> {
  const methods: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const [name, channel] of Object.entries(PRELOAD_METHODS)) {
    methods[name] = (request) => ipcRenderer.invoke(channel, request ?? {});
  }
  return methods as unknown as Omit<DesktopApi, keyof ShellApi>;
}

const shell: ShellApi = {
  onBeforeClose(callback) {
    const listener = () => callback();
    ipcRenderer.on(SHELL_CHANNELS.beforeClose, listener);
    return () => {
      ipcRenderer.removeListener(SHELL_CHANNELS.beforeClose, listener);
    };
  },
  notifyFlushed() {
    ipcRenderer.send(SHELL_CHANNELS.flushed);
  },
  onMenuCommand(callback) {
    const listener = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) callback(command satisfies MenuCommand);
    };
    ipcRenderer.on(SHELL_CHANNELS.menuCommand, listener);
    return () => {
      ipcRenderer.removeListener(SHELL_CHANNELS.menuCommand, listener);
    };
  },
  onFilesOpened(callback) {
    const listener = () => callback();
    ipcRenderer.on(SHELL_CHANNELS.filesOpened, listener);
    return () => {
      ipcRenderer.removeListener(SHELL_CHANNELS.filesOpened, listener);
    };
  },
};

const api: DesktopApi = { ...namedMethods(), ...shell };

contextBridge.exposeInMainWorld('newsroom', api);
