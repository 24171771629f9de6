/**
 * Who a comment mentions: `@Name` of a newsroom account, by its display name (any case; longer names
 * first, so “@Ana Lima” is Ana Lima and not an “Ana” too) or by a first name only one account has.
 */
import { mentionedNames } from './articleComments';

export type MentionCandidate = { id: string; name: string };

const key = (name: string) => name.trim().normalize('NFC').toLowerCase();

/** The ids of the accounts `text` mentions, each once, in the order of `accounts`. */
export function mentionedAccounts(text: string, accounts: readonly MentionCandidate[]): string[] {
  const byName = new Map<string, string>();
  for (const account of accounts) byName.set(key(account.name), account.id);
  const firstNames = new Map<string, string[]>();
  for (const account of accounts) {
    const [first, ...rest] = account.name.trim().split(/\s+/);
    if (!first || rest.length === 0) continue;
    firstNames.set(key(first), [...(firstNames.get(key(first)) ?? []), account.id]);
  }
  // A first name shared by two people, or someone's whole name, names nobody in particular.
  for (const [first, ids] of firstNames) if (ids.length === 1 && !byName.has(first)) byName.set(first, ids[0]!);
  const found = new Set(mentionedNames(text, [...byName.keys()]).map((name) => byName.get(name)!));
  return accounts.filter((a) => found.has(a.id)).map((a) => a.id);
}
