/**
 * Fetches an image named in a web-page paste so it can be stored like any other image (the desk
 * never hot-links). The page cannot reach the network itself; this is the one way in, and it takes
 * only what a public web image is: http(s) by the one URL policy, no credentials or cookies, a
 * public address (checked on the address actually connected to, so DNS cannot swap it), few
 * redirects (each checked again), a size cap while reading, a time limit, and bytes that the image
 * sniffer recognises.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import { AppError, MAX_ASSET_BYTES, type ImageMimeType } from '../../../shared/ipc/contract';
import { checkLinkUrl } from '../../../shared/security/urlPolicy';
import { sniffImageType } from '../store/assetStore';

export type WebImageOptions = {
  /** Tests only: lets a local test server answer. Never set by the app. */
  allowPrivateAddresses?: boolean;
  /** Tests only: the host names that may be fetched; any other is refused before a lookup, so tests stay off the network. */
  onlyHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};

export type WebImage = { fileName: string; mimeType: ImageMimeType; bytes: Buffer };

const TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;

/** Loopback, private, link-local, shared, multicast and reserved ranges: never a public web image. */
const NOT_PUBLIC = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NOT_PUBLIC.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(prefix, bits, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  return !NOT_PUBLIC.check(address, 'ipv6');
}

const refused = (why: string) => new AppError('NOT_ALLOWED', why);

/** Resolves as usual, then refuses the connection when an address is not public. */
function publicLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (bad || list.length === 0) return callback(refused(`${hostname} is not on the public internet.`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function checkedUrl(raw: string, allowPrivate: boolean, onlyHosts?: readonly string[]): URL {
  const verdict = checkLinkUrl(raw);
  if (!verdict.ok) throw refused(verdict.reason);
  const url = new URL(verdict.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused('Only web (http, https) images can be fetched.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (onlyHosts && !onlyHosts.includes(host)) throw refused(`${host} is not a host this desk may fetch from.`);
  // An address written as a number is connected to without a lookup, so it is checked here.
  if (net.isIP(host) && !allowPrivate && !isPublicAddress(host)) throw refused(`${host} is not on the public internet.`);
  return url;
}

type Answer = { status: number; location?: string; bytes?: Buffer };

function request(url: URL, options: Required<Pick<WebImageOptions, 'allowPrivateAddresses' | 'maxBytes'>>, deadline: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(
      url,
      {
        lookup: publicLookup(options.allowPrivateAddresses),
        headers: { accept: 'image/png,image/jpeg,image/gif,image/webp', 'user-agent': 'Newsroom Desk' },
        timeout: Math.max(1, deadline - Date.now()),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          return resolve({ status, location: res.headers.location });
        }
        if (status !== 200) {
          res.resume();
          return resolve({ status });
        }
        const declared = Number(res.headers['content-length']);
        if (declared > options.maxBytes) {
          req.destroy();
          return reject(refused(`The image is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB.`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy(refused(`The image is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB.`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status, bytes: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new AppError('INTERNAL', 'The image took too long to download.')), Math.max(1, deadline - Date.now()));
    req.on('timeout', () => req.destroy(new AppError('INTERNAL', 'The image took too long to download.')));
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
  });
}

/** A file name from the URL's last path segment, with the extension of what the bytes are. */
function fileNameFor(url: URL, mimeType: ImageMimeType): string {
  const extension = mimeType === 'image/jpeg' ? 'jpg' : mimeType.slice('image/'.length);
  let last = '';
  try {
    last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    // A malformed escape: fall back to a plain name.
  }
  const stem = last
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 100);
  return `${stem || 'web-image'}.${extension}`;
}

/** Downloads one web image; throws an AppError with a plain reason when it cannot or must not. */
export async function fetchWebImage(raw: string, options: WebImageOptions = {}): Promise<WebImage> {
  const settings = {
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
    maxBytes: Math.min(options.maxBytes ?? MAX_ASSET_BYTES, MAX_ASSET_BYTES),
  };
  const deadline = Date.now() + settings.timeoutMs;
  let url = checkedUrl(raw, settings.allowPrivateAddresses, options.onlyHosts);
  for (let redirects = 0; ; redirects++) {
    let answer: Answer;
    try {
      answer = await request(url, settings, deadline);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('INTERNAL', `The image could not be downloaded (${(error as NodeJS.ErrnoException).code ?? 'network error'}).`);
    }
    if (answer.location !== undefined) {
      if (redirects >= (options.maxRedirects ?? MAX_REDIRECTS)) throw refused('The image address redirects too many times.');
      let next: string;
      try {
        next = new URL(answer.location, url).href;
      } catch {
        throw refused('The image address redirects to an invalid address.');
      }
      url = checkedUrl(next, settings.allowPrivateAddresses, options.onlyHosts);
      continue;
    }
    if (!answer.bytes) throw new AppError('INTERNAL', `The image could not be downloaded (the server answered ${answer.status}).`);
    if (answer.bytes.length === 0) throw refused('The image is empty.');
    const mimeType = sniffImageType(answer.bytes);
    if (!mimeType) throw refused('The address is not a PNG, JPEG, GIF or WebP image.');
    return { fileName: fileNameFor(url, mimeType), mimeType, bytes: answer.bytes };
  }
}
