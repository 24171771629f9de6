/** One open article: headline and dek, the body editor, the details panel and the save state. */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Article, ArticlePatch } from '../../../shared/model/article';
import type { ArticleBody } from '../../../shared/model/document';
import { isLockedStatus } from '../../../shared/workflow/transitions';
import { call } from '../api/call';
import { BodyEditor, type BodyEditorHandle } from '../editor/BodyEditor';
import { useSuggestionSetup } from '../editor/suggestions/suggestionSetup';
import { useArticleSpelling } from '../language/useArticleSpelling';
import {
  FreezeLibraryBlocksButton,
  LibraryBlockPicker,
  LibraryBlocksProvider,
  useLibraryBlocksState,
  useLibraryEditorExtension,
} from '../editor/library-blocks';
import { ExportArticleButton } from '../exchange/ExportArticleButton';
import { ReviewPanel } from '../review/ReviewPanel';
import { Margin } from '../margin/Margin';
import { useReview } from '../review/ReviewContext';
import { suggestionActions } from '../margin/suggestionActions';
import { useArticleReview } from '../review/useArticleReview';
import { WorkflowBar } from '../review/WorkflowBar';
import { ConflictBanner } from './ConflictBanner';
import { useFieldTypography } from './fieldTypography';
import { languageDirection } from '../../../shared/language/languageTag';
import { ArticleDetails, type DetailFields } from './details/ArticleDetails';
import { measureArticleOpened } from './openTiming';
import { SaveIndicator } from './SaveIndicator';
import { registerLocalCopy, useArticleAutosave } from './useArticleAutosave';
import type * as Y from 'yjs';
import { docToArticleFields, docToDetails, fieldsMap, writeDetailsToDoc } from '../../../shared/sync/articleDoc';
import { PresenceBar } from '../sync/Presence';
import type { ArticleSyncState } from '../../../shared/sync/syncState';
import type { ArticleChannel } from '../sync/articleChannel';
import { SyncSaveIndicator } from '../sync/SyncSaveIndicator';
import { useArticleChannel, useChannelSelector } from '../sync/useArticleChannel';

/** Enter in the headline goes on to the dek, in the dek to the body: the fields hold one paragraph each. */
const isPlainEnter = (e: KeyboardEvent) => e.key === 'Enter' && !e.nativeEvent.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey;

type Props = {
  article: Article;
  /** Tells the library a listed field changed (headline), so the list can update without a reload. */
  onListedFieldChange: (id: string, patch: ArticlePatch) => void;
  /** Each save that lands, so the library card shows the stored byline and "Edited" time at once. */
  onSaved?: (id: string) => void;
  /** Replaces the open copy with the stored one (after a conflict). */
  onReload: (id: string) => Promise<void>;
  /** Why the whole database cannot be changed (a read-only file, folder or disk), when that is so. */
  readOnly?: string;
};

type Editable = DetailFields & { headline: string; dek: string };

function editableOf(a: Article): Editable {
  return {
    headline: a.headline,
    dek: a.dek,
    slug: a.slug,
    slugLocked: a.slugLocked,
    section: a.section,
    tags: a.tags,
    bylineAuthorIds: a.bylineAuthorIds,
    dateline: a.dateline,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    plannedLength: a.plannedLength,
    deadline: a.deadline,
    aiDeclaration: a.aiDeclaration,
    language: a.language,
  };
}

/** The article that should take the caret in its headline once its view is shown (a new article). */
let headlineFocusFor: string | undefined;
export function focusHeadlineWhenShown(articleId: string): void {
  headlineFocusFor = articleId;
}

/** A newsroom article edits its shared document; the desk's own articles save through autosave. */
export function ArticleView(props: Props) {
  const opened = useArticleChannel(props.article.id);
  if (opened.loading) return <p className="muted article-opening">Opening the article…</p>;
  return <ArticleEditorView {...props} channel={opened.channel} />;
}

