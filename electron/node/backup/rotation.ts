/**
 * Which backups to keep: the newest of each of the last 7 days that have a
 * backup, the newest of each of the last 4 weeks that have one, and always the
 * newest few (so the copy taken just before a restore survives the backups
 * that follow it). Days and weeks are local calendar days and Monday-based
 * weeks. Pure: the caller lists the files and deletes the rest.
 */

export type BackupStamp = { name: string; time: Date };

export type RetentionPolicy = { daily: number; weekly: number; recent: number };

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, recent: 3 };

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
}

/** Keeps the newest backup of each of the `count` most recent buckets that have one. */
function newestPerBucket(sorted: readonly BackupStamp[], key: (d: Date) => string, count: number): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const b of sorted) {
    if (seen.size >= count) break;
    const k = key(b.time);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(b.name);
  }
  return kept;
}

/** The names to keep. Backups dated after `now` (a clock that was wrong) are always kept. */
export function selectBackupsToKeep(files: readonly BackupStamp[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const sorted = [...files].sort((a, b) => b.time.getTime() - a.time.getTime() || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  for (const b of sorted) if (b.time.getTime() > now.getTime()) keep.add(b.name);
  const past = sorted.filter((b) => !keep.has(b.name));
  for (const name of past.slice(0, policy.recent).map((b) => b.name)) keep.add(name);
  for (const name of newestPerBucket(past, dayKey, policy.daily)) keep.add(name);
  for (const name of newestPerBucket(past, weekKey, policy.weekly)) keep.add(name);
  return keep;
}
