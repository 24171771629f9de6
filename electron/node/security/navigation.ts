/**
 * What the window may navigate to, open, or be granted. The app is one page
 * of its own origin: any other navigation is refused, new windows are never
 * created, and ordinary web links go to the user's browser instead.
 */
import { isTrustedRendererUrl } from './appProtocol';

/** In-window navigation: only within the app's own origin (a reload or client route). */
export function shouldAllowNavigation(url: string): boolean {
  return isTrustedRendererUrl(url);
}

export type WindowOpenDecision = { action: 'deny'; openExternally: boolean };

/** window.open and target=_blank: never a new Electron window; a safe link opens in the browser. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_EXTERNAL_URL_LENGTH = 2_048;

/**
 * Links the OS may open: web pages and mail only, never file:, custom app
 * schemes or anything that launches a program. URLs with embedded
 * credentials are refused: they are a phishing trick
 * (https://bank.example@evil.example/) and a reporter's link never needs one.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return parsed.hostname.length > 0;
}

/**
 * The one permission granted: writing plain text to the clipboard from a
 * button (e.g. "Copy link"). It cannot read anything and is sanitised by
 * Chromium. Everything else (camera, microphone, geolocation, notifications,
 * clipboard read, HID, serial, ...) is denied; and only the app's own page
 * gets even that.
 */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function permissionDecision(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isTrustedRendererUrl(requestingUrl);
}