function ArticleEditorView({ article, onListedFieldChange, onSaved, onReload, readOnly, channel }: Props & { channel: ArticleChannel | undefined }) {
  const { autosave, state } = useArticleAutosave(article);
  const serverReadOnly = useChannelSelector(channel, (state) =>
    state.article.access === 'read' ? (state.article.accessReason ?? 'The newsroom server keeps this article read-only for you.') : undefined,
  );
  // Who holds a newsroom article (its assigned writer and editor), as a string so the selector is stable.
  const holderJson = useChannelSelector(channel, (state) => JSON.stringify(state.article.holder ?? null));
  const holder = useMemo(() => (holderJson ? ((JSON.parse(holderJson) as ArticleSyncState['holder'] | null) ?? undefined) : undefined), [holderJson]);
  const savedAt = state.kind === 'saved' ? state.at : undefined;
  useEffect(() => {
    if (savedAt !== undefined && savedAt !== article.updatedAt) onSaved?.(article.id);
  }, [savedAt, article.id, article.updatedAt, onSaved]);
  const [fields, setFields] = useState<Editable>(() => (channel ? editableOf({ ...article, ...docToDetails(channel.doc) }) : editableOf(article)));
  // A colleague's edits to the details arrive through the document.
  useEffect(() => {
    if (!channel) return;
    const details = fieldsMap(channel.doc);
    // Not this view's own typing (origin null, already in its state): a colleague's, a restore, or its undo.
    const onRemote = (_events: unknown, transaction: Y.Transaction) => {
      if (transaction.origin !== null) setFields((f) => ({ ...f, ...docToDetails(channel.doc) }));
    };
    details.observeDeep(onRemote);
    return () => details.unobserveDeep(onRemote);
  }, [channel]);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  // The latest local body, for "keep mine" after a conflict; the editor itself is uncontrolled.
  // A newsroom article's is read from its document only when asked: reading it costs its length.
  const bodyRef = useRef<ArticleBody | null>(channel ? null : article.body);
  const currentBody = useCallback(
    (): ArticleBody => (bodyRef.current ??= channel ? docToArticleFields(channel.doc).body : article.body),
    [channel, article.body],
  );
  const dekRef = useRef<HTMLTextAreaElement>(null);
  const headlineRef = useRef<HTMLTextAreaElement>(null);
  useFieldTypography(headlineRef, fields.language);
  useFieldTypography(dekRef, fields.language);
  // The headline, dek and body take the article's language and direction; the desk around them does not.
  const textLanguage = { lang: fields.language, dir: languageDirection(fields.language) };
  const bodyHandle = useRef<BodyEditorHandle>(null);
  // The language: 'en-US' until articles carry their own (then article.language goes in here).
  const spelling = useArticleSpelling(article.id, fields, fields.language);
  useEffect(() => registerLocalCopy(autosave, () => ({ ...fieldsRef.current, body: currentBody() })), [autosave, currentBody]);
  useEffect(measureArticleOpened, []);
  useEffect(() => {
    // Opening may wait for the newsroom copy: the caret goes to the headline when the view exists.
    if (headlineFocusFor !== article.id) return;
    headlineFocusFor = undefined;
    document.getElementById('article-headline')?.focus();
  }, [article.id]);
  const review = useArticleReview(article, fields, undefined, channel);
  const suggestions = useSuggestionSetup(article.status);
  const { profile } = useReview();
  const flushForReview = useCallback(async () => {
    if (!channel) return (await autosave.flush(), autosave.baseVersion);
    // The main process derives the stored copy from the document; review reads that copy.
    await channel.flush();
    return (await call('getArticle', { id: article.id })).version;
  }, [autosave, channel, article.id]);
  const reviewed = useCallback(() => void onReload(article.id), [onReload, article.id]);
  const library = useLibraryBlocksState();
  const bodyExtension = useLibraryEditorExtension(review.extension, library.attachEditor);

  const change = useCallback(
    (patch: Partial<Editable>) => {
      setFields((f) => ({ ...f, ...patch }));
      if (channel) writeDetailsToDoc(channel.doc, patch);
      else autosave.change(patch);
      if (patch.headline !== undefined) onListedFieldChange(article.id, patch);
    },
    [autosave, channel, article.id, onListedFieldChange],
  );

  // Approved, exported and spiked text is settled, and a read-only database takes no saves: the view does not offer edits.
  // A newsroom article is also read-only when the server says so for this account.
  const locked = isLockedStatus(article.status) || readOnly !== undefined || serverReadOnly !== undefined;

  const { bodyChanged } = review;
  const onBodyChange = useCallback(
    (body: ArticleBody) => {
      bodyRef.current = body;
      if (!channel) autosave.change({ body });
      bodyChanged(body);
    },
    [autosave, channel, bodyChanged],
  );

  return (
    <LibraryBlocksProvider value={library}>
      <div className="article-layout">
        <article className="article-view" aria-label="Article">
          <div className="article-topbar">
            <WorkflowBar
              article={article}
              flush={flushForReview}
              blocking={review.approvalErrors}
              findingsFor={review.findingsFor}
              onTransitioned={reviewed}
              newsroom={channel !== undefined}
              holder={holder}
            />
            <ExportArticleButton
              id={article.id}
              headline={fields.headline}
              beforeOpen={() => autosave.flush()}
              onClosed={() =>
                void call('getArticle', { id: article.id })
                  .then((stored) => (stored.version !== autosave.baseVersion ? onReload(article.id) : undefined))
                  .catch(() => undefined)
              }
            />
            {!locked && <FreezeLibraryBlocksButton articleId={article.id} flush={() => autosave.flush()} onFrozen={reviewed} />}
            {channel && <PresenceBar source={channel} />}
            {channel ? <SyncSaveIndicator channel={channel} /> : <SaveIndicator state={state} onRetry={() => void autosave.flush()} />}
          </div>
          {state.kind === 'conflict' && (
            <ConflictBanner
              articleId={article.id}
              mine={{ ...fields, body: currentBody() }}
              // Only what this window changed goes over the saved version: details edited elsewhere stay.
              onKeepMine={(currentVersion) => autosave.overwrite(currentVersion, {})}
              onTakeTheirs={() => {
                // The writer chose the stored text (or kept theirs as a copy): these edits may go.
                autosave.discard(autosave.baseVersion, article.updatedAt);
                return onReload(article.id);
              }}
            />
          )}
          {locked && (
            <p className="locked-banner" role="note">
              {readOnly ??
                serverReadOnly ??
                (article.status === 'spiked'
                  ? 'This article is spiked. Restore it to edit it again.'
                  : `This article is ${article.status}: its text is locked so what was approved is what goes out. An editor can reopen it for editing; comments stay open.`)}
            </p>
          )}
          <div className="article-fields">
            <label className="field-label" htmlFor="article-headline">
              Headline
            </label>
            <textarea
              id="article-headline"
              ref={headlineRef}
              className="headline-input"
              {...textLanguage}
              rows={1}
              value={fields.headline}
              placeholder="Headline"
              readOnly={locked}
              maxLength={300}
              onChange={(e) => change({ headline: e.target.value.replace(/\n/g, ' ') })}
              onKeyDown={(e) => {
                if (!isPlainEnter(e)) return;
                e.preventDefault();
                const dek = dekRef.current;
                dek?.focus();
                dek?.setSelectionRange(dek.value.length, dek.value.length);
              }}
            />
            <label className="field-label" htmlFor="article-dek">
              Dek
            </label>
            <textarea
              id="article-dek"
              className="dek-input"
              {...textLanguage}
              rows={2}
              value={fields.dek}
              placeholder="Dek: one or two sentences under the headline"
              readOnly={locked}
              maxLength={1000}
              onChange={(e) => change({ dek: e.target.value })}
              ref={dekRef}
              onKeyDown={(e) => {
                if (!isPlainEnter(e)) return;
                e.preventDefault();
                bodyHandle.current?.focusStart();
              }}
            />
          </div>
          <BodyEditor
            key={`${article.id}:${article.version}`}
            initialValue={article.body}
            onChange={onBodyChange}
            plannedLength={fields.plannedLength}
            readOnly={locked}
            onInsertLibraryBlock={library.pick}
            extension={bodyExtension}
            textFindings={review.style}
            handle={bodyHandle}
            language={fields.language}
            suggestions={suggestions}
            {...(channel ? { shared: channel } : {})}
            spelling={spelling}
          />
        </article>
        <Margin
          comments={review.comments}
          suggestions={review.suggestions}
          canComment={profile != null && !(channel && serverReadOnly)}
          // The server takes no change to a read-only newsroom article, comments included.
          lockedReason={channel ? serverReadOnly : undefined}
          actions={locked ? undefined : suggestionActions}
        />
        <ReviewPanel
          article={article}
          review={review}
          {...(channel ? { channel, serverReadOnly } : {})}
          current={() => ({ headline: fields.headline, dek: fields.dek, body: currentBody() })}
          flush={flushForReview}
          onArticleChanged={reviewed}
          details={
            // A disabled fieldset disables every control inside it.
            <fieldset className="details-lock" disabled={locked}>
              <ArticleDetails
                articleId={article.id}
                headline={fields.headline}
                fields={fields}
                onChange={change}
                disclosureFindings={review.disclosureFindings}
              />
            </fieldset>
          }
        />
      </div>
      <LibraryBlockPicker />
    </LibraryBlocksProvider>
  );
}
