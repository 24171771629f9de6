/** Which link addresses the body may carry, and how a typed address becomes one. */
import { BODY_LIMITS } from '../model/document';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// Whitespace or control characters hide schemes from naive checks ("java\tscript:").
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

export function isAllowedLinkUrl(url: string): boolean {
  if (!url || url.length > BODY_LIMITS.maxUrlLength || UNSAFE_CHARS.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return parsed.hostname.length > 0;
}

export type NormalizedLink = { ok: true; url: string } | { ok: false; message: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/** Turns what a writer typed into an allowed URL ("example.com" → "https://example.com/"), or says why not. */
export function normalizeLinkUrl(input: string): NormalizedLink {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: 'Enter a link address.' };
  if (UNSAFE_CHARS.test(trimmed)) return { ok: false, message: 'Link addresses cannot contain spaces.' };
  if (trimmed.length > BODY_LIMITS.maxUrlLength) return { ok: false, message: 'That link address is too long.' };

  let candidate = trimmed;
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  // "example.com:8080/path" looks like a scheme but is a host and port.
  const isHostPort = scheme !== undefined && scheme.includes('.') && /^[^:]+:\d+(?:[/?#]|$)/.test(trimmed);
  if (scheme && !isHostPort) {
    if (!ALLOWED_PROTOCOLS.has(`${scheme}:`)) {
      return { ok: false, message: 'Only web (http, https) and email (mailto) links are allowed.' };
    }
  } else if (EMAIL.test(trimmed)) {
    candidate = `mailto:${trimmed}`;
  } else if (trimmed.startsWith('//')) {
    candidate = `https:${trimmed}`;
  } else {
    candidate = `https://${trimmed}`;
  }

  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { ok: false, message: 'That is not a valid link address.' };
  }
  if (parsed.protocol !== 'mailto:' && !/^(localhost|[^.]+\..+|\[.*\])$/.test(parsed.hostname)) {
    return { ok: false, message: 'That is not a valid link address.' };
  }
  const url = parsed.protocol === 'mailto:' ? candidate : parsed.href;
  return isAllowedLinkUrl(url) ? { ok: true, url } : { ok: false, message: 'That is not a valid link address.' };
}
