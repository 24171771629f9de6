/**
 * Marks how long opening an article takes until its first paint, as a
 * `performance` measure named "article-open" (read by `npm run bench`).
 */
export function markArticleOpenStart(): void {
  performance.clearMarks('article-open-start');
  performance.mark('article-open-start');
  // Until the last block of a long body is rendered ("article-complete", editor/progressiveBody.tsx).
  performance.clearMarks('article-complete-start');
  performance.mark('article-complete-start');
}

/** Called once the article view has mounted: the next frame after layout is the first paint. */
export function measureArticleOpened(): void {
  if (performance.getEntriesByName('article-open-start', 'mark').length === 0) return;
  requestAnimationFrame(() => {
    // A task queued from rAF runs after the frame is painted.
    setTimeout(() => {
      // The detail says how much of the body was on the page when it was painted (the bench checks it).
      const blocks = document.querySelectorAll('.body-editor > * [data-slate-node="element"], .body-editor > [data-slate-node="element"]').length;
      performance.measure('article-open', { start: 'article-open-start', detail: { blocks } });
      performance.clearMarks('article-open-start');
    }, 0);
  });
}
