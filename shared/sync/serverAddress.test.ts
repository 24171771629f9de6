import { describe, expect, it } from 'vitest';
import { checkServerAddress, isLoopbackHost } from './serverAddress';

const ok = (raw: string, allow: string[] = []) => {
  const verdict = checkServerAddress(raw, allow);
  if (!verdict.ok) throw new Error(verdict.reason);
  return verdict.address;
};

describe('newsroom server addresses', () => {
  it('takes encrypted addresses as typed, with https when no scheme is given', () => {
    expect(ok('newsroom.example.org')).toEqual({
      url: 'https://newsroom.example.org',
      http: 'https://newsroom.example.org',
      ws: 'wss://newsroom.example.org',
      encrypted: true,
    });
    expect(ok('wss://newsroom.example.org:8443/desk/')).toEqual({
      url: 'https://newsroom.example.org:8443/desk',
      http: 'https://newsroom.example.org:8443/desk',
      ws: 'wss://newsroom.example.org:8443/desk',
      encrypted: true,
    });
    expect(ok(' HTTPS://Newsroom.Example.org:443 ').url).toBe('https://newsroom.example.org');
  });

  it('takes plain addresses on this computer (loopback) only', () => {
    expect(ok('http://127.0.0.1:4567')).toMatchObject({ url: 'http://127.0.0.1:4567', ws: 'ws://127.0.0.1:4567', encrypted: false });
    expect(ok('ws://localhost:4567').url).toBe('http://localhost:4567');
    expect(ok('http://[::1]:4567').ws).toBe('ws://[::1]:4567');
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'desk.localhost', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['10.0.0.1', '192.168.1.5', '127.0.0.1.evil.example', 'localhost.example.org', '::ffff:7f00:1', '0.0.0.0']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('refuses an unencrypted address elsewhere unless the user allowed exactly that server', () => {
    for (const raw of ['http://newsroom.lan:4567', 'ws://192.168.1.20:4567', 'http://127.0.0.1.evil.example']) {
      const verdict = checkServerAddress(raw);
      expect(verdict.ok).toBe(false);
      expect(verdict).toMatchObject({ insecureUrl: expect.stringMatching(/^http:\/\//) });
      expect(!verdict.ok && verdict.reason).toMatch(/is not encrypted/);
    }
    expect(ok('ws://newsroom.lan:4567', ['http://newsroom.lan:4567']).ws).toBe('ws://newsroom.lan:4567');
    // Allowing one server allows no other port or host.
    expect(checkServerAddress('http://newsroom.lan:4568', ['http://newsroom.lan:4567']).ok).toBe(false);
    expect(checkServerAddress('http://other.lan:4567', ['http://newsroom.lan:4567']).ok).toBe(false);
  });

  it('refuses what is not a server address, in a sentence', () => {
    const reason = (raw: string) => {
      const verdict = checkServerAddress(raw);
      return verdict.ok ? 'accepted' : verdict.reason;
    };
    expect(reason('')).toMatch(/^Type the address/);
    expect(reason('ftp://newsroom.example.org')).toBe('A newsroom server address starts with https:// (or wss://), not ftp://.');
    expect(reason('https://mara:secret@newsroom.example.org')).toMatch(/carries no name or password/);
    expect(reason('https://newsroom.example.org/?token=1')).toBe('A server address has no ? or # part.');
    expect(reason('https://')).toMatch(/not a server address|names no computer/);
    expect(reason('x'.repeat(600))).toBe('That server address is too long.');
  });
});
