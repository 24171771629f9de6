import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, contextMenuTemplate } from './menus';

const flags = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: true };

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((i) => i.label ?? i.role ?? i.type ?? '?');
}

describe('contextMenuTemplate', () => {
  it('offers spelling suggestions that replace the word, then edit commands', () => {
    const replaceMisspelling = vi.fn();
    const addToDictionary = vi.fn();
    const items = contextMenuTemplate(
      { isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'], selectionText: '', editFlags: flags },
      { replaceMisspelling, addToDictionary },
    );
    expect(labels(items)).toEqual(['receive', 'relieve', 'Add to Dictionary', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    (items[0]!.click as () => void)();
    expect(replaceMisspelling).toHaveBeenCalledWith('receive');
    (items[2]!.click as () => void)();
    expect(addToDictionary).toHaveBeenCalledWith('recieve');
  });

  it('says so when the dictionary has no guesses', () => {
    const items = contextMenuTemplate(
      { isEditable: true, misspelledWord: 'xqzt', dictionarySuggestions: [], selectionText: '', editFlags: flags },
      { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() },
    );
    expect(items[0]).toMatchObject({ label: 'No Guesses Found', enabled: false });
  });

  it('offers copy on selected read-only text and nothing on empty space', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    expect(
      labels(contextMenuTemplate({ isEditable: false, misspelledWord: '', dictionarySuggestions: [], selectionText: 'quote', editFlags: flags }, actions)),
    ).toEqual(['copy', 'selectAll']);
    expect(contextMenuTemplate({ isEditable: false, misspelledWord: '', dictionarySuggestions: [], selectionText: '  ', editFlags: flags }, actions)).toEqual(
      [],
    );
  });
});

describe('applicationMenuTemplate', () => {
  const base = {
    appName: 'Newsroom Desk',
    sendCommand: vi.fn(),
    showAbout: vi.fn(),
    showDatabaseInFolder: vi.fn(),
    importFiles: vi.fn(),
    showLogFile: vi.fn(),
  };

  it('has File, Edit, View and Help, and sends File commands to the page', () => {
    const sendCommand = vi.fn();
    const menu = applicationMenuTemplate({ ...base, sendCommand, isMac: false, isDev: false });
    expect(labels(menu)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = menu[0]!.submenu as MenuItemConstructorOptions[];
    (file.find((i) => i.label === 'New Article')!.click as () => void)();
    (file.find((i) => i.label === 'Open Database…')!.click as () => void)();
    expect(sendCommand.mock.calls).toEqual([['new-article'], ['open-database']]);
    const importFiles = vi.fn();
    const withImport = applicationMenuTemplate({ ...base, importFiles, isMac: false, isDev: false });
    ((withImport[0]!.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Import…')!.click as () => void)();
    expect(importFiles).toHaveBeenCalledTimes(1);
    expect(file.at(-1)).toEqual({ role: 'quit' });
  });

  it('offers reload and devtools only in development', () => {
    const view = (isDev: boolean) => labels(applicationMenuTemplate({ ...base, isMac: false, isDev })[2]!.submenu as MenuItemConstructorOptions[]);
    expect(view(true)).toContain('reload');
    expect(view(true)).toContain('toggleDevTools');
    expect(view(false)).not.toContain('reload');
    expect(view(false)).not.toContain('toggleDevTools');
  });

  it('adds the app menu on macOS', () => {
    expect(labels(applicationMenuTemplate({ ...base, isMac: true, isDev: false }))[0]).toBe('Newsroom Desk');
  });

  it('Help ▸ Show Log File reveals the log, on every platform', () => {
    for (const isMac of [false, true]) {
      const showLogFile = vi.fn();
      const showAbout = vi.fn();
      const menu = applicationMenuTemplate({ ...base, showLogFile, showAbout, isMac, isDev: false });
      const help = menu.at(-1)!;
      expect(help).toMatchObject({ label: '&Help', role: 'help' });
      const items = help.submenu as MenuItemConstructorOptions[];
      expect(labels(items)).toEqual(isMac ? ['Database Location', 'Show Log File'] : ['Show Log File', 'separator', 'About Newsroom Desk']);
      (items.find((i) => i.label === 'Show Log File')!.click as () => void)();
      expect(showLogFile).toHaveBeenCalledTimes(1);
      expect(showAbout).not.toHaveBeenCalled();
    }
  });
});
