/** A real newsroom server process for the benches (embedded SQLite in a temp folder), with one account. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserHost } from '../electron/browser-host/server';
import { ROOT, tempDir } from './lib';

const ENTRY = path.join(ROOT, 'dist/node/newsroom-server.mjs');

export type BenchServer = { http: string; child: ChildProcess; stop: () => Promise<void> };
export type BenchAccount = { name: string; password: string; role: 'writer' | 'editor' };

export async function startBenchServer(accounts: BenchAccount[]): Promise<BenchServer> {
  const dir = tempDir('server');
  for (const account of accounts) {
    const cli = spawn(process.execPath, [ENTRY, '--data', dir, 'account', 'add', '--name', account.name, '--role', account.role], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    cli.stdin!.end(`${account.password}\n`);
    await new Promise((resolve) => cli.once('exit', resolve));
  }
  const child = spawn(process.execPath, [ENTRY, '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then(() => reject(new Error(`newsroom-server stopped: ${out}`)));
  });
  return {
    http: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls the host's IPC over HTTP as its own page would (no Origin header from Node counts as the page). */
export async function hostCall<T>(host: BrowserHost, channel: string, request: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(request),
  });
  const result = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Signs the host's desk in to the server, as Settings ▸ Newsroom server does. */
export async function signInHost(host: BrowserHost, server: BenchServer, account: BenchAccount): Promise<void> {
  await hostCall(host, 'sync:configure', { server: server.http });
  await hostCall(host, 'sync:signIn', { name: account.name, password: account.password });
}
