/**
 * Backups of the open database with SQLite's online backup API: on start, every
 * few hours while open, and on demand. Each backup is written under a temporary
 * name, switched out of WAL mode so it is one self-contained file, verified with
 * `PRAGMA integrity_check` (copy and check run in a worker thread, see
 * backupWorker.ts), and only then renamed to its real name; a sidecar
 * JSON records its kind and article count so listing never opens the backups.
 * Restoring keeps a copy of the current database, so a restore can be undone;
 * an open database is restored in place so that other processes lose nothing.
 *
 * The folder is kept in `<database>.backups.json` beside the database (not in
 * it), so the backups of a file that no longer opens can still be found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/contract';
import { restorableProblem } from '../../../shared/ipc/channels/app';
import type { BackupInfo, BackupKind, BackupOverview, RestoreResult } from '../../../shared/ipc/channels/backups';
import type { DatabaseSession } from '../session';
import { describeLockHolders } from '../store/lockHolders';
import { checkInWorker, restoreInWorker, type WorkerCheck } from './backupWorker';
import { DEFAULT_RETENTION, selectBackupsToKeep, type RetentionPolicy } from './rotation';

export type BackupServiceOptions = {
  session: DatabaseSession;
  /** better_sqlite3.node for the running runtime (Electron has its own). */
  nativeBinding?: string;
  clock?: () => Date;
  /** Between automatic backups while the database is open. */
  intervalMs?: number;
  /** After start, before the first automatic backup, so it does not compete with the first paint. */
  startDelayMs?: number;
  retention?: RetentionPolicy;
  log?: (message: string) => void;
};

type Sidecar = { kind: BackupKind; verified: boolean; articleCount?: number };

const FOUR_HOURS = 4 * 60 * 60 * 1000;
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

export const settingsFileFor = (dbPath: string) => `${dbPath}.backups.json`;
export const defaultBackupFolder = (dbPath: string) => path.join(path.dirname(dbPath), 'backups');
const stemOf = (dbPath: string) => path.basename(dbPath).replace(/\.(db|sqlite3?)$/i, '');

