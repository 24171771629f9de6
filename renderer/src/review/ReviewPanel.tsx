/** The review column beside the article: checklist, comments, activity and history. */
import { useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { VersionText } from '../../../shared/diff/wordDiff';
import { useRovingTabs } from '../app/useRovingTabs';
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
  const tabs = useRovingTabs(TABS, tab, setTab);
  const open = review.comments.threads.filter((t) => !t.resolved).length;
  return (
    <aside className="review-panel" aria-label="Review">
      <ActivityLog article={article} />
      <div className="segmented" {...tabs.listProps('Review panels')}>
        {TABS.map((t) => (
          <button key={t} {...tabs.tabProps(t)} className={tab === t ? 'selected' : ''}>
            {t === 'Comments' && open ? `Comments (${open})` : t}
          </button>
        ))}
      </div>
      <div {...tabs.panelProps('Checklist')}>{tab === 'Checklist' && <ChecklistPanel results={review.results} />}</div>
      {/* Kept mounted so the hotkey works from any tab. */}
      <div {...tabs.panelProps('Comments')}>
        <CommentsSidebar articleId={article.id} comments={review.comments} canComment={profile != null} onCompose={() => setTab('Comments')} />
      </div>
      <div {...tabs.panelProps('History')}>
        {tab === 'History' && <HistoryPanel article={article} current={current} flush={flush} onRestored={onArticleChanged} canWrite={profile != null} />}
      </div>
    </aside>
  );
}
