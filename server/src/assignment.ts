/**
 * Assignment: an editor gives an article to a writer and to an editor (either may be nobody). The
 * assigned writer holds the article as its owner does (access.ts); the assigned editor is who the
 * review queue shows holding it. Those newly assigned are told (notify.ts).
 */
import type { Account } from './storage/accounts';
import { storageOn, type Storage } from './storage/storage';
import { notify } from './notify';
import { visibleArticle, type ArticleView } from './articleService';

export type AssignRequest = { id: string; writerId: string | null; editorId: string | null };
export type AssignResult = { ok: true; article: ArticleView } | { ok: false; status: 400 | 403 | 404; reason: string };

/** An account that may be given the role, or the sentence why not. */
function checkAssignee(account: Account | undefined, role: 'writer' | 'editor'): string | undefined {
  if (!account) return `There is no such ${role} account in this newsroom.`;
  if (account.disabled) return `${account.name}’s account is disabled: assign someone else.`;
  if (account.role !== role) return `${account.name} is not ${role === 'writer' ? 'a writer' : 'an editor'} in this newsroom.`;
  return undefined;
}

export async function assignArticle(storage: Storage, account: Account, input: AssignRequest, now: Date): Promise<AssignResult> {
  if (account.role !== 'editor') return { ok: false, status: 403, reason: 'Only editors assign articles.' };
  const article = await visibleArticle(storage, account, input.id);
  if (!article) return { ok: false, status: 404, reason: 'There is no such article, or this account may not see it.' };
  for (const [id, role] of [
    [input.writerId, 'writer'],
    [input.editorId, 'editor'],
  ] as const) {
    if (id === null) continue;
    const problem = checkAssignee(await storage.accounts.byId(id), role);
    if (problem) return { ok: false, status: 400, reason: problem };
  }
  const at = now.toISOString();
  const before = article.assignment;
  await storage.db.transaction(async (tx) => {
    const s = storageOn(tx);
    await s.articles.assign(article.id, { writerId: input.writerId, editorId: input.editorId, assignedById: account.id, assignedAt: at });
    const base = { actor: account, kind: 'assigned' as const, articleId: article.id, at };
    if (input.writerId !== (before?.writerId ?? null)) await notify(s, { ...base, accountIds: [input.writerId], text: 'You are its writer.' });
    if (input.editorId !== (before?.editorId ?? null)) await notify(s, { ...base, accountIds: [input.editorId], text: 'You are its editor.' });
  });
  return { ok: true, article: (await visibleArticle(storage, account, article.id))! };
}
