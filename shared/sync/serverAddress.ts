/**
 * Which newsroom server addresses a desk connects to. Links in articles follow
 * shared/security/urlPolicy.ts; this is about where the desk sends its session token and every
 * article it may see, so plain (unencrypted) http/ws is refused unless the server is on this very
 * computer (loopback) or the user allowed it for exactly that server. Pure: Node and browser.
 */

export type ServerAddress = {
  /** The canonical key of the server (scheme, host, port and path, no trailing slash), e.g. `https://newsroom.example.org`. */
  url: string;
  /** Where the HTTP API lives (`${http}/api/...`). */
  http: string;
  /** The WebSocket address for @hocuspocus/provider. */
  ws: string;
  encrypted: boolean;
};

export type ServerAddressVerdict =
  { ok: true; address: ServerAddress } | { ok: false; reason: string; /** Set when only encryption is missing: the url to allow. */ insecureUrl?: string };

const MAX_ADDRESS_LENGTH = 500;

/** 127.0.0.0/8, ::1 and localhost never leave this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Reads an address as typed in Settings (`newsroom.example.org`, `https://…`, `wss://…`,
 * `http://127.0.0.1:4567`); an address without a scheme means https. `allowInsecure` lists the
 * canonical urls (`http://host:port`) the user explicitly allowed without encryption.
 */
export function checkServerAddress(raw: string, allowInsecure: readonly string[] = []): ServerAddressVerdict {
  const typed = raw.trim();
  if (typed === '') return { ok: false, reason: 'Type the address of the newsroom server, for example newsroom.example.org.' };
  if (typed.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: 'That server address is too long.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'That is not a server address: type something like newsroom.example.org.' };
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (!['http', 'https', 'ws', 'wss'].includes(scheme)) {
    return { ok: false, reason: `A newsroom server address starts with https:// (or wss://), not ${scheme}://.` };
  }
  if (parsed.username || parsed.password) return { ok: false, reason: 'A server address carries no name or password: sign in with them instead.' };
  if (parsed.search || parsed.hash) return { ok: false, reason: 'A server address has no ? or # part.' };
  if (!parsed.hostname) return { ok: false, reason: 'That server address names no computer.' };
  const encrypted = scheme === 'https' || scheme === 'wss';
  const path = parsed.pathname.replace(/\/+$/, '');
  const authority = parsed.host; // hostname plus a non-default port, as URL canonicalises it
  const url = `${encrypted ? 'https' : 'http'}://${authority}${path}`;
  if (!encrypted && !isLoopbackHost(parsed.hostname) && !allowInsecure.includes(url)) {
    return {
      ok: false,
      insecureUrl: url,
      reason: `${url} is not encrypted, so your password, session and articles would cross the network readable by anyone on the way. Use https:// (ask your admin), or allow this server without encryption if it is on a network you trust.`,
    };
  }
  return { ok: true, address: { url, http: url, ws: `${encrypted ? 'wss' : 'ws'}://${authority}${path}`, encrypted } };
}
