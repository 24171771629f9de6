/**
 * The newsroom's Hocuspocus extension: authentication, access, persistence and the checks on every
 * incoming change. Authority lives here, not in the desks.
 *
 * Acknowledgement: Hocuspocus answers each sync update with a "sync status" right after applying it,
 * and stores documents only later (debounced `onStoreDocument`). So every update is appended to the
 * storage in `beforeHandleMessage`, which Hocuspocus awaits before applying and acknowledging it: an
 * update a provider counts as synced (`unsyncedChanges` back to 0) is already on disk, and survives
 * a SIGKILL. The debounced store then writes the whole state and drops the appended updates it contains.
 */
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { OutgoingMessage } from '@hocuspocus/server';
import type {
  Connection,
  Document,
  Extension,
  Hocuspocus,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  connectedPayload,
  onAuthenticatePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { readArticleDoc } from '../../../shared/sync/articleDoc';
import { articleDocumentName, parseArticleDocumentName } from '../../../shared/sync/documentName';
import { articleAccess, readOnlyReason, type Access } from '../access';
import { authenticateToken, authenticateTokenHash } from '../auth/signIn';
import { LIMITS } from '../limits';
import type { Storage } from '../storage/storage';
import { awarenessEntries, inspectMessage, MESSAGE, type AwarenessEntry, type InspectedMessage } from '../../../shared/sync/protocolMessages';
import { updateProblem } from '../../../shared/sync/updatePolicy';
import { commentChangeProblem, newCommentMessages, type NewCommentMessage } from '../../../shared/sync/articleComments';
import { mentionedAccounts } from '../../../shared/sync/mentions';
import type { Account } from '../storage/accounts';
import type { ServerArticle } from '../storage/articles';
import { notify } from '../notify';
import { PERIODIC_REVISION_MS, periodicRevision } from '../revisionService';

/** What a connection remembers about who opened it. */
export type ConnectionContext = { accountId: string; accountName: string; tokenHash: string; articleId: string };

/** Presence a desk may send: its account's own name, a colour, and where its cursor is (small). */
const MAX_AWARENESS_BYTES = 16 * 1024;

/** Close codes the desk can tell apart (4xxx are ours; the provider reconnects after any close). */
export const CLOSE = {
  malformed: 1007,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
  restart: 1012,
  sessionEnded: 4401,
  forbidden: 4403,
} as const;

/** The JSON of stateless messages the server sends about access (`provider.on('stateless')`). */
export type AccessNotice = { type: 'access'; access: Exclude<Access, 'none'>; reason: string };

type Logged = { seq: number; data: Uint8Array };

/** Hocuspocus sends a thrown `reason` to the provider (`authenticationFailed`); no message keeps its log quiet. */
const refusal = (reason: string) => Object.assign(new Error(), { reason });

/** Said to desks while the storage (PostgreSQL, the data folder) cannot be reached: nothing is acknowledged meanwhile. */
export const STORAGE_DOWN = 'The newsroom server cannot reach its database right now: your changes stay on this desk and are sent when it is back.';

/** The WebSocket a request was upgraded to (server.ts), for closing it from `onAuthenticate`. */
export const socketOfRequest = new WeakMap<object, WebSocket>();

/** A refusal or close this extension meant, as opposed to a storage call that failed. */
const isOurs = (error: unknown) => typeof (error as { reason?: unknown })?.reason === 'string';

/** WebSocket close reasons are limited to 123 bytes. */
function closeReason(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= 123) return text;
  return new TextDecoder().decode(bytes.subarray(0, 120)).replace(/\uFFFD+$/, '') + '…';
}

/** Closes the whole socket (the provider then reconnects and syncs again) and stops this message. */
function refuse(connection: Connection, code: number, reason: string): never {
  connection.webSocket.close(code, closeReason(reason));
  throw Object.assign(new Error(reason), { code, reason: closeReason(reason) });
}

/**
 * A sign-in for a document this socket already has a connection to. A desk that lets go of an
 * article and opens it again at once sends "close" from the old provider and the sign-in of the new
 * one; when the server reads both together (a busy event loop, a proxy that batches), Hocuspocus
 * hands the sign-in to the connection the "close" is about to end, which takes it for a token
 * refresh: the new provider is never signed in and the desk stalls until its socket times out.
 * Once the close has taken effect (it runs before the next event-loop turn), the sign-in is handed in
 * again, as the first message of a new connection. A sign-in for a connection that stays open is
 * left as Hocuspocus treats it.
 */
