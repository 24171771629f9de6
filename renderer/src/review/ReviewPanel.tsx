/**
 * The column beside the article, as tabs: Details, and the review tools each one click (or
 * Ctrl+Alt+R) from the text: Checklist, History (with the activity log). Comments and suggestions
 * are in the margin beside the text (renderer/src/margin). WAI-ARIA tabs:
 * one Tab stop, arrow keys, Home and End move between them.
 *
 * Below 1440px wide (SIDE_DRAWER_QUERY) the text and its margin need the room, as in Google Docs and
 * Word: the column is a rail of its tabs at the window's edge, and a tab opens its panel as a drawer
 * over the margin. Close, Escape or going to the margin closes it again.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { matchHotkeyTable } from '../../../shared/editor/hotkeys';
import type { Article } from '../../../shared/model/article';
import type { VersionText } from '../../../shared/diff/wordDiff';
import { useRovingTabs } from '../app/useRovingTabs';
import { DESK_HOTKEYS } from '../editor/hotkeyTable';
import { ChecklistPanel } from './ChecklistPanel';
import { onShowSideTab, SIDE_TABS, type SideTab } from './findingFixes';
import { HistoryPanel } from './HistoryPanel';
import { ServerHistoryPanel } from './ServerHistoryPanel';
import type { ArticleChannel } from '../sync/articleChannel';
import { useReview } from './ReviewContext';
import type { ArticleReviewState } from './useArticleReview';
import { ActivityLog } from './WorkflowBar';
import './review.css';

type Tab = SideTab;
const LABEL: Record<Tab, string> = { details: 'Details', checklist: 'Checklist', history: 'History' };

// The view is rebuilt after every save that changes the version (a status change, a restore): the
// chosen tab outlives it, and the next article opens on it too.
let remembered: Tab | undefined;
let lastReviewTab: Exclude<Tab, 'details'> = 'checklist';
let drawerOpen = false;

/** The column is a rail and a drawer below this width (see review.css). */
export const SIDE_DRAWER_QUERY = '(max-width: 1439px)';
const isDrawer = () => window.matchMedia(SIDE_DRAWER_QUERY).matches;

type Props = {
  article: Article;
  review: ArticleReviewState;
  current: () => VersionText;
  flush: () => Promise<number>;
  onArticleChanged: (article: Article) => void;
  /** The details form, shown under the Details tab. */
  details: ReactNode;
  /** A newsroom article's document: its history is the server's. */
  channel?: ArticleChannel;
  /** Why the server keeps a newsroom article read-only for this account. */
  serverReadOnly?: string | undefined;
};

export function ReviewPanel({ article, review, current, flush, onArticleChanged, details, channel, serverReadOnly }: Props) {
  const { profile } = useReview();
  const [tab, setTabState] = useState<Tab>(() => remembered ?? (profile?.role === 'editor' ? 'checklist' : 'details'));

  const [open, setOpenState] = useState(drawerOpen);
  const setOpen = useCallback((next: boolean) => {
    drawerOpen = next;
    setOpenState(next);
  }, []);

  // Showing a tab opens the drawer; only Close, Escape or going to the margin close it.
  const setTab = useCallback(
    (next: Tab) => {
      remembered = next;
      if (next !== 'details') lastReviewTab = next;
      setTabState(next);
      setOpen(true);
    },
    [setOpen],
  );
  const tabs = useRovingTabs(SIDE_TABS, tab, setTab);

  const close = () => {
    setOpen(false);
    document.getElementById(tabs.tabProps(tab).id)?.focus();
  };

  // The drawer lies over the margin: going to a card (Ctrl+Alt+Shift+M, a checklist fix) closes it.
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (drawerOpen && isDrawer() && e.target instanceof Element && e.target.closest('.margin')) setOpen(false);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [setOpen]);

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
    <div
      className={`article-side${open ? ' open' : ''}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open || !isDrawer() || e.isDefaultPrevented()) return;
        // Escape in an open list (the byline's or the tags' matches) closes the list first; in a dialog
        // opened from the drawer (a comparison), the dialog, whose keys React still bubbles up here.
        if (e.target instanceof Element && (e.target.getAttribute('aria-expanded') === 'true' || e.target.closest('dialog, [role="alertdialog"]'))) return;
        e.preventDefault();
        close();
      }}
    >
      <div className="side-tabs" {...tabs.listProps('Details and review')}>
        {SIDE_TABS.map((t) => (
          <button key={t} {...tabs.tabProps(t)} className={tab === t ? 'selected' : ''} title={t === 'details' ? undefined : 'Review tools (Ctrl+Alt+R)'}>
            {LABEL[t]}
          </button>
        ))}
      </div>
      <div className="side-drawer-head">
        <button type="button" onClick={close} title="Escape">
          Close panel
        </button>
      </div>
      {panel('details', details)}
      {panel('checklist', <ChecklistPanel results={review.results} />)}
      {/* Every panel stays mounted: nothing typed in one is lost when another is shown. */}
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
            {...(channel ? { title: 'On this computer', newsroom: true } : {})}
          />
        </>,
      )}
    </div>
  );
}
