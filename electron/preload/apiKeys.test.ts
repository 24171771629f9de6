import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, CHANNELS } from '../../shared/ipc/contract';
import { PRELOAD_API_KEYS, SHELL_CHANNELS, type DesktopApi } from './apiKeys';

/** The real preload, run against a recording stand-in for Electron's two objects. */
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    invoke: vi.fn(async (channel: string, request: unknown) => ({ channel, request })),
    send: vi.fn(),
  };
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: electron.invoke,
    send: electron.send,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => electron.listeners.get(channel)?.delete(listener),
  },
}));

let api: DesktopApi;
beforeAll(async () => {
  await import('./preload');
  api = electron.exposed.get('newsroom') as DesktopApi;
});

const emit = (channel: string, ...args: unknown[]) => {
  for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: 'main' }, ...args);
};

describe('preload API', () => {
  it('exposes window.newsroom and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['newsroom']);
    expect(Object.keys(api).sort()).toEqual([...PRELOAD_API_KEYS].sort());
  });

  it('has exactly one named method per contract channel', () => {
    expect(Object.values(API_METHODS).sort()).toEqual([...CHANNELS].sort());
  });

  it('sends each named method to its own channel, with the request (or {})', async () => {
    for (const [name, channel] of Object.entries(API_METHODS)) {
      const method = api[name as keyof typeof API_METHODS] as (request?: unknown) => Promise<unknown>;
      await expect(method({ probe: name }), name).resolves.toEqual({ channel, request: { probe: name } });
      await expect(method(), name).resolves.toEqual({ channel, request: {} });
    }
    expect(electron.invoke).toHaveBeenCalledTimes(2 * Object.keys(API_METHODS).length);
  });

  it('passes only known menu commands, without Electron’s event, and unsubscribes', () => {
    const seen: unknown[] = [];
    const stop = api.onMenuCommand((command) => seen.push(command));
    emit(SHELL_CHANNELS.menuCommand, 'new-article');
    emit(SHELL_CHANNELS.menuCommand, 'format-disk');
    emit(SHELL_CHANNELS.menuCommand, { command: 'open-database' });
    stop();
    emit(SHELL_CHANNELS.menuCommand, 'open-database');
    expect(seen).toEqual(['new-article']);
  });

  it('runs the close handshake over the shell channels', () => {
    let closing = 0;
    const stop = api.onBeforeClose((...args: unknown[]) => {
      expect(args).toEqual([]);
      closing++;
    });
    emit(SHELL_CHANNELS.beforeClose);
    api.notifyFlushed();
    stop();
    emit(SHELL_CHANNELS.beforeClose);
    expect(closing).toBe(1);
    expect(electron.send.mock.calls).toEqual([[SHELL_CHANNELS.flushed]]);
  });

  it('uses shell channels that no contract channel shadows', () => {
    const shell = Object.values(SHELL_CHANNELS);
    expect(shell.length).toBeGreaterThan(0);
    expect(shell.filter((channel) => (CHANNELS as string[]).includes(channel))).toEqual([]);
  });
});
