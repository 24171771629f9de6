import { describe, expect, it } from 'vitest';
import { makeArticle, mara } from '../export/__fixtures__/sampleArticle';
import { exportHtmlFragment, exportHtmlPage } from '../export/html';
import { exportMarkdown } from '../export/markdown';
import { exportNinjs } from '../export/ninjs';
import { exportText } from '../export/text';
import type { ExportInput } from '../export/exportInput';
import { runChecklist, DEFAULT_CHECKLIST_SETTINGS } from '../rules/checklist';
import { bodyWithEverySuggestion } from './fixtures';
import { withoutSuggestions } from './list';

const input = (body = bodyWithEverySuggestion(), trackedChanges?: boolean): ExportInput => ({
  article: makeArticle(body),
  authors: [mara],
  assetUrl: () => undefined,
  now: new Date('2025-05-08T10:00:00.000Z'),
  ...(trackedChanges ? { trackedChanges } : {}),
});

describe('publication exports and open suggestions', () => {
  it('every format exports the text as if each open suggestion were rejected', () => {
    const rejected = input(withoutSuggestions(bodyWithEverySuggestion()));
    expect(exportHtmlPage(input())).toBe(exportHtmlPage(rejected));
    expect(exportHtmlFragment(input())).toBe(exportHtmlFragment(rejected));
    expect(exportMarkdown(input())).toBe(exportMarkdown(rejected));
    expect(exportText(input())).toBe(exportText(rejected));
    expect(exportNinjs(input())).toEqual(exportNinjs(rejected));
    const text = exportText(input());
    expect(text).toContain(
      'A heading that was a paragraph\n\nKept,  and deleted, bolded a link [https://example.com/old].Split off by a suggested break.\n\n    A list item that was a quote',
    );
    expect(text).not.toContain('inserted');
    expect(exportHtmlFragment(input())).toContain('<a href="https://example.com/old"');
  });

  it('HTML “with changes” marks insertions and deletions with author and time, and keeps the rest as suggested', () => {
    const html = exportHtmlFragment(input(undefined, true));
    expect(html).toContain('<ins data-author="Edda Editor" datetime="2026-12-02T04:00:00.000Z">inserted</ins>');
    expect(html).toContain('<del data-author="Wren Writer" datetime="2026-12-02T04:00:00.000Z">deleted</del>');
    expect(html).toContain('<h3>A heading that was a paragraph</h3>');
    const hostile = bodyWithEverySuggestion();
    const leaf = (hostile[1] as { children: Array<{ ins?: { authorName: string; at: string } }> }).children[1]!;
    leaf.ins = { ...leaf.ins!, authorName: '"><script>x</script>', at: 'not a date' };
    const escaped = exportHtmlFragment(input(hostile, true));
    expect(escaped).toContain('<ins data-author="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">inserted</ins>');
  });
});

describe('the checklist and open suggestions', () => {
  const run = (purpose: 'writing' | 'approval') =>
    runChecklist({ article: makeArticle(bodyWithEverySuggestion()), openComments: 0, purpose, settings: DEFAULT_CHECKLIST_SETTINGS }).filter(
      (f) => f.id === 'open-suggestions',
    );

  it('refuses approval while suggestions are open, in a plain sentence, and only warns while writing', () => {
    expect(run('approval')).toEqual([
      { id: 'open-suggestions', level: 'error', message: '7 suggestions are still open: accept or reject them before approving.' },
    ]);
    expect(run('writing')[0]?.level).toBe('warning');
    const settled = runChecklist({
      article: makeArticle(withoutSuggestions(bodyWithEverySuggestion())),
      openComments: 0,
      purpose: 'approval',
      settings: DEFAULT_CHECKLIST_SETTINGS,
    });
    expect(settled.some((f) => f.id === 'open-suggestions')).toBe(false);
  });
});
