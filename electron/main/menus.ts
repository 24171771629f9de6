/**
 * The application menu and the editor's right-click menu. Menu items that
 * change what the UI shows are sent to the page as commands (the page owns
 * its state and flushes edits first); the rest are Electron roles.
 */
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/apiKeys';

export type AppMenuActions = {
  appName: string;
  isMac: boolean;
  /** Development builds get reload and devtools; packaged builds do not. */
  isDev: boolean;
  sendCommand: (command: MenuCommand) => void;
  showAbout: () => void;
  showDatabaseInFolder: () => void;
  /** Asks for files to import (Markdown, Word, HTML, text, ninjs, bundles). */
  importFiles: () => void;
  /** Reveals the main process's log file in the system file manager (for support). */
  showLogFile: () => void;
};

export function applicationMenuTemplate(actions: AppMenuActions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev, sendCommand } = actions;
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.showAbout() };
  return [
    ...(isMac
      ? [
          {
            label: appName,
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Article', accelerator: 'CmdOrCtrl+N', click: () => sendCommand('new-article') },
        { label: 'Import…', click: () => actions.importFiles() },
        { type: 'separator' },
        { label: 'Open Database…', accelerator: 'CmdOrCtrl+O', click: () => sendCommand('open-database') },
        { label: 'Show Database in Folder', click: () => actions.showDatabaseInFolder() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        ...(isMac ? [{ label: 'Database Location', click: () => actions.showDatabaseInFolder() }] : []),
        { label: 'Show Log File', click: () => actions.showLogFile() },
        ...(isMac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ];
}

export type SpellingActions = {
  replaceMisspelling: (word: string) => void;
  addToDictionary: (word: string) => void;
};

const MAX_SUGGESTIONS = 6;

/** Right-click menu: spelling suggestions first, then the edit commands that apply here; empty when nothing applies. */
export function contextMenuTemplate(
  params: Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'>,
  actions: SpellingActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'No Guesses Found', enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    const word = params.misspelledWord;
    items.push({ label: 'Add to Dictionary', click: () => actions.addToDictionary(word) }, { type: 'separator' });
  }
  const flags = params.editFlags;
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', enabled: flags.canCopy }, { role: 'selectAll', enabled: flags.canSelectAll });
  }
  return items;
}
