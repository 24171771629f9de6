/**
 * How many failed sign-ins are tolerated before sign-in is refused for a while: per account name
 * (guessing one person's password) and per address (trying many names). Pure, so it is tested alone.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_NAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type SignInVerdict = { ok: true } | { ok: false; reason: string };

export function signInAllowed(failures: { byName: number; byAddress: number }): SignInVerdict {
  if (failures.byName >= MAX_FAILURES_PER_NAME) {
    return { ok: false, reason: 'Too many failed sign-ins for this account. Wait 15 minutes, or ask an admin to reset the password.' };
  }
  if (failures.byAddress >= MAX_FAILURES_PER_ADDRESS) {
    return { ok: false, reason: 'Too many failed sign-ins from this computer. Wait 15 minutes and try again.' };
  }
  return { ok: true };
}
