/** The `sign_in_attempts` table: recent sign-ins, counted to slow down password guessing. */
import type { SqlDriver } from './driver';

/** Attempts older than this are forgotten. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export function signInAttemptsTable(db: SqlDriver) {
  return {
    async record(attempt: { nameKey: string; address: string; succeeded: boolean; now: Date }): Promise<void> {
      await db.run('INSERT INTO sign_in_attempts (name_key, address, succeeded, at) VALUES (?, ?, ?, ?)', [
        attempt.nameKey,
        attempt.address,
        attempt.succeeded ? 1 : 0,
        attempt.now.toISOString(),
      ]);
      await db.run('DELETE FROM sign_in_attempts WHERE at < ?', [new Date(attempt.now.getTime() - KEEP_MS).toISOString()]);
    },

    /** Failures since `since` for this name and from this address, and the oldest of each. */
    async failuresSince(nameKey: string, address: string, since: Date): Promise<{ byName: number; byAddress: number }> {
      const at = since.toISOString();
      const byName = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM sign_in_attempts WHERE name_key = ? AND succeeded = 0 AND at >= ?', [nameKey, at]);
      const byAddress = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM sign_in_attempts WHERE address = ? AND succeeded = 0 AND at >= ?', [
        address,
        at,
      ]);
      return { byName: Number(byName?.n ?? 0), byAddress: Number(byAddress?.n ?? 0) };
    },

    /** A successful sign-in forgives the name's earlier failures. */
    async forgive(nameKey: string): Promise<void> {
      await db.run('DELETE FROM sign_in_attempts WHERE name_key = ? AND succeeded = 0', [nameKey]);
    },
  };
}
