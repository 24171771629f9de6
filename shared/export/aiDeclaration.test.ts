import { describe, expect, it } from 'vitest';
import { disclosureBlock } from '../library/blocks';
import type { DisclosureEntry } from '../library/entries';
import { paragraph } from '../model/document';
import { importMarkdown } from '../import/markdown';
import { makeArticle, mara } from './__fixtures__/sampleArticle';
import { aiDeclarationSentence } from './common';
import type { ExportInput } from './exportInput';
import { exportHtmlFragment, exportHtmlPage } from './html';
import { exportMarkdown } from './markdown';
import { exportText } from './text';

const template: DisclosureEntry = {
  id: 'research',
  title: 'AI-assisted research',
  covers: ['research', 'images'],
  archived: false,
  text: [{ text: 'We used AI to help with research.' }],
  policyUrl: 'https://example.org/ai',
  version: 1,
  updatedAt: '',
};
const declaration = { uses: ['images' as const, 'research' as const], tools: 'Image generator & <Search>', note: 'Every fact was checked\nby a reporter.' };
const SENTENCE = 'AI use declared for this article: research and images. Tools: Image generator & <Search>. Note: Every fact was checked by a reporter.';

const input = (withBlock = true): ExportInput => ({
  article: makeArticle([paragraph('Story.'), ...(withBlock ? [disclosureBlock(template), disclosureBlock(template)] : [])], { aiDeclaration: declaration }),
  authors: [mara],
  assetUrl: () => undefined,
});

describe('the AI-use declaration in exports', () => {
  it('is one sentence with the uses in order, the tools and the note; nothing when None is declared', () => {
    expect(aiDeclarationSentence(declaration)).toBe(SENTENCE);
    expect(aiDeclarationSentence({ uses: ['other'], tools: '', note: '' })).toBe('AI use declared for this article: other uses.');
    expect(aiDeclarationSentence({ uses: [], tools: 'ignored', note: 'ignored' })).toBeUndefined();
  });

  it('sits inside the first disclosure of the HTML page and fragment, escaped, once', () => {
    const escaped = SENTENCE.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;');
    for (const html of [exportHtmlPage(input()), exportHtmlFragment(input())]) {
      expect(html).toContain(
        `<aside class="ai-disclosure" aria-label="AI-assisted research"><p>We used AI to help with research. <a href="https://example.org/ai" rel="noopener noreferrer">AI-assisted research</a></p><p class="ai-declaration">${escaped}</p></aside>`,
      );
      expect(html.split('ai-declaration"').length - 1).toBe(1);
    }
  });

  it('follows the disclosure in text', () => {
    expect(exportText(input())).toContain(`We used AI to help with research. [https://example.org/ai]\n${SENTENCE}\n\n`);
  });

  it('is in the Markdown front matter and the disclosure container, and the disclosure still imports as it was', () => {
    const md = exportMarkdown(input());
    expect(md).toContain(
      'aiUse: ["images", "research"]\naiTools: "Image generator \\u0026 \\u003cSearch\\u003e"\naiNote: "Every fact was checked by a reporter."\n---',
    );
    expect(md).toContain('\n\nWe used AI to help with research.\n\nAI use declared for this article: research and images.');
    const back = importMarkdown(md);
    expect(back.body).toEqual(input().article.body);
  });

  it('is left out where there is no disclosure to carry it (the checklist refuses that article)', () => {
    expect(exportHtmlFragment(input(false))).not.toContain('AI use declared');
    expect(exportText(input(false))).not.toContain('AI use declared');
  });
});
