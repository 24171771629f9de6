/** The embedded storage: one SQLite file in the data folder, through better-sqlite3. */
import Database from 'better-sqlite3';
import type { SqlDriver, SqlValue } from './driver';

export function openSqliteDriver(file: string): SqlDriver {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an update is on disk before the server acknowledges it, even across a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // The account command may write while the server runs.
  db.pragma('busy_timeout = 5000');
  return new SqliteDriver(db);
}

const bind = (params: readonly SqlValue[]) =>
  params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  /** Set while a transaction is open: other callers wait so their statements do not land inside it. */
  private busy: Promise<void> | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly inTransaction = false,
  ) {}

  private async idle(): Promise<void> {
    while (!this.inTransaction && this.busy) await this.busy;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    await this.idle();
    return this.db.prepare(sql).all(...bind(params)) as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    await this.idle();
    return this.db.prepare(sql).get(...bind(params)) as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    await this.idle();
    return { changes: this.db.prepare(sql).run(...bind(params)).changes };
  }

  async exec(sql: string): Promise<void> {
    await this.idle();
    this.db.exec(sql);
  }

  async transaction<T>(work: (tx: SqlDriver) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    await this.idle();
    let release!: () => void;
    this.busy = new Promise((resolve) => (release = resolve));
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(new SqliteDriver(this.db, true));
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.busy = undefined;
      release();
    }
  }

  async close(): Promise<void> {
    if (!this.inTransaction) this.db.close();
  }
}
