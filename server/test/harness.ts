/**
 * Test support: the server built once per test file and run as a real child process on 127.0.0.1
 * (random port), with SQLite in a temp folder or a PostgreSQL database made for the run and dropped
 * after it; raw @hocuspocus/provider clients over `ws`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Storage, StorageLocation } from '../src/storage/storage';
import { fieldsMap } from '../../shared/sync/articleDoc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the server into dist/ (so it resolves node_modules) under a folder of this run. */
export async function buildServerForTests(): Promise<{ entry: string; cleanup: () => void }> {
  const outdir = path.join(root, 'dist', `server-test-${process.pid}-${randomBytes(3).toString('hex')}`);
  // @ts-expect-error: a plain .mjs build script without types
  const { buildServer } = (await import('../build.mjs')) as { buildServer: (outdir: string) => Promise<string> };
  const entry = await buildServer(outdir);
  return { entry, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

// ---- Storage backends --------------------------------------------------------

export type Backend = { name: 'sqlite' | 'postgres'; args: string[]; location: StorageLocation; cleanup: () => Promise<void> };

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-server-'));
  return {
    name: 'sqlite',
    args: ['--data', dir],
    location: { kind: 'sqlite', dataDir: dir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const PG_ADMIN_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether PostgreSQL answers; without PG_URL a missing server skips its tests (loudly), with it they fail. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.PG_URL) throw error;
    console.warn(`\n*** PostgreSQL tests SKIPPED: nothing answers at ${PG_ADMIN_URL} (${(error as Error).message}). Set PG_URL or start PostgreSQL. ***\n`);
    return false;
  }
}

/** A database of its own for this run, dropped afterwards. */
export async function postgresBackend(): Promise<Backend> {
  const database = `newsroom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return {
    name: 'postgres',
    args: ['--postgres', url.toString()],
    location: { kind: 'postgres', url: url.toString() },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}

// ---- The server process ------------------------------------------------------

export type ServerProcess = {
  port: number;
  http: string;
  ws: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
};

export async function startServerProcess(
  entry: string,
  backend: Backend,
  extra: string[] = [],
  port = 0,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [entry, ...backend.args, '--port', String(port), ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const listening = await new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const m = /listening on (https?):\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        child.stdout!.off('data', check);
        resolve(m);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`newsroom-server exited (${code}) before listening:\n${out}`)));
  });
  const scheme = listening[1]!;
  const actualPort = Number(listening[2]);
  return {
    port: actualPort,
    http: `${scheme}://127.0.0.1:${actualPort}`,
    ws: `${scheme === 'https' ? 'wss' : 'ws'}://127.0.0.1:${actualPort}`,
    child,
    output: () => out,
    exited,
  };
}

export async function runCli(entry: string, backend: Backend, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [entry, ...backend.args, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin ?? '');
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? -1)));
  return { code, stdout: stdout.trim(), stderr: stderr.trim() };
}

// ---- HTTP --------------------------------------------------------------------

export async function api(
  base: string,
  pathname: string,
  options: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(base + pathname, {
    method: options.method ?? (options.body !== undefined || options.rawBody !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export async function signInAs(base: string, name: string, password: string): Promise<string> {
  const { status, body } = await api(base, '/api/sign-in', { body: { name, password } });
  if (status !== 200) throw new Error(`sign-in of ${name} failed: ${status} ${JSON.stringify(body)}`);
  return body.token as string;
}

// ---- Providers ---------------------------------------------------------------

export type Client = {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  closeCodes: number[];
  stateless: string[];
  authFailures: string[];
  destroy: () => void;
};

export function connect(wsUrl: string, documentName: string, token: string, options: { doc?: Y.Doc; polyfill?: new (url: string) => WebSocket } = {}): Client {
  const doc = options.doc ?? new Y.Doc();
  const closeCodes: number[] = [];
  const stateless: string[] = [];
  const authFailures: string[] = [];
  // Quick, steady reconnection attempts keep restart tests short.
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: options.polyfill ?? WebSocket,
    delay: 100,
    factor: 1,
    minDelay: 100,
    maxDelay: 200,
    jitter: false,
  } as never);
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentName, document: doc, token });
  provider.attach();
  socket.on('close', ({ event }: { event: { code: number } }) => closeCodes.push(event.code));
  provider.on('stateless', ({ payload }: { payload: string }) => stateless.push(payload));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => authFailures.push(reason));
  return {
    provider,
    socket,
    doc,
    closeCodes,
    stateless,
    authFailures,
    destroy: () => {
      // ws reports closing a socket that is still connecting as an error event; nobody listens any more.
      (socket.webSocket as unknown as WebSocket | null)?.on('error', () => {});
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls until `check` holds (an event-driven wait would miss states reached before it starts). */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const synced = (client: Client) => client.provider.isSynced && client.provider.unsyncedChanges === 0;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Raw protocol (lib0 encoding) for messages no provider would send ---------

export function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
export const varBytes = (bytes: Uint8Array) => [...varUint(bytes.length), ...bytes];
export const varString = (s: string) => varBytes(new TextEncoder().encode(s));

export const authMessage = (documentName: string, token: string) => Uint8Array.from([...varString(documentName), 2, 0, ...varString(token)]);
export const updateMessage = (documentName: string, update: Uint8Array) => Uint8Array.from([...varString(documentName), 0, 2, ...varBytes(update)]);

/** A raw socket signed in to one document; resolves once the server says "authenticated". */
export async function rawSocket(
  wsUrl: string,
  documentName: string,
  token: string,
): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(wsUrl);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => resolve());
  });
  const authenticated = new Promise<void>((resolve) => ws.once('message', () => resolve()));
  ws.send(authMessage(documentName, token));
  await authenticated;
  return { ws, closed };
}

