/** `newsroom-server account …`: add, list, disable, enable, change role, reset password. */
import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../../shared/workflow/transitions';
import { hashPassword, passwordProblem } from '../auth/password';
import { isUniqueViolation } from '../storage/driver';
import { nameKey, type Account } from '../storage/accounts';
import type { Storage } from '../storage/storage';

export class UsageError extends Error {}

export type AccountArgs = { action: string; name?: string; role?: string; password?: string; json: boolean };

const NAME_MAX = 100;

function checkName(name: string | undefined): string {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) throw new UsageError('Give the account’s name with --name.');
  if (trimmed.length > NAME_MAX) throw new UsageError(`The name is too long: use at most ${NAME_MAX} characters.`);
  if (/[\p{Cc}\p{Cf}]/u.test(trimmed)) throw new UsageError('The name contains control or invisible characters: type it plainly.');
  return trimmed;
}

function checkRole(role: string | undefined): Role {
  if (!role) throw new UsageError('Give the role with --role writer or --role editor.');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`“${role.slice(0, 40)}” is not a role: use writer or editor.`);
  return role as Role;
}

async function existing(storage: Storage, name: string | undefined): Promise<Account> {
  const found = await storage.accounts.byName(checkName(name));
  if (!found) throw new UsageError(`There is no account named “${name!.trim()}”. “account list” shows them.`);
  const { passwordHash: _hash, ...account } = found;
  return account;
}

/** Runs one account action; `readPassword` asks for a password when none was given. Returns what to print. */
export async function runAccountCommand(storage: Storage, args: AccountArgs, readPassword: (prompt: string) => Promise<string>): Promise<string> {
  const now = new Date().toISOString();
  const password = async (prompt: string) => {
    const value = args.password ?? (await readPassword(prompt));
    const problem = passwordProblem(value);
    if (problem) throw new UsageError(problem);
    return value;
  };

  switch (args.action) {
    case 'add': {
      const name = checkName(args.name);
      const role = checkRole(args.role);
      const passwordHash = await hashPassword(await password(`Initial password for ${name}: `));
      try {
        await storage.accounts.add({ id: randomUUID(), name, role, passwordHash, now });
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsageError(`An account named “${name}” already exists.`);
        throw error;
      }
      return `Added ${name} (${role}).`;
    }
    case 'list': {
      const accounts = await storage.accounts.list();
      if (args.json) return JSON.stringify(accounts.map(({ id, name, role, disabled, createdAt }) => ({ id, name, role, disabled, createdAt })));
      if (accounts.length === 0) return 'No accounts yet. Add one with: newsroom-server account add --name NAME --role writer|editor';
      return accounts.map((a) => `${a.name}\t${a.role}\t${a.disabled ? 'disabled' : 'active'}\tsince ${a.createdAt.slice(0, 10)}`).join('\n');
    }
    case 'disable': {
      const account = await existing(storage, args.name);
      await storage.accounts.setDisabled(account.id, true, now);
      const ended = await storage.sessions.revokeAllOf(account.id, now);
      return `Disabled ${account.name}; ${ended} session${ended === 1 ? '' : 's'} ended.`;
    }
    case 'enable': {
      const account = await existing(storage, args.name);
      await storage.accounts.setDisabled(account.id, false, now);
      return `Enabled ${account.name}.`;
    }
    case 'role': {
      const account = await existing(storage, args.name);
      const role = checkRole(args.role);
      await storage.accounts.setRole(account.id, role, now);
      return `${account.name} is now ${role === 'editor' ? 'an editor' : 'a writer'}.`;
    }
    case 'reset-password': {
      const account = await existing(storage, args.name);
      await storage.accounts.setPasswordHash(account.id, await hashPassword(await password(`New password for ${account.name}: `)), now);
      const ended = await storage.sessions.revokeAllOf(account.id, now);
      await storage.signInAttempts.forgive(nameKey(account.name));
      return `Reset the password of ${account.name}; ${ended} session${ended === 1 ? '' : 's'} ended.`;
    }
    default:
      throw new UsageError(`“${args.action.slice(0, 40)}” is not an account action: use add, list, disable, enable, role or reset-password.`);
  }
}
