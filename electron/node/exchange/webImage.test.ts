import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWebImage, isPublicAddress } from './webImage';

const PNG = fs.readFileSync(path.resolve(__dirname, '../../../e2e/fixtures/images/test-photo.png'));
let server: http.Server;
let base: string;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    const url = req.url ?? '';
    if (url === '/photo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (url === '/renamed.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from('<html>not an image</html>'));
    if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5));
      return res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/photo.png' }).end();
    }
    if (url === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (url === '/huge') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      // No content-length: the cap is enforced while reading.
      const chunk = Buffer.alloc(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 2 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 2 * 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      return pump();
    }
    if (url === '/slow') return setTimeout(() => res.writeHead(200).end(PNG), 2_000);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const local = { allowPrivateAddresses: true };

describe('fetchWebImage', () => {
  it('downloads an image, names it from the address and sends no credentials', async () => {
    const image = await fetchWebImage(`${base}/photo.png`, local);
    expect(image).toEqual({ fileName: 'photo.png', mimeType: 'image/png', bytes: PNG });
    const headers = seen.at(-1)!;
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
  });

  it('follows a few redirects, each checked again, and no more', async () => {
    expect((await fetchWebImage(`${base}/hop/2`, local)).bytes.equals(PNG)).toBe(true);
    await expect(fetchWebImage(`${base}/hop/3`, local)).rejects.toThrow(/redirects too many times/);
    await expect(fetchWebImage(`${base}/to-file`, local)).rejects.toThrow(/Only web/);
  });

  it('refuses loopback and private addresses unless a test allows them, also after a redirect', async () => {
    await expect(fetchWebImage(`${base}/photo.png`)).rejects.toThrow('127.0.0.1 is not on the public internet.');
    await expect(fetchWebImage(`http://localhost:${new URL(base).port}/photo.png`)).rejects.toThrow('localhost is not on the public internet.');
    await expect(fetchWebImage('http://[::1]/a.png')).rejects.toThrow(/not on the public internet/);
    await expect(fetchWebImage('http://10.1.2.3/a.png')).rejects.toThrow(/not on the public internet/);
    for (const address of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946']) expect(isPublicAddress(address), address).toBe(true);
  });

  it('refuses what is not a web image address', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/a.png', 'https://user:pw@example.org/a.png', 'javascript:alert(1)']) {
      await expect(fetchWebImage(url, local), url).rejects.toThrow();
    }
  });

  it('checks the bytes with the image sniffer, caps the size while reading and keeps to the time limit', async () => {
    await expect(fetchWebImage(`${base}/renamed.jpg`, local)).rejects.toThrow('The address is not a PNG, JPEG, GIF or WebP image.');
    await expect(fetchWebImage(`${base}/huge`, { ...local, maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/);
    await expect(fetchWebImage(`${base}/slow`, { ...local, timeoutMs: 300 })).rejects.toThrow(/took too long/);
    await expect(fetchWebImage(`${base}/missing.png`, local)).rejects.toThrow(/answered 404/);
  });
});

describe('fetchWebImage limited to some hosts (tests)', () => {
  it('refuses any other host before looking it up', async () => {
    await expect(fetchWebImage('https://cdn.example.com/a.jpg', { onlyHosts: ['127.0.0.1'] })).rejects.toThrow(
      'cdn.example.com is not a host this desk may fetch from.',
    );
    expect((await fetchWebImage(`${base}/photo.png`, { ...local, onlyHosts: ['127.0.0.1'] })).bytes.equals(PNG)).toBe(true);
  });
});
