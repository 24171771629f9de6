/**
 * URL and text policies shared by every exporter. Pure: runs in Node and the browser.
 */

const ALLOWED_LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/*
 * Bidirectional embedding/override (U+202A–U+202E) and isolate (U+2066–U+2069) controls are
 * removed, not escaped: they can visually reorder a headline or link text ("Trojan Source"
 * spoofing), and an unbalanced one leaks into whatever page or CMS field the export is pasted
 * into. Right-to-left text needs none of them to display correctly — the Unicode bidi
 * algorithm orders it — and the non-overriding marks (LRM, RLM, ALM) are kept.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/* C0/C1 controls other than tab and newline are invalid in XML (docx) and parse errors in HTML. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Text as every exporter writes it: no bidi overrides, no control characters, well-formed UTF-16, `\r\n` → `\n`. */
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROL_CHARS, '')
    .replace(LONE_SURROGATES, '\uFFFD');
}

/** Single-line text for titles and attribute-like fields: newlines and tabs become spaces. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[\n\t]/g, ' ');
}

function prepareUrl(raw: string): string | undefined {
  // As the WHATWG URL parser does: leading/trailing C0 controls and spaces are ignored, tabs and newlines anywhere removed.
  const trimmed = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (trimmed === '' || trimmed.length > 2_048) return undefined;
  // Anything else invisible or reordering inside a URL is a spoofing attempt, not a typo.
  if (/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(trimmed)) return undefined;
  return trimmed;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The link target to write, or undefined when the link must be dropped (its text is kept).
 * Only absolute http, https and mailto URLs survive; relative and protocol-relative ones have no
 * meaning outside the editor. Returns the trimmed original so the URL round-trips unchanged.
 */
export function safeUrl(raw: string): string | undefined {
  const url = prepareUrl(raw);
  if (url === undefined) return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme || !ALLOWED_LINK_SCHEMES.has(scheme[1]!.toLowerCase() + ':')) return undefined;
  const parsed = parse(url);
  if (!parsed || !ALLOWED_LINK_SCHEMES.has(parsed.protocol)) return undefined;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return undefined;
  return url;
}

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=]+$/i;

/**
 * An image source to write: http(s), a base64 raster `data:` image, or a relative path inside the
 * export folder (no scheme, not protocol-relative, no `..` escaping the folder).
 */
export function safeImageSrc(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const url = prepareUrl(raw);
  if (url === undefined) return undefined;
  if (DATA_IMAGE.test(url)) return url;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) {
    const s = scheme[1]!.toLowerCase();
    return (s === 'http' || s === 'https') && parse(url)?.hostname ? url : undefined;
  }
  if (url.startsWith('/') || url.startsWith('\\')) return undefined;
  if (url.split(/[/\\]/).includes('..')) return undefined;
  return url;
}

/** True for an absolute URL a JSON Schema `format: uri` accepts (scheme + RFC 3986 characters). */
export function isAbsoluteUri(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(value) && !/%(?![0-9a-fA-F]{2})/.test(value);
}
