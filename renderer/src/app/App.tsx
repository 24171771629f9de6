/** The desk: library on the left, the open article on the right. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { IpcCallError, type DbStatus } from '../../../shared/ipc/contract';
import type { Article, ArticlePatch, ArticleSummary } from '../../../shared/model/article';
import { call, errorMessage } from '../api/call';
import { api } from '../api/transport';
import { ArticleView, focusHeadlineWhenShown } from '../article/ArticleView';
import { flushAllAutosaves, flushBeforeLeaving } from '../article/useArticleAutosave';
import { markArticleOpenStart } from '../article/openTiming';
import { BackupsView } from '../backups/BackupsView';
import { ExchangeBar } from '../exchange/ExchangeBar';
import { Library, type LibraryView } from '../library/Library';
import { AreaNav, type DeskArea } from '../libraries/AreaNav';
import { LibrariesArea } from '../libraries/LibrariesArea';
import { LibraryFilters, scopeOf, type ListFilters } from '../review/LibraryFilters';
import { FirstRunCard } from '../review/ProfileForm';
import { ReviewProvider, useReview } from '../review/ReviewContext';
import { RoleSwitch } from '../review/RoleSwitch';
import { ConnectionIndicator } from '../sync/ConnectionIndicator';
import { InboxButton } from '../sync/Inbox';
import { NewsroomServerDialog } from '../sync/NewsroomServerDialog';
import { useSyncSelector } from '../sync/syncStatus';
import { useWorkflowDecisions } from '../sync/useWorkflowNotices';
import { workflowNoticeSentence } from '../../../shared/sync/workflowNotices';
import { onOpenServerSettings } from '../sync/openServerSettings';
import { DatabaseProblem } from './DatabaseProblem';
import { announcerProps, focusWhenReady } from './focus';
import { Toasts, useToasts } from './Toasts';

const PAGE = 200;
const NO_ARTICLE = 'No article open';

export function App() {
  const [db, setDb] = useState<DbStatus | undefined>();
  const [view, setView] = useState<LibraryView>('active');
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [totalIsLowerBound, setTotalIsLowerBound] = useState(false);
  const [loading, setLoading] = useState(true);
  const [article, setArticle] = useState<Article | undefined>();
  const [showBackups, setShowBackups] = useState(false);
  const [area, setArea] = useState<DeskArea>('articles');
  const [filters, setFilters] = useState<ListFilters>({});
  const toasts = useToasts();
  const { show } = toasts;
  const listRequest = useRef(0);

  useEffect(() => {
    call('dbStatus', {})
      .then(setDb)
      .catch((e) => show(errorMessage(e), 'error'));
  }, [show]);

  /** `quiet`: the list is already shown and only brought up to date (after a save), so no "Loading…". */
  const refresh = useCallback(
    async (quiet = false) => {
      const ticket = ++listRequest.current;
      if (!quiet) setLoading(true);
      try {
        const list = await call('listArticles', { view, limit: PAGE, ...filters, ...(search.trim() ? { search } : {}) });
        if (ticket !== listRequest.current) return; // A newer search answered first.
        setItems(list.items);
        setTotal(list.total);
        setTotalIsLowerBound(list.totalIsLowerBound ?? false);
      } catch (e) {
        show(errorMessage(e), 'error');
      } finally {
        if (ticket === listRequest.current) setLoading(false);
      }
    },
    [view, search, filters, show],
  );

  useEffect(() => {
    if (db?.state !== 'open') return;
    const t = setTimeout(() => void refresh(), search ? 120 : 0);
    return () => clearTimeout(t);
  }, [db, refresh, search]);

  // The newsroom's list changed (new articles from colleagues, statuses): list again without "Loading…".
  const listRevision = useSyncSelector((sync) => sync?.listRevision ?? 0);
  useEffect(() => {
    if (listRevision > 0) void refresh(true);
  }, [listRevision, refresh]);
  // The server answered workflow steps that waited for it: the list shows the statuses it decided,
  // and answers about articles other than the open one (whose workflow bar says it) come as toasts.
  useWorkflowDecisions((decided) => {
    void refresh(true);
    for (const notice of decided) if (notice.articleId !== article?.id) show(workflowNoticeSentence(notice), notice.state === 'refused' ? 'error' : 'info');
  });
  const [serverDialog, setServerDialog] = useState(false);
  useEffect(() => onOpenServerSettings(() => setServerDialog(true)), []);

  const openRequest = useRef(0);
  const openArticle = useCallback(
    async (id: string) => {
      const ticket = ++openRequest.current;
      try {
        markArticleOpenStart();
        await flushBeforeLeaving();
        const loaded = await call('getArticle', { id });
        if (ticket !== openRequest.current) return; // The writer clicked another article meanwhile.
        setArticle(loaded);
        setShowBackups(false);
      } catch (e) {
        show(errorMessage(e), 'error');
      }
    },
    [show],
  );

  const newArticle = useCallback(async () => {
    try {
      await flushBeforeLeaving();
      const created = await call('createArticle', {});
      setView('active');
      setArea('articles');
      setSearch('');
      focusHeadlineWhenShown(created.id);
      setArticle(created);
      setShowBackups(false);
      await refresh();
    } catch (e) {
      show(errorMessage(e), 'error');
    }
  }, [refresh, show]);

  const act = useCallback(
    (fn: () => Promise<unknown>, done: string) => async () => {
      try {
        await flushBeforeLeaving();
        await fn();
        show(done, 'info');
        await refresh();
      } catch (e) {
        show(errorMessage(e), 'error');
      }
    },
    [refresh, show],
  );

  const onListedFieldChange = useCallback((id: string, patch: ArticlePatch) => {
    setItems((list) => list.map((item) => (item.id === id && patch.headline !== undefined ? { ...item, headline: patch.headline } : item)));
  }, []);

  const refreshAfterSave = useCallback(() => void refresh(true), [refresh]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        void newArticle();
      } else if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault(); // Everything autosaves; Ctrl+S saves now.
        void flushAllAutosaves();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [newArticle]);

  // The Electron application menu (File ▸ New Article, Open Database…).
  useEffect(
    () =>
      api.onMenuCommand?.((command) => {
        if (command === 'new-article') void newArticle();
        else
          void flushAllAutosaves()
            .then(() => call('openDatabase', {}))
            .then((status) => {
              setArticle(undefined);
              setDb(status);
            })
            .catch((e) => {
              if (!(e instanceof IpcCallError && e.error.code === 'CANCELLED')) show(errorMessage(e), 'error');
            });
      }),
    [newArticle, show],
  );

  // Library edits may rewrite the open draft's synced blocks: come back to the stored copy.
  const changeArea = async (next: DeskArea) => {
    try {
      await flushBeforeLeaving();
    } catch (e) {
      return show(errorMessage(e), 'error');
    }
    if (next === 'articles' && article) await openArticle(article.id);
    setArea(next);
  };

  const openHeadline = article ? (items.find((i) => i.id === article.id)?.headline ?? article.headline) : '';
  const viewTitle =
    area === 'authors'
      ? 'Authors'
      : area === 'style'
        ? 'House style'
        : area === 'disclosures'
          ? 'AI-use disclosures'
          : showBackups
            ? 'Backups'
            : article
              ? `Article: ${openHeadline || 'Untitled article'}`
              : NO_ARTICLE;
  useEffect(() => {
    document.title = `${viewTitle} – Newsroom Desk`;
  }, [viewTitle]);

  if (!db) return <main className="splash">Opening the newsroom…</main>;
  if (db.state === 'error') return <DatabaseProblem status={db} onOpened={setDb} />;

  return (
    <ReviewProvider>
      <div className="desk">
        <div className="desk-sidebar">
          <ConnectionIndicator onOpen={() => setServerDialog(true)} />
          <InboxButton
            onOpenArticle={(id) => {
              setArea('articles');
              setShowBackups(false);
              void openArticle(id);
            }}
          />
          <RoleSwitch />
          <AreaNav area={area} onChange={(next) => void changeArea(next)} />
          <Library
            filters={<LibraryFilters filters={filters} onChange={setFilters} />}
            scope={scopeOf(filters)}
            view={view}
            onViewChange={setView}
            search={search}
            onSearchChange={setSearch}
            items={items}
            total={total}
            totalIsLowerBound={totalIsLowerBound}
            loading={loading}
            selectedId={article?.id}
            onOpen={(id) => {
              setArea('articles');
              void openArticle(id);
            }}
            onNew={() => void newArticle()}
            onDuplicate={(id) => void act(async () => setArticle(await call('duplicateArticle', { id })), 'Article duplicated.')()}
            onTrash={(id) =>
              void act(async () => {
                await call('trashArticle', { id });
                if (article?.id === id) setArticle(undefined);
              }, 'Moved to the trash. You can restore it from Trash.')()
            }
            onRestore={(id) => void act(() => call('restoreArticle', { id }), 'Article restored.')()}
            onDeleteForever={(id) => void act(() => call('deleteArticleForever', { id, confirm: true }), 'Deleted for good.')()}
          />
        </div>
        <button
          type="button"
          className="backups-open"
          onClick={() =>
            void flushBeforeLeaving().then(
              () => setShowBackups(true),
              (e) => show(errorMessage(e), 'error'),
            )
          }
        >
          Backups…
        </button>
        <main className="workspace" aria-labelledby="view-title">
          {/* One level-one heading per view; focus goes here when the view changes under the keyboard. */}
          {viewTitle !== NO_ARTICLE && (
            <h1 id="view-title" tabIndex={-1} className="visually-hidden">
              {viewTitle}
            </h1>
          )}
          <ExchangeBar
            articles={items.filter((i) => !i.trashedAt).map((i) => ({ id: i.id, headline: i.headline }))}
            onImported={(id) => void refresh().then(() => openArticle(id))}
            onExported={() => {
              void refresh();
              // An approved article that was exported moved to Exported: show it as stored.
              if (article?.status === 'approved') void openArticle(article.id);
            }}
            notify={show}
          />
          <FirstRunCard />
          {area !== 'articles' ? (
            <LibrariesArea area={area} />
          ) : showBackups ? (
            <BackupsView
              onClose={() => {
                setShowBackups(false);
                focusWhenReady('#view-title');
              }}
              onRestored={(status) => {
                setArticle(undefined);
                setShowBackups(false);
                setDb(status);
              }}
              notify={show}
            />
          ) : article ? (
            <ArticleView
              key={`${article.id}:${article.version}`}
              article={article}
              onListedFieldChange={onListedFieldChange}
              onSaved={refreshAfterSave}
              onReload={(id) => openArticle(id).then(() => refresh())}
              {...(db.readOnly ? { readOnly: db.readOnly } : {})}
            />
          ) : (
            <NoArticleOpen readOnly={db.readOnly} />
          )}
        </main>
        {serverDialog && <NewsroomServerDialog onClose={() => setServerDialog(false)} />}
        <Toasts toasts={toasts} />
        <div {...announcerProps} />
      </div>
    </ReviewProvider>
  );
}

/** The workspace with nothing open, in words for the person at the desk. */
function NoArticleOpen({ readOnly }: { readOnly: string | undefined }) {
  const { profile } = useReview();
  return (
    <div className="empty-state workspace-empty">
      <h1 id="view-title" tabIndex={-1} className="workspace-empty-title">
        {NO_ARTICLE}
      </h1>
      {readOnly ? (
        <p role="note">{readOnly}</p>
      ) : profile?.role === 'editor' ? (
        <p>Choose an article from the review queue to read, comment on and approve it.</p>
      ) : (
        <p>Choose an article from the library, or press “New article” (Ctrl+N) to start one.</p>
      )}
    </div>
  );
}
