import { describe, expect, it } from 'vitest';
import { cleanText, safeImageSrc, safeUrl, stripBidiControls } from './safeUrl';

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
    ];
    for (const url of hostile) expect(safeUrl(url), JSON.stringify(url)).toBeUndefined();
  });

  it('allows relative image paths inside the export folder and raster data images only', () => {
    expect(safeImageSrc('images/a.jpg')).toBe('images/a.jpg');
    expect(safeImageSrc('https://cdn.example.org/a.jpg')).toBe('https://cdn.example.org/a.jpg');
    expect(safeImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    for (const src of ['javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', '../secret.jpg', '/etc/passwd', '//evil.example/a.jpg', undefined]) {
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
