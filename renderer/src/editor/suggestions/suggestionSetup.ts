/** Who suggests at this desk, and whether an article view opens in suggesting mode. */
import { useMemo } from 'react';
import type { ArticleStatus } from '../../../../shared/model/article';
import type { SuggestionAuthor } from '../../../../shared/suggestions/mode';
import { useReview } from '../../review/ReviewContext';
import { useSyncSelector } from '../../sync/syncStatus';
import { useWritingSettings } from '../writingSettings';

/**
 * The signed-in newsroom account when there is one (its id is the same on every desk), else the
 * desk's profile (named on first run; its name is its id on this desk).
 */
export function useSuggestionSetup(status: ArticleStatus): { author: SuggestionAuthor; initiallyOn: boolean } {
  const { profile } = useReview();
  const writing = useWritingSettings();
  const account = useSyncSelector((sync) => (sync?.account && sync.connection.kind !== 'not-configured' ? `${sync.account.id}\u0000${sync.account.name}` : ''));
  return useMemo(() => {
    const [accountId, accountName] = account ? account.split('\u0000') : [];
    const name = accountName || profile?.name || 'This desk';
    const author: SuggestionAuthor = { authorId: accountId ? `account:${accountId}` : `desk:${name}`, authorName: name };
    const reviewing = status === 'submitted' || status === 'in-edit';
    return { author, initiallyOn: profile?.role === 'editor' && reviewing && writing.editorsSuggest !== false };
  }, [account, profile, status, writing.editorsSuggest]);
}
