/**
 * Who may see and who may edit which article: the server's rule, whatever a desk believes.
 *
 * - Editors see every article. Writers see the articles they own (created, or were given) and the
 *   one an editor assigned to them, which they hold exactly as its owner does.
 * - Text is edited only while the workflow leaves it open (not approved, exported or spiked):
 *   editors edit drafts, submitted articles and articles in edit; writers edit only their own (or
 *   assigned) drafts, which includes an article an editor returned to them (a return makes it a draft again).
 * - A disabled account sees nothing.
 */
import type { ArticleStatus } from '../../shared/model/article';
import { isLockedStatus, type Role } from '../../shared/workflow/transitions';

export type Access = 'none' | 'read' | 'write';

export type AccessAccount = { id: string; role: Role; disabled: boolean };
export type AccessArticle = { ownerId: string; status: ArticleStatus; assignment?: { writerId: string | null } };

const WRITER_EDITABLE: readonly ArticleStatus[] = ['draft'];

export function articleAccess(account: AccessAccount, article: AccessArticle): Access {
  if (account.disabled) return 'none';
  if (account.role === 'editor') return isLockedStatus(article.status) ? 'read' : 'write';
  if (article.ownerId !== account.id && article.assignment?.writerId !== account.id) return 'none';
  return WRITER_EDITABLE.includes(article.status) ? 'write' : 'read';
}

/** Why a connection is read-only, in a sentence for the desk. */
export function readOnlyReason(account: AccessAccount, article: AccessArticle): string {
  if (isLockedStatus(article.status)) return `The article is ${article.status}: nobody edits its text until an editor reopens it.`;
  if (account.role === 'writer') return 'The article is with the editors: a writer edits it again when it is returned.';
  return 'You may read this article but not edit it.';
}
