/**
 * The connection state as the indicator shows it. While someone types, each change is "syncing" until
 * the server acknowledges it, so the state flips several times a second; a screen reader would read
 * every flip (the indicator is a live region). "Up to date" after "Syncing…" is held back a moment
 * and dropped if syncing starts again; every other change shows at once, so offline and sign-outs are
 * never late, and "Up to date" is never shown early.
 */
import { useEffect, useRef, useState } from 'react';
import type { ConnectionState } from '../../../shared/sync/syncState';

export const UP_TO_DATE_AFTER_MS = 600;

export class SteadyConnection {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private shown: ConnectionState,
    private readonly show: (state: ConnectionState) => void,
  ) {}

  next(state: ConnectionState): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (state.kind === 'up-to-date' && this.shown.kind === 'syncing') {
      this.timer = setTimeout(() => this.display(state), UP_TO_DATE_AFTER_MS);
      return;
    }
    this.display(state);
  }

  private display(state: ConnectionState): void {
    this.timer = undefined;
    if (JSON.stringify(state) === JSON.stringify(this.shown)) return;
    this.shown = state;
    this.show(state);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

export function useSteadyConnection(connection: ConnectionState | undefined): ConnectionState | undefined {
  const [shown, setShown] = useState(connection);
  const steady = useRef<SteadyConnection | undefined>(undefined);
  useEffect(() => {
    if (!connection) return;
    steady.current ??= new SteadyConnection(connection, setShown);
    steady.current.next(connection);
  }, [connection]);
  useEffect(() => () => steady.current?.dispose(), []);
  return shown ?? connection;
}
