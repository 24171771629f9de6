import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { APP_ENTRY_URL, contentTypeFor, isTrustedIpcSender, isTrustedRendererUrl, resolveAppRequest } from './appProtocol';

const root = path.resolve('/srv/app/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppRequest', () => {
  it('serves files of the build folder', () => {
    expect(resolveAppRequest(root, 'app://newsroom/assets/index-abc.js')).toBe(inRoot('assets', 'index-abc.js'));
    expect(resolveAppRequest(root, 'app://newsroom/assets/index-abc.js?v=1#x')).toBe(inRoot('assets', 'index-abc.js'));
    expect(resolveAppRequest(root, 'app://newsroom/favicon.svg')).toBe(inRoot('favicon.svg'));
    expect(resolveAppRequest(root, 'app://newsroom/assets/My%20Font.woff2')).toBe(inRoot('assets', 'My Font.woff2'));
  });

  it('falls back to index.html for the root and for routes without an extension', () => {
    for (const url of [APP_ENTRY_URL, 'app://newsroom', 'app://newsroom/', 'app://newsroom/articles/42', 'app://newsroom/trash/']) {
      expect(resolveAppRequest(root, url), url).toBe(inRoot('index.html'));
    }
  });

  it('rejects other schemes, hosts, ports and credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      'https://newsroom/index.html',
      'app://evil/index.html',
      'app://newsroom.evil/index.html',
      'app://newsroom:8080/index.html',
      'app://user:pw@newsroom/index.html',
      'not a url',
      '',
    ]) {
      expect(resolveAppRequest(root, url), url).toBeUndefined();
    }
  });

  it('rejects path traversal, plain and encoded', () => {
    for (const url of [
      'app://newsroom/..%2f..%2fetc%2fpasswd',
      'app://newsroom/assets/..%2F..%2F..%2Fetc/passwd.txt',
      'app://newsroom/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://newsroom/assets/%252e%252e/x.js', // decoded once: a file literally named "%2e%2e", still inside
      'app://newsroom/a%5c..%5c..%5csecret.txt',
      'app://newsroom/a\\..\\..\\secret.txt',
      'app://newsroom/%00.js',
      'app://newsroom/index.html%00.png',
      'app://newsroom//etc/passwd.txt',
      'app://newsroom/C:/Windows/win.ini',
      'app://newsroom/file.txt:stream',
      'app://newsroom/%E0%A4%A.js',
    ]) {
      const resolved = resolveAppRequest(root, url);
      if (resolved !== undefined) {
        // The only acceptable outcome besides refusal is a path that stays inside the folder.
        expect(path.relative(root, resolved).startsWith('..'), url).toBe(false);
        expect(resolved.startsWith(root + path.sep), url).toBe(true);
      }
    }
    expect(resolveAppRequest(root, 'app://newsroom/..%2f..%2fetc%2fpasswd')).toBeUndefined();
    expect(resolveAppRequest(root, 'app://newsroom/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeUndefined();
    expect(resolveAppRequest(root, 'app://newsroom/a%5c..%5c..%5csecret.txt')).toBeUndefined();
    expect(resolveAppRequest(root, 'app://newsroom/a\\..\\..\\secret.txt')).toBeUndefined();
    expect(resolveAppRequest(root, 'app://newsroom/%00.js')).toBeUndefined();
    expect(resolveAppRequest(root, 'app://newsroom//etc/passwd.txt')).toBeUndefined();
    expect(resolveAppRequest(root, 'app://newsroom/C:/Windows/win.ini')).toBeUndefined();
    expect(resolveAppRequest(root, 'app://newsroom/%E0%A4%A.js')).toBeUndefined();
  });

  it('keeps dot segments that the URL parser resolves inside the folder', () => {
    // WHATWG URL parsing already collapses "..", including %2e%2e, before we see the path.
    expect(resolveAppRequest(root, 'app://newsroom/assets/../index.html')).toBe(inRoot('index.html'));
    expect(resolveAppRequest(root, 'app://newsroom/../../../etc/passwd.txt')).toBe(inRoot('etc', 'passwd.txt'));
    expect(resolveAppRequest(root, 'app://newsroom/%2e%2e/%2e%2e/secret.txt')).toBe(inRoot('secret.txt'));
  });

  it('treats a lone dot as the root page', () => {
    expect(resolveAppRequest(root, 'app://newsroom/.')).toBe(inRoot('index.html'));
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts only the app origin', () => {
    expect(isTrustedRendererUrl('app://newsroom/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://newsroom/articles/1?x=1')).toBe(true);
    expect(isTrustedRendererUrl('app://newsroom')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'app://newsroom.evil.com/',
      'app://newsroom:1/',
      'app://x@newsroom/',
      'https://newsroom/',
      'http://localhost:5173/',
      'file:///srv/app/dist/renderer/index.html',
      'about:blank',
      'data:text/html,hi',
      '',
      'javascript:alert(1)',
    ]) {
      expect(isTrustedRendererUrl(url), url).toBe(false);
    }
  });
});

describe('isTrustedIpcSender', () => {
  it('requires the app origin and the main frame', () => {
    expect(isTrustedIpcSender({ url: 'app://newsroom/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedIpcSender({ url: 'app://newsroom/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedIpcSender({ url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(isTrustedIpcSender({ url: '', isMainFrame: true })).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('names the types the build emits', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});
