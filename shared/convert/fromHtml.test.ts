import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleBodySchema, bodyPlainText, type BlockElement } from '../model/document';
import { medianCpuMs } from '../security/__fixtures__/hostileArbitraries';
import { htmlToBlocks, MAX_OPEN_ELEMENTS, MAX_WEB_IMAGES } from './fromHtml';
import { textToBlocks } from './fromText';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../e2e/fixtures/clipboard/${name}`, import.meta.url)), 'utf8');

function expectValid(blocks: BlockElement[]) {
  const result = articleBodySchema.safeParse(blocks);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues.slice(0, 3)));
}

describe('Google Docs', () => {
  const { blocks, images, droppedImages } = htmlToBlocks(fixture('google-docs.html'));

  it('produces a valid body with headings, paragraphs and flat lists', () => {
    expectValid(blocks);
    expect(blocks.map((b) => (b.type === 'list-item' ? `${b.list}:${b.depth}` : b.type))).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'bulleted:0',
      'bulleted:1',
      'bulleted:0',
      'numbered:0',
    ]);
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, children: [{ text: 'Council approves budget' }] });
  });

  it('ignores the non-bold wrapper but keeps bold, italic, underline, strike, super and sub', () => {
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'The council voted ' },
        { text: '7 to 2', bold: true },
        { text: ' on Tuesday, the ' },
        { text: 'Gazette', italic: true },
        { text: ' reported.' },
      ],
    });
    expect(blocks[2]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'Underlined', underline: true },
        { text: ', ' },
        { text: 'struck', strikethrough: true },
        { text: ', E=mc' },
        { text: '2', superscript: true },
        { text: ' and H' },
        { text: '2', subscript: true },
        { text: 'O. Read ' },
        { type: 'link', url: 'https://example.com/budget-2025', children: [{ text: 'the full budget' }] },
        { text: '.' },
      ],
    });
  });

  it('drops the hot-linked image and counts it', () => {
    expect(images).toEqual([]);
    expect(droppedImages).toBe(1);
  });
});

describe('Microsoft Word', () => {
  const { blocks, droppedImages } = htmlToBlocks(fixture('word.html'));

  it('turns MsoListParagraphs into list items with depth and kind, dropping the markers', () => {
    expectValid(blocks);
    const lists = blocks.filter((b) => b.type === 'list-item');
    expect(lists).toEqual([
      { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'Route 1 closed north of the bridge' }] },
      { type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: 'Detour via Mill Street' }] },
      { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'Ferry runs every hour' }] },
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'Check the road report' }] },
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'Leave early' }] },
    ]);
  });

  it("keeps Word's b/i/u/s/sup/sub and joins wrapped lines", () => {
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, children: [{ text: 'Storm closes coastal road' }] });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'The ' },
        { text: 'state highway', bold: true },
        { text: ' was closed on ' },
        { text: 'Monday', italic: true },
        { text: ' after waves washed debris onto the road, officials said.' },
      ],
    });
    expect(blocks[2]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'Crews', underline: true },
        { text: ' worked overnight; ' },
        { text: 'nobody', strikethrough: true },
        { text: ' one person was hurt.' },
      ],
    });
    const last = blocks[blocks.length - 1]!;
    expect(last).toMatchObject({
      type: 'paragraph',
      children: [
        { text: 'Water levels' },
        { text: '1', superscript: true },
        { text: ' peaked at 3 m; CO' },
        { text: '2', subscript: true },
        { text: ' sensors were offline. Details at ' },
        { type: 'link', url: 'https://example.gov/roads', children: [{ text: 'the roads office' }] },
        { text: '.' },
      ],
    });
  });

  it('drops styles, o:p, conditional comments and the file: image', () => {
    expect(bodyPlainText(blocks)).not.toMatch(/mso|Style Definitions|·|OfficeDocumentSettings/);
    expect(droppedImages).toBe(1);
  });
});

describe('web page', () => {
  const { blocks, images, droppedImages } = htmlToBlocks(fixture('web-page.html'));

  it('keeps structure and drops scripts, iframes, forms and unknown wrappers', () => {
    expectValid(blocks);
    expect(blocks.map((b) => (b.type === 'list-item' ? `${b.list}:${b.depth}` : b.type))).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'block-quote',
      'heading',
      'numbered:0',
      'bulleted:1',
      'bulleted:1',
      'numbered:0',
      'image',
      'paragraph', // the caption of the dropped remote image stays as text
      'section-break',
      'paragraph',
      'paragraph',
    ]);
    const text = bodyPlainText(blocks);
    expect(text).not.toMatch(/alert|track|Subscribe|ads\.example/);
    expect(text).toContain('Widget text survives');
    expect(blocks[4]).toEqual({ type: 'heading', level: 2, children: [{ text: 'Timeline' }] });
  });

  it('decodes entities and keeps only allowed links', () => {
    expect(blocks[1]).toEqual({ type: 'paragraph', children: [{ text: 'By Jane Doe & staff' }] });
    expect(blocks[2]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'The ' },
        { text: 'Harbor Bridge', bold: true },
        { text: ' reopened on ' },
        { text: 'Friday', italic: true },
        { text: ', the city’s transport office said — two weeks early.' },
      ],
    });
    expect(blocks[6]).toEqual({ type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: 'Inspection by engineers' }] });
    expect(blocks[7]).toMatchObject({ children: [{ text: 'Lanes ' }, { text: 'reduced', strikethrough: true }, { text: ' closed' }] });
    expect(blocks[12]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'Contact: ' },
        { type: 'link', url: 'mailto:transport@example.gov', children: [{ text: 'transport@example.gov' }] },
        { text: '\nPhone: 555‑0100' },
      ],
    });
  });

  it('keeps inline images of allowed types for storing and counts the others', () => {
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ placeholder: 'pending:0', mimeType: 'image/png', fileName: 'pasted-image-1.png' });
    expect(Buffer.from(images[0]!.dataBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(blocks[9]).toEqual({
      type: 'image',
      assetId: 'pending:0',
      alt: 'The bridge at dawn',
      caption: 'The bridge at dawn.',
      credit: '',
      children: [{ text: '' }],
    });
    expect(droppedImages).toBe(2);
  });
});

describe('large paste', () => {
  it('converts 1 MB of HTML into a valid body', () => {
    const html = fixture('large-1mb.html');
    expect(html.length).toBeGreaterThan(1_000_000);
    const { blocks } = htmlToBlocks(html);
    expect(blocks.length).toBeGreaterThan(700);
    expectValid(blocks);
  });

  it('scales linearly (four times the document takes well under eight times as long)', () => {
    const unit = '<p><span style="font-weight:700">word</span> <a href="https://e.com">x</a> text</p>';
    // Median CPU time, not wall time: a loaded machine must not make a linear parser look quadratic.
    const time = (n: number) => {
      const html = unit.repeat(n);
      return medianCpuMs(() => htmlToBlocks(html), 3);
    };
    time(2000); // warm up
    const small = Math.max(time(10_000), 1);
    const large = time(40_000);
    expect(large / small).toBeLessThan(8);
  });
});

describe('edge cases', () => {
  it('never nests links and ignores relative hrefs', () => {
    const { blocks } = htmlToBlocks('<p><a href="https://a.example">a<a href="https://b.example">b</a></a> <a href="/x">rel</a></p>');
    expectValid(blocks);
    const links = JSON.stringify(blocks).match(/"url":"[^"]+"/g);
    expect(links).toEqual(['"url":"https://a.example"', '"url":"https://b.example"']);
    expect(JSON.stringify(blocks)).not.toContain('/x');
  });
  it('returns nothing for empty or whitespace-only HTML', () => {
    expect(htmlToBlocks('<p> </p><div>\n</div>').blocks).toEqual([]);
  });
  it("reads the document's first title, not an SVG's, with entities decoded", () => {
    expect(
      htmlToBlocks('<svg><title>Icon</title></svg><html><head><title> A &amp;\n B </title><title>Second</title></head><body><p>x</p></body></html>').title,
    ).toBe('A & B');
    expect(htmlToBlocks('<p>no title</p>').title).toBeUndefined();
  });
  it('reads nesting deeper than MAX_OPEN_ELEMENTS from the top level again, keeping every word', () => {
    const { blocks } = htmlToBlocks(`${'<div><b>'.repeat(MAX_OPEN_ELEMENTS)}deep text${'</b></div>'.repeat(MAX_OPEN_ELEMENTS)}<p>after</p>`);
    expectValid(blocks);
    expect(blocks.map((b) => ('children' in b ? b.children.map((c) => ('text' in c ? c.text : '')).join('') : ''))).toEqual(['deep text', 'after']);
  });
  it('keeps pre text as is', () => {
    expect(htmlToBlocks('<pre>a  b\n c</pre>').blocks).toEqual([{ type: 'paragraph', children: [{ text: 'a  b\n c' }] }]);
  });
});

describe('textToBlocks', () => {
  it('makes one paragraph per non-empty line', () => {
    expect(textToBlocks('First line\r\nSecond\n\n\nThird  \n  ')).toEqual([
      { type: 'paragraph', children: [{ text: 'First line' }] },
      { type: 'paragraph', children: [{ text: 'Second' }] },
      { type: 'paragraph', children: [{ text: 'Third' }] },
    ]);
    expect(textToBlocks('')).toEqual([]);
  });
});

describe('web images (a paste fetches them; imports never do)', () => {
  const html = '<p>a</p><img src="https://cdn.example.com/photos/bridge.jpg" alt="Traffic"><img src="/relative.png"><img src="file:///etc/x.png"><p>b</p>';

  it('keeps http(s) images as blocks waiting for their fetch, in place, only when asked', () => {
    const asked = htmlToBlocks(html, { webImages: true });
    expect(asked.webImages).toEqual([{ placeholder: 'web:0', url: 'https://cdn.example.com/photos/bridge.jpg' }]);
    expect(asked.blocks.map((b) => (b.type === 'image' ? `image:${b.assetId}:${b.alt}` : b.type))).toEqual(['paragraph', 'image:web:0:Traffic', 'paragraph']);
    expect(asked.droppedImages).toBe(2);
    const plain = htmlToBlocks(html);
    expect(plain.webImages).toEqual([]);
    expect(plain.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(plain.droppedImages).toBe(3);
  });

  it(`fetches at most ${MAX_WEB_IMAGES} from one paste and counts the rest as left out`, () => {
    const many = Array.from({ length: MAX_WEB_IMAGES + 5 }, (_, i) => `<img src="https://cdn.example.com/${i}.png">`).join('');
    const { webImages, droppedImages } = htmlToBlocks(`<p>x</p>${many}`, { webImages: true });
    expect(webImages).toHaveLength(MAX_WEB_IMAGES);
    expect(droppedImages).toBe(5);
  });
});
