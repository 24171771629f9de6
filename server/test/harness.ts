/**
 * Test support: the server built once per test file and run as a real child process on 127.0.0.1
 * (random port), with SQLite in a temp folder or a PostgreSQL database made for the run and dropped
 * after it; raw @hocuspocus/provider clients over `ws`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { StorageLocation } from '../src/storage/storage';

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

export async function startServerProcess(entry: string, backend: Backend, extra: string[] = [], port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, [entry, ...backend.args, '--port', String(port), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
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
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
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
