/**
 * What every reference page offers the bench: `__open(body)` builds its editor on the bench's
 * document (our model, converted to the editor's own) and resolves with the time from the call to
 * the first paint after mounting — the same measure as our `article-open` (click to first paint).
 */
import type { ArticleBody } from '../../shared/model/document';

export type ReferencePage = { __open: (body: ArticleBody) => Promise<number> };

/** Resolves after the next paint (a frame, then a task: the frame has been presented). */
export const nextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function expose(open: (body: ArticleBody, root: HTMLElement) => void): void {
  (window as unknown as ReferencePage).__open = async (body) => {
    const started = performance.now();
    open(body, document.getElementById('root')!);
    await nextPaint();
    return performance.now() - started;
  };
}
