import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../shared/sync/syncState';
import { SteadyConnection, UP_TO_DATE_AFTER_MS } from './steadyConnection';

const syncing: ConnectionState = { kind: 'syncing', pending: 1 };
const upToDate: ConnectionState = { kind: 'up-to-date' };
const offline: ConnectionState = { kind: 'offline', pending: 1 };

describe('the connection state as shown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does not flip to "up to date" between the changes of someone typing', () => {
    const shown: string[] = [];
    const steady = new SteadyConnection(upToDate, (s) => shown.push(s.kind));
    steady.next(syncing);
    for (let i = 0; i < 10; i++) {
      steady.next(upToDate);
      vi.advanceTimersByTime(150);
      steady.next(syncing);
      vi.advanceTimersByTime(100);
    }
    expect(shown).toEqual(['syncing']);
    steady.next(upToDate);
    vi.advanceTimersByTime(UP_TO_DATE_AFTER_MS - 1);
    expect(shown).toEqual(['syncing']);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['syncing', 'up-to-date']);
  });

  it('shows going offline at once, and never a held-back "up to date" after it', () => {
    const shown: string[] = [];
    const steady = new SteadyConnection(syncing, (s) => shown.push(s.kind));
    steady.next(upToDate);
    steady.next(offline);
    vi.advanceTimersByTime(UP_TO_DATE_AFTER_MS * 2);
    expect(shown).toEqual(['offline']);
    // Up to date straight after offline (a reconnection with nothing to send) shows at once.
    steady.next(upToDate);
    expect(shown).toEqual(['offline', 'up-to-date']);
  });
});
