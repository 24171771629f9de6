/** The content of save number `n` of sharedWriter.ts, so the test can compare whole articles. */
import type { ArticleBody } from '../../../../shared/model/document';

export function sharedSave(n: number): { headline: string; body: ArticleBody } {
  return {
    headline: `Shared save ${n}`,
    body: [
      { type: 'paragraph', children: [{ text: `Body of save ${n}, ` }, { text: 'bold part', bold: true }] },
      { type: 'heading', level: 2, children: [{ text: `Heading ${n}` }] },
    ],
  };
}
