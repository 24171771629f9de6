import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../model/document';
import { auditHtml } from './__fixtures__/htmlAudit';
import { hostileInput, makeArticle, mara, sampleInput } from './__fixtures__/sampleArticle';
import { CONTENT_SECURITY_POLICY, escapeHtml, exportHtmlFragment, exportHtmlPage } from './html';

const input = (body: ArticleBody) => ({ article: makeArticle(body), authors: [mara], assetUrl: (id: string) => `images/${id}.png` });

describe('exportHtmlPage', () => {
  it('writes a standalone page with header, CSP and no scripts', () => {
    const html = exportHtmlPage(sampleInput());
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB" dir="ltr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(html).toContain('<h1>Harbour City Votes to Build Flood Barrier After Decade of Debate</h1>');
    expect(html).toContain('<p class="dek">Councillors approved');
    expect(html).toContain('<p class="byline">By <span class="author">Mara Lindqvist</span></p>');
    expect(html).toContain('<time datetime="2025-05-08T09:15:00.000Z">8 May 2025</time>');
    expect(html).toContain('@media print');
    expect(auditHtml(html).problems).toEqual([]);
  });

  it('joins several authors', () => {
    const html = exportHtmlPage({ ...sampleInput(), authors: [mara, { ...mara, id: 'b', name: 'Tomas Okafor' }, { ...mara, id: 'c', name: 'Ana Ruiz' }] });
    expect(html).toContain('By <span class="author">Mara Lindqvist</span>, <span class="author">Tomas Okafor</span> and <span class="author">Ana Ruiz</span>');
  });
});

describe('exportHtmlFragment', () => {
  it('renders every block type', () => {
    const html = exportHtmlFragment(
      input([
        { type: 'heading', level: 1, children: [{ text: 'Head' }] },
        { type: 'heading', level: 2, children: [{ text: 'Sub' }] },
        {
          type: 'paragraph',
          children: [
            { text: 'b', bold: true, italic: true },
            { text: 'u', underline: true },
            { text: 's', strikethrough: true },
            { text: '2', superscript: true },
            { text: 'x', subscript: true },
          ],
        },
        { type: 'block-quote', children: [{ text: 'Quoted' }] },
        { type: 'pull-quote', attribution: 'Ines', children: [{ text: 'Luck is not a plan.' }] },
        { type: 'section-break', children: [{ text: '' }] },
        { type: 'image', assetId: 'gate', alt: 'The gate', caption: 'Raised', credit: 'Photo: A', children: [{ text: '' }] },
        { type: 'editors-note', kind: 'correction', date: '2025-05-08', children: [{ text: 'Fixed.' }] },
        { type: 'embed', url: 'https://example.org/v', caption: 'Watch', children: [{ text: '' }] },
      ]),
    );
    expect(html).toContain('<h2>Head</h2>');
    expect(html).toContain('<h3>Sub</h3>');
    expect(html).toContain('<strong><em>b</em></strong><u>u</u><s>s</s><sup>2</sup><sub>x</sub>');
    expect(html).toContain('<blockquote><p>Quoted</p></blockquote>');
    expect(html).toContain('<blockquote class="pull-quote"><p>Luck is not a plan.</p><cite>Ines</cite></blockquote>');
    expect(html).toContain('<hr class="section-break">');
    expect(html).toContain(
      '<figure class="image"><img class="image" src="images/gate.png" alt="The gate"><figcaption>Raised <small class="credit">Photo: A</small></figcaption></figure>',
    );
    expect(html).toContain(
      '<div class="editors-note editors-note-correction"><p><strong>Correction</strong> <time datetime="2025-05-08">8 May 2025</time>: Fixed.</p></div>',
    );
    expect(html).toContain(
      '<figure class="embed"><a class="embed-card" href="https://example.org/v" rel="noopener noreferrer"><span class="embed-caption">Watch</span> <span class="embed-url">https://example.org/v</span></a></figure>',
    );
    expect(html).not.toContain('<header>');
    expect(html).not.toContain('<style>');
  });

  it('nests flat list items as proper ul/ol trees', () => {
    const html = exportHtmlFragment(
      input([
        { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'a' }] },
        { type: 'list-item', list: 'numbered', depth: 1, children: [{ text: 'a1' }] },
        { type: 'list-item', list: 'numbered', depth: 1, children: [{ text: 'a2' }] },
        { type: 'list-item', list: 'bulleted', depth: 2, children: [{ text: 'a2x' }] },
        { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'b' }] },
        { type: 'list-item', list: 'bulleted', depth: 3, children: [{ text: 'jump' }] },
        { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'n' }] },
      ]),
    );
    expect(html).toBe('<ul><li>a<ol><li>a1</li><li>a2<ul><li>a2x</li></ul></li></ol></li><li>b<ul><li>jump</li></ul></li></ul><ol><li>n</li></ol>\n');
  });

  it('keeps the promo box, bio and disclosure of the seed article', () => {
    const html = exportHtmlFragment(sampleInput());
    expect(html).toContain('<aside class="promo-box"><h2 class="promo-box-title">Uncommon Knowledge</h2><p>Newsroom Desk is committed');
    expect(html).toContain(
      '<aside class="author-bio"><h2>About the writer</h2><p class="author-name">Mara Lindqvist</p><p class="author-title">Staff Writer</p>',
    );
    expect(html).toContain('<p class="read-more"><a href="https://example.org/authors/mara-lindqvist" rel="noopener noreferrer">Read more</a></p>');
    expect(html).toContain(
      '<aside class="ai-disclosure" aria-label="AI as a newsroom tool"><p>To read how Newsroom Desk uses AI as a newsroom tool, <a href="https://example.org/newsroom/ai-policy" rel="noopener noreferrer">Click here</a>.</p><p class="ai-declaration">AI use declared for this article: research and editing. Tools: Transcription assistant. Note: Quotes checked against recordings.</p></aside>',
    );
  });
});

describe('hostile content', () => {
  it('escapes all five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('writes no executable markup, only safe links, and no bidi overrides', () => {
    for (const html of [exportHtmlPage(hostileInput()), exportHtmlFragment(hostileInput())]) {
      const audit = auditHtml(html);
      expect(audit.problems).toEqual([]);
      expect(audit.elements).not.toContain('script');
      for (const href of audit.hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
      expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(audit.text).toContain('<script>alert(1)</script>');
      expect(audit.text).toContain('<img src=x onerror=alert(1)>');
      expect(audit.text).toContain('js link');
    }
  });
});

describe('the end of the body', () => {
  it('leaves out the empty paragraphs the editor keeps after a closing block, and keeps empty ones inside', () => {
    const sample = sampleInput();
    const empty = { type: 'paragraph' as const, children: [{ text: '' }] };
    const body: ArticleBody = [empty, ...sample.article.body, empty, empty];
    const withTrailing = { ...sample, article: { ...sample.article, body } };
    for (const html of [exportHtmlPage(withTrailing), exportHtmlFragment(withTrailing)]) {
      expect(html).not.toMatch(/<p><\/p>\s*(<\/article>|$)/);
      expect(html.match(/<p><\/p>/g)).toHaveLength(1);
    }
    expect(exportHtmlFragment(withTrailing).trimEnd().endsWith('</aside>')).toBe(true);
  });
});
