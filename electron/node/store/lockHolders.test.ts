import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lockHolders } from './lockHolders';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-locks-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The /proc/locks key of a file, as the kernel prints it. */
function key(file: string): string {
  const { dev, ino } = fs.statSync(file);
  const major = Math.floor(dev / 256) & 0xfff;
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & ~0xff);
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${ino}`;
}

it('finds the processes that lock the file or its WAL index, not this one, not other files, not OFD locks', () => {
  const db = path.join(dir, 'newsroom.db');
  fs.writeFileSync(db, '');
  fs.writeFileSync(`${db}-shm`, '');
  const other = path.join(dir, 'other.db');
  fs.writeFileSync(other, '');
  const text = [
    `1: POSIX  ADVISORY  READ  4242 ${key(db)} 1073741824 1073741824`,
    `2: POSIX  ADVISORY  WRITE 4343 ${key(`${db}-shm`)} 120 127`,
    `3: POSIX  ADVISORY  READ  ${process.pid} ${key(db)} 1073741824 1073741824`,
    `4: POSIX  ADVISORY  READ  5151 ${key(other)} 1073741824 1073741824`,
    `5: OFDLCK ADVISORY  READ  -1 ${key(db)} 0 EOF`,
    `6: POSIX  ADVISORY  READ  4242 ${key(`${db}-shm`)} 128 128`,
    'garbage line',
  ].join('\n');
  expect(lockHolders(db, text).map((h) => h.pid)).toEqual([4242, 4343]);
  expect(lockHolders(path.join(dir, 'absent.db'), text)).toEqual([]);
});
