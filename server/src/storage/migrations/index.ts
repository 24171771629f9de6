/**
 * Numbered schema migrations, one file each, the same for SQLite and PostgreSQL. The table
 * `schema_migrations` records those applied; the pending ones run in one transaction with their
 * records, so a crash leaves the schema as it was. Add the next numbered file and list it
 * here; never edit one that has shipped.
 */
import type { SqlDriver } from '../driver';
import { migration as m001 } from './001-initial';
import { migration as m002 } from './002-workflow-log';
import { migration as m003 } from './003-assignment-notifications';
import { migration as m004 } from './004-revisions';
import { migration as m005 } from './005-libraries';
import { migration as m006 } from './006-dictionary';
import { migration as m007 } from './007-style-rules';
import { dialectSql, type Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** `steps` is for tests that build an older schema first. */
export async function migrate(db: SqlDriver, now: () => string = () => new Date().toISOString(), steps: readonly Migration[] = MIGRATIONS): Promise<number> {
  const latest = steps[steps.length - 1]!.version;
  return db.transaction(async (tx) => {
    // Processes starting together on one database (a server, account commands) take turns.
    if (tx.dialect === 'postgres') await tx.exec('SELECT pg_advisory_xact_lock(727001)');
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const row = await tx.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = Number(row?.version ?? 0);
    if (current > latest) {
      throw new Error(`The database is at schema ${current}, newer than this server (${latest}). Run a newer newsroom-server.`);
    }
    // By version applied, not by the highest: numbers are handed out to work that lands in any order,
    // so a database that has 004 still takes a 003 merged after it.
    const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    for (const step of steps) {
      if (applied.has(step.version)) continue;
      await tx.exec(dialectSql(step.sql, tx.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [step.version, step.name, now()]);
    }
    return latest;
  });
}
