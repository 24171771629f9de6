import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_REQUEST_BYTES, startBrowserHost, type BrowserHost } from './server';

const INDEX_HTML = '<!doctype html><title>Newsroom Desk test page</title>';
const SECRET = 'TOP-SECRET-CONTENTS-7f3a';

let dir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-host-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Files beside the renderer folder that must never be served.
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ secret: SECRET }));
  host = await startBrowserHost({ dbPath: path.join(dir, 'host.db'), rendererDir, token: 'test-token-123', appVersion: '9.9.9' });
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw request: the path is sent exactly as given (no normalisation), any Host header allowed. */
function request(method: string, rawPath: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: rawPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { authorization: 'Bearer test-token-123', 'content-type': 'application/json' };
const ipc = (channel: string, payload: unknown, headers: Record<string, string> = auth) => request('POST', `/ipc/${channel}`, headers, JSON.stringify(payload));

function dbSnapshot(): string {
  const db = host.session.database()!;
  const hash = createHash('sha256');
  for (const { name } of db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all()) {
    const rows = db
      .prepare(`SELECT * FROM "${name}"`)
      .raw()
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
    hash.update(name + rows.join('\n'));
  }
  return hash.digest('hex');
}

describe('browser host IPC', () => {
  it('answers a call with the right token', async () => {
    const reply = await ipc('articles:list', { view: 'active' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/application\/json/);
    expect(reply.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(true);
    expect(body.value.total).toBe(1); // seeded on create
    const info = JSON.parse((await ipc('app:info', {})).body);
    expect(info.value).toMatchObject({ appVersion: '9.9.9', runtime: 'browser-host' });
  });

  it('accepts same-origin browser headers', async () => {
    const reply = await ipc('articles:list', { view: 'active' }, { ...auth, origin: host.origin, 'sec-fetch-site': 'same-origin' });
    expect(JSON.parse(reply.body).ok).toBe(true);
  });

  it('refuses a missing or wrong token with 401', async () => {
    const variants: Record<string, string>[] = [
      { 'content-type': 'application/json' },
      { authorization: 'Bearer wrong-token-123' },
      { authorization: 'Bearer test-token-12' },
      { authorization: 'Bearer test-token-1234' },
      { authorization: 'test-token-123' },
      { authorization: 'Basic test-token-123' },
      { authorization: 'Bearer ' },
    ];
    for (const headers of variants) {
      const reply = await ipc('articles:list', { view: 'active' }, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('UNTRUSTED_SENDER');
    }
  });

  it('refuses a wrong Host header with 421 (DNS rebinding)', async () => {
    for (const h of [`evil.example:${host.port}`, `localhost:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      const reply = await ipc('articles:list', { view: 'active' }, { ...auth, host: h });
      expect(reply.status, h).toBe(421);
    }
    const page = await request('GET', '/', { host: `evil.example:${host.port}` });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain(INDEX_HTML);
    // HTTP/1.0 without any Host header.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 421/);
  });

  it('refuses cross-origin and cross-site calls as UNTRUSTED_SENDER and writes nothing', async () => {
    const before = dbSnapshot();
    const variants: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: `http://localhost:${host.port}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: host.origin, 'sec-fetch-site': 'cross-site' },
    ];
    for (const extra of variants) {
      const reply = await ipc('articles:create', { fields: { headline: 'Injected' } }, { ...auth, ...extra });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body).error?.code, JSON.stringify(extra)).toBe('UNTRUSTED_SENDER');
    }
    expect(dbSnapshot()).toBe(before);
  });

  it('allows only POST on /ipc', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const reply = await request(method, '/ipc/articles:list', auth);
      expect(reply.status, method).toBe(405);
    }
  });

  it('refuses invalid JSON with 400', async () => {
    for (const body of ['{not json', '', '{"view":', 'undefined']) {
      const reply = await request('POST', '/ipc/articles:list', auth, body);
      expect(reply.status, body).toBe(400);
      expect(JSON.parse(reply.body).error.code).toBe('INVALID_PAYLOAD');
    }
  });

  it('answers unknown channels and bad payloads with typed errors, not crashes', async () => {
    expect(JSON.parse((await ipc('articles:drop', {})).body).error.code).toBe('UNKNOWN_CHANNEL');
    expect(JSON.parse((await ipc('__proto__', {})).body).error.code).toBe('UNKNOWN_CHANNEL');
    const bad = await request('POST', '/ipc/%E0%A4%A', auth, '{}');
    expect(bad.status).toBeLessThan(500);
    expect(JSON.parse(bad.body).error.code).toBe('UNKNOWN_CHANNEL');
    expect(JSON.parse((await ipc('articles:list', null)).body).error.code).toBe('INVALID_PAYLOAD');
    expect(JSON.parse((await ipc('articles:list', { view: 'all' })).body).error.code).toBe('INVALID_PAYLOAD');
    // An encoded channel name is decoded.
    expect(JSON.parse((await ipc(encodeURIComponent('articles:list'), { view: 'active' })).body).ok).toBe(true);
  });

  it('refuses a declared oversized body with 413 without waiting for it', async () => {
    let pending: http.ClientRequest | undefined;
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/ipc/articles:list',
          agent: false,
          headers: { ...auth, 'content-length': String(MAX_REQUEST_BYTES + 1) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.write('{"view":"active"'); // and then nothing more: the server must not wait for the rest
      pending = req;
    });
    pending?.destroy();
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe('INVALID_PAYLOAD');
  });

  it('refuses a streamed body over MAX_REQUEST_BYTES with 413 without waiting for its end', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const stopAt = MAX_REQUEST_BYTES + 8 * chunk.length;
    let sent = 0;
    let req: http.ClientRequest | undefined;
    const reply = await new Promise<Reply>((resolve, reject) => {
      req = http.request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: '/ipc/articles:list', agent: false, headers: { ...auth, 'transfer-encoding': 'chunked' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      // Send a little more than the limit and never end the request: a server that waited for the
      // whole body (to buffer it) would never answer.
      const pump = () => {
        while (sent < stopAt) {
          sent += chunk.length;
          if (!req!.write(chunk)) return void req!.once('drain', pump);
        }
      };
      pump();
    });
    req?.destroy();
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe('INVALID_PAYLOAD');
    // The host still answers afterwards.
    expect(JSON.parse((await ipc('articles:list', { view: 'active' })).body).ok).toBe(true);
  });
});

