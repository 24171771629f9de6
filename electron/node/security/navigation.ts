/**
 * What the window may navigate to, open, or be granted. The app is one page
 * of its own origin: any other navigation is refused, new windows are never
 * created, and ordinary web links go to the user's browser instead.
 */
import { isAllowedLinkUrl } from '../../../shared/security/urlPolicy';
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

/**
 * Links the OS may open (shell.openExternal): exactly the links the editor may hold, by the one URL
 * policy — web pages and mail, never file:, custom app schemes, credentials or mail attachments.
 */
export function isSafeExternalUrl(url: string): boolean {
  return isAllowedLinkUrl(url);
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
