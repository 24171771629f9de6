/**
 * Which other processes hold locks on a database file, so "in use" can name
 * them. Only Linux tells (through /proc/locks); elsewhere the answer is empty
 * and the message stays general.
 */
import fs from 'node:fs';

export type LockHolder = { pid: number; name: string };

/** The `MAJ:MIN:INODE` key /proc/locks uses for a file (major and minor in hex). */
function lockKey(stat: fs.Stats): string {
  const dev = stat.dev;
  const major = Math.floor(dev / 256) & 0xfff;
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & ~0xff);
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${stat.ino}`;
}

/** Processes other than this one holding a lock on the file, its WAL or its WAL index. */
export function lockHolders(file: string, locksText?: string): LockHolder[] {
  if (locksText === undefined && process.platform !== 'linux') return [];
  const keys = new Set<string>();
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      keys.add(lockKey(fs.statSync(`${file}${suffix}`)));
    } catch {
      // Absent: nothing holds it.
    }
  }
  let text = locksText;
  try {
    text ??= fs.readFileSync('/proc/locks', 'utf8');
  } catch {
    return [];
  }
  const pids = new Set<number>();
  for (const line of text.split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 4242 08:02:1327179 1073741824 1073742335"; OFD locks show pid -1.
    const fields = line.trim().split(/\s+/);
    const at = fields.findIndex((f) => /^[0-9a-f]+:[0-9a-f]+:\d+$/.test(f));
    if (at < 1 || !keys.has(fields[at]!)) continue;
    const pid = Number(fields[at - 1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) pids.add(pid);
  }
  return [...pids].map((pid) => ({ pid, name: processName(pid) }));
}

function processName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** "sqlite3, process 4242" for a message, or undefined when nothing is known. */
export function describeLockHolders(file: string): string | undefined {
  const holders = lockHolders(file);
  if (holders.length === 0) return undefined;
  return holders.map((h) => `${h.name}, process ${h.pid}`).join('; ');
}
