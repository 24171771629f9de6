/**
 * Session tokens kept across restarts in a small file, each encrypted by the host's cipher
 * (Electron's safeStorage: the OS keychain or its equivalent). Without a cipher that can encrypt,
 * tokens stay in memory only and the writer signs in again after a restart: never stored in clear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TokenVault } from './syncService';

export type TokenCipher = {
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
};

const fileSchema = z.record(z.string().max(500), z.string().max(10_000));

export function fileTokenVault(file: string, cipher: TokenCipher): TokenVault {
  const memory = new Map<string, string>();

  function readFile(): Record<string, string> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  function writeFile(entries: Record<string, string>): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(entries), { mode: 0o600 });
    fs.renameSync(temp, file);
  }

  return {
    read(url) {
      if (memory.has(url)) return memory.get(url);
      const sealed = readFile()[url];
      if (!sealed || !cipher.available()) return undefined;
      try {
        const token = cipher.decrypt(Buffer.from(sealed, 'base64'));
        memory.set(url, token);
        return token;
      } catch {
        // Sealed by another user or machine: sign in again.
        return undefined;
      }
    },
    write(url, token) {
      memory.set(url, token);
      if (!cipher.available()) return;
      writeFile({ ...readFile(), [url]: cipher.encrypt(token).toString('base64') });
    },
    clear(url) {
      memory.delete(url);
      const entries = readFile();
      if (!(url in entries)) return;
      delete entries[url];
      writeFile(entries);
    },
  };
}
