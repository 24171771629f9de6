/** The `accounts` table: the people of the newsroom. */
import type { Role } from '../../../shared/workflow/transitions';
import type { SqlDriver } from './driver';

export type Account = {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
};

type Row = { id: string; name: string; role: Role; password_hash: string; disabled: number; created_at: string; updated_at: string };

const toAccount = (row: Row): Account => ({
  id: row.id,
  name: row.name,
  role: row.role,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Names compare without case or surrounding space. */
export const nameKey = (name: string) => name.trim().normalize('NFC').toLowerCase();

export function accountsTable(db: SqlDriver) {
  return {
    async add(account: { id: string; name: string; role: Role; passwordHash: string; now: string }): Promise<Account> {
      await db.run('INSERT INTO accounts (id, name, name_key, role, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)', [
        account.id,
        account.name.trim(),
        nameKey(account.name),
        account.role,
        account.passwordHash,
        account.now,
        account.now,
      ]);
      return { id: account.id, name: account.name.trim(), role: account.role, disabled: false, createdAt: account.now, updatedAt: account.now };
    },

    async byName(name: string): Promise<(Account & { passwordHash: string }) | undefined> {
      const row = await db.get<Row>('SELECT * FROM accounts WHERE name_key = ?', [nameKey(name)]);
      return row && { ...toAccount(row), passwordHash: row.password_hash };
    },

    async byId(id: string): Promise<Account | undefined> {
      const row = await db.get<Row>('SELECT * FROM accounts WHERE id = ?', [id]);
      return row && toAccount(row);
    },

    async list(): Promise<Account[]> {
      return (await db.all<Row>('SELECT * FROM accounts ORDER BY name_key')).map(toAccount);
    },

    async setRole(id: string, role: Role, now: string): Promise<void> {
      await db.run('UPDATE accounts SET role = ?, updated_at = ? WHERE id = ?', [role, now, id]);
    },

    async setDisabled(id: string, disabled: boolean, now: string): Promise<void> {
      await db.run('UPDATE accounts SET disabled = ?, updated_at = ? WHERE id = ?', [disabled ? 1 : 0, now, id]);
    },

    async setPasswordHash(id: string, passwordHash: string, now: string): Promise<void> {
      await db.run('UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?', [passwordHash, now, id]);
    },
  };
}
