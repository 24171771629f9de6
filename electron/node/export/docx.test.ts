import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { ArticleBody } from '../../../shared/model/document';
import { auditHtml } from '../../../shared/export/__fixtures__/htmlAudit';
import { hostileInput, makeArticle, sampleInput } from '../../../shared/export/__fixtures__/sampleArticle';
import { exportDocx, type DocxExportInput } from './docx';
import { imageInfo } from './imageSize';
import { inflateEntry, listZipEntries } from '../exchange/zipCheck';
import { convertImport } from '../exchange/convertImport';

// A 2×1 PNG.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwyBDAAt/QP9wPj9JQAAAABJRU5ErkJggg==', 'base64'));

async function toHtml(input: DocxExportInput) {
  const bytes = await exportDocx(input);
  const buffer = Buffer.from(bytes);
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const { value: text } = await mammoth.extractRawText({ buffer });
  return { bytes, html, text };
}

const withBytes = (input: Omit<DocxExportInput, 'assetBytes'>): DocxExportInput => ({
  ...input,
  assetBytes: (id) => (id === 'gate' || id === 'photo' ? { bytes: PNG, mime: 'image/png' } : undefined),
});

describe('exportDocx', () => {
  it('writes a .docx Word can open (a zip with the main document part)', async () => {
    const { bytes } = await toHtml(withBytes(sampleInput()));
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('keeps headings, marks, links, nested lists, images, quotes and the seed blocks', async () => {
    const body: ArticleBody = [
      { type: 'heading', level: 1, children: [{ text: 'Section' }] },
      { type: 'heading', level: 2, children: [{ text: 'Subsection' }] },
      {
        type: 'paragraph',
        children: [
          { text: 'bold', bold: true },
          { text: ' ' },
          { text: 'italic', italic: true },
          { text: ' ' },
          { text: 'struck', strikethrough: true },
          { text: ' H' },
          { text: '2', subscript: true },
          { text: 'O x' },
          { text: '2', superscript: true },
          { text: ' ' },
          { type: 'link', url: 'https://example.org/report', children: [{ text: 'the report' }] },
          { text: '' },
        ],
      },
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'first' }] },
      { type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: 'nested' }] },
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'second' }] },
      { type: 'paragraph', children: [{ text: 'between' }] },
      { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'bullet' }] },
      { type: 'image', assetId: 'gate', alt: 'The gate', caption: 'The gate, raised', credit: 'Photo: A. Berg', children: [{ text: '' }] },
      { type: 'pull-quote', attribution: 'Ines Halvorsen', children: [{ text: 'Luck is not a plan.' }] },
      ...sampleInput().article.body,
    ];
    const { html, text } = await toHtml(withBytes({ ...sampleInput(), article: makeArticle(body) }));
    expect(html).toContain('<h1>Harbour City Votes to Build Flood Barrier After Decade of Debate</h1>');
    expect(html).toContain('<h2>Section</h2>');
    expect(html).toContain('<h3>Subsection</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<s>struck</s>');
    expect(html).toContain('H<sub>2</sub>O x<sup>2</sup>');
    expect(html).toContain('<a href="https://example.org/report">the report</a>');
    expect(html).toContain('<ol><li>first<ul><li>nested</li></ul></li><li>second</li></ol>');
    expect(html).toContain('<ul><li>bullet</li></ul>');
    expect(html).toMatch(/<img alt="The gate" src="data:image\/png;base64,/);
    expect(text).toContain('The gate, raised Photo: A. Berg');
    expect(text).toContain('“Luck is not a plan.”');
    expect(text).toContain('— Ines Halvorsen');
    expect(text).toContain('By Mara Lindqvist');
  });

  it('prints the AI-use declaration after the first disclosure, once', async () => {
    const input = sampleInput({ aiDeclaration: { uses: ['editing', 'research'], tools: 'A transcription service', note: 'Quotes checked.' } });
    const body = input.article.body;
    const { text } = await toHtml(
      withBytes({ ...input, article: { ...input.article, body: [...body, ...structuredClone(body.filter((b) => b.type === 'ai-disclosure'))] } }),
    );
    const sentence = 'AI use declared for this article: research and editing. Tools: A transcription service. Note: Quotes checked.';
    expect(text).toMatch(/To read how Newsroom Desk uses AI as a newsroom tool, Click here\.\s+AI use declared for this article/);
    expect(text.split(sentence).length - 1).toBe(1);
    const { text: none } = await toHtml(withBytes(sampleInput({ aiDeclaration: { uses: [], tools: '', note: '' } })));
    expect(none).not.toContain('AI use declared');
  });

  it('writes hostile content as inert text with only safe links', async () => {
    const { html, text } = await toHtml(withBytes(hostileInput()));
    const audit = auditHtml(html);
    expect(audit.problems).toEqual([]);
    for (const href of audit.hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('imageInfo', () => {
  it('reads PNG size', () => {
    expect(imageInfo(PNG)).toEqual({ kind: 'png', width: 2, height: 1 });
    expect(imageInfo(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('the Word document’s language', () => {
  /** One part of the .docx, as text (read with the importer's own zip reader). */
  function part(bytes: Uint8Array, name: string): string {
    const listed = listZipEntries(bytes, 100);
    if (!listed.ok) throw new Error('not a zip');
    const entry = listed.entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${name} is missing`);
    return inflateEntry(bytes, entry, 10_000_000).toString('utf8');
  }
  const docDefaults = (styles: string) => styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
  const ARABIC: ArticleBody = [
    { type: 'paragraph', children: [{ text: 'قال Ahmed Salem إن 42 منزلاً غمرتها المياه.' }] },
    { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'أولاً' }] },
  ];

  it('sets w:lang on the run defaults; left-to-right paragraphs carry no w:bidi', async () => {
    const bytes = await exportDocx(withBytes(sampleInput({ language: 'fr-CA' })));
    expect(docDefaults(part(bytes, 'word/styles.xml'))).toMatch(/<w:lang w:val="fr-CA"\/>/);
    expect(part(bytes, 'word/document.xml')).not.toContain('<w:bidi/>');
  });

  it('a right-to-left article: w:lang with w:bidi, and every paragraph bidirectional', async () => {
    const bytes = await exportDocx(withBytes(sampleInput({ language: 'ar', headline: 'الفيضانات', body: ARABIC })));
    expect(docDefaults(part(bytes, 'word/styles.xml'))).toMatch(/<w:lang w:val="ar" w:bidi="ar"\/>/);
    const document = part(bytes, 'word/document.xml');
    const paragraphs = document.match(/<w:p>|<w:p [^>]*>/g) ?? [];
    const bidi = document.match(/<w:bidi\/>/g) ?? [];
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(bidi.length).toBe(paragraphs.length);
    expect(document).toContain('قال Ahmed Salem إن 42 منزلاً');
  });

  it('comes back when the .docx is imported', async () => {
    for (const language of ['ar', 'he-IL', 'de'] as const) {
      const bytes = await exportDocx(withBytes(sampleInput({ language, body: ARABIC })));
      const result = await convertImport({ fileName: 'article.docx', bytes });
      expect(result.kind === 'article' && result.article.fields.language).toBe(language);
    }
  });
});
