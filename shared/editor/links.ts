/** How a typed address becomes a link (which links are allowed: shared/security/urlPolicy). */
import { checkLinkUrl } from '../security/urlPolicy';

export type NormalizedLink = { ok: true; url: string } | { ok: false; message: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/** Turns what a writer typed into an allowed URL ("example.com" → "https://example.com/"), or says why not. */
export function normalizeLinkUrl(input: string): NormalizedLink {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: 'Enter a link address.' };
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  // "example.com:8080/path" looks like a scheme but is a host and port.
  const isHostPort = scheme !== undefined && scheme.includes('.') && /^[^:]+:\d+(?:[/?#]|$)/.test(trimmed);
  let candidate = trimmed;
  if (!scheme || isHostPort) {
    if (EMAIL.test(trimmed)) candidate = `mailto:${trimmed}`;
    else if (trimmed.startsWith('//')) candidate = `https:${trimmed}`;
    else candidate = `https://${trimmed}`;
  }
  // The policy says why an address is refused (a space, a scheme, credentials, a mail field).
  const verdict = checkLinkUrl(candidate);
  if (!verdict.ok) return { ok: false, message: verdict.reason };
  const parsed = new URL(verdict.url);
  if (parsed.protocol === 'mailto:') return { ok: true, url: verdict.url };
  if (!/^(localhost|[^.]+\..+|\[.*\])$/.test(parsed.hostname)) return { ok: false, message: 'That is not a valid link address.' };
  return { ok: true, url: parsed.href };
}
