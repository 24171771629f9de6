/**
 * The newsroom server: one HTTP(S) server on one port carrying the JSON API and the Hocuspocus
 * WebSocket. Hocuspocus runs without its own `Server` class so that we own TLS, the message size
 * limit and shutdown.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE, NewsroomExtension, socketOfRequest } from './collab/newsroomExtension';
import { ScaleOut, type RedisOptions } from './collab/scaleOut';
import { createApiHandler } from './http/api';
import { LIMITS, PRE_SIGN_IN, SESSION_SWEEP_MS } from './limits';
import type { Storage } from './storage/storage';

export type ServerOptions = {
  storage: Storage;
  host: string;
  port: number;
  tls?: { cert: Buffer; key: Buffer };
  trustProxy?: boolean;
  /** Scale out: share documents with the other instances through Redis (collab/scaleOut.ts). */
  redis?: RedisOptions;
  /** How often open connections are checked for ended sessions (default SESSION_SWEEP_MS). */
  sessionSweepMs?: number;
  /** Between periodic snapshots of an article being edited (default PERIODIC_REVISION_MS, revisionService.ts). */
  revisionIntervalMs?: number;
  log?: (line: string) => void;
};

export type RunningServer = {
  port: number;
  url: string;
  instance: Hocuspocus;
  /** Graceful stop: stores every document, closes every connection with 1012, closes the storage. */
  stop(): Promise<void>;
};

/** How long a graceful stop waits for desks to answer the close before cutting them off. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Hocuspocus keeps every message a socket sends before its document is open; a socket that never
 * signs in could grow that without end. Until one of its documents is open, it gets a bounded number
 * of messages and bytes (PRE_SIGN_IN) and half a minute.
 */
function guardBeforeSignIn(ws: WebSocket, extension: NewsroomExtension): void {
  let messages = 0;
  let bytes = 0;
  const refuse = () => ws.close(CLOSE.policy, 'Sign in first: too much was sent before signing in.');
  const timer = setTimeout(() => {
    if (!extension.signedInSockets.has(ws)) ws.close(CLOSE.policy, 'Sign in first: no document was opened in time.');
  }, PRE_SIGN_IN.timeoutMs);
  timer.unref();
  const count = (data: Buffer | ArrayBuffer | Buffer[]) => {
    if (extension.signedInSockets.has(ws)) return void ws.off('message', count);
    messages += 1;
    bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    if (messages > PRE_SIGN_IN.maxMessages || bytes > PRE_SIGN_IN.maxBytes) refuse();
  };
  ws.on('message', count);
  ws.once('close', () => clearTimeout(timer));
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const extension = new NewsroomExtension(options.storage, log, options.revisionIntervalMs);
  const scaleOut = options.redis ? await ScaleOut.connect(options.redis, log) : undefined;
  const instance = new Hocuspocus({
    quiet: true,
    // The Redis extension runs first (its priority is higher); its onConfigure learns the instance here.
    extensions: scaleOut ? [scaleOut.extension, extension] : [extension],
    debounce: 2_000,
    maxDebounce: 10_000,
  });

  // Each instance acts on its own connections; with Redis, the others hear of it and do the same on theirs.
  const connections = {
    async accessChanged(articleId: string): Promise<void> {
      scaleOut?.publish({ type: 'access', articleId });
      await extension.refreshAccess(instance, articleId);
    },
    sessionEnded(tokenHash: string, reason: string): void {
      scaleOut?.publish({ type: 'session-ended', tokenHash, reason });
      extension.closeSession(instance, tokenHash, reason);
    },
  };
  scaleOut?.onEvent((event) => {
    if (event.type === 'session-ended') return extension.closeSession(instance, event.tokenHash, event.reason);
    extension.refreshAccess(instance, event.articleId).catch((error: Error) => log(`Telling connections their access failed: ${error.message}`));
  });

  let stopping = false;
  const api = createApiHandler({ storage: options.storage, connections, trustProxy: options.trustProxy ?? false, log });
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    if (stopping) {
      response
        .writeHead(503, { 'content-type': 'application/json', connection: 'close' })
        .end(JSON.stringify({ error: 'The server is restarting: try again in a moment.' }));
      return;
    }
    api(request, response);
  };
  const http: HttpServer = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key, maxHeaderSize: LIMITS.maxHeaderBytes }, handler)
    : createHttpServer({ maxHeaderSize: LIMITS.maxHeaderBytes }, handler);

  // maxPayload: ws closes a connection with 1009 before buffering a larger message.
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxMessageBytes });
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (stopping) return void socket.destroy();
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(request, socket, head, (ws) => {
      // An error on one socket (a bad frame, a reset) must not reach the process.
      ws.on('error', (error) => log(`WebSocket error: ${error.message}`));
      guardBeforeSignIn(ws, extension);
      socketOfRequest.set(request, ws);
      instance.handleConnection(ws, request);
    });
  });
  http.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    extension
      .sweepSessions(instance)
      .catch((error: Error) => log(`Checking sessions failed: ${error.message}`))
      .finally(() => (sweeping = false));
  }, options.sessionSweepMs ?? SESSION_SWEEP_MS);
  sweep.unref();

  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `${options.tls ? 'https' : 'http'}://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    clearInterval(sweep);
    http.close();
    // Every acknowledged update is already stored; this also folds them into each document's state.
    await extension.storeAll(instance).catch((error: Error) => log(`Storing documents on shutdown failed: ${error.message}`));
    // A WebSocket close (not Hocuspocus' own close message, after which providers believe they are
    // still connected) makes @hocuspocus/provider reconnect by itself; 1012 says why.
    const closed = [...wss.clients].map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(CLOSE.restart, 'The server is restarting.');
        }),
    );
    await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
    for (const ws of wss.clients) ws.terminate();
    // Hocuspocus stores and unloads each document as its last connection leaves; let that finish.
    const deadline = Date.now() + CLOSE_GRACE_MS;
    while (instance.getDocumentsCount() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    http.closeAllConnections();
    await scaleOut?.close();
    await options.storage.close();
  }

  return { port, url, instance, stop };
}
