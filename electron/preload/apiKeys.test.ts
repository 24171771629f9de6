import { describe, it, expect } from 'vitest';
import { API_METHODS, CHANNELS } from '../../shared/ipc/contract';
import { PRELOAD_API_KEYS, PRELOAD_METHODS, SHELL_CHANNELS } from './apiKeys';

describe('preload API table', () => {
  it('is exactly the contract’s named methods', () => {
    expect(PRELOAD_METHODS).toEqual(API_METHODS);
  });

  it('adds only the shell lifecycle methods', () => {
    expect([...PRELOAD_API_KEYS].sort()).toEqual([...Object.keys(API_METHODS), 'onBeforeClose', 'notifyFlushed', 'onMenuCommand', 'onFilesOpened'].sort());
  });

  it('uses shell channels that no contract channel shadows', () => {
    for (const channel of Object.values(SHELL_CHANNELS)) expect(CHANNELS).not.toContain(channel);
  });
});
