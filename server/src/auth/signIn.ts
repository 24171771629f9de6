/** Signing in and out, and turning a session token back into an account. */
import { nameKey, type Account } from '../storage/accounts';
import type { Storage } from '../storage/storage';
import { decoyHash, verifyPassword } from './password';
import { SIGN_IN_WINDOW_MS, signInAllowed } from './signInPolicy';
import { hashToken, looksLikeToken, newSessionToken } from './tokens';

export type Authenticated = { ok: true; account: Account; tokenHash: string } | { ok: false; reason: string };

export const SESSION_ENDED = 'Your session has ended (signed out, or revoked by an admin): sign in again.';
export const ACCOUNT_DISABLED = 'This account is disabled: ask an admin of the newsroom server.';

export async function authenticateToken(storage: Storage, token: unknown): Promise<Authenticated> {
  if (!looksLikeToken(token)) return { ok: false, reason: 'Sign in to the newsroom server first: no valid session token was sent.' };
  return authenticateTokenHash(storage, hashToken(token));
}

/** The same check for a connection that keeps only the hash of its token. */
export async function authenticateTokenHash(storage: Storage, tokenHash: string): Promise<Authenticated> {
  const session = await storage.sessions.byTokenHash(tokenHash);
  if (!session || session.revokedAt) return { ok: false, reason: SESSION_ENDED };
  const account = await storage.accounts.byId(session.accountId);
  if (!account || account.disabled) return { ok: false, reason: ACCOUNT_DISABLED };
  return { ok: true, account, tokenHash };
}

export type SignInResult = { ok: true; token: string; account: Account } | { ok: false; status: 401 | 403 | 429; reason: string };

export async function signIn(storage: Storage, input: { name: string; password: string; address: string; now: Date }): Promise<SignInResult> {
  const key = nameKey(input.name);
  const verdict = signInAllowed(await storage.signInAttempts.failuresSince(key, input.address, new Date(input.now.getTime() - SIGN_IN_WINDOW_MS)));
  if (!verdict.ok) return { ok: false, status: 429, reason: verdict.reason };
  const found = await storage.accounts.byName(input.name);
  const matches = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  await storage.signInAttempts.record({ nameKey: key, address: input.address, succeeded: matches && !!found, now: input.now });
  if (!found || !matches) return { ok: false, status: 401, reason: 'The name or the password is wrong.' };
  const { passwordHash: _hash, ...account } = found;
  if (account.disabled) return { ok: false, status: 403, reason: ACCOUNT_DISABLED };
  await storage.signInAttempts.forgive(key);
  const token = newSessionToken();
  await storage.sessions.add({ tokenHash: hashToken(token), accountId: account.id, address: input.address, now: input.now.toISOString() });
  return { ok: true, token, account };
}
