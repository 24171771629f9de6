/** The story's words, characters, reading time and progress against the planned length. Quiet for screen readers. */
import { useDeferredValue, useMemo } from 'react';
import { useSlateSelector } from 'slate-react';
import type { ArticleBody } from '../../../shared/model/document';
import { bodyCounts, lengthProgress } from '../../../shared/editor/counts';
import { untilPainted } from './progressiveBody';

const fmt = new Intl.NumberFormat();
const PROGRESS_LABEL = { under: 'under target', 'on-target': 'on target', over: 'over target' } as const;

/** `language`: the article's, whose reading speed gives the reading time. */
export function StatusBar({ plannedLength, language }: { plannedLength?: number | undefined; language?: string }) {
  const children = useSlateSelector((e) => e.children);
  // Counted in a background render; a long article's first count waits until its first screen is painted.
  const deferred = useDeferredValue(children, untilPainted(children));
  const counts = useMemo(() => (deferred ? bodyCounts(deferred as ArticleBody, language) : null), [deferred, language]);
  const planned = plannedLength && plannedLength > 0 ? plannedLength : null;
  const progress = planned && counts ? lengthProgress(counts.words, planned) : null;
  if (!counts)
    return (
      <div className="editor-status" role="status" aria-live="off" aria-label="Document statistics">
        <span data-testid="word-count">Counting words…</span>
      </div>
    );

  return (
    <div className="editor-status" role="status" aria-live="off" aria-label="Document statistics">
      <span data-testid="word-count">
        {fmt.format(counts.words)} {counts.words === 1 ? 'word' : 'words'}
      </span>
      {counts.asideWords > 0 && (
        <span data-testid="aside-word-count" title="Words in promo boxes, pull quotes, notes, captions, bios and disclosures, not counted in the story">
          +{fmt.format(counts.asideWords)} outside the story
        </span>
      )}
      <span>{fmt.format(counts.characters)} characters</span>
      <span>{counts.readingMinutes === 0 ? 'No reading time' : `${counts.readingMinutes} min read`}</span>
      {planned && progress && (
        <span className={`length-progress progress-${progress}`} data-testid="length-progress">
          <meter
            min={0}
            max={planned * 1.5}
            low={planned * 0.9}
            high={planned * 1.1}
            optimum={planned}
            value={Math.min(counts.words, planned * 1.5)}
            aria-hidden="true"
          />
          {fmt.format(counts.words)} / {fmt.format(planned)} planned · {PROGRESS_LABEL[progress]}
        </span>
      )}
    </div>
  );
}
