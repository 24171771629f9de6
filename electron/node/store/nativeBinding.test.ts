import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbOpenError, openDatabase } from './database';
import { explainNativeLoadError, NativeModuleError } from './nativeBinding';

// What Node prints when a binary of another ABI is loaded (line breaks as Node writes them).
const ABI_MISMATCH = new Error(
  "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 150. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
);

describe('explainNativeLoadError', () => {
  it('names both ABIs and the Electron rebuild command', () => {
    const explained = explainNativeLoadError(ABI_MISMATCH, 'electron');
    expect(explained).toBeInstanceOf(NativeModuleError);
    expect(explained!.message).toContain('150');
    expect(explained!.message).toContain('115');
    expect(explained!.message).toContain('npm run rebuild:electron');
    expect(explained!.message).not.toContain('npm rebuild better-sqlite3');
    expect(explained!.cause).toBe(ABI_MISMATCH);
  });

  it('names both ABIs and the Node rebuild command', () => {
    const explained = explainNativeLoadError(ABI_MISMATCH, 'node');
    expect(explained!.message).toMatch(/ABI 150\b/);
    expect(explained!.message).toMatch(/ABI 115\b/);
    expect(explained!.message).toContain('npm rebuild better-sqlite3');
    expect(explained!.message).not.toContain('rebuild:electron');
  });

  it('reads the ABI message on one line too, and from a plain string', () => {
    const flat = ABI_MISMATCH.message.replace(/\n/g, ' ');
    expect(explainNativeLoadError(flat, 'node')!.message).toMatch(/ABI 150.*ABI 115/);
  });

  it('explains a missing binary and one for another platform', () => {
    const missing = explainNativeLoadError(new Error("Cannot find module '/app/native/electron/better_sqlite3.node'"), 'electron');
    expect(missing!.message).toMatch(/missing/);
    expect(missing!.message).toContain('npm run rebuild:electron');
    for (const text of ['/x/better_sqlite3.node: invalid ELF header', '/x.node: wrong ELF class: ELFCLASS32', '%1 is not a valid Win32 application.']) {
      expect(explainNativeLoadError(new Error(text), 'node')!.message, text).toMatch(/another platform/);
    }
  });

  it('treats any dlopen failure as a module problem', () => {
    const error = Object.assign(new Error('/x/better_sqlite3.node: file too short'), { code: 'ERR_DLOPEN_FAILED' });
    const explained = explainNativeLoadError(error, 'node');
    expect(explained!.message).toContain('file too short');
    expect(explained!.message).toContain('npm rebuild better-sqlite3');
  });

  it('leaves unrelated errors alone', () => {
    for (const error of [new Error('SQLITE_CORRUPT: database disk image is malformed'), new Error('Cannot find module "lodash"'), undefined, null, 42, {}]) {
      expect(explainNativeLoadError(error, 'node')).toBeUndefined();
    }
  });
});

describe('openDatabase with a broken native binding', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-native-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function openError(dbFile: string, nativeBinding: string, runtime: 'node' | 'electron' = 'node'): DbOpenError {
    let caught: unknown;
    try {
      openDatabase(dbFile, { nativeBinding, runtime }).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DbOpenError);
    return caught as DbOpenError;
  }

  const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  it('a text file as the binary: wrong-abi with the fix, and no database file created', () => {
    const binary = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(binary, 'not a binary');
    const dbFile = path.join(dir, 'new.db');
    const error = openError(dbFile, binary, 'electron');
    expect(error.problem).toBe('wrong-abi');
    expect(error.message).toContain('npm run rebuild:electron');
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('a binary of garbage bytes: wrong-abi', () => {
    const binary = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(binary, Buffer.alloc(8192, 7));
    const error = openError(path.join(dir, 'new.db'), binary);
    expect(error.problem).toBe('wrong-abi');
    expect(error.message).toContain('npm rebuild better-sqlite3');
  });

  it('a missing binary: wrong-abi saying it is missing', () => {
    const error = openError(path.join(dir, 'new.db'), path.join(dir, 'nowhere', 'better_sqlite3.node'), 'electron');
    expect(error.problem).toBe('wrong-abi');
    expect(error.message).toMatch(/missing/);
  });

  it('a broken binary never blames an existing database, which stays untouched', () => {
    const dbFile = path.join(dir, 'good.db');
    openDatabase(dbFile).close();
    const before = sha256(dbFile);
    const binary = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(binary, 'x');
    const error = openError(dbFile, binary);
    expect(error.problem).toBe('wrong-abi');
    expect(error.message).not.toMatch(/damaged/);
    expect(sha256(dbFile)).toBe(before);
  });

  // Binaries for other platforms that happen to be installed with Electron's tooling: real dlopen failures.
  const foreign = path.resolve('node_modules/@electron-internal/extract-zip');
  for (const name of ['index.darwin-universal.node', 'index.win32-x64-msvc.node', 'index.linux-arm64-gnu.node']) {
    const file = path.join(foreign, name);
    it.skipIf(!fs.existsSync(file) || name.includes(`${process.platform}-${process.arch}`))(`a real foreign binary (${name}): wrong-abi`, () => {
      const error = openError(path.join(dir, 'new.db'), file);
      expect(error.problem).toBe('wrong-abi');
      expect(error.message).toContain('npm rebuild better-sqlite3');
    });
  }
});
