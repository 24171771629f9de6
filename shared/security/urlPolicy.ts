/**
 * The one URL policy of the desk. The editor (link command, library rich text), every importer,
 * every exporter, the checklist and the shell's openExternal all ask here, so a link the desk
 * stores is a link it exports and opens, and a link it refuses is refused everywhere.
 *
 * A link is an absolute http, https or mailto URL of at most 2,048 characters, with no spaces,
 * controls or invisible/reordering characters, and:
 * - web links have a host and no user name or password (`https://bank.example@evil.example/` is a
 *   phishing trick, and a reporter's link never needs credentials);
 * - mailto links name recipients and may set only `to`, `cc`, `bcc`, `subject` and `body`, none of
 *   them naming a file: `attach=`/`attachment=` and headers such as `from=` or `in-reply-to=` let a
 *   link make the reader's mail program send a local file or a forged message.
 * Pure: runs in Node and the browser.
 */

export const MAX_URL_LENGTH = 2_048;

const SCHEMES = new Set(['http', 'https', 'mailto']);
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);
// Controls, zero-width and bidi characters: a URL carrying them is a spoofing attempt, not a typo.
const INVISIBLE_CHARS = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;
// Links have no whitespace either (a relative image path may: a file name can).
const HIDDEN_CHARS = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// What a browser takes as the authority of a web URL: after any mix of slashes and backslashes, up to the path.
const WEB_AUTHORITY = /^[a-zA-Z]+:[\\/]*([^\\/?#]*)/;
const EMAIL_ADDRESS = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+$/;
// A file a mail program might attach or open: a file: URL, a UNC path, a drive path or an absolute Unix path.
const NAMES_A_FILE = /file:|^\s*(?:\\\\|[a-zA-Z]:[\\/]|\/)/i;

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

const refuse = (reason: string): UrlVerdict => ({ ok: false, reason });
const NOT_VALID = 'That is not a valid link address.';

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** Trims what the WHATWG URL parser ignores (C0 controls and spaces at the ends, tabs and newlines anywhere). */
function prepare(raw: string): string {
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function checkMailto(url: string, parsed: URL): UrlVerdict {
  const recipients = (decode(parsed.pathname) ?? '').split(',').map((a) => a.trim());
  if (!recipients.some(Boolean)) return refuse('An email link needs an address (mailto:name@example.org).');
  if (!recipients.every((a) => a === '' || EMAIL_ADDRESS.test(a))) return refuse(NOT_VALID);
  for (const [name, value] of parsed.searchParams) {
    const field = name.toLowerCase();
    if (!MAILTO_FIELDS.has(field)) {
      return refuse(`Email links may set only to, cc, bcc, subject and body; remove “${name.slice(0, 40)}=”.`);
    }
    if (NAMES_A_FILE.test(value)) return refuse('Email links cannot name a file on this computer.');
    if ((field === 'to' || field === 'cc' || field === 'bcc') && !value.split(',').every((a) => EMAIL_ADDRESS.test(a.trim()))) return refuse(NOT_VALID);
  }
  return { ok: true, url };
}

/** Whether `raw` may be a link, and the URL to use (trimmed as a browser would) or the plain reason why not. */
export function checkLinkUrl(raw: string): UrlVerdict {
  const url = prepare(raw);
  if (url === '') return refuse('Enter a link address.');
  if (url.length > MAX_URL_LENGTH) return refuse('That link address is too long.');
  if (HIDDEN_CHARS.test(url)) return refuse('Link addresses cannot contain spaces or invisible characters.');
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return refuse(NOT_VALID);
  if (!SCHEMES.has(scheme)) return refuse('Only web (http, https) and email (mailto) links are allowed.');
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${scheme}:`) return refuse(NOT_VALID);
  if (scheme === 'mailto') return checkMailto(url, parsed);
  if (parsed.username !== '' || parsed.password !== '' || WEB_AUTHORITY.exec(url)?.[1]?.includes('@')) {
    return refuse('Web addresses with a user name or password before “@” are not allowed: they can disguise where a link goes.');
  }
  if (parsed.hostname === '') return refuse(NOT_VALID);
  return { ok: true, url };
}

/** The link target to write, or undefined when the link must be dropped (its text is kept). */
export function safeUrl(raw: string): string | undefined {
  const verdict = checkLinkUrl(raw);
  return verdict.ok ? verdict.url : undefined;
}

/** True when `url` is a link exactly as it stands (what the editor stores and the shell opens). */
export function isAllowedLinkUrl(url: string): boolean {
  return typeof url === 'string' && safeUrl(url) === url;
}

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=]+$/i;

/**
 * An image source to write: http(s) (by the link rules above), a base64 raster `data:` image, or a
 * relative path inside the export folder (no scheme, not protocol-relative, no `..` escaping it).
 */
export function safeImageSrc(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const url = prepare(raw);
  if (DATA_IMAGE.test(url)) return url;
  if (url === '' || url.length > MAX_URL_LENGTH || INVISIBLE_CHARS.test(url)) return undefined;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  // A web image address may hold spaces (a CDN file name); they are encoded, not refused as in links.
  if (scheme) return scheme === 'http' || scheme === 'https' ? safeUrl(url.replace(/ /g, '%20')) : undefined;
  if (url.startsWith('/') || url.startsWith('\\')) return undefined;
  if (url.split(/[/\\]/).includes('..')) return undefined;
  return url;
}

/** True for an absolute URL a JSON Schema `format: uri` accepts (scheme + RFC 3986 characters). */
export function isAbsoluteUri(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(value) && !/%(?![0-9a-fA-F]{2})/.test(value);
}