function signInAfterClose(connection: Connection, data: Uint8Array): void {
  const copy = data.slice();
  setImmediate(() => {
    const ws = connection.webSocket;
    if (connection.document.hasConnection(connection) || ws.readyState !== ws.OPEN) return;
    ws.emit('message', copy, true);
  });
}

/**
 * Presence is relayed to everyone on the article, so the server checks it like a change: small, and
 * under the account's own name (a desk cannot show up as someone else).
 */
function checkPresence(connection: Connection, ctx: ConnectionContext, update: Uint8Array): void {
  if (update.byteLength > MAX_AWARENESS_BYTES) refuse(connection, CLOSE.tooBig, 'The presence update is too large.');
  let entries: AwarenessEntry[];
  try {
    entries = awarenessEntries(update);
  } catch {
    refuse(connection, CLOSE.malformed, 'The server could not read a presence update: it was refused.');
  }
  const known = (connection.document as unknown as { awareness: { meta: Map<number, { clock: number }> } }).awareness.meta;
  for (const { clientId, clock, state } of entries) {
    // Desks pass on what they heard from others too; what is not newer than the server's copy is
    // not applied (y-protocols), so only what would be applied is this desk's to answer for.
    const current = known.get(clientId)?.clock;
    if (current !== undefined && clock <= current) continue;
    // Gone (null), or nothing said yet (a provider starts with {}): nothing anyone is shown.
    const user = (state as { user?: unknown } | null)?.user;
    if (user === undefined) continue;
    if ((user as { name?: unknown } | null)?.name !== ctx.accountName)
      refuse(connection, CLOSE.policy, 'Presence must carry the name of the account that is signed in.');
  }
}

/** Longer than any authentication takes (it reads the storage once or twice). */
const ENDED_SESSION_MEMORY_MS = 60_000;

export class NewsroomExtension implements Extension {
  extensionName = 'newsroom';
  /** Per loaded document: updates appended to the storage and not yet contained in a stored state. */
  private readonly logged = new Map<string, Logged[]>();
  /** Sockets with at least one document open (see the pre-sign-in guard in server.ts). */
  readonly signedInSockets = new WeakSet<object>();
  /**
   * Sessions this instance closed lately, with why. A connection can authenticate just before a
   * sign-out and join its document just after it, when closeSession has already looked: it was left
   * open until the hourly sweep (seen as a timeout in multiServer.test.ts, "closes a session's …").
   */
  private readonly endedSessions = new Map<string, { reason: string; at: number }>();

  /** Per loaded document: the account whose change was accepted last (named in a periodic snapshot). */
  private readonly lastEditor = new Map<string, { id: string; name: string }>();

  constructor(
    private readonly storage: Storage,
    private readonly log: (line: string) => void,
    /** Between periodic snapshots of an article being edited. */
    private readonly revisionIntervalMs: number = PERIODIC_REVISION_MS,
  ) {}

  async onAuthenticate(payload: onAuthenticatePayload): Promise<ConnectionContext> {
    try {
      return await this.authenticate(payload);
    } catch (error) {
      if (isOurs(error)) throw error;
      // Not a refusal: the storage failed. Closing the socket (1011) makes the desk wait and come
      // back, where a refusal would make it give the article up.
      this.log(`${payload.documentName}: signing in failed, the storage is unreachable (${(error as Error).message}).`);
      socketOfRequest.get(payload.request)?.close(CLOSE.internal, closeReason(STORAGE_DOWN));
      throw refusal(STORAGE_DOWN);
    }
  }

  private async authenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<ConnectionContext> {
    const articleId = parseArticleDocumentName(documentName);
    if (!articleId) throw refusal('This server has no document of that name: article documents are named article:<id>.');
    const auth = await authenticateToken(this.storage, token);
    if (!auth.ok) throw refusal(auth.reason);
    const article = await this.storage.articles.byId(articleId);
    if (!article) throw refusal('There is no article with this id on the server: create it first.');
    const access = articleAccess(auth.account, article);
    if (access === 'none') throw refusal('This account may not open this article.');
    connectionConfig.readOnly = access === 'read';
    return { accountId: auth.account.id, accountName: auth.account.name, tokenHash: auth.tokenHash, articleId };
  }

