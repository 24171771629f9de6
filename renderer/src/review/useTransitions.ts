/** The article's transitions log (who moved it, when, with what note), reloaded as the article changes. */
import { useEffect, useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { TransitionRecord } from '../../../shared/model/review';
import { call } from '../api/call';

export function useTransitions(article: Pick<Article, 'id' | 'version'>): TransitionRecord[] {
  const [log, setLog] = useState<TransitionRecord[]>([]);
  useEffect(() => {
    let live = true;
    call('listTransitions', { id: article.id })
      .then((next) => live && setLog(next))
      .catch(() => live && setLog([]));
    return () => {
      live = false;
    };
  }, [article.id, article.version]);
  return log;
}

/**
 * The return that sent this draft back, while it is still the last move: a draft the editor
 * returned stays "Returned" until the writer resubmits (or anything else moves it).
 */
export function activeReturn(log: readonly TransitionRecord[], status: Article['status']): TransitionRecord | undefined {
  const last = log[log.length - 1];
  return status === 'draft' && last?.action === 'return' ? last : undefined;
}
