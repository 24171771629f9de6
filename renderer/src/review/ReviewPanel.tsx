/** The review column beside the article: checklist, comments, activity and history. */
import { useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { VersionText } from '../../../shared/diff/wordDiff';
import { CommentsSidebar } from '../comments/CommentsSidebar';
import { ChecklistPanel } from './ChecklistPanel';
import { HistoryPanel } from './HistoryPanel';
import { useReview } from './ReviewContext';
import type { ArticleReviewState } from './useArticleReview';
import { ActivityLog } from './WorkflowBar';
import './review.css';

const TABS = ['Checklist', 'Comments', 'History'] as const;
type Tab = (typeof TABS)[number];

type Props = {
  article: Article;
  review: ArticleReviewState;
  current: () => VersionText;
  flush: () => Promise<number>;
  onArticleChanged: (article: Article) => void;
};

export function ReviewPanel({ article, review, current, flush, onArticleChanged }: Props) {
  const { profile } = useReview();
  const [tab, setTab] = useState<Tab>('Checklist');
  const open = review.comments.threads.filter((t) => !t.resolved).length;
  return (
    <aside className="review-panel" aria-label="Review">
      <ActivityLog article={article} />
      <div className="segmented" role="tablist" aria-label="Review panels">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'selected' : ''} onClick={() => setTab(t)}>
            {t === 'Comments' && open ? `Comments (${open})` : t}
          </button>
        ))}
      </div>
      {tab === 'Checklist' && <ChecklistPanel results={review.results} />}
      {/* Kept mounted so the hotkey works from any tab. */}
      <div hidden={tab !== 'Comments'}>
        <CommentsSidebar articleId={article.id} comments={review.comments} canComment={profile != null} onCompose={() => setTab('Comments')} />
      </div>
      {tab === 'History' && <HistoryPanel article={article} current={current} flush={flush} onRestored={onArticleChanged} canWrite={profile != null} />}
    </aside>
  );
}