  async connected({ connection, context }: connectedPayload): Promise<void> {
    // Signed out between authenticating and joining the document, where closeSession could not see it yet.
    const ended = this.endedSessions.get((context as ConnectionContext).tokenHash);
    if (ended) {
      connection.webSocket.close(CLOSE.sessionEnded, closeReason(ended.reason));
      return;
    }
    this.signedInSockets.add(connection.webSocket);
    if (connection.readOnly) await this.sendAccess(connection, context as ConnectionContext);
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const articleId = parseArticleDocumentName(documentName)!;
    const stored = await this.storage.documents.load(articleId);
    if (stored.state) Y.applyUpdate(document, stored.state);
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(document, update.data);
      } catch (error) {
        this.log(`${documentName}: a stored update (#${update.seq}) could not be applied and was skipped (${(error as Error).message}).`);
      }
    }
    this.logged.set(documentName, stored.updates);
  }

  async beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    try {
      await this.checkAndStore(payload);
    } catch (error) {
      if (isOurs(error)) throw error;
      this.log(`${payload.documentName}: a change could not be checked or stored (${(error as Error).message}); the desk will send it again.`);
      refuse(payload.connection, CLOSE.internal, STORAGE_DOWN);
    }
  }

  private async checkAndStore({ connection, update: data, context, documentName }: beforeHandleMessagePayload): Promise<void> {
    const ctx = context as ConnectionContext;
    if (data.byteLength > LIMITS.maxMessageBytes) refuse(connection, CLOSE.tooBig, 'The message is too large for the server.');
    let message: InspectedMessage;
    try {
      message = inspectMessage(data);
    } catch {
      refuse(connection, CLOSE.malformed, 'The server could not read a message: it was refused.');
    }
    if (message.type === MESSAGE.BroadcastStateless) refuse(connection, CLOSE.policy, 'Desks may not broadcast to other desks through the server.');
    if (message.type === MESSAGE.Auth) return signInAfterClose(connection, data);
    if (message.awareness) return checkPresence(connection, ctx, message.awareness);
    const changes = message.update;
    // Reading needs no check per message: `sweepSessions` ends revoked sessions within seconds.
    if (changes === undefined) return;

    const auth = await authenticateTokenHash(this.storage, ctx.tokenHash);
    if (!auth.ok) refuse(connection, CLOSE.sessionEnded, auth.reason);

    const problem = updateProblem(changes, auth.account) ?? commentChangeProblem(connection.document, changes);
    if (problem) refuse(connection, CLOSE.malformed, problem);
    const article = await this.storage.articles.byId(ctx.articleId);
    const access = article ? articleAccess(auth.account, article) : 'none';
    if (access === 'none') refuse(connection, CLOSE.forbidden, 'This account may no longer open this article.');
    // Hocuspocus answers a read-only connection's changes with "not applied" and applies nothing.
    connection.readOnly = access === 'read';
    if (connection.readOnly) return;
    // Read before Hocuspocus applies the update: what it adds that the document lacks, so a message sent again notifies nobody twice.
    const added = newCommentMessages(connection.document, changes);
    const seq = await this.storage.documents.append(ctx.articleId, changes, new Date().toISOString());
    this.loggedFor(documentName).push({ seq, data: changes.slice() });
    this.lastEditor.set(documentName, { id: auth.account.id, name: auth.account.name });
    if (added.length > 0) {
      // A notification that cannot be recorded must not refuse the comment, which is already stored.
      await this.notifyMentions(article!, auth.account, added).catch((error: Error) =>
        this.log(`${documentName}: mentions were not recorded (${error.message}).`),
      );
    }
  }

  /** `@Name` in new comments tells each enabled account named that may see the article (never the author). */
  private async notifyMentions(article: ServerArticle, author: Account, messages: NewCommentMessage[]): Promise<void> {
    const accounts = (await this.storage.accounts.list()).filter((a) => !a.disabled && articleAccess(a, article) !== 'none');
    const at = new Date().toISOString();
    for (const message of messages) {
      const ids = mentionedAccounts(message.text, accounts);
      if (ids.length > 0) await notify(this.storage, { accountIds: ids, actor: author, kind: 'mentioned', articleId: article.id, text: message.text, at });
    }
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.store(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.logged.delete(documentName);
    this.lastEditor.delete(documentName);
  }

  /** Stores every loaded document now (graceful shutdown). */
  async storeAll(instance: Hocuspocus): Promise<void> {
    await Promise.all([...instance.documents.values()].map((document) => document.saveMutex.runExclusive(() => this.store(document.name, document))));
  }

  /** After a status change: each open connection to the article learns what it may do now. */
  async refreshAccess(instance: Hocuspocus, articleId: string): Promise<void> {
    const document = instance.documents.get(articleDocumentName(articleId));
    if (!document) return;
    for (const connection of document.getConnections()) await this.sendAccess(connection, connection.context as ConnectionContext);
  }

  /**
   * Closes the connections whose session has ended meanwhile (revoked, or the account disabled by
   * the account command, which runs in another process). One check per session in use.
   */
  async sweepSessions(instance: Hocuspocus): Promise<void> {
    const byToken = new Map<string, Connection[]>();
    for (const document of instance.documents.values()) {
      for (const connection of document.getConnections()) {
        const { tokenHash } = connection.context as ConnectionContext;
        byToken.set(tokenHash, [...(byToken.get(tokenHash) ?? []), connection]);
      }
    }
    for (const [tokenHash, connections] of byToken) {
      const auth = await authenticateTokenHash(this.storage, tokenHash);
      if (!auth.ok) for (const connection of connections) connection.webSocket.close(CLOSE.sessionEnded, closeReason(auth.reason));
    }
  }

  /** Closes every connection opened with this session (sign-out). */
  closeSession(instance: Hocuspocus, tokenHash: string, reason: string): void {
    const now = Date.now();
    for (const [hash, { at }] of this.endedSessions) if (now - at > ENDED_SESSION_MEMORY_MS) this.endedSessions.delete(hash);
    this.endedSessions.set(tokenHash, { reason, at: now });
    for (const document of instance.documents.values()) {
      for (const connection of document.getConnections()) {
        if ((connection.context as ConnectionContext).tokenHash === tokenHash) connection.webSocket.close(CLOSE.sessionEnded, closeReason(reason));
      }
    }
  }

  private loggedFor(documentName: string): Logged[] {
    let list = this.logged.get(documentName);
    if (!list) this.logged.set(documentName, (list = []));
    return list;
  }

  private async sendAccess(connection: Connection, ctx: ConnectionContext): Promise<void> {
    const [account, article] = await Promise.all([this.storage.accounts.byId(ctx.accountId), this.storage.articles.byId(ctx.articleId)]);
    const access = account && article ? articleAccess(account, article) : 'none';
    if (access === 'none') {
      connection.webSocket.close(CLOSE.forbidden, 'This account may no longer open this article.');
      return;
    }
    const regained = connection.readOnly && access === 'write';
    connection.readOnly = access === 'read';
    // Changes refused while read-only stay in the desk's document and later ones depend on them:
    // asking the desk for what the server lacks brings them in now instead of at its next reconnect.
    if (regained) connection.send(new OutgoingMessage(connection.document.name).createSyncMessage().writeFirstSyncStepFor(connection.document).toUint8Array());
    const notice: AccessNotice = { type: 'access', access, reason: access === 'read' ? readOnlyReason(account!, article!) : '' };
    connection.sendStateless(JSON.stringify(notice));
  }

  private async store(documentName: string, document: Document): Promise<void> {
    const articleId = parseArticleDocumentName(documentName)!;
    // The snapshot and the state are taken together, so "contained" is exact even while updates arrive.
    const snapshot = Y.snapshot(document);
    const contained = this.loggedFor(documentName)
      .filter((u) => Y.snapshotContainsUpdate(snapshot, u.data))
      .map((u) => u.seq);
    const state = Y.encodeStateAsUpdate(document);
    const now = new Date().toISOString();
    // Scaled out, another instance may have stored changes this copy has not received yet (Redis
    // relays them a moment later, or not at all while it is down): keep them rather than replace them.
    const combine = (stored: Uint8Array | undefined) => (stored && !Y.snapshotContainsUpdate(snapshot, stored) ? Y.mergeUpdates([stored, state]) : state);
    await this.storage.documents.store(articleId, combine, contained, now);
    const done = new Set(contained);
    this.logged.set(
      documentName,
      this.loggedFor(documentName).filter((u) => !done.has(u.seq)),
    );
    const read = readArticleDoc(document);
    await this.storage.articles.touch(articleId, read.ok ? read.fields.headline : undefined, now);
    if (!read.ok) return this.log(`${documentName}: ${read.reason}`);
    // Edited since it was loaded here: maybe a periodic snapshot. Its failure costs no stored change.
    const editor = this.lastEditor.get(documentName);
    if (editor)
      await periodicRevision(this.storage, articleId, read.fields, editor, new Date(now), this.revisionIntervalMs).catch((error: Error) =>
        this.log(`${documentName}: a periodic snapshot could not be kept (${error.message}).`),
      );
  }
}
