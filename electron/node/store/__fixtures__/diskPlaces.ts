/**
 * Real read-only places and a real full disk for tests. As root, chmod stops nothing, so a
 * read-only tmpfs mount (a folder) or a read-only bind mount (one file) is
 * used; as another user, chmod does it. Each returns undefined when this
 * machine allows neither (the caller skips with a loud line).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ReadOnlyPlace = { path: string; cleanup: () => void };

const isRoot = () => process.getuid?.() === 0;
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'ignore' });

/** A folder holding copies of `files`, which this process cannot write. */
export function readOnlyFolder(files: readonly string[]): ReadOnlyPlace | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-ro-'));
  if (!isRoot()) {
    for (const file of files) fs.copyFileSync(file, path.join(dir, path.basename(file)));
    for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o444);
    fs.chmodSync(dir, 0o555);
    return {
      path: dir,
      cleanup: () => {
        fs.chmodSync(dir, 0o755);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  try {
    mount('-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir);
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  for (const file of files) fs.copyFileSync(file, path.join(dir, path.basename(file)));
  mount('-o', 'remount,ro', dir);
  return {
    path: dir,
    cleanup: () => {
      execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `file` itself made read-only, its folder left writable. */
export function readOnlyFile(file: string): ReadOnlyPlace | undefined {
  if (!isRoot()) {
    fs.chmodSync(file, 0o444);
    return { path: file, cleanup: () => fs.chmodSync(file, 0o644) };
  }
  try {
    mount('--bind', file, file);
  } catch {
    return undefined;
  }
  try {
    mount('-o', 'remount,ro,bind', file);
  } catch {
    execFileSync('umount', ['-l', file]);
    return undefined;
  }
  return { path: file, cleanup: () => execFileSync('umount', ['-l', file]) };
}

/** A folder on a disk of `bytes` bytes (a tmpfs), for a real "disk full"; root only. */
export function tinyDisk(bytes: number): ReadOnlyPlace | undefined {
  if (!isRoot()) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-tiny-'));
  try {
    mount('-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir);
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    path: dir,
    cleanup: () => {
      execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