// ---- Redis (scaling out) -------------------------------------------------------

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * One Redis command over a fresh connection (RESP; enough for tests and the bench, so they need no
 * Redis client library of their own). Resolves with the reply: a string, a number, null or an array.
 */
export function redisCommand(url: string, ...args: string[]): Promise<unknown> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
    socket.setTimeout(3_000, () => socket.destroy(new Error(`Redis at ${url} did not answer in time`)));
    let buffer = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const parsed = parseResp(buffer, 0);
      if (!parsed) return;
      socket.end();
      if (parsed.value instanceof Error) reject(parsed.value);
      else resolve(parsed.value);
    });
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
  });
}

/** Listens on a Redis channel: what the server instances tell each other. Resolves once subscribed. */
export async function redisSubscribe(url: string, channel: string): Promise<{ messages: string[]; close: () => void }> {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
  const messages: string[] = [];
  let buffer = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let parsed = parseResp(buffer, 0); parsed; parsed = parseResp(buffer, 0)) {
        buffer = buffer.subarray(parsed.end);
        const [kind, , payload] = parsed.value as [string, string, string | number];
        if (kind === 'subscribe') resolve();
        if (kind === 'message') messages.push(String(payload));
      }
    });
    socket.write(`*2\r\n$9\r\nSUBSCRIBE\r\n$${Buffer.byteLength(channel)}\r\n${channel}\r\n`);
  });
  return { messages, close: () => socket.destroy() };
}

function parseResp(buffer: Buffer, at: number): { value: unknown; end: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', at);
  if (lineEnd < 0) return undefined;
  const line = buffer.toString('utf8', at + 1, lineEnd);
  switch (String.fromCharCode(buffer[at]!)) {
    case '+':
      return { value: line, end: lineEnd + 2 };
    case '-':
      return { value: new Error(line), end: lineEnd + 2 };
    case ':':
      return { value: Number(line), end: lineEnd + 2 };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: lineEnd + 2 };
      if (buffer.length < lineEnd + 2 + length + 2) return undefined;
      return { value: buffer.toString('utf8', lineEnd + 2, lineEnd + 2 + length), end: lineEnd + 2 + length + 2 };
    }
    case '*': {
      const count = Number(line);
      const items: unknown[] = [];
      let next = lineEnd + 2;
      for (let i = 0; i < count; i++) {
        const item = parseResp(buffer, next);
        if (!item) return undefined;
        items.push(item.value);
        next = item.end;
      }
      return { value: count < 0 ? null : items, end: next };
    }
    default:
      return { value: new Error(`unexpected Redis reply: ${line}`), end: lineEnd + 2 };
  }
}

/** Whether Redis answers; without REDIS_URL a missing server skips its tests (loudly), with it they fail. */
export async function redisAvailable(): Promise<boolean> {
  try {
    return (await redisCommand(REDIS_URL, 'PING')) === 'PONG';
  } catch (error) {
    if (process.env.REDIS_URL) throw error;
    console.warn(`\n*** Redis tests SKIPPED: nothing answers at ${REDIS_URL} (${(error as Error).message}). Set REDIS_URL or start Redis. ***\n`);
    return false;
  }
}

/** A key prefix of this run's own (the servers' `--redis-prefix`), and the removal of its keys after. */
export function redisPrefix(): { prefix: string; args: string[]; cleanup: () => Promise<void> } {
  const prefix = `newsroom-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  return {
    prefix,
    args: ['--redis', REDIS_URL, '--redis-prefix', prefix],
    cleanup: async () => {
      let cursor = '0';
      do {
        const [next, keys] = (await redisCommand(REDIS_URL, 'SCAN', cursor, 'MATCH', `${prefix}:*`, 'COUNT', '1000')) as [string, string[]];
        if (keys.length > 0) await redisCommand(REDIS_URL, 'DEL', ...keys);
        cursor = next;
      } while (cursor !== '0');
    },
  };
}

/** The keys a run left under its prefix (each test checks its cleanup). */
export async function redisKeys(prefix: string): Promise<string[]> {
  return (await redisCommand(REDIS_URL, 'KEYS', `${prefix}:*`)) as string[];
}

/** Established TCP connections to a local port, from /proc/net/tcp{,6}: who is connected to which instance. */
export function establishedTo(port: number): number {
  let count = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4) continue;
      const localPort = parseInt(fields[1]!.split(':').pop()!, 16);
      if (localPort === port && fields[3] === '01') count++;
    }
  }
  return count;
}

// ---- A TCP relay that can go down --------------------------------------------

export type TcpRelay = {
  port: number;
  /** What the relay forwards to, as the database or Redis would be reached through it. */
  rewrite(url: string): string;
  /** Cuts every connection and refuses new ones, as a stopped database does. */
  down(): Promise<void>;
  /** Accepts connections again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
};

/** Relays 127.0.0.1:<port> to `target`: a service that can be stopped and started under a running server. */
export async function tcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const down = async () => {
    const closing = server;
    server = undefined;
    for (const s of sockets) s.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  await listen();
  return {
    port,
    rewrite: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    down,
    up: listen,
    close: down,
  };
}

/** What the storage holds for an article: its stored state with every update appended since. */
export async function storedDoc(storage: Storage, articleId: string): Promise<Y.Doc> {
  const { state, updates } = await storage.documents.load(articleId);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  for (const update of updates) Y.applyUpdate(doc, update.data);
  return doc;
}

/** An article document's headline, and typing at its end (as a desk would). */
export const headlineOf = (doc: Y.Doc): string => (fieldsMap(doc).get('headline') as Y.Text).toString();
export function typeHeadline(client: Client, text: string): void {
  const headline = fieldsMap(client.doc).get('headline') as Y.Text;
  headline.insert(headline.length, text);
}