function fsyncPath(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be fsynced on every platform; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const fullDisk = (folder: string) =>
  `the disk holding the backup folder (${folder}) is full. Free some space on it or choose another backup folder; the database itself is unchanged.`;
const unwritable = (folder: string) => `the backup folder (${folder}) cannot be written to. Choose another backup folder; the database itself is unchanged.`;

function writeJsonAtomic(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  fsyncPath(temp);
  fs.renameSync(temp, file);
}

export class BackupService {
  private queue: Promise<unknown> = Promise.resolve();
  private timers: ReturnType<typeof setTimeout>[] = [];
  private lastError: string | undefined;
  private automaticRunning = false;
  private readonly clock: () => Date;

  constructor(private readonly options: BackupServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Automatic backups: one shortly after start, then every few hours. Timers never keep the process alive. */
  start(): void {
    const run = () => void this.automatic();
    const first = setTimeout(run, this.options.startDelayMs ?? 3_000);
    const every = setInterval(run, this.options.intervalMs ?? FOUR_HOURS);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  /** Stops the timers and waits for a backup that is being written. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    await this.queue.catch(() => undefined);
  }

  folder(): { folder: string; isDefaultFolder: boolean } {
    const dbPath = this.dbPath();
    let chosen: unknown;
    try {
      chosen = (JSON.parse(fs.readFileSync(settingsFileFor(dbPath), 'utf8')) as { folder?: unknown }).folder;
    } catch {
      chosen = undefined;
    }
    return typeof chosen === 'string' && path.isAbsolute(chosen)
      ? { folder: chosen, isDefaultFolder: false }
      : { folder: defaultBackupFolder(dbPath), isDefaultFolder: true };
  }

  setFolder(folder: string | null): BackupOverview {
    const dbPath = this.dbPath();
    if (folder === null) {
      fs.rmSync(settingsFileFor(dbPath), { force: true });
      return this.list();
    }
    const resolved = path.resolve(path.dirname(dbPath), folder);
    try {
      fs.mkdirSync(resolved, { recursive: true });
      fs.accessSync(resolved, fs.constants.W_OK);
    } catch (error) {
      throw new AppError('NOT_ALLOWED', `Backups cannot be written to "${resolved}": ${(error as Error).message}`);
    }
    writeJsonAtomic(settingsFileFor(dbPath), { folder: resolved });
    return this.list();
  }

  /** Every backup of this database in the folder, newest first. Never opens the database or the backups. */
  list(): BackupOverview {
    const { folder, isDefaultFolder } = this.folder();
    const stem = stemOf(this.dbPath());
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      names = [];
    }
    const backups: BackupInfo[] = [];
    for (const name of names) {
      const time = this.timeOf(name, stem);
      if (!time) continue;
      let size: number;
      try {
        size = fs.statSync(path.join(folder, name)).size;
      } catch {
        continue;
      }
      const sidecar = this.readSidecar(path.join(folder, name));
      backups.push({
        name,
        createdAt: time.toISOString(),
        sizeBytes: size,
        kind: sidecar?.kind ?? 'automatic',
        verified: sidecar?.verified ?? false,
        ...(sidecar?.articleCount !== undefined ? { articleCount: sidecar.articleCount } : {}),
      });
    }
    backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { folder, isDefaultFolder, backups, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  backupNow(kind: BackupKind = 'manual'): Promise<BackupInfo> {
    return this.serialized(() => this.writeBackup(kind));
  }

  /**
   * Puts a verified backup in place of the database. An open database is restored in place, inside
   * the live file, with a copy of what it replaces taken under the same write lock (see
   * restoreInWorker): other windows and processes keep their connections and lose no acknowledged
   * save. Only a damaged database (one that does not open) is replaced by renaming, and it is kept
   * beside the restored one as `<name>.damaged-<time>`, never deleted. A database that is good but
   * cannot be opened here (locked, newer, another program's) is never replaced.
   */
  restore(name: string): Promise<RestoreResult> {
    return this.serialized(async () => {
      const dbPath = this.dbPath();
      const status = this.options.session.status();
      if (status.state === 'error' && !restorableProblem(status.problem)) {
        throw new AppError('NOT_ALLOWED', `${status.message} It is not damaged, so no backup was restored over it.`);
      }
      if (status.state === 'open' && status.readOnly) {
        throw new AppError('NOT_ALLOWED', `${status.readOnly} A backup cannot be restored into it.`);
      }
      const source = path.join(this.folder().folder, name);
      if (!this.timeOf(name, stemOf(dbPath)) || !fs.existsSync(source)) {
        throw new AppError('NOT_FOUND', 'That backup is no longer in the backup folder.');
      }
      const check = await checkInWorker({ target: source, ...this.binding() });
      if (!check.ok) throw new AppError('NOT_ALLOWED', `That backup is damaged (${check.message}) and was not restored.`);
      // Another database opened while we waited must not be replaced by this one's backup.
      if (this.dbPath() !== dbPath) {
        throw new AppError('CONFLICT', 'Another database was opened during the restore, so nothing was restored.');
      }
      return this.options.session.status().state === 'open' ? this.restoreInPlace(source, dbPath) : this.replaceDamaged(source, dbPath);
    });
  }

  private async restoreInPlace(source: string, dbPath: string): Promise<RestoreResult> {
    const { folder } = this.folder();
    let target: { name: string; final: string; temp: string };
    try {
      target = this.newBackupName(folder, this.clock());
    } catch (error) {
      throw new AppError('INTERNAL', `Nothing was restored: ${this.explainFsFailure(error, folder, 'the backup folder could not be prepared')}`);
    }
    const { name, final, temp } = target;
    // This process's own connection is reopened (and migrated, if the backup is older) afterwards.
    this.options.session.close();
    let result: WorkerCheck;
    try {
      result = await restoreInWorker({ source, live: dbPath, undo: temp, ...this.binding() });
      if (result.ok) {
        fs.renameSync(temp, final);
        fsyncPath(folder);
        try {
          writeJsonAtomic(`${final}.json`, { kind: 'before-restore', verified: true, articleCount: result.articleCount } satisfies Sidecar);
        } catch {
          // The undo copy itself is in place; without its note it is listed as an unverified automatic backup.
        }
      }
    } finally {
      for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
      // Unless another database was opened meanwhile: that one stays.
      if (!this.options.session.database()) this.options.session.open(dbPath);
    }
    if (!result.ok) {
      throw new AppError('INTERNAL', `Nothing was restored: ${this.explainCopyFailure(result, folder, 'the copy of the current database')}`);
    }
    this.rotate(folder);
    return { status: this.options.session.status(), undoBackup: name };
  }

  /** A file that does not open has no readers to keep: it is renamed aside and the backup copied in. */
  private async replaceDamaged(source: string, dbPath: string): Promise<RestoreResult> {
    // Renaming under a process that still has the file open would leave it writing to the renamed file.
    const holders = describeLockHolders(dbPath);
    if (holders) {
      throw new AppError('CONFLICT', `Nothing was restored: the damaged database is still open in another program (${holders}). Close it, then restore.`);
    }
    // Copied beside the database first, so a copy that fails (a full disk) leaves the damaged file where it was.
    const temp = `${dbPath}.restoring-${process.pid}`;
    try {
      fs.copyFileSync(source, temp);
      fsyncPath(temp);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw new AppError(
        'INTERNAL',
        `Nothing was restored: ${this.explainFsFailure(error, path.dirname(dbPath), 'the backup could not be copied beside the database')}`,
      );
    }
    this.options.session.close();
    const stamp = this.stamp(this.clock());
    for (const suffix of ['', '-wal', '-shm']) {
      const file = `${dbPath}${suffix}`;
      if (fs.existsSync(file)) fs.renameSync(file, `${dbPath}.damaged-${stamp}${suffix}`);
    }
    fs.renameSync(temp, dbPath);
    fsyncPath(path.dirname(dbPath));
    return { status: this.options.session.open(dbPath) };
  }

  private async automatic(): Promise<void> {
    const status = this.options.session.status();
    // One at a time: a backup slower than the interval must not pile up copies of an unchanged database.
    if (this.automaticRunning || !this.options.session.database() || status.state !== 'open' || status.readOnly) return;
    const newest = this.list().backups.find((b) => b.verified);
    if (newest && !this.changedSince(new Date(newest.createdAt))) return;
    this.automaticRunning = true;
    try {
      await this.backupNow('automatic');
      this.lastError = undefined;
    } catch (error) {
      this.lastError = `The automatic backup failed: ${(error as Error).message}`;
      this.options.log?.(this.lastError);
    } finally {
      this.automaticRunning = false;
    }
  }

  /** Whether the database file or its WAL was written after `time`. */
  private changedSince(time: Date): boolean {
    const dbPath = this.dbPath();
    return ['', '-wal'].some((suffix) => {
      try {
        return fs.statSync(`${dbPath}${suffix}`).mtimeMs > time.getTime();
      } catch {
        return false;
      }
    });
  }

  private async writeBackup(kind: BackupKind): Promise<BackupInfo> {
    const db = this.options.session.database();
    if (!db) throw new AppError('DB_UNAVAILABLE', 'No database is open, so there is nothing to back up.');
    const dbPath = this.dbPath();
    const { folder } = this.folder();
    const time = this.clock();
    let target: { name: string; final: string; temp: string };
    try {
      target = this.newBackupName(folder, time);
    } catch (error) {
      throw new AppError('INTERNAL', `The backup was not written: ${this.explainFsFailure(error, folder, 'the backup folder could not be prepared')}`);
    }
    const { name, final, temp } = target;
    try {
      const check = await checkInWorker({ source: dbPath, target: temp, fresh: true, ...this.binding() });
      if (!check.ok) throw new AppError('INTERNAL', `The backup was not written: ${this.explainCopyFailure(check, folder, 'the copy')}`);
      try {
        fs.renameSync(temp, final);
        fsyncPath(folder);
        const sidecar: Sidecar = { kind, verified: true, articleCount: check.articleCount };
        writeJsonAtomic(`${final}.json`, sidecar);
      } catch (error) {
        fs.rmSync(final, { force: true });
        throw new AppError('INTERNAL', `The backup was not written: ${this.explainFsFailure(error, folder, 'the copy could not be put in place')}`);
      }
      this.rotate(folder);
      return { name, createdAt: time.toISOString(), sizeBytes: fs.statSync(final).size, kind, verified: true, articleCount: check.articleCount };
    } finally {
      for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
    }
  }

  /** A free name for a backup taken at `time`, in a folder that exists and has no leftovers of a killed backup. */
  private newBackupName(folder: string, time: Date): { name: string; final: string; temp: string } {
    fs.mkdirSync(folder, { recursive: true });
    this.removeLeftovers(folder);
    const stem = stemOf(this.dbPath());
    let name = `${stem}-backup-${this.stamp(time)}.db`;
    for (let i = 1; fs.existsSync(path.join(folder, name)); i++) name = `${stem}-backup-${this.stamp(new Date(time.getTime() + i))}.db`;
    return { name, final: path.join(folder, name), temp: path.join(folder, `.${name}.partial`) };
  }

  /** What a failed copy means for the user: a full disk or a folder that cannot be written, or what SQLite said. */
  private explainCopyFailure(failure: { message: string; code?: string }, folder: string, what: string): string {
    const code = failure.code ?? '';
    if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return fullDisk(folder);
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EROFS' || code === 'EACCES') return unwritable(folder);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return 'another window or program kept writing to the database. Try again in a moment.';
    }
    return `${what} failed its check (${failure.message}). The database itself is unchanged; try again, or choose another backup folder.`;
  }

  private explainFsFailure(error: unknown, folder: string, what: string): string {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOSPC' || code === 'EDQUOT') return fullDisk(folder);
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return unwritable(folder);
    return `${what} (${(error as Error).message}). The database itself is unchanged.`;
  }

  private binding(): { nativeBinding?: string } {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }

  private rotate(folder: string): void {
    const stem = stemOf(this.dbPath());
    const stamps = fs
      .readdirSync(folder)
      .map((name) => ({ name, time: this.timeOf(name, stem) }))
      .filter((b): b is { name: string; time: Date } => b.time !== undefined);
    const keep = selectBackupsToKeep(stamps, this.clock(), this.options.retention ?? DEFAULT_RETENTION);
    for (const { name } of stamps) {
      if (keep.has(name)) continue;
      fs.rmSync(path.join(folder, name), { force: true });
      fs.rmSync(path.join(folder, `${name}.json`), { force: true });
    }
  }

  /** Temporary files of a backup the process was killed in the middle of. */
  private removeLeftovers(folder: string): void {
    const prefix = `.${stemOf(this.dbPath())}-backup-`;
    for (const name of fs.readdirSync(folder)) {
      if (name.startsWith(prefix) && name.includes('.partial')) fs.rmSync(path.join(folder, name), { force: true });
    }
  }

  private readSidecar(file: string): Sidecar | undefined {
    try {
      const raw = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as Partial<Sidecar>;
      const kind = raw.kind === 'manual' || raw.kind === 'before-restore' ? raw.kind : 'automatic';
      return { kind, verified: raw.verified === true, ...(typeof raw.articleCount === 'number' ? { articleCount: raw.articleCount } : {}) };
    } catch {
      return undefined;
    }
  }

  private timeOf(name: string, stem: string): Date | undefined {
    const prefix = `${stem}-backup-`;
    if (!name.startsWith(prefix) || !name.endsWith('.db')) return undefined;
    const m = STAMP.exec(name.slice(prefix.length, -'.db'.length));
    if (!m) return undefined;
    const time = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    return Number.isNaN(time.getTime()) ? undefined : time;
  }

  private stamp(time: Date): string {
    return time.toISOString().replace(/[:.]/g, '-');
  }

  private dbPath(): string {
    return this.options.session.status().path;
  }

  /** One backup or restore at a time, in the order asked. */
  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
