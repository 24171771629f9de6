/**
 * Suggestions (issue 14): typing at 1,000 blocks with 200 open suggestions beside the same article
 * with none, in one run (the ratio is what we track on a shared machine); typing in suggesting mode;
 * accepting all 200 at once; opening the article with them.
 */
import type { Browser } from 'playwright-core';
import type { ArticleBody, BlockElement } from '../shared/model/document';
import type { SuggestionMeta } from '../shared/model/suggestions';
import { createTestEditor } from '../shared/editor/testEditor';
import { decideAll } from '../shared/suggestions/review';
import { listSuggestions } from '../shared/suggestions/list';
import { mixedBlocks } from './documents';
import { median, percentile, report } from './lib';
import { timeOpen } from './open.bench';
import { measure } from './typing.bench';

const AUTHORS = [
  ['ed-1', 'Tomas Okafor'],
  ['ed-2', 'Edda Berg'],
  ['wr-1', 'Mara Lindqvist'],
] as const;

/** `blocks` mixed blocks with `count` suggestions of four kinds by three authors, spread through the text (the first block left plain: typing starts there). */
export function bodyWithSuggestions(blocks: number, count: number): ArticleBody {
  const body = mixedBlocks(blocks);
  const every = Math.floor(blocks / count);
  for (let n = 0; n < count; n++) {
    const i = n * every + every - 1; // with every = 5: blocks 4, 9, 14… are paragraphs in mixedBlocks
    const block = body[i] as Extract<BlockElement, { type: 'paragraph' }>;
    const [authorId, authorName] = AUTHORS[n % AUTHORS.length]!;
    const meta: SuggestionMeta = { id: `s-${n}`, authorId, authorName, at: '2026-12-02T05:00:00.000Z' };
    switch (n % 4) {
      case 0:
        block.children = [...block.children, { text: ' and a suggested clause', ins: meta }];
        break;
      case 1:
        block.children = [...block.children, { text: ' and a clause to cut', del: meta }];
        break;
      case 2:
        block.children = [...block.children, { text: ' and a bolder clause', bold: true, fmt: { ...meta, before: [] } }];
        break;
      default:
        body[i] = { type: 'heading', level: 2, restyle: { ...meta, before: { type: 'paragraph' } }, children: block.children };
    }
  }
  return body;
}

export async function suggestionsBench(browser: Browser): Promise<void> {
  const BLOCKS = 1_000;
  const withSuggestions = bodyWithSuggestions(BLOCKS, 200);
  if (listSuggestions(withSuggestions).length !== 200) throw new Error('the bench body should carry 200 suggestions');

  // Typing: one run each, side by side.
  const none = await measure(browser, BLOCKS, undefined, 'top', { body: mixedBlocks(BLOCKS) });
  const open200 = await measure(browser, BLOCKS, undefined, 'top', { body: withSuggestions });
  const suggesting = await measure(browser, BLOCKS, undefined, 'top', { body: withSuggestions, suggesting: true });
  const p95None = percentile(none.steady.keys, 95);
  const p95Open = percentile(open200.steady.keys, 95);
  report({ name: 'suggestions: typing p95, 1,000 blocks, none', value: p95None, unit: 'ms' });
  report({ name: 'suggestions: typing p95, 1,000 blocks, 200 open', value: p95Open, unit: 'ms' });
  report({ name: 'suggestions: typing p95 with 200 open ÷ none', value: p95Open / p95None, unit: '×' });
  report({ name: 'suggestions: typing p95 in suggesting mode, 200 open', value: percentile(suggesting.steady.keys, 95), unit: 'ms' });
  report({ name: 'suggestions: typing p95 suggesting ÷ none', value: percentile(suggesting.steady.keys, 95) / p95None, unit: '×' });

  // Accept all: the transform and its normalization (no DOM), median of five.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const editor = createTestEditor(withSuggestions);
    const t0 = performance.now();
    const settled = decideAll(editor, 'accept');
    times.push(performance.now() - t0);
    if (settled !== 200) throw new Error(`accept all settled ${settled} of 200`);
  }
  report({ name: 'suggestions: accept all 200 (one undo step)', value: median(times), unit: 'ms' });

  // Opening: click in the library to the article's first paint.
  const openNone = median(await timeOpen(browser, mixedBlocks(BLOCKS), 3));
  const openWith = median(await timeOpen(browser, withSuggestions, 3));
  report({ name: 'suggestions: open 1,000 blocks, none', value: openNone, unit: 'ms' });
  report({ name: 'suggestions: open 1,000 blocks, 200 suggestions', value: openWith, unit: 'ms' });
  report({ name: 'suggestions: open with 200 ÷ none', value: openWith / openNone, unit: '×' });
}
