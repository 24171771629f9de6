/**
 * Marks how long opening an article takes until its first paint, as a
 * `performance` measure named "article-open" (read by `npm run bench`).
 */
export function markArticleOpenStart(): void {
  performance.clearMarks('article-open-start');
  performance.mark('article-open-start');
}

/** Called once the article view has mounted: the next frame after layout is the first paint. */
export function measureArticleOpened(): void {
  if (performance.getEntriesByName('article-open-start', 'mark').length === 0) return;
  requestAnimationFrame(() => {
    // A task queued from rAF runs after the frame is painted.
    setTimeout(() => {
      performance.measure('article-open', 'article-open-start');
      performance.clearMarks('article-open-start');
    }, 0);
  });
}
