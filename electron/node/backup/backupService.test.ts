import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { DatabaseSession } from '../session';
import { tinyDisk } from '../store/__fixtures__/diskPlaces';
import { BackupService, defaultBackupFolder, settingsFileFor } from './backupService';

const require = createRequire(import.meta.url);
const LOCK_HOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../store/__fixtures__/lockHolder.cjs');

let dir: string;
let dbPath: string;
let session: DatabaseSession;
let service: BackupService;
let tick: number;
/** One minute later at every backup, so names and order are deterministic. */
const clock = () => new Date(Date.UTC(2025, 4, 10, 8) + tick++ * 60_000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  dbPath = path.join(dir, 'newsroom.db');
  tick = 0;
  session = new DatabaseSession(dbPath, { seedOnCreate: true });
  service = new BackupService({ session, clock });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await service.stop();
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const headlines = () =>
  session
    .store()
    .listArticles({ view: 'active' })
    .items.map((a) => a.headline)
    .sort();

describe('BackupService', () => {
  it('writes a verified single-file backup under its real name only when complete', async () => {
    const info = await service.backupNow();
    const folder = defaultBackupFolder(dbPath);
    expect(info).toMatchObject({ kind: 'manual', verified: true, articleCount: 1 });
    expect(fs.readdirSync(folder).sort()).toEqual([info.name, `${info.name}.json`]);
    const copy = new Database(path.join(folder, info.name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(service.list().backups).toEqual([info]);
  });

  it('lists newest first with size, time and article count, without opening the database', async () => {
    const a = await service.backupNow();
    session.store().createArticle({ headline: 'Second' });
    const b = await service.backupNow();
    const list = service.list();
    expect(list.backups.map((x) => x.name)).toEqual([b.name, a.name]);
    expect(list.backups.map((x) => x.articleCount)).toEqual([2, 1]);
    expect(list.backups[0]!.createdAt > list.backups[1]!.createdAt).toBe(true);
    expect(list.backups[0]!.sizeBytes).toBeGreaterThan(4096);
    expect(list.isDefaultFolder).toBe(true);
  });

  it('restores a backup and keeps the replaced database as a backup, so the restore can be undone', async () => {
    const before = await service.backupNow();
    session.store().createArticle({ headline: 'Written after the backup' });
    const result = await service.restore(before.name);
    expect(result.status.state).toBe('open');
    expect(headlines()).not.toContain('Written after the backup');
    expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0).toBe(0);

    const undo = service.list().backups.find((b) => b.name === result.undoBackup)!;
    expect(undo).toMatchObject({ kind: 'before-restore', articleCount: 2 });
    await service.restore(undo.name);
    expect(headlines()).toContain('Written after the backup');
    expect(session.database()!.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('replaces a database that no longer opens, keeping the damaged file beside it', async () => {
    const good = await service.backupNow();
    session.close();
    const bytes = fs.readFileSync(dbPath);
    randomBytes(bytes.length - 4096).copy(bytes, 4096);
    fs.writeFileSync(dbPath, bytes);
    const damaged = new DatabaseSession(dbPath);
    expect(damaged.status().state).toBe('error');
    const rescue = new BackupService({ session: damaged, clock });
    // The list answers in the error state: that is how the problem screen offers the newest backup.
    expect(rescue.list().backups[0]).toMatchObject({ name: good.name, verified: true });
    const result = await rescue.restore(good.name);
    expect(result.status.state).toBe('open');
    expect(result.undoBackup).toBeUndefined();
    expect(damaged.store().listArticles({ view: 'active' }).total).toBe(1);
    const kept = fs.readdirSync(dir).filter((f) => f.startsWith('newsroom.db.damaged-') && !/-(wal|shm)$/.test(f));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0]!))).toEqual(bytes);
    session = damaged;
  });

  it.runIf(process.platform === 'linux')('does not rename a damaged database that another program still has open', { timeout: 30_000 }, async () => {
    const good = await service.backupNow();
    session.close();
    const holder = spawn(process.execPath, [LOCK_HOLDER, dbPath, require.resolve('better-sqlite3'), 'reader'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve) => holder.stdout!.once('data', resolve));
      const bytes = fs.readFileSync(dbPath);
      randomBytes(bytes.length - 4096).copy(bytes, 4096);
      fs.writeFileSync(dbPath, bytes);
      const damaged = new DatabaseSession(dbPath);
      session = damaged;
      expect(damaged.status()).toMatchObject({ state: 'error', problem: 'damaged' });
      const rescue = new BackupService({ session: damaged, clock });
      await expect(rescue.restore(good.name)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: new RegExp(`still open in another program \\(node, process ${holder.pid}\\)`),
      });
      expect(fs.readFileSync(dbPath)).toEqual(bytes);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('close', resolve));
      expect((await rescue.restore(good.name)).status.state).toBe('open');
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const info = await service.backupNow();
    const file = path.join(defaultBackupFolder(dbPath), info.name);
    const bytes = fs.readFileSync(file);
    randomBytes(bytes.length - 4096).copy(bytes, 4096);
    fs.writeFileSync(file, bytes);
    await expect(service.restore(info.name)).rejects.toThrow(AppError);
    expect(session.status().state).toBe('open');
    expect(headlines()).toHaveLength(1);
  });

  it('refuses names that are not backups of this database', async () => {
    await expect(service.restore('other-backup-2025-05-10T08-00-00-000Z.db')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rotates old backups away and removes what a killed backup left behind', async () => {
    const folder = defaultBackupFolder(dbPath);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '.newsroom-backup-2025-05-01T00-00-00-000Z.db.partial'), 'half');
    for (let i = 0; i < 6; i++) await service.backupNow('automatic');
    // All on one day: the newest 3 stay (recent), the rest of that day go.
    expect(service.list().backups).toHaveLength(3);
    expect(fs.readdirSync(folder).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('writes into a folder the user chooses, remembered beside the database', async () => {
    const chosen = path.join(dir, 'elsewhere');
    expect(service.setFolder(chosen)).toMatchObject({ folder: chosen, isDefaultFolder: false });
    await service.backupNow();
    expect(fs.readdirSync(chosen)).toHaveLength(2);
    expect(JSON.parse(fs.readFileSync(settingsFileFor(dbPath), 'utf8'))).toEqual({ folder: chosen });
    expect(new BackupService({ session }).list().folder).toBe(chosen);
    expect(service.setFolder(null).folder).toBe(defaultBackupFolder(dbPath));
  });

  it('backs up automatically soon after start, and skips when nothing changed', async () => {
    service = new BackupService({ session, clock: () => new Date(), startDelayMs: 0, intervalMs: 50 });
    service.start();
    await expect.poll(() => service.list().backups.length, { timeout: 5_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(service.list().backups).toHaveLength(1);
    session.store().createArticle({ headline: 'Changed' });
    await expect.poll(() => service.list().backups.length, { timeout: 5_000 }).toBe(2);
    expect(service.list().backups[0]).toMatchObject({ kind: 'automatic', articleCount: 2 });
  });
});

describe('BackupService restore, when something goes wrong meanwhile', () => {
  it('does not restore over another database opened while the backup was being checked', async () => {
    const before = await service.backupNow();
    const otherPath = path.join(dir, 'other.db');
    const check = service.restore(before.name);
    session.open(otherPath);
    session.store().createArticle({ headline: 'Only in the other database' });
    await expect(check).rejects.toBeInstanceOf(AppError);
    expect(session.status()).toMatchObject({ state: 'open', path: otherPath });
    expect(headlines()).toContain('Only in the other database');
  });

  it('restores in place: a connection opened before the restore reads the restored content and writes into it', async () => {
    const before = await service.backupNow();
    session.store().createArticle({ headline: 'Written after the backup' });
    const other = new DatabaseSession(dbPath); // Another window's host, or the CLI.
    try {
      const result = await service.restore(before.name);
      expect(
        other
          .store()
          .listArticles({ view: 'active' })
          .items.map((a) => a.headline),
      ).not.toContain('Written after the backup');
      other.store().createArticle({ headline: 'Written by the other window after the restore' });
      expect(headlines()).toContain('Written by the other window after the restore');
      expect(result.undoBackup).toBeDefined();
    } finally {
      other.close();
    }
  });
});

function withRaw(file: string, fn: (db: Database.Database) => unknown): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

describe('restore refuses files that are not damaged', () => {
  for (const [problem, make] of [
    ['newer-schema', (file: string) => withRaw(file, (db) => db.pragma('user_version = 999'))],
    ['not-sqlite', (file: string) => withRaw(file, (db) => db.exec('CREATE TABLE bookmarks (url TEXT)'))],
  ] as const) {
    it(`${problem}: the good file stays where it is, byte for byte`, async () => {
      const good = await service.backupNow();
      session.close();
      const other = path.join(dir, 'other.db');
      if (problem === 'newer-schema') fs.copyFileSync(path.join(defaultBackupFolder(dbPath), good.name), other);
      make(other);
      const bytes = fs.readFileSync(other);
      const refused = new DatabaseSession(other);
      expect(refused.status()).toMatchObject({ state: 'error', problem });
      // Its backups live beside it under its own name: give it one.
      const folder = defaultBackupFolder(other);
      fs.copyFileSync(path.join(defaultBackupFolder(dbPath), good.name), path.join(folder, good.name.replace('newsroom-', 'other-')));
      const rescue = new BackupService({ session: refused, clock });
      await expect(rescue.restore(good.name.replace('newsroom-', 'other-'))).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: /not damaged/ });
      expect(fs.readFileSync(other)).toEqual(bytes);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    });
  }
});

describe('a full disk', () => {
  /** Fills the rest of a disk, so the next write of any size fails with ENOSPC. */
  function fill(folder: string): void {
    const fd = fs.openSync(path.join(folder, 'filler'), 'w');
    try {
      const chunk = Buffer.alloc(4096);
      for (;;) fs.writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      fs.closeSync(fd);
    }
  }

  it('a backup onto a full disk says so in plain words and leaves nothing behind', async (ctx) => {
    const disk = tinyDisk(64 * 1024);
    if (!disk) return ctx.skip('LOUD: no tmpfs can be mounted here (needs root), so a real full disk was not tested');
    try {
      service.setFolder(disk.path);
      let caught: unknown;
      try {
        await service.backupNow();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).message).toBe(
        `The backup was not written: the disk holding the backup folder (${disk.path}) is full. Free some space on it or choose another backup folder; the database itself is unchanged.`,
      );
      expect(fs.readdirSync(disk.path)).toEqual([]);
      expect(headlines()).toHaveLength(1);
    } finally {
      disk.cleanup();
    }
  });

  it('a restore whose undo copy does not fit changes nothing and says why', async (ctx) => {
    const disk = tinyDisk(2 * 1024 * 1024);
    if (!disk) return ctx.skip('LOUD: no tmpfs can be mounted here (needs root), so a real full disk was not tested');
    try {
      service.setFolder(disk.path);
      const before = await service.backupNow();
      session.store().createArticle({ headline: 'Written after the backup' });
      fill(disk.path);
      await expect(service.restore(before.name)).rejects.toThrow(/^Nothing was restored: the disk holding the backup folder .* is full\./);
      expect(session.status().state).toBe('open');
      expect(headlines()).toContain('Written after the backup');
      expect(service.list().backups.map((b) => b.name)).toEqual([before.name]);
      expect(fs.readdirSync(disk.path).filter((f) => f.startsWith('.'))).toEqual([]);
      expect(session.database()!.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      disk.cleanup();
    }
  });
});
