/**
 * The desk's newsroom connection state, kept current by one long poll (`sync:status` held until the
 * state moves): every view reads the same value, and a change shows within a request's round trip.
 */
import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../../shared/sync/syncState';
import { call } from '../api/call';

const WAIT_MS = 25_000;
const RETRY_MS = 2_000;

let current: SyncStatus | undefined;
/** The newest revision seen: what the long poll waits past. */
let knownRevision = 0;
const listeners = new Set<() => void>();
let polling = false;

const sameState = (a: SyncStatus, b: SyncStatus) => JSON.stringify({ ...a, revision: 0 }) === JSON.stringify({ ...b, revision: 0 });

/**
 * Takes a fresher state (from the poll or from an action's answer); an older revision is ignored.
 * Views re-render only when something they show changed: the revision moves with every acknowledgement.
 */
export function takeSyncStatus(next: SyncStatus): void {
  if (next.revision < knownRevision) return;
  knownRevision = next.revision;
  if (current && sameState(current, next)) return;
  current = next;
  for (const listener of listeners) listener();
}

async function poll(): Promise<void> {
  if (polling) return;
  polling = true;
  for (;;) {
    try {
      takeSyncStatus(await call('syncStatus', current ? { after: knownRevision, waitMs: WAIT_MS } : {}));
    } catch {
      // The host went away or a database is being switched: ask again shortly.
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void poll();
  return () => listeners.delete(listener);
}

/** The state as last heard, outside React (e.g. who is signed in when a comment is written). */
export function currentSyncStatus(): SyncStatus | undefined {
  return current;
}

export function useSyncStatus(): SyncStatus | undefined {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * One value derived from the state (return a primitive): the component re-renders only when it changes.
 * The connection moves between "syncing" and "up to date" with every acknowledged keystroke; the app
 * shell and the providers around the editor must not re-render for that.
 */
export function useSyncSelector<T extends string | number | boolean | undefined>(select: (status: SyncStatus | undefined) => T): T {
  return useSyncExternalStore(subscribe, () => select(current));
}
