import type { Dialect } from '../driver';

/** One numbered step of the schema, written once for both databases (see `dialectSql`). */
export type Migration = { version: number; name: string; sql: string };

/** The two column types that differ between SQLite and PostgreSQL. */
export function dialectSql(sql: string, dialect: Dialect): string {
  return sql
    .replaceAll('{{SERIAL}}', dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY')
    .replaceAll('{{BYTES}}', dialect === 'sqlite' ? 'BLOB' : 'BYTEA');
}
