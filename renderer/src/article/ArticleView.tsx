/** One open article: headline and dek, metadata, the body editor and its save state. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, ArticlePatch } from '../../../shared/model/article';
import type { ArticleBody } from '../../../shared/model/document';
import { BodyEditor } from '../editor/BodyEditor';
import { ConflictBanner } from './ConflictBanner';
import { SaveIndicator } from './SaveIndicator';
import { useArticleAutosave } from './useArticleAutosave';
import { measureArticleOpened } from './openTiming';

type Props = {
  article: Article;
  /** Tells the library a listed field changed (headline), so the list can update without a reload. */
  onListedFieldChange: (id: string, patch: ArticlePatch) => void;
  /** Replaces the open copy with the stored one (after a conflict). */
  onReload: (id: string) => Promise<void>;
};

export function ArticleView({ article, onListedFieldChange, onReload }: Props) {
  const { autosave, state } = useArticleAutosave(article);
  const [headline, setHeadline] = useState(article.headline);
  const [dek, setDek] = useState(article.dek);
  // The latest local body, for "keep mine" after a conflict.
  const bodyRef = useRef<ArticleBody>(article.body);
  useEffect(measureArticleOpened, []);

  const change = useCallback(
    (patch: ArticlePatch) => {
      autosave.change(patch);
      if (patch.headline !== undefined) onListedFieldChange(article.id, patch);
    },
    [autosave, article.id, onListedFieldChange],
  );

  const onBodyChange = useCallback(
    (body: ArticleBody) => {
      bodyRef.current = body;
      autosave.change({ body });
    },
    [autosave],
  );

  return (
    <article className="article-view" aria-label="Article">
      <div className="article-topbar">
        <span className={`status-chip status-${article.status}`}>{article.status}</span>
        <SaveIndicator state={state} onRetry={() => void autosave.flush()} />
      </div>
      {state.kind === 'conflict' && (
        <ConflictBanner
          articleId={article.id}
          mine={{ headline, dek, body: bodyRef.current }}
          onKeepMine={(currentVersion) => autosave.overwrite(currentVersion, { headline, dek, body: bodyRef.current })}
          onTakeTheirs={() => onReload(article.id)}
        />
      )}
      <div className="article-fields">
        <label className="field-label" htmlFor="article-headline">
          Headline
        </label>
        <textarea
          id="article-headline"
          className="headline-input"
          rows={1}
          value={headline}
          placeholder="Headline"
          maxLength={300}
          onChange={(e) => {
            const value = e.target.value.replace(/\n/g, ' ');
            setHeadline(value);
            change({ headline: value });
          }}
        />
        <label className="field-label" htmlFor="article-dek">
          Dek
        </label>
        <textarea
          id="article-dek"
          className="dek-input"
          rows={2}
          value={dek}
          placeholder="Dek: one or two sentences under the headline"
          maxLength={1000}
          onChange={(e) => {
            setDek(e.target.value);
            change({ dek: e.target.value });
          }}
        />
      </div>
      <BodyEditor
        key={`${article.id}:${article.version}`}
        initialValue={article.body}
        onChange={onBodyChange}
        plannedLength={article.plannedLength}
      />
    </article>
  );
}
