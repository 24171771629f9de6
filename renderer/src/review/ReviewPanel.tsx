/**
 * The column beside the article, as tabs: Details, and the review tools each one click (or
 * Ctrl+Alt+R) from the text: Checklist, Comments, History (with the activity log). WAI-ARIA tabs:
 * one Tab stop, arrow keys, Home and End move between them.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { matchHotkeyTable } from '../../../shared/editor/hotkeys';
import type { Article } from '../../../shared/model/article';
import type { VersionText } from '../../../shared/diff/wordDiff';
import { CommentsSidebar } from '../comments/CommentsSidebar';
import { DESK_HOTKEYS } from '../editor/hotkeyTable';
import { ChecklistPanel } from './ChecklistPanel';
import { HistoryPanel } from './HistoryPanel';
import { useReview } from './ReviewContext';
import type { ArticleReviewState } from './useArticleReview';
import { ActivityLog } from './WorkflowBar';
import './review.css';

const TABS = ['details', 'checklist', 'comments', 'history'] as const;
type Tab = (typeof TABS)[number];
const LABEL: Record<Tab, string> = { details: 'Details', checklist: 'Checklist', comments: 'Comments', history: 'History' };

// The view is rebuilt after every save that changes the version (a status change, a restore): the
// chosen tab outlives it, and the next article opens on it too.
let remembered: Tab | undefined;
let lastReviewTab: Exclude<Tab, 'details'> = 'checklist';

type Props = {
  article: Article;
  review: ArticleReviewState;
  current: () => VersionText;
  flush: () => Promise<number>;
  onArticleChanged: (article: Article) => void;
  /** The details form, shown under the Details tab. */
  details: ReactNode;
};

export function ReviewPanel({ article, review, current, flush, onArticleChanged, details }: Props) {
  const { profile } = useReview();
  const id = useId();
  const [tab, setTabState] = useState<Tab>(() => remembered ?? (profile?.role === 'editor' ? 'checklist' : 'details'));
  const tabs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const open = review.comments.threads.filter((t) => !t.resolved).length;

  const setTab = (next: Tab, focus = false) => {
    remembered = next;
    if (next !== 'details') lastReviewTab = next;
    setTabState(next);
    if (focus) requestAnimationFrame(() => tabs.current[next]?.focus());
  };

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (matchHotkeyTable(DESK_HOTKEYS, e) !== 'review') return;
      e.preventDefault();
      setTab(tab === 'details' ? lastReviewTab : tab, true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const onTabKey = (e: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(at + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(at + TABS.length - 1) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next, true);
  };

  const panel = (t: Tab, children: ReactNode) => (
    <div role="tabpanel" id={`${id}-panel-${t}`} aria-labelledby={`${id}-tab-${t}`} hidden={tab !== t} className={`side-panel side-panel-${t}`}>
      {children}
    </div>
  );

  return (
    <div className="article-side">
      <div className="side-tabs" role="tablist" aria-label="Details and review" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              tabs.current[t] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${t}`}
            aria-controls={`${id}-panel-${t}`}
            aria-selected={tab === t}
            tabIndex={tab === t ? 0 : -1}
            className={tab === t ? 'selected' : ''}
            title={t === 'details' ? undefined : 'Review tools (Ctrl+Alt+R)'}
            onClick={() => setTab(t)}
          >
            {t === 'comments' && open ? `${LABEL[t]} (${open})` : LABEL[t]}
          </button>
        ))}
      </div>
      {panel('details', details)}
      {panel('checklist', <ChecklistPanel results={review.results} />)}
      {/* Every panel stays mounted: Ctrl+Alt+M works from any tab, and nothing typed is lost. */}
      {panel(
        'comments',
        <CommentsSidebar articleId={article.id} comments={review.comments} canComment={profile != null} onCompose={() => setTab('comments')} />,
      )}
      {panel(
        'history',
        <>
          <ActivityLog article={article} />
          <HistoryPanel article={article} current={current} flush={flush} onRestored={onArticleChanged} canWrite={profile != null} />
        </>,
      )}
    </div>
  );
}
