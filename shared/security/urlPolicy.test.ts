import { describe, expect, it } from 'vitest';
import { cleanText, stripBidiControls } from '../export/cleanText';
import { checkLinkUrl, isAllowedLinkUrl, safeImageSrc, safeUrl } from './urlPolicy';

describe('safeUrl', () => {
  it('keeps http, https and mailto links unchanged', () => {
    for (const url of ['https://example.org/a?b=1#c', 'http://example.org', 'mailto:desk@example.org', 'HTTPS://EXAMPLE.ORG/']) {
      expect(safeUrl(url)).toBe(url);
    }
    expect(safeUrl('  https://example.org/\n')).toBe('https://example.org/');
  });

  it('drops every other scheme, however it is disguised', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' \u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'javascript\u0000:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative',
      'relative/path',
      'https://exa\u202Emple.org',
      'https://',
      '',
      'https://example.org/a b',
      `https://example.org/${'a'.repeat(2_100)}`,
    ];
    for (const url of hostile) expect(safeUrl(url), JSON.stringify(url)).toBeUndefined();
  });

  it('refuses web addresses with a user name or password, however written', () => {
    for (const url of [
      'http://user@example.org/',
      'https://user:pass@example.org/',
      'https://:pass@example.org/',
      'https://@example.org/',
      'https://bank.example@evil.example/',
      'https:\\\\bank.example@evil.example/',
      'HTTPS://user@EXAMPLE.org',
      'https://user%40x@example.org/',
    ]) {
      expect(safeUrl(url), url).toBeUndefined();
      const verdict = checkLinkUrl(url);
      expect(verdict.ok || verdict.reason, url).toMatch(/user name or password/);
    }
    // An "@" after the host is an ordinary path or query.
    for (const url of ['https://social.example/@reporter', 'https://example.org/?by=@desk', 'https://example.org/#@x']) expect(safeUrl(url), url).toBe(url);
  });

  it('allows mailto links that set only to, cc, bcc, subject and body, none of them naming a file', () => {
    for (const url of [
      'mailto:desk@example.org',
      'mailto:desk@example.org,tips@example.org',
      'mailto:desk@example.org?subject=Tip%20off&body=Hello%0D%0Athere',
      'mailto:desk@example.org?cc=a@example.org&bcc=b@example.org&to=c@example.org',
      'mailto:desk@example.org?Subject=Hi',
    ]) {
      expect(safeUrl(url), url).toBe(url);
    }
    const refused: [string, RegExp][] = [
      ['mailto:desk@example.org?attach=/etc/passwd', /remove “attach=”/],
      ['mailto:desk@example.org?attachment=C:%5Cboot.ini', /remove “attachment=”/],
      ['mailto:desk@example.org?subject=x&ATTACH=%2Fetc%2Fpasswd', /remove “ATTACH=”/],
      ['mailto:desk@example.org?from=ceo@example.org', /remove “from=”/],
      ['mailto:desk@example.org?in-reply-to=%3Cid%3E', /remove “in-reply-to=”/],
      ['mailto:desk@example.org?body=file:///etc/passwd', /name a file/],
      ['mailto:desk@example.org?body=%5C%5Cserver%5Cshare', /name a file/],
      ['mailto:desk@example.org?cc=not-an-address', /not a valid/],
      ['mailto:?subject=no-recipient', /needs an address/],
      ['mailto:', /needs an address/],
      ['mailto:desk@example.org?subject=Hello there', /spaces/],
    ];
    for (const [url, reason] of refused) {
      expect(safeUrl(url), url).toBeUndefined();
      const verdict = checkLinkUrl(url);
      expect(verdict.ok || verdict.reason, url).toMatch(reason);
    }
  });

  it('allows a link in the editor only exactly as the exporters write it', () => {
    expect(isAllowedLinkUrl('https://example.org/a')).toBe(true);
    expect(isAllowedLinkUrl(' https://example.org/a')).toBe(false);
    expect(isAllowedLinkUrl('https://exa\tmple.org/')).toBe(false);
    expect(isAllowedLinkUrl('https://user@example.org/')).toBe(false);
  });

  it('allows relative image paths inside the export folder and raster data images only', () => {
    expect(safeImageSrc('images/a.jpg')).toBe('images/a.jpg');
    expect(safeImageSrc('https://cdn.example.org/a.jpg')).toBe('https://cdn.example.org/a.jpg');
    expect(safeImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeImageSrc('my photo.jpg')).toBe('my photo.jpg');
    for (const src of [
      'javascript:alert(1)',
      'data:image/svg+xml;base64,PHN2Zz4=',
      '../secret.jpg',
      '/etc/passwd',
      '//evil.example/a.jpg',
      'https://user:pw@cdn.example.org/a.jpg',
      undefined,
    ]) {
      expect(safeImageSrc(src)).toBeUndefined();
    }
  });
});

describe('text policy', () => {
  it('removes bidi overrides and isolates but keeps RTL text and marks', () => {
    expect(stripBidiControls('a\u202Eb\u202Cc\u2066d\u2069')).toBe('abcd');
    expect(cleanText('שלום \u200F world')).toBe('שלום \u200F world');
  });

  it('removes control characters and repairs lone surrogates', () => {
    expect(cleanText('a\u0000b\u0007c\td\r\ne\uD800f')).toBe('abc\td\ne\uFFFDf');
  });
});
