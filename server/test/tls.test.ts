/** wss:// with a certificate and key given on the command line (a self-signed one made by openssl). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildServerForTests,
  connect,
  runCli,
  sqliteBackend,
  startServerProcess,
  synced,
  until,
  type Backend,
  type Client,
  type ServerProcess,
} from './harness';
import { fieldsMap } from '../../shared/sync/articleDoc';
import type * as Y from 'yjs';

function httpsJson(url: string, ca: Buffer, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        ca,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('newsroom server over TLS', () => {
  let entry = '';
  let cleanupBuild = () => {};
  let dir = '';
  let backend: Backend;
  let server: ServerProcess;
  let ca: Buffer;
  const clients: Client[] = [];

  beforeAll(async () => {
    ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(path.join(dir, 'cert.pem'));
    backend = sqliteBackend();
    const added = await runCli(entry, backend, ['account', 'add', '--name', 'Tomas', '--role', 'editor', '--password', 'tomas-password-1']);
    if (added.code !== 0) throw new Error(`account add failed: ${JSON.stringify(added)}`);
    server = await startServerProcess(entry, backend, ['--host', '127.0.0.1', '--cert', path.join(dir, 'cert.pem'), '--key', path.join(dir, 'key.pem')]);
    // A build, a key pair, an account command and a server process: a test's budget, not a hook's 10 s.
  }, 30_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    server?.child.kill('SIGKILL');
    await server?.exited;
    await backend?.cleanup();
    rmSync(dir, { recursive: true, force: true });
    cleanupBuild();
  });

  it('serves the API over https and documents over wss, verified against the certificate', async () => {
    expect(server.ws).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(await httpsJson(`${server.http}/api/health`, ca)).toEqual({ status: 200, body: { name: 'newsroom-server', protocol: 1 } });
    const { body } = await httpsJson(`${server.http}/api/sign-in`, ca, { name: 'Tomas', password: 'tomas-password-1' });
    const id = crypto.randomUUID();
    expect((await httpsJson(`${server.http}/api/articles`, ca, { id }, body.token)).status).toBe(201);

    class TrustingWebSocket extends WebSocket {
      constructor(address: string) {
        super(address, { ca });
      }
    }
    const a = connect(server.ws, `article:${id}`, body.token, { polyfill: TrustingWebSocket });
    const b = connect(server.ws, `article:${id}`, body.token, { polyfill: TrustingWebSocket });
    clients.push(a, b);
    await until('both synced over wss', () => synced(a) && synced(b));
    (fieldsMap(a.doc).get('headline') as Y.Text).insert(0, 'Over TLS');
    await until('the edit crossed', () => (fieldsMap(b.doc).get('headline') as Y.Text).toString() === 'Over TLS');
  });

  it('does not speak plain ws:// or unverified TLS on the TLS port', async () => {
    const plain = new WebSocket(server.ws.replace('wss:', 'ws:'));
    await expect(new Promise((resolve, reject) => (plain.once('open', resolve), plain.once('error', reject)))).rejects.toThrow();
    const unverified = new WebSocket(server.ws);
    await expect(new Promise((resolve, reject) => (unverified.once('open', resolve), unverified.once('error', reject)))).rejects.toThrow(/self[- ]signed/i);
  });
});
