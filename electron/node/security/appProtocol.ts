/**
 * The app:// protocol that serves the built renderer (dist/renderer) to the
 * window. Serving from a custom privileged scheme instead of file:// gives the
 * UI a real origin for the CSP and the IPC sender check, and confines what it
 * can read to one folder.
 *
 * Out of scope: a symlink inside the folder that points outside it. The folder
 * is our own build output (inside the signed asar when packaged), so we do not
 * realpath every request.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'newsroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parseAppUrl(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return undefined;
  // Chromium lower-cases the host of a standard scheme; Node's URL does not for unknown schemes.
  if (parsed.hostname.toLowerCase() !== APP_HOST || parsed.port !== '') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed;
}

/** True only for pages of the app's own origin: the one renderer the IPC may trust. */
export function isTrustedRendererUrl(url: string): boolean {
  return parseAppUrl(url) !== undefined;
}

/**
 * Maps an app:// request to a file inside rootDir, or undefined when the URL
 * is for another host or tries to leave the folder. Paths without an
 * extension fall back to index.html so client-side routes survive a reload.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): string | undefined {
  const url = parseAppUrl(requestUrl);
  if (!url) return undefined;
  const rawPath = url.pathname;
  if (rawPath.includes('\\') || rawPath.includes('\0')) return undefined;

  const rawSegments = rawPath.split('/').slice(1); // pathname starts with '/' (or is empty)
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    const last = index === rawSegments.length - 1;
    if (segment === '' && last) break; // a trailing slash
    // Empty ("//"), dot segments, encoded separators, NUL and drive letters or streams (":") never name a built file.
    if (segment === '' || segment === '.' || segment === '..') return undefined;
    if (/[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }

  const lastSegment = segments.at(-1);
  const wantsFile = lastSegment !== undefined && path.extname(lastSegment) !== '';
  const root = path.resolve(rootDir);
  const target = wantsFile ? path.resolve(root, ...segments) : path.join(root, 'index.html');
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return target;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The IPC gate: only the app page itself, in the window's main frame (never an iframe it might host). */
export function isTrustedIpcSender(sender: { url: string; isMainFrame: boolean }): boolean {
  return sender.isMainFrame && isTrustedRendererUrl(sender.url);
}
