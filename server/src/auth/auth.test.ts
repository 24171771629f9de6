import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_NAME, signInAllowed } from './signInPolicy';
import { hashToken, looksLikeToken, newSessionToken } from './tokens';

describe('passwords', () => {
  it('hashes with a fresh salt and verifies only the same password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('refuses stored hashes it does not understand or that would cost too much', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$2$3', 'scrypt$1048577$8$1$c2FsdA$a2V5', 'bcrypt$32768$8$1$c2FsdA$a2V5'])
      expect(await verifyPassword('x', stored)).toBe(false);
  });

  it('says in a sentence why a new password is refused', () => {
    expect(passwordProblem('short')).toBe('The password is too short: use at least 10 characters.');
    expect(passwordProblem('x'.repeat(201))).toBe('The password is too long: use at most 200 characters.');
    expect(passwordProblem('long enough!')).toBeUndefined();
  });
});

describe('session tokens', () => {
  it('are random, 256-bit, and stored only as a hash', () => {
    const token = newSessionToken();
    expect(looksLikeToken(token)).toBe(true);
    expect(newSessionToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    for (const bad of ['', 'x'.repeat(42), `${token}=`, `${token.slice(0, 42)}/`, 42, null]) expect(looksLikeToken(bad)).toBe(false);
  });
});

describe('failed sign-in limits', () => {
  it('refuses after too many failures for one name or from one address', () => {
    expect(signInAllowed({ byName: MAX_FAILURES_PER_NAME - 1, byAddress: MAX_FAILURES_PER_ADDRESS - 1 })).toEqual({ ok: true });
    expect(signInAllowed({ byName: MAX_FAILURES_PER_NAME, byAddress: 0 })).toMatchObject({ ok: false, reason: expect.stringMatching(/for this account/) });
    expect(signInAllowed({ byName: 0, byAddress: MAX_FAILURES_PER_ADDRESS })).toMatchObject({ ok: false, reason: expect.stringMatching(/from this computer/) });
  });
});
