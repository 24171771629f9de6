/**
 * Every export format, side by side: the seed page's structure survives in each, hostile
 * content stays inert in each, and a 10,000-block article exports quickly.
 */
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { ArticleBody } from '../../../shared/model/document';
import { exportHtmlFragment, exportHtmlPage } from '../../../shared/export/html';
import { exportMarkdown } from '../../../shared/export/markdown';
import { exportNinjsJson } from '../../../shared/export/ninjs';
import { exportText } from '../../../shared/export/text';
import { importMarkdown } from '../../../shared/import/markdown';
import { hostileInput, makeArticle, mara, sampleInput } from '../../../shared/export/__fixtures__/sampleArticle';
import type { ExportInput } from '../../../shared/export/exportInput';
import { exportDocx } from './docx';

async function docxText(input: ExportInput): Promise<{ text: string; html: string }> {
  const buffer = Buffer.from(await exportDocx({ ...input, assetBytes: () => undefined }));
  return { text: (await mammoth.extractRawText({ buffer })).value, html: (await mammoth.convertToHtml({ buffer })).value };
}

async function allFormats(input: ExportInput): Promise<Record<string, string>> {
  const docx = await docxText(input);
  return {
    htmlPage: exportHtmlPage(input),
    htmlFragment: exportHtmlFragment(input),
    markdown: exportMarkdown(input),
    text: exportText(input),
    ninjs31: exportNinjsJson(input, '3.1'),
    ninjs22: exportNinjsJson(input, '2.2'),
    docx: `${docx.text}\n${docx.html}`,
  };
}

describe('the seed page in every format', () => {
  it('keeps the promo box, the bio and the AI disclosure with its link', async () => {
    const outputs = await allFormats(sampleInput());
    for (const [format, out] of Object.entries(outputs)) {
      expect(out, format).toContain('Uncommon Knowledge');
      expect(out, format).toContain('Newsroom Desk is committed to challenging conventional wisdom');
      expect(out, format).toContain('About the writer');
      expect(out, format).toContain('Mara Lindqvist');
      expect(out, format).toContain('To read how Newsroom Desk uses AI as a newsroom tool, ');
      expect(out, format).toContain('Click here');
      expect(out, format).toContain('https://example.org/newsroom/ai-policy');
    }
    expect(outputs.htmlPage).toContain('<h1>Harbour City Votes to Build Flood Barrier After Decade of Debate</h1>');
    expect(outputs.docx).toContain('<h1>Harbour City Votes to Build Flood Barrier After Decade of Debate</h1>');
    expect(outputs.docx).toMatch(/<a href="https:\/\/example.org\/newsroom\/ai-policy">(<em>)?Click here(<\/em>)?<\/a>/);
    expect(importMarkdown(outputs.markdown!).body).toEqual(sampleInput().article.body);
  });
});

describe('hostile content in every format', () => {
  it('never writes an unsafe URL, a raw script tag or a bidi override', async () => {
    const outputs = await allFormats(hostileInput());
    for (const [format, out] of Object.entries(outputs)) {
      expect(out, format).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      // Markdown keeps asset ids as data (`photoAssetId="javascript:…"` is an id, not a link).
      expect(out, format).not.toMatch(format === 'markdown' ? /\]\(<?\s*(javascript|data):/i : /javascript:|data:text/i);
      // Text, Word and ninjs' plain-text fields show hostile text as text; markup must have escaped it.
      if (format.startsWith('html') || format === 'markdown') expect(out, format).not.toMatch(/(^|[^\\])<script/im);
    }
  });
});

describe('speed', () => {
  it('exports a 10,000-block article quickly in every format', async () => {
    const body: ArticleBody = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 10 === 3) body.push({ type: 'list-item', list: i % 20 === 3 ? 'numbered' : 'bulleted', depth: 0, children: [{ text: `item ${i}` }] });
      else if (i % 50 === 0) body.push({ type: 'heading', level: 1, children: [{ text: `Part ${i}` }] });
      else
        body.push({
          type: 'paragraph',
          children: [
            { text: `Paragraph ${i} with ` },
            { text: 'bold', bold: true },
            { text: ' and a ' },
            { type: 'link', url: 'https://example.org/', children: [{ text: 'link' }] },
            { text: '.' },
          ],
        });
    }
    const input: ExportInput = { article: makeArticle(body), authors: [mara], assetUrl: () => undefined };
    let started = performance.now();
    const fragment = exportHtmlFragment(input);
    const markdown = exportMarkdown(input);
    exportHtmlPage(input);
    exportText(input);
    exportNinjsJson(input, '3.1');
    exportNinjsJson(input, '2.2');
    // The string exporters are linear and take milliseconds; the bound only catches a quadratic regression.
    expect(performance.now() - started).toBeLessThan(3_000);
    started = performance.now();
    const docx = await exportDocx({ ...input, assetBytes: () => undefined });
    // Most of this is the docx package building XML and zipping it.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(docx.length).toBeGreaterThan(10_000);
    expect(fragment.split('<p>').length).toBeGreaterThan(8_000);
    expect(importMarkdown(markdown).body.length).toBe(10_000);
  }, 60_000);
});
