/** What the desk says about its newsroom server connection and each synced article (shown in the UI). */
import type { Role } from '../workflow/transitions';

export type ConnectionState =
  | { kind: 'not-configured' }
  | { kind: 'signed-out'; reason: string }
  | { kind: 'offline'; pending: number; reason?: string }
  | { kind: 'syncing'; pending: number }
  | { kind: 'up-to-date' };

export type ArticleSyncState = {
  saved: 'saved-locally' | 'on-the-server';
  access?: 'read' | 'write';
  /** The server's sentence when the article is read-only or refused to this account. */
  accessReason?: string;
  /** Why the local copy did not take the latest content (it keeps the last good one). */
  problem?: string;
  /** Who holds the article: the writer and the editor it is assigned to (ids and names). */
  holder?: { writerId?: string; writerName?: string; editorId?: string; editorName?: string };
};

export type SyncStatus = {
  /** Grows with every change of state; a long poll waits for one past the revision it knows. */
  revision: number;
  connection: ConnectionState;
  /** The configured server, when there is one. */
  server?: { url: string; allowInsecure: boolean };
  /** The account last signed in on that server (kept while offline). */
  account?: { id: string; name: string; role: Role };
  signedIn: boolean;
  /** "Work offline" is on: nothing is sent until it is turned off. */
  paused: boolean;
  /** Grows when the newsroom's article list brought new articles or changes: the library lists again. */
  listRevision: number;
  /** Grows when the newsroom's shared libraries (authors, AI-use disclosures) brought changes: library views list again. */
  libraryRevision: number;
  /**
   * Workflow steps waiting for the server, and answers the person has not dismissed yet
   * (`sync:workflowNotices` lists them): a change means a step was queued or decided.
   */
  workflowSteps: { waiting: number; decided: number };
  /** The newsroom's notifications for this account not yet read (`sync:notifications` lists them). */
  inbox: { unread: number };
};

/** The sentence the desk shows for a connection state: always visible, so a writer knows where their words are. */
export function connectionSentence(state: ConnectionState): string {
  switch (state.kind) {
    case 'not-configured':
      return 'Solo desk: articles stay on this computer';
    case 'signed-out':
      return 'Signed out of the newsroom server — changes are kept on this computer';
    case 'offline':
      return state.pending > 0
        ? `Offline — changes to ${state.pending} ${state.pending === 1 ? 'article are' : 'articles are'} kept on this computer`
        : 'Offline — changes are kept on this computer';
    case 'syncing':
      return state.pending > 0 ? `Syncing ${state.pending} ${state.pending === 1 ? 'article' : 'articles'}…` : 'Syncing…';
    case 'up-to-date':
      return 'Up to date';
  }
}
