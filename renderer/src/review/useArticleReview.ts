/** Review state of the open article: the live body for the checklist, its comments and its library rules. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article, ArticleFields } from '../../../shared/model/article';
import type { ArticleBody } from '../../../shared/model/document';
import { runChecklist, type ChecklistPurpose } from '../../../shared/rules/checklist';
import type { RuleFinding } from '../../../shared/rules/types';
import { libraryRules, type LibraryContext } from '../../../shared/rules/libraryRules';
import { call } from '../api/call';
import { useComments } from '../comments/useComments';
import { useStyleFindings } from '../language/useStyleFindings';
import { listSuggestions } from '../../../shared/suggestions/list';
import type { ArticleChannel } from '../sync/articleChannel';
import { useReview } from './ReviewContext';
import { untilPainted } from '../editor/progressiveBody';
import { afterPaint } from '../editor/afterPaint';

type LiveFields = Pick<ArticleFields, 'headline' | 'dek' | 'bylineAuthorIds' | 'plannedLength' | 'aiDeclaration'>;

export function useArticleReview(article: Article, fields: LiveFields, onError: (message: string) => void = () => undefined, channel?: ArticleChannel) {
  const { profile, settings } = useReview();
  const comments = useComments(article, onError, channel);
  const [library, setLibrary] = useState<LibraryContext>({ templates: undefined, authorNames: new Map() });

  useEffect(() => {
    let live = true;
    Promise.all([call('listDisclosures', { includeArchived: true }), call('listAuthors', { includeArchived: true })])
      .then(([templates, authors]) => {
        if (!live) return;
        // Without the uses each template covers, the disclosure rule is left to the store's check at approval.
        const known = templates.every((t) => Array.isArray((t as { covers?: unknown }).covers));
        setLibrary({ templates: known ? templates : undefined, authorNames: new Map(authors.map((a) => [a.id, a.name])) });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  // Typing reruns the rules 300 ms after the last change; keystrokes themselves re-render nothing here.
  const latestBody = useRef<ArticleBody>(article.body);
  // A long article's first check waits until its first screen is painted (null until then). Not a
  // deferred value: a background render that keystrokes interrupt starts again from the top, and
  // while a writer types it ran the checks over and over without ever finishing.
  const [checkedBody, setCheckedBody] = useState<ArticleBody | null>(() => untilPainted(article.body));
  const firstCheckDone = checkedBody !== null;
  useEffect(() => (firstCheckDone ? undefined : afterPaint(() => setCheckedBody(latestBody.current))), [firstCheckDone]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const bodyChanged = useCallback((next: ArticleBody) => {
    latestBody.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCheckedBody(next), 300);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  // House style follows the same pause; its unresolved errors count in the checklist.
  const style = useStyleFindings(article.id, checkedBody);
  const styleCounts = style.counts;
  // The margin's suggestion cards follow the text at the same pause as the checklist.
  const suggestions = useMemo(() => (checkedBody ? listSuggestions(checkedBody) : []), [checkedBody]);
  // Replies to a suggestion are not open comments: the suggestion itself is what waits for an answer.
  const openComments = comments.threads.filter((t) => !t.resolved && !t.suggestionId).length;
  const results = useMemo(
    () =>
      checkedBody
        ? runChecklist({
            article: { ...fields, body: checkedBody },
            openComments,
            purpose: profile?.role === 'editor' ? 'approval' : 'writing',
            settings,
            libraryRules: libraryRules(library),
            ...(styleCounts ? { style: styleCounts } : {}),
          })
        : undefined,
    [fields, checkedBody, openComments, profile?.role, settings, library, styleCounts],
  );
  // Empty while a long body is being checked: the hint waits, and approving checks the text itself (findingsFor and the store).
  const approvalErrors = useMemo(
    () =>
      checkedBody
        ? runChecklist({
            article: { ...fields, body: checkedBody },
            openComments,
            purpose: 'approval',
            settings,
            libraryRules: libraryRules(library),
            ...(styleCounts ? { style: styleCounts } : {}),
          }).filter((r) => r.level === 'error')
        : [],
    [fields, checkedBody, openComments, settings, library, styleCounts],
  );

  // Submitting checks the text as it is now, not as it was at the last pause.
  const findingsFor = useCallback(
    (purpose: ChecklistPurpose): RuleFinding[] =>
      runChecklist({
        article: { ...fields, body: latestBody.current },
        openComments,
        purpose,
        settings,
        libraryRules: libraryRules(library),
        ...(styleCounts ? { style: styleCounts } : {}),
      }),
    [fields, openComments, settings, library, styleCounts],
  );

  // What the checklist says of the AI-use declaration and its disclosure; undefined while the templates are unknown.
  const disclosureFindings = useMemo(
    () => (library.templates && results ? results.filter((r) => r.id.startsWith('ai-')) : undefined),
    [library.templates, results],
  );

  return { comments, suggestions, extension: comments.extension, bodyChanged, results, approvalErrors, findingsFor, disclosureFindings, style };
}

export type ArticleReviewState = ReturnType<typeof useArticleReview>;
