import { describe, expect, it } from 'vitest';
import { selectBackupsToKeep, type BackupStamp } from './rotation';

/** Local time, so the test means the same in every time zone. */
const at = (day: number, hour = 12, month = 4) => new Date(2025, month, day, hour);
const stamp = (time: Date, tag = ''): BackupStamp => ({ name: `${time.toISOString()}${tag}`, time });
const names = (set: Set<string>) => [...set].sort();

describe('selectBackupsToKeep', () => {
  it('keeps everything when there are few backups', () => {
    const files = [stamp(at(10, 8)), stamp(at(10, 12))];
    expect(names(selectBackupsToKeep(files, at(10, 13)))).toEqual(names(new Set(files.map((f) => f.name))));
  });

  it('keeps the newest of each of the last 7 days, and the newest 3 overall', () => {
    // Every 4 hours for 10 days (Thu 1 May … Sat 10 May 2025).
    const files: BackupStamp[] = [];
    for (let day = 1; day <= 10; day++) for (const hour of [2, 6, 10, 14, 18, 22]) files.push(stamp(at(day, hour)));
    const keep = selectBackupsToKeep(files, at(10, 23), { daily: 7, weekly: 0, recent: 3 });
    const expected = new Set([at(10, 22), at(10, 18), at(10, 14), ...[9, 8, 7, 6, 5, 4].map((d) => at(d, 22))].map((d) => d.toISOString()));
    expect(names(keep)).toEqual(names(expected));
  });

  it('keeps the newest of each of the last 4 weeks beyond the days', () => {
    // One backup a day at noon through May 2025; weeks start on Monday (5, 12, 19, 26 May).
    const files = Array.from({ length: 31 }, (_, i) => stamp(at(i + 1)));
    const keep = selectBackupsToKeep(files, at(31, 23), { daily: 7, weekly: 4, recent: 0 });
    const daily = [31, 30, 29, 28, 27, 26, 25];
    const weekly = [31, 25, 18, 11]; // Sundays closing each week, newest first.
    expect(names(keep)).toEqual(names(new Set([...daily, ...weekly].map((d) => at(d).toISOString()))));
  });

  it('keeps the copy taken just before a restore even when a newer backup follows the same day', () => {
    const beforeRestore = stamp(at(10, 9), ' before-restore');
    const files = [stamp(at(10, 8)), beforeRestore, stamp(at(10, 10)), stamp(at(10, 11))];
    expect(selectBackupsToKeep(files, at(10, 12)).has(beforeRestore.name)).toBe(true);
  });

  it('never deletes a backup dated in the future (a clock that was wrong)', () => {
    const future = stamp(at(20));
    const files = [future, ...Array.from({ length: 20 }, (_, i) => stamp(at(1, i)))];
    expect(selectBackupsToKeep(files, at(2), { daily: 1, weekly: 0, recent: 0 }).has(future.name)).toBe(true);
  });

  it('keeps old backups when the app was not used for months', () => {
    const files = [stamp(at(1, 12, 0)), stamp(at(2, 12, 0))];
    expect(selectBackupsToKeep(files, at(1, 12, 11)).size).toBe(2);
  });
});
