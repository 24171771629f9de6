/** The article library: active articles or the trash, searchable, with per-article actions. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import { STATUS_LABEL } from '../../../shared/workflow/transitions';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { useRovingTabs } from '../app/useRovingTabs';
import { ArticleItemReview } from '../review/ArticleItemReview';
import type { Home } from '../review/LibraryFilters';
import { useReview } from '../review/ReviewContext';

export type LibraryView = 'active' | 'trash';
const VIEWS: readonly LibraryView[] = ['active', 'trash'];

type Props = {
  /** Home views and filters, shown under the search box. */
  filters?: ReactNode;
  /** What the filters show, so an empty list can say what it is empty of. */
  scope?: Home | 'filtered';
  view: LibraryView;
  onViewChange: (view: LibraryView) => void;
  search: string;
  onSearchChange: (search: string) => void;
  items: ArticleSummary[];
  total: number;
  /** The total counts only the newest matches of a search; more exist. */
  totalIsLowerBound?: boolean;
  loading: boolean;
  selectedId: string | undefined;
  onOpen: (id: string) => void;
  onNew: () => void;
  onDuplicate: (id: string) => void;
  onTrash: (id: string) => void;
  onRestore: (id: string) => void;
  onDeleteForever: (id: string) => void;
};

function formatEdited(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const today = new Date();
  return d.toDateString() === today.toDateString()
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
}

/** An empty list says what it is empty of, and offers what the person at the desk would do next. */
function emptyState(view: LibraryView, search: string, scope: Home | 'filtered', role: 'writer' | 'editor' | undefined): string {
  if (search) {
    return view === 'trash'
      ? `Nothing in the trash matches “${search}”.`
      : scope === 'all'
        ? `No articles match “${search}”. Check the spelling or search for fewer words.`
        : `No articles in this view match “${search}”. Choose “All articles” under Show to search everything.`;
  }
  if (view === 'trash') return 'The trash is empty. Articles you move to the trash wait here until you restore or delete them.';
  if (scope === 'queue') return 'Nothing is waiting for review. Articles writers submit appear here, longest waiting first.';
  if (scope === 'desk') return 'Your desk is clear: no drafts and nothing returned. Press “New article” (Ctrl+N) to start one.';
  if (scope === 'filtered') return 'No articles match these filters. Change them under “Filters and sort”, or choose “All articles” under Show.';
  return role === 'editor'
    ? 'No articles in this newsroom yet. What writers submit will wait in the review queue.'
    : 'No articles yet. Press “New article” (Ctrl+N) to start writing.';
}

export function Library(props: Props) {
  const { view, items, search, loading } = props;
  const [confirmDelete, setConfirmDelete] = useState<ArticleSummary | undefined>();
  const viewTabs = useRovingTabs(VIEWS, view, props.onViewChange);
  const listRef = useRef<HTMLUListElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  // A row that leaves the list (trash, restore, delete) hands focus to the row now in its place.
  const [refocus, setRefocus] = useState<{ index: number; items: ArticleSummary[] } | undefined>();
  useEffect(() => {
    if (!refocus || refocus.items === items) return;
    setRefocus(undefined);
    const rows = listRef.current?.querySelectorAll<HTMLElement>(':scope > li');
    const row = rows?.[Math.min(refocus.index, rows.length - 1)];
    (
      row?.querySelector<HTMLElement>('.article-item:not(:disabled)') ??
      row?.querySelector<HTMLElement>('.article-item-actions button') ??
      newRef.current
    )?.focus();
  }, [items, refocus]);
  const leaving = (index: number, act: () => void) => () => {
    setRefocus({ index, items });
    act();
  };

  const { profile } = useReview();
  const emptyText = emptyState(view, search.trim(), props.scope ?? 'all', profile?.role);

  return (
    <nav className="library" aria-label="Article library">
      <div className="library-header">
        <button ref={newRef} type="button" className="primary" onClick={props.onNew} title="New article (Ctrl+N)">
          New article
        </button>
        {/* The tabs switch the list below (no separate panels). */}
        <div className="segmented" {...viewTabs.listProps('Library view')}>
          {VIEWS.map((v) => (
            <button key={v} {...viewTabs.tabProps(v)} aria-controls={undefined} className={view === v ? 'selected' : ''}>
              {v === 'active' ? 'Articles' : 'Trash'}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="library-search"
          aria-label="Search articles"
          placeholder="Search headlines and text"
          value={search}
          onChange={(e) => props.onSearchChange(e.target.value)}
        />
        {view === 'active' && props.filters}
      </div>
      <p className="library-count" aria-live="polite">
        {loading
          ? 'Loading…'
          : `${props.total.toLocaleString()}${props.totalIsLowerBound ? '+' : ''} ${props.total === 1 && !props.totalIsLowerBound ? 'article' : 'articles'}`}
      </p>
      {items.length === 0 && !loading ? (
        <p className="empty-state">{emptyText}</p>
      ) : (
        <ul ref={listRef} className="article-list" aria-label={view === 'trash' ? 'Trash' : 'Articles'}>
          {items.map((item, index) => (
            <li key={item.id} className={item.id === props.selectedId ? 'selected' : ''}>
              {/* The button holds the headline alone, so its name is what it shows; the whole card is its click target (CSS).
                  dir="auto": an Arabic or Hebrew headline reads in its own direction, isolated from the card's. */}
              <button
                type="button"
                className="article-item"
                aria-describedby={`meta-${item.id} review-${item.id}`}
                aria-current={item.id === props.selectedId ? 'true' : undefined}
                onClick={() => view === 'active' && props.onOpen(item.id)}
                disabled={view === 'trash'}
              >
                <span className="article-item-headline" dir="auto">
                  {item.headline || 'Untitled article'}
                </span>
              </button>
              <span className="article-item-meta" id={`meta-${item.id}`}>
                <span className={`status-chip status-${item.status}`}>{STATUS_LABEL[item.status]}</span>
                <span>{item.byline.length ? item.byline.join(', ') : 'No byline'}</span>
                <span title={item.updatedAt}>Edited {formatEdited(item.updatedAt)}</span>
              </span>
              <span className="article-item-extra" id={`review-${item.id}`}>
                <ArticleItemReview item={item} />
              </span>
              <div className="article-item-actions">
                {view === 'active' ? (
                  <>
                    <button type="button" aria-label={`Duplicate “${item.headline || 'Untitled article'}”`} onClick={() => props.onDuplicate(item.id)}>
                      Duplicate
                    </button>
                    <button
                      type="button"
                      aria-label={`Move “${item.headline || 'Untitled article'}” to trash`}
                      onClick={leaving(index, () => props.onTrash(item.id))}
                    >
                      Trash
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      aria-label={`Restore “${item.headline || 'Untitled article'}”`}
                      onClick={leaving(index, () => props.onRestore(item.id))}
                    >
                      Restore
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Delete “${item.headline || 'Untitled article'}” for good`}
                      onClick={() => setConfirmDelete(item)}
                    >
                      Delete…
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title="Delete for good?"
          confirmLabel="Delete for good"
          danger
          onCancel={() => setConfirmDelete(undefined)}
          onConfirm={() => {
            setRefocus({ index: Math.max(0, items.indexOf(confirmDelete)), items });
            props.onDeleteForever(confirmDelete.id);
            setConfirmDelete(undefined);
          }}
        >
          “{confirmDelete.headline || 'Untitled article'}” will be deleted permanently. This cannot be undone.
        </ConfirmDialog>
      )}
    </nav>
  );
}
