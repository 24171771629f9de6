import { describe, it, expect } from 'vitest';
import { isSafeExternalUrl, permissionDecision, shouldAllowNavigation, windowOpenDecision } from './navigation';

describe('shouldAllowNavigation', () => {
  it('allows only the app origin', () => {
    expect(shouldAllowNavigation('app://newsroom/index.html')).toBe(true);
    expect(shouldAllowNavigation('app://newsroom/articles/3')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://localhost/',
      'file:///etc/passwd',
      'app://other/',
      'about:blank',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(shouldAllowNavigation(url), url).toBe(false);
    }
  });
});

describe('windowOpenDecision', () => {
  it('always denies a new window and opens only safe links externally', () => {
    expect(windowOpenDecision('https://example.com/story')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('mailto:desk@example.com')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('mailto:desk@example.com?attach=/etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('http://user@example.com/')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('app://newsroom/index.html')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts web and mail links', () => {
    for (const url of ['https://example.com/', 'http://example.com/a?b=c#d', 'mailto:desk@example.com?subject=Hi']) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
  });

  it('rejects other schemes, credentials, garbage and huge URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'vbscript:x',
      'smb://server/share',
      'ms-msdt:/id',
      'app://newsroom/',
      'https://bank.example@evil.example/',
      'https://user:pass@example.com/',
      'http://user@example.com/',
      'mailto:desk@example.com?attach=/etc/passwd',
      'mailto:desk@example.com?attachment=%2Fhome%2Fme%2F.ssh%2Fid_rsa',
      'mailto:desk@example.com?from=boss@example.com',
      'mailto:',
      'https://',
      'example.com',
      '',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('permissionDecision', () => {
  it('denies everything but sanitised clipboard writes from the app', () => {
    expect(permissionDecision('clipboard-sanitized-write', 'app://newsroom/index.html')).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen', 'pointerLock']) {
      expect(permissionDecision(permission, 'app://newsroom/index.html'), permission).toBe(false);
    }
  });
});
