/** The `sessions` table: revocable sign-ins, kept as hashes of their tokens. */
import type { SqlDriver } from './driver';

export type Session = { tokenHash: string; accountId: string; createdAt: string; revokedAt: string | undefined };

type Row = { token_hash: string; account_id: string; created_at: string; revoked_at: string | null };

export function sessionsTable(db: SqlDriver) {
  return {
    async add(session: { tokenHash: string; accountId: string; address: string; now: string }): Promise<void> {
      await db.run('INSERT INTO sessions (token_hash, account_id, address, created_at) VALUES (?, ?, ?, ?)', [
        session.tokenHash,
        session.accountId,
        session.address,
        session.now,
      ]);
    },

    async byTokenHash(tokenHash: string): Promise<Session | undefined> {
      const row = await db.get<Row>('SELECT token_hash, account_id, created_at, revoked_at FROM sessions WHERE token_hash = ?', [tokenHash]);
      return row && { tokenHash: row.token_hash, accountId: row.account_id, createdAt: row.created_at, revokedAt: row.revoked_at ?? undefined };
    },

    async revoke(tokenHash: string, now: string): Promise<boolean> {
      return (await db.run('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [now, tokenHash])).changes > 0;
    },

    /** Signs a person out everywhere (disabled account, new password). */
    async revokeAllOf(accountId: string, now: string): Promise<number> {
      return (await db.run('UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL', [now, accountId])).changes;
    },
  };
}
