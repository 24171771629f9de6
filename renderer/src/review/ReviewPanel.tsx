/**
 * The column beside the article, as tabs: Details, and the review tools each one click (or
 * Ctrl+Alt+R) from the text: Checklist, Comments, History (with the activity log). WAI-ARIA tabs:
 * one Tab stop, arrow keys, Home and End move between them.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { matchHotkeyTable } from '../../../shared/editor/hotkeys';
import type { Article } from '../../../shared/model/article';
import type { VersionText } from '../../../shared/diff/wordDiff';
import { useRovingTabs } from '../app/useRovingTabs';
import { CommentsSidebar } from '../comments/CommentsSidebar';
import { DESK_HOTKEYS } from '../editor/hotkeyTable';
import { ChecklistPanel } from './ChecklistPanel';
import { fixTarget, onShowSideTab, SIDE_TABS, type SideTab } from './findingFixes';
import { HistoryPanel } from './HistoryPanel';
import { ServerHistoryPanel } from './ServerHistoryPanel';
import type { ArticleChannel } from '../sync/articleChannel';
import { useReview } from './ReviewContext';
import type { ArticleReviewState } from './useArticleReview';
import { ActivityLog } from './WorkflowBar';
import './review.css';

type Tab = SideTab;
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
  /** Why no comment can be added now (a newsroom article the server keeps read-only for this account). */
  commentsLocked?: string | undefined;
  /** A newsroom article's document: its history is the server's. */
  channel?: ArticleChannel;
  /** Why the server keeps a newsroom article read-only for this account. */
  serverReadOnly?: string | undefined;
};

export function ReviewPanel({ article, review, current, flush, onArticleChanged, details, commentsLocked, channel, serverReadOnly }: Props) {
  const { profile } = useReview();
  const [tab, setTabState] = useState<Tab>(() => remembered ?? (profile?.role === 'editor' ? 'checklist' : 'details'));
  const open = review.comments.threads.filter((t) => !t.resolved).length;

  const setTab = useCallback((next: Tab) => {
    remembered = next;
    if (next !== 'details') lastReviewTab = next;
    setTabState(next);
  }, []);
  const tabs = useRovingTabs(SIDE_TABS, tab, setTab);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (matchHotkeyTable(DESK_HOTKEYS, e) !== 'review') return;
      e.preventDefault();
      const next = tab === 'details' ? lastReviewTab : tab;
      setTab(next);
      requestAnimationFrame(() => document.getElementById(tabs.tabProps(next).id)?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  // A checklist finding's fix shows the tab its field is in.
  useEffect(() => onShowSideTab(setTab), [setTab]);

  const panel = (t: Tab, children: ReactNode) => (
    <div {...tabs.panelProps(t)} className={`side-panel side-panel-${t}`}>
      {children}
    </div>
  );

  return (
    <div className="article-side">
      <div className="side-tabs" {...tabs.listProps('Details and review')}>
        {SIDE_TABS.map((t) => (
          <button
            key={t}
            {...tabs.tabProps(t)}
            {...(t === 'comments' ? fixTarget('comments-tab') : {})}
            className={tab === t ? 'selected' : ''}
            title={t === 'details' ? undefined : 'Review tools (Ctrl+Alt+R)'}
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
        <CommentsSidebar
          comments={review.comments}
          canComment={profile != null && !commentsLocked}
          lockedReason={commentsLocked}
          onCompose={() => setTab('comments')}
        />,
      )}
      {panel(
        'history',
        <>
          <ActivityLog article={article} />
          {channel && <ServerHistoryPanel article={article} channel={channel} current={current} serverReadOnly={serverReadOnly} active={tab === 'history'} />}
          {/* A newsroom article's text lives in its document: this desk's own versions are read here, restored from the server's. */}
          <HistoryPanel
            article={article}
            current={current}
            flush={flush}
            onRestored={onArticleChanged}
            canWrite={profile != null && !channel}
            {...(channel ? { title: 'On this computer' } : {})}
          />
        </>,
      )}
    </div>
  );
}
