/**
 * The browser host: serves the built renderer on 127.0.0.1 and answers the
 * same IPC contract with the same dispatcher and handlers over HTTP, so the
 * real UI runs in a plain browser against a real database file. Only the
 * transport differs from Electron.
 *
 * Every call must carry the per-run token, come to our exact host:port (no DNS
 * rebinding) and, when the browser says where it came from, be same-origin.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createDispatcher } from '../node/ipc/dispatch';
import { createHandlers } from '../node/ipc/handlers';
import { BackupService } from '../node/backup/backupService';
import { PickedPaths } from '../node/paths/pickedPaths';
import { DatabaseSession } from '../node/session';
import { memoryTokenVault, SyncService } from '../node/sync/syncService';
import { cspFor } from '../node/security/csp';
import { contentTypeFor, resolveAppRequest } from '../node/security/appProtocol';
import type { WebImageOptions } from '../node/exchange/webImage';

export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export type BrowserHostOptions = {
  dbPath: string;
  rendererDir: string;
  port?: number;
  token?: string;
  seedOnCreate?: boolean;
  appVersion?: string;
  /** Back up on start and every few hours, as the desktop app does (off for tests and benchmarks). */
  automaticBackups?: boolean;
  /** Tests only: where pasted web images may come from (a local test server). */
  webImages?: WebImageOptions;
  /**
   * A browser has no native file dialog, and the page must never name a path: these are what the page
   * may choose from, besides the database, the default backup folder and ~/Newsroom exports.
   */
  offer?: { databases?: string[]; backupFolders?: string[]; exportFolders?: string[] };
  /** Tests: how soon the desk reconnects to its newsroom server (the default backs off from 1 s to 30 s). */
  syncReconnect?: { minDelay: number; maxDelay: number };
  /** Tests: how often the desk asks its newsroom server for notifications (the default is every 15 s). */
  notificationPollMs?: number;
};

export type BrowserHost = {
  /** Open this in a browser: it carries the token in the fragment, which never reaches the server's logs. */
  url: string;
  origin: string;
  token: string;
  port: number;
  session: DatabaseSession;
  backups: BackupService;
  close(): Promise<void>;
};

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/**
 * Sends a 413 in full at once but ends the exchange only when the client stops sending (or after a
 * grace period): Node closes a connection whose request is unfinished, and closing while the client
 * is still uploading resets it before the client can read the answer.
 */
function sendTooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
  const text = Buffer.from(JSON.stringify({ ok: false, error: { code: 'INVALID_PAYLOAD', message: 'The request is too large.' } }));
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': text.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.write(text);
  const finish = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(finish, 2_000);
  req.once('end', finish);
  req.once('close', finish);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) return tooLarge();
      chunks.push(chunk);
    }
    // Answer at once and discard the rest unbuffered: destroying the socket instead would reset the
    // connection before the client could read the 413.
    function tooLarge() {
      req.removeListener('data', onData);
      req.resume();
      reject(new Error('too-large'));
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return tooLarge();
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const session = new DatabaseSession(options.dbPath, { seedOnCreate: options.seedOnCreate ?? true, runtime: 'node' });
  const backups = new BackupService({ session, log: (message) => console.error(message) });
  if (options.automaticBackups) backups.start();
  const paths = new PickedPaths();
  // The browser host keeps newsroom session tokens in memory only: a restart means signing in again.
  const sync = new SyncService(session, memoryTokenVault(), {
    ...(options.syncReconnect ? { reconnect: options.syncReconnect } : {}),
    ...(options.notificationPollMs !== undefined ? { notificationPollMs: options.notificationPollMs } : {}),
  });
  for (const file of options.offer?.databases ?? []) paths.offer('database', file);
  for (const folder of options.offer?.backupFolders ?? []) paths.offer('backup-folder', folder);
  for (const folder of options.offer?.exportFolders ?? []) paths.offer('export-folder', folder);
  let origin = '';
  const dispatch = createDispatcher(
    createHandlers({
      session,
      backups,
      sync,
      paths,
      info: { appVersion: options.appVersion ?? '0.0.0', runtime: 'browser-host', platform: process.platform },
      webImages: options.webImages,
    }),
    { isTrustedSender: (sender) => sender.isMainFrame && sender.url === `${origin}/` },
  );

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (`http://${host}` !== origin) return sendJson(res, 421, { error: 'Wrong host.' });
      const url = new URL(req.url ?? '/', origin);

      if (url.pathname.startsWith('/ipc/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST.' });
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) {
          return sendJson(res, 401, { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'Missing or wrong token.' } });
        }
        const from = req.headers.origin;
        const site = req.headers['sec-fetch-site'];
        const trustedFrame = (from === undefined || from === origin) && (site === undefined || site === 'same-origin');
        let payload: unknown;
        try {
          payload = JSON.parse(await readBody(req));
        } catch (error) {
          if ((error as Error).message === 'too-large') return sendTooLarge(req, res);
          return sendJson(res, 400, { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'The request was not valid JSON.' } });
        }
        let channel: string;
        try {
          channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
        } catch {
          channel = ''; // malformed percent-encoding names no channel
        }
        const result = await dispatch(channel, payload, { url: trustedFrame ? `${origin}/` : String(from), isMainFrame: trustedFrame });
        return sendJson(res, 200, result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed.' });
      const file = resolveAppRequest(options.rendererDir, `app://newsroom${url.pathname}`);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('Not found');
      }
      res.writeHead(200, {
        'content-type': contentTypeFor(file),
        'content-security-policy': cspFor(url.pathname),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      // Headers are sent: a read that fails (the file went, too many open files) can only end the connection.
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: (error as Error).message });
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    session,
    backups,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        sync.dispose();
        server.close(() => {
          void backups.stop().then(() => {
            session.close();
            resolve();
          });
        });
      }),
  };
}

export function defaultRendererDir(fromDir: string): string {
  return path.resolve(fromDir, '../../dist/renderer');
}
