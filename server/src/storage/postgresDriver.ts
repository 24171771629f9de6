/** PostgreSQL storage for a real newsroom, through pg's connection pool. */
import pg from 'pg';
import type { SqlDriver, SqlValue } from './driver';

// BIGINT (sequence numbers, counts) as numbers: ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** `?` placeholders to `$1, $2, …` (our SQL has no `?` inside string literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const bind = (params: readonly SqlValue[]) =>
  params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly target: Queryable,
    private readonly pool: pg.Pool | undefined,
  ) {}

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await this.target.query(numberPlaceholders(sql), bind(params));
    return result.rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    const result = await this.target.query(numberPlaceholders(sql), bind(params));
    return { changes: result.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.target.query(sql);
  }

  async transaction<T>(work: (tx: SqlDriver) => Promise<T>): Promise<T> {
    if (!this.pool) return work(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresDriver(client, undefined));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }
}

export async function openPostgresDriver(url: string): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not take the server down; the next query reconnects.
  pool.on('error', (error) => console.error(`newsroom-server: PostgreSQL connection lost (${error.message}); reconnecting on next use.`));
  await pool.query('SELECT 1');
  return new PostgresDriver(pool, pool);
}
