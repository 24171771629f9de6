import { describe, expect, it } from 'vitest';
import { normalizeLinkUrl } from './links';

describe('normalizeLinkUrl', () => {
  it('adds https to bare hosts', () => {
    expect(normalizeLinkUrl('example.com')).toEqual({ ok: true, url: 'https://example.com/' });
    expect(normalizeLinkUrl('  www.example.com/path?q=1 ')).toEqual({ ok: true, url: 'https://www.example.com/path?q=1' });
    expect(normalizeLinkUrl('example.com:8080/x')).toEqual({ ok: true, url: 'https://example.com:8080/x' });
  });
  it('keeps allowed schemes', () => {
    expect(normalizeLinkUrl('http://example.com/a')).toEqual({ ok: true, url: 'http://example.com/a' });
    expect(normalizeLinkUrl('mailto:desk@example.com')).toEqual({ ok: true, url: 'mailto:desk@example.com' });
  });
  it('turns email addresses into mailto links', () => {
    expect(normalizeLinkUrl('desk@example.com')).toEqual({ ok: true, url: 'mailto:desk@example.com' });
  });
  it('refuses other schemes with a message', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///c', 'ftp://example.com']) {
      const result = normalizeLinkUrl(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/Only web/);
    }
  });
  it('refuses empty, spaced and hostless input', () => {
    expect(normalizeLinkUrl('   ').ok).toBe(false);
    expect(normalizeLinkUrl('not a link').ok).toBe(false);
    expect(normalizeLinkUrl('word').ok).toBe(false);
  });
  it('refuses credentialed web addresses and risky email links, saying why', () => {
    expect(normalizeLinkUrl('https://user:pass@example.com/')).toEqual({ ok: false, message: expect.stringMatching(/user name or password/) });
    expect(normalizeLinkUrl('http://bank.example@evil.example')).toEqual({ ok: false, message: expect.stringMatching(/user name or password/) });
    expect(normalizeLinkUrl('mailto:desk@example.com?attach=/etc/passwd')).toEqual({
      ok: false,
      message: expect.stringMatching(/only to, cc, bcc, subject and body/),
    });
    expect(normalizeLinkUrl('mailto:desk@example.com?subject=Tip&body=Hello')).toEqual({ ok: true, url: 'mailto:desk@example.com?subject=Tip&body=Hello' });
    expect(normalizeLinkUrl('not a link')).toEqual({ ok: false, message: expect.stringMatching(/spaces/) });
  });
});
