/**
 * What the preload exposes as `window.newsroom`. The method table comes from
 * shared/ipc/methods.ts, which has no runtime imports, so the sandboxed
 * preload bundle does not pull in zod.
 */
import type { NewsroomApi } from '../../shared/ipc/contract';
import { API_METHODS } from '../../shared/ipc/methods';

export const PRELOAD_METHODS = API_METHODS;

/** Messages outside the request/response contract: the window's lifecycle and its menu. */
export const SHELL_CHANNELS = {
  /** main → renderer: the window is closing; save what is pending, then call notifyFlushed(). */
  beforeClose: 'app:before-close',
  /** renderer → main: pending edits are saved; the window may close. */
  flushed: 'app:flushed',
  /** main → renderer: an application-menu command the UI carries out. */
  menuCommand: 'app:menu-command',
  /** main → renderer: the operating system opened article bundles; take them with takeOpenedFiles(). */
  filesOpened: 'app:files-opened',
} as const;

export const MENU_COMMANDS = ['new-article', 'open-database'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Shell-only additions to the named API. Each returns an unsubscribe function where it subscribes. */
export type ShellApi = {
  /** Called when the window is about to close. Flush the autosave, then call notifyFlushed(); main closes anyway after 2 s. */
  onBeforeClose(callback: () => void): () => void;
  /** Tells main that pending edits are saved so the closing window can go. */
  notifyFlushed(): void;
  /** Called with 'new-article' or 'open-database' when the user picks that menu item. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Called when the operating system opened .newsroom bundles with the app. */
  onFilesOpened(callback: () => void): () => void;
};

/** `window.newsroom` in the Electron shell. */
export type DesktopApi = NewsroomApi & ShellApi;

const SHELL_API_KEYS = ['onBeforeClose', 'notifyFlushed', 'onMenuCommand', 'onFilesOpened'] as const satisfies readonly (keyof ShellApi)[];

/** Every key of `window.newsroom`, in the order the preload defines them. */
export const PRELOAD_API_KEYS: readonly (keyof DesktopApi)[] = [...(Object.keys(PRELOAD_METHODS) as (keyof typeof PRELOAD_METHODS)[]), ...SHELL_API_KEYS];
