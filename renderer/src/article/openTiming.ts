/**
 * Marks how long opening an article takes until its first paint, as a
 * `performance` measure named "article-open" (read by `npm run bench`).
 */
import { afterPaint } from '../editor/afterPaint';

/** Long animation frames (over 50 ms) since the open began: the one that painted the view says when its paint ended. */
let frames: PerformanceObserver | undefined;
const LOAF = 'long-animation-frame';

export function markArticleOpenStart(): void {
  performance.clearMarks('article-open-start');
  performance.mark('article-open-start');
  // Until the last block of a long body is rendered ("article-complete", editor/progressiveBody.tsx).
  performance.clearMarks('article-complete-start');
  performance.mark('article-complete-start');
  frames?.disconnect();
  frames = undefined;
  if (PerformanceObserver.supportedEntryTypes?.includes(LOAF)) {
    frames = new PerformanceObserver(() => undefined);
    frames.observe({ type: LOAF });
  }
}

/**
 * Called once the article view has mounted: the next frame paints it. The measure ends where that
 * frame's paint ended, not when a task after it runs: the work a long article leaves for after its
 * first paint (its checks, its first spelling scan) is queued before such a task.
 */
export function measureArticleOpened(): void {
  if (performance.getEntriesByName('article-open-start', 'mark').length === 0) return;
  let inFrame = 0;
  requestAnimationFrame(() => {
    inFrame = performance.now();
  });
  afterPaint(() => {
    // A long frame is reported once it has ended; a short one ended within 50 ms of its callback.
    const long = frames?.takeRecords().find((f) => f.startTime <= inFrame && inFrame <= f.startTime + f.duration);
    frames?.disconnect();
    frames = undefined;
    const painted = long ? long.startTime + long.duration : Math.min(performance.now(), inFrame + 50);
    // The detail says how much of the body was on the page when it was painted (the bench checks it).
    const blocks = document.querySelectorAll('.body-editor > * [data-slate-node="element"], .body-editor > [data-slate-node="element"]').length;
    performance.measure('article-open', { start: 'article-open-start', end: painted, detail: { blocks } });
    performance.clearMarks('article-open-start');
  });
}