describe('browser host static files', () => {
  it('serves index.html for / with a Content-Security-Policy', async () => {
    const reply = await request('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-security-policy']).toBeTruthy();
    expect(reply.headers['content-security-policy']).toMatch(/default-src/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-type']).toMatch(/text\/html/);
  });

  it('serves built assets and HEAD without a body', async () => {
    const js = await request('GET', '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe('console.log(1)');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const head = await request('HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await request('POST', '/')).status).toBe(405);
    expect((await request('GET', '/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/secret.txt',
      '/..%2f..%2fetc/passwd',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '//etc/passwd',
      '/assets/../../secret.txt',
      '/secret.txt%00.js',
      '/%00',
      `${dir}/secret.txt`,
      '/etc/passwd',
    ];
    for (const attempt of attempts) {
      const reply = await request('GET', attempt);
      expect(reply.body, attempt).not.toContain(SECRET);
      expect(reply.body, attempt).not.toMatch(/root:.*:0:0:/);
      // Either refused, or the app shell for a client-side route; nothing else.
      if (reply.status === 200) expect(reply.body, attempt).toBe(INDEX_HTML);
      else expect(reply.status, attempt).toBe(404);
    }
    // Paths that name a file (have an extension) outside the folder are plain 404s.
    for (const attempt of ['/../package.json', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt']) {
      expect((await request('GET', attempt)).status, attempt).toBe(404);
    }
  });
});

describe('browser host, when a renderer file cannot be read', () => {
  it('drops that response and keeps serving (a read error such as EMFILE does not take the host down)', async () => {
    const spy = vi.spyOn(fs, 'createReadStream').mockImplementationOnce(
      () =>
        new Readable({
          read() {
            this.destroy(Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' }));
          },
        }) as fs.ReadStream,
    );
    await request('GET', '/assets/app.js').catch(() => undefined);
    spy.mockRestore();
    const after = await request('GET', '/assets/app.js');
    expect(after.status).toBe(200);
    expect(after.body).toBe('console.log(1)');
  });
});

describe('browser host paths: the page picks from what the host was started with', () => {
  it('offers its folders by id, exports into one, and refuses a path the page names', async () => {
    const rendererDir = path.join(dir, 'renderer');
    const exportsDir = path.join(dir, 'offered-exports');
    const other = await startBrowserHost({
      dbPath: path.join(dir, 'paths.db'),
      rendererDir,
      token: 'paths-token-456',
      offer: { exportFolders: [exportsDir], databases: [path.join(dir, 'host.db')] },
    });
    const call = async (channel: string, payload: unknown) => {
      const res = await fetch(`${other.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { authorization: 'Bearer paths-token-456' },
        body: JSON.stringify(payload),
      });
      return (await res.json()) as { ok: boolean; value?: any; error?: { code: string } };
    };
    try {
      const folders = await call('paths:list', { kind: 'export-folder' });
      expect(folders.value.canPick).toBe(false);
      expect(folders.value.paths.map((p: { path: string }) => p.path)).toEqual([exportsDir, path.join(os.homedir(), 'Newsroom exports')]);
      const databases = await call('paths:list', { kind: 'database' });
      expect(databases.value.paths.map((p: { path: string }) => p.path)).toEqual([path.join(dir, 'host.db'), path.join(dir, 'paths.db')]);
      expect((await call('paths:pick', { kind: 'export-folder' })).error?.code).toBe('NOT_ALLOWED');

      const articleId = other.session.store().listArticles({ view: 'active' }).items[0]!.id;
      const named = await call('exchange:export', { articleIds: [articleId], formats: ['txt'], folder: path.join(dir, 'elsewhere') });
      expect(named.error?.code).toBe('INVALID_PAYLOAD');
      const asId = await call('exchange:export', { articleIds: [articleId], formats: ['txt'], folderId: path.join(dir, 'elsewhere') });
      expect(asId.error?.code).toBe('INVALID_PAYLOAD');
      expect(fs.existsSync(path.join(dir, 'elsewhere'))).toBe(false);

      const { jobId } = (await call('exchange:export', { articleIds: [articleId], formats: ['txt'], folderId: folders.value.paths[0].id })).value;
      while ((await call('exchange:jobStatus', { jobId })).value.state === 'running') await new Promise((r) => setTimeout(r, 5));
      expect(fs.readdirSync(exportsDir)).toEqual(['harbour-city-votes-to-build-flood-barrier-after-decade-of-debate.txt']);
    } finally {
      await other.close();
    }
  });
});
