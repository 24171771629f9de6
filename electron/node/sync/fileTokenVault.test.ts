import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileTokenVault, type TokenCipher } from './fileTokenVault';

/** A real cipher (AES-GCM with a key this test holds), standing in for the OS keychain behind safeStorage. */
function aesCipher(key = crypto.randomBytes(32), available = true): TokenCipher {
  return {
    available: () => available,
    encrypt(text) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vault-'));
  dirs.push(dir);
  return path.join(dir, 'sync-tokens.json');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the token vault', () => {
  it('keeps a token across restarts, sealed: the file never holds it in clear', () => {
    const file = tempFile();
    const cipher = aesCipher();
    fileTokenVault(file, cipher).write('https://news.example', 'tok-1234567890-secret');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('tok-1234567890-secret');
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(fileTokenVault(file, cipher).read('https://news.example')).toBe('tok-1234567890-secret');
  });

  it('forgets a token on sign-out, and another key cannot read it', () => {
    const file = tempFile();
    const cipher = aesCipher();
    const vault = fileTokenVault(file, cipher);
    vault.write('https://a.example', 'token-a-xxxxxxxxxxxxxxxx');
    vault.write('https://b.example', 'token-b-xxxxxxxxxxxxxxxx');
    expect(fileTokenVault(file, aesCipher()).read('https://a.example')).toBeUndefined();
    vault.clear('https://a.example');
    const next = fileTokenVault(file, cipher);
    expect(next.read('https://a.example')).toBeUndefined();
    expect(next.read('https://b.example')).toBe('token-b-xxxxxxxxxxxxxxxx');
  });

  it('keeps tokens in memory only when the system cannot encrypt', () => {
    const file = tempFile();
    const vault = fileTokenVault(file, aesCipher(undefined, false));
    vault.write('https://a.example', 'token-a-xxxxxxxxxxxxxxxx');
    expect(vault.read('https://a.example')).toBe('token-a-xxxxxxxxxxxxxxxx');
    expect(fs.existsSync(file)).toBe(false);
  });
});
