/** Where the writer's words are, always in view: solo, offline (kept here), syncing, or up to date. */
import { Cloud, CloudOff, HardDrive, RefreshCw } from 'lucide-react';
import { connectionSentence } from '../../../shared/sync/syncState';
import { useSteadyConnection } from './steadyConnection';
import { useSyncStatus } from './syncStatus';
import './sync.css';

export function ConnectionIndicator({ onOpen }: { onOpen: () => void }) {
  const status = useSyncStatus();
  const connection = useSteadyConnection(status?.connection);
  if (!status || !connection) return null;
  const sentence = status.paused && connection.kind === 'offline' ? `Working offline — changes are kept on this computer` : connectionSentence(connection);
  const Icon =
    connection.kind === 'not-configured' ? HardDrive : connection.kind === 'up-to-date' ? Cloud : connection.kind === 'syncing' ? RefreshCw : CloudOff;
  return (
    <>
      <button type="button" className={`connection-state connection-${connection.kind}`} onClick={onOpen} aria-describedby="connection-state-hint">
        <Icon size={14} aria-hidden="true" />
        <span role="status" aria-live="polite" data-testid="connection-state">
          {sentence}
        </span>
      </button>
      {/* Outside the button: its name is the state it shows; this only describes what it opens. */}
      <span id="connection-state-hint" hidden>
        Opens the newsroom server settings
      </span>
    </>
  );
}
