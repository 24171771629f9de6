/**
 * The few calls the storage modules make, implemented once for SQLite (better-sqlite3) and once
 * for PostgreSQL (pg). SQL is written once with `?` placeholders; the PostgreSQL driver numbers them.
 */
export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null | Uint8Array;

export interface SqlDriver {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: all of it is kept, or none. */
  transaction<T>(work: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A unique-constraint violation, in either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
