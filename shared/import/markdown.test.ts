import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ArticleBody, BlockElement, FormattedText, InlineNode, ListItemElement } from '../model/document';
import { articleBodySchema, emptyBody, MARKS } from '../model/document';
import { normalizeInlines, storyBlocks } from '../export/common';
import { exportMarkdown } from '../export/markdown';
import { makeArticle, mara, sampleInput } from '../export/__fixtures__/sampleArticle';
import { importMarkdown, MarkdownImportError } from './markdown';
import type { ExportInput } from '../export/exportInput';
import { cpuMs } from '../security/__fixtures__/hostileArbitraries';

const inputFor = (body: ArticleBody): ExportInput => ({ article: makeArticle(body), authors: [mara], assetUrl: (id) => `images/${id}.jpg` });
const roundTrip = (body: ArticleBody) => importMarkdown(exportMarkdown(inputFor(body))).body;

/**
 * What the importer must give back: inline runs in Slate's normal form, without the empty paragraphs
 * at the end of the body (the editor adds its own back when it opens the article).
 */
function canonical(body: ArticleBody): ArticleBody {
  const story = storyBlocks(body);
  // Trailing empty paragraphs are not exported; a body of nothing else reads back as the empty article.
  return story.length ? inlinesCanonical(story) : emptyBody();
}

function inlinesCanonical(body: readonly BlockElement[]): ArticleBody {
  return body.map((b): BlockElement => {
    switch (b.type) {
      case 'promo-box':
        return { ...b, children: inlinesCanonical(b.children) as typeof b.children };
      case 'author-bio':
        return { ...b, snapshot: { ...b.snapshot, bio: b.snapshot.bio.length ? normalizeInlines(b.snapshot.bio) : [] } };
      case 'ai-disclosure':
        return { ...b, snapshot: { ...b.snapshot, text: b.snapshot.text.length ? normalizeInlines(b.snapshot.text) : [] } };
      case 'section-break':
      case 'image':
      case 'embed':
        return b;
      default:
        return { ...b, children: normalizeInlines(b.children) } as BlockElement;
    }
  });
}

describe('markdown round trip', () => {
  it('keeps the seed article exactly, with its front matter', () => {
    const input = sampleInput();
    const md = exportMarkdown(input);
    const back = importMarkdown(md);
    expect(back.body).toEqual(input.article.body);
    expect(back.byline).toEqual(['Mara Lindqvist']);
    expect(back.fields).toMatchObject({
      headline: input.article.headline,
      dek: input.article.dek,
      slug: input.article.slug,
      section: 'Climate',
      tags: ['flooding', 'local government'],
      dateline: 'VESTMARK',
    });
    expect(md).toContain(':::promo-box[Uncommon Knowledge]');
  });

  it('keeps every block type and mark', () => {
    const body: ArticleBody = [
      { type: 'heading', level: 1, children: [{ text: 'Section # one #' }] },
      { type: 'heading', level: 2, children: [{ text: 'Sub ' }, { text: 'head', italic: true }] },
      {
        type: 'paragraph',
        children: MARKS.map((m): FormattedText => ({ text: `${m} text`, [m]: true })).concat([{ text: 'x²', superscript: true, bold: true }]),
      },
      { type: 'paragraph', children: [{ text: '' }] },
      { type: 'block-quote', children: [{ text: '> quoted *text*' }] },
      { type: 'block-quote', children: [{ text: '' }] },
      { type: 'pull-quote', attribution: 'Ines "Ice" Halvorsen', children: [{ text: 'Luck is not a plan.' }] },
      { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'one' }] },
      { type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: '' }] },
      { type: 'list-item', list: 'numbered', depth: 2, children: [{ text: '1. deep' }] },
      { type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: 'back' }] },
      { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'new list' }] },
      { type: 'section-break', children: [{ text: '' }] },
      { type: 'image', assetId: 'asset-1', alt: 'A [gate]', caption: 'The gate, "raised"', credit: 'Photo: A\\B', children: [{ text: '' }] },
      { type: 'editors-note', kind: 'correction', date: '2025-05-08', children: [{ text: 'An earlier version misspelt a name.' }] },
      { type: 'editors-note', kind: 'note', date: '2025-05-09', children: [{ text: 'Updated.' }] },
      { type: 'embed', url: 'https://example.org/video?id=1&t=2', caption: 'Watch: the vote', children: [{ text: '' }] },
      {
        type: 'promo-box',
        title: 'Box [with] \\ brackets',
        children: [
          {
            type: 'paragraph',
            children: [{ text: 'Inside ' }, { type: 'link', url: 'https://example.org/a_(b)', children: [{ text: 'link', bold: true }] }, { text: '' }],
          },
          { type: 'list-item', list: 'numbered', depth: 0, children: [{ text: 'item' }] },
        ],
      },
      {
        type: 'author-bio',
        authorId: 'a-1',
        mode: 'frozen',
        version: 7,
        snapshot: { name: 'Tomas "T" Okafor', jobTitle: 'Editor', bio: [], photoAssetId: 'photo-1', readMoreUrl: '' },
        children: [{ text: '' }],
      },
      {
        type: 'ai-disclosure',
        templateId: 't-1',
        mode: 'detached',
        version: 2,
        snapshot: { title: 'AI', text: [{ text: 'Plain disclosure.' }], policyUrl: 'mailto:ethics@example.org' },
        children: [{ text: '' }],
      },
      { type: 'paragraph', children: [{ text: 'line one\nline two' }] },
    ];
    expect(articleBodySchema.safeParse(body).success).toBe(true);
    expect(roundTrip(body)).toEqual(canonical(body));
  });

  it('keeps hostile text as text', () => {
    const texts = [
      '*not bold*',
      '# not heading',
      '1. not list',
      '- not bullet',
      '<script>alert(1)</script>',
      '`code`',
      'back\\slash\\',
      '    indented',
      'trailing  ',
      ':::promo-box[x]',
      '***',
      '[a](b)',
      'www.example.com',
      'http://x.y',
      'a@b.co',
      '&amp; &#32;',
      '| a | b |',
      '~~no~~',
      '_x_',
      '![i](j)',
      '+ x',
      '> q',
      '1) x',
      '=== ',
    ];
    for (const text of texts) {
      const body: ArticleBody = [
        { type: 'paragraph', children: [{ text }] },
        { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text }] },
        { type: 'heading', level: 1, children: [{ text }] },
      ];
      expect(roundTrip(body), JSON.stringify(text)).toEqual(body);
    }
  });

  it('drops unsafe links but keeps their text', () => {
    const body: ArticleBody = [
      { type: 'paragraph', children: [{ text: 'a ' }, { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'x' }] }, { text: ' b' }] },
    ];
    expect(roundTrip(body)).toEqual([{ type: 'paragraph', children: [{ text: 'a x b' }] }]);
  });

  it('reads ordinary Markdown', () => {
    const { body, fields } = importMarkdown(
      "---\ntitle: x\nheadline: 'It''s here'\ntags:\n  - a\n  - b\n---\n# Big\n\nSome *em* and __strong__ and `code`.\n\n* a\n  1. b\n\n```\ncode block\n```\n",
    );
    expect(fields).toEqual({ headline: "It's here", tags: ['a', 'b'] });
    expect(body[0]).toEqual({ type: 'heading', level: 1, children: [{ text: 'Big' }] });
    expect(body[1]).toEqual({
      type: 'paragraph',
      children: [{ text: 'Some ' }, { text: 'em', italic: true }, { text: ' and ' }, { text: 'strong', bold: true }, { text: ' and code.' }],
    });
    expect(body[2]).toMatchObject({ type: 'list-item', list: 'bulleted', depth: 0 });
    expect(body[3]).toMatchObject({ type: 'list-item', list: 'numbered', depth: 1 });
    expect(body[4]).toEqual({ type: 'paragraph', children: [{ text: 'code block' }] });
  });
});

// ---- Property-based round trip -------------------------------------------------

const HOSTILE_PIECES = [
  '*',
  '**',
  '_',
  '__',
  '#',
  '##',
  '<script>',
  '</u>',
  '<br>',
  '`',
  '```',
  '\\',
  ' ',
  '  ',
  '\t',
  '1.',
  '2)',
  '-',
  '+',
  '>',
  '[',
  ']',
  '(',
  ')',
  '!',
  '~',
  '~~',
  '|',
  '&',
  '&amp;',
  '&#32;',
  ':::',
  ':',
  'www.',
  'http://x.y',
  '@',
  '"',
  "'",
  '.',
  ',',
  '\n',
  'é',
  '中文',
  '🙂',
  'a',
  'word',
  'Word',
  '42',
];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 0, maxLength: 6 }).map((a) => a.join('')),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\r]/g, '')),
);
const leafArb: fc.Arbitrary<FormattedText> = fc.record({ text: textArb, marks: fc.subarray([...MARKS], { maxLength: 3 }) }).map(({ text, marks }) => {
  const leaf: FormattedText = { text };
  for (const m of marks) leaf[m] = true;
  return leaf;
});
const urlArb = fc.constantFrom(
  'https://example.org/',
  'http://example.org/a_b?c=1&d=(2)',
  'mailto:desk@example.org',
  'https://example.org/<x>',
  'https://example.org/a%20b',
);
const inlineArb: fc.Arbitrary<InlineNode> = fc.oneof(
  { weight: 4, arbitrary: leafArb },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('link' as const), url: urlArb, children: fc.array(leafArb, { minLength: 1, maxLength: 3 }) }) },
);
const inlinesArb = fc.array(inlineArb, { minLength: 1, maxLength: 5 });

const simpleBlockArb: fc.Arbitrary<BlockElement> = fc.oneof(
  inlinesArb.map((children): BlockElement => ({ type: 'paragraph', children })),
  fc
    .record({ level: fc.constantFrom(1 as const, 2 as const), children: inlinesArb })
    .map(({ level, children }): BlockElement => ({ type: 'heading', level, children })),
  inlinesArb.map((children): BlockElement => ({ type: 'block-quote', children })),
  fc
    .array(fc.record({ list: fc.constantFrom('bulleted' as const, 'numbered' as const), step: fc.integer({ min: -2, max: 1 }), children: inlinesArb }), {
      minLength: 1,
      maxLength: 6,
    })
    .map((items) => {
      let depth = -1;
      return items.map(({ list, step, children }): ListItemElement => {
        depth = Math.max(0, Math.min(5, depth + step));
        return { type: 'list-item', list, depth, children };
      });
    })
    .map((items) => items as BlockElement[])
    .chain((items) => fc.constant(items[0]!).map(() => items))
    .map((items) => ({ type: '__list', items }) as unknown as BlockElement),
);

function flattenLists(blocks: BlockElement[]): ArticleBody {
  return blocks.flatMap((b) => ((b as unknown as { type: string }).type === '__list' ? (b as unknown as { items: BlockElement[] }).items : [b]));
}

describe('markdown round trip (property)', () => {
  it('model → markdown → model is the identity on normalised documents', () => {
    fc.assert(
      fc.property(fc.array(simpleBlockArb, { minLength: 1, maxLength: 8 }), (blocks) => {
        const body = flattenLists(blocks);
        let back: ArticleBody = [];
        // A per-input CPU limit, generous for a loaded machine: each takes a few milliseconds.
        expect(cpuMs(() => (back = roundTrip(body)))).toBeLessThan(2_000);
        expect(back).toEqual(canonical(body));
      }),
      // A body of one empty paragraph (the empty article) once failed here: always try it.
      { numRuns: 400, examples: [[[{ type: 'paragraph', children: [{ text: '' }] }]]] },
    );
  });
});

// ---- Front matter (a real YAML parser) ------------------------------------------

const p = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] });

describe('front matter', () => {
  it('reads folded and literal values, quoted strings, lists and numbers', () => {
    const md = [
      '---',
      'headline: "Council \\"votes\\" on the barrier"',
      'dek: >',
      '  Councillors approved',
      '  a movable barrier.',
      'seoDescription: |',
      '  Line one',
      '  Line two',
      "section: 'Climate''s desk'",
      'slug: 007 # a comment, not part of the value',
      'tags:',
      '  - flooding',
      '  - "local government"',
      'byline: [Mara Lindqvist, "Tomas Okafor"]',
      'dateline: VESTMARK',
      'seoTitle: true',
      'unknown: ignored',
      '---',
      '',
      'Body text.',
      '',
    ].join('\n');
    expect(importMarkdown(md)).toEqual({
      fields: {
        headline: 'Council "votes" on the barrier',
        dek: 'Councillors approved a movable barrier.',
        seoDescription: 'Line one\nLine two',
        section: "Climate's desk",
        slug: '007',
        tags: ['flooding', 'local government'],
        dateline: 'VESTMARK',
        seoTitle: 'true',
      },
      byline: ['Mara Lindqvist', 'Tomas Okafor'],
      body: [p('Body text.')],
    });
  });

  it('takes one string as a one-item list of tags or names', () => {
    expect(importMarkdown('---\ntags: flooding\nbyline: Mara Lindqvist\n---\nx\n')).toEqual({
      fields: { tags: ['flooding'] },
      byline: ['Mara Lindqvist'],
      body: [p('x')],
    });
  });

  it('refuses YAML it cannot read, in a sentence that says where and what to do', () => {
    expect(() => importMarkdown('---\nheadline: ok\ndek: "unclosed\n---\nBody\n')).toThrow(
      /^The front matter at the top of this file is not valid YAML \(line \d+ of the file\)\. Correct it, or remove the lines between the --- markers, and import the file again\.$/,
    );
    expect(() => importMarkdown('---\nheadline: [a\n---\nBody\n')).toThrow(MarkdownImportError);
  });

  it('refuses alias bombs and oversized blocks quickly', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
      'headline: *j',
      '---',
      'Body',
    ].join('\n');
    const start = performance.now();
    expect(() => importMarkdown(bomb)).toThrow(/too complex to read/);
    expect(() => importMarkdown(`---\nheadline: ${'x'.repeat(70_000)}\n---\nBody\n`)).toThrow(/longer than 64 KB/);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('reads a rule and a setext heading that look like front matter as Markdown, losing nothing', () => {
    expect(importMarkdown('---\nSome text\n---\n\nMore.\n')).toEqual({
      fields: {},
      byline: [],
      body: [{ type: 'section-break', children: [{ text: '' }] }, { type: 'heading', level: 1, children: [{ text: 'Some text' }] }, p('More.')],
    });
    expect(importMarkdown('---\n---\nBody\n')).toEqual({ fields: {}, byline: [], body: [p('Body')] });
  });
});

// ---- The first level-one heading as the headline ----------------------------------

describe('headline from a first "# " heading', () => {
  it('is the headline when the front matter has none, and leaves the body', () => {
    expect(importMarkdown('# The *barrier* vote\n\nBody text.\n\n# A later heading\n')).toEqual({
      fields: { headline: 'The barrier vote' },
      byline: [],
      body: [p('Body text.'), { type: 'heading', level: 1, children: [{ text: 'A later heading' }] }],
    });
    expect(importMarkdown('---\ndek: Short\nheadline: ""\n---\n\nThe vote\n========\n\nBody.\n')).toEqual({
      fields: { dek: 'Short', headline: 'The vote' },
      byline: [],
      body: [p('Body.')],
    });
  });

  it('stays a body heading when the front matter has a headline, or when it is not first', () => {
    expect(importMarkdown('---\nheadline: From front matter\n---\n# Body heading\n\nText.\n').body).toEqual([
      { type: 'heading', level: 1, children: [{ text: 'Body heading' }] },
      p('Text.'),
    ]);
    expect(importMarkdown('Intro.\n\n# Heading\n').fields).toEqual({});
    expect(importMarkdown('## Second level\n\nText.\n').fields).toEqual({});
  });

  it('round-trips: the exporter writes the headline in front matter and body headings as ## and ###', () => {
    const body: ArticleBody = [
      { type: 'heading', level: 1, children: [{ text: 'Opening heading' }] },
      p('Text.'),
      { type: 'heading', level: 2, children: [{ text: 'Sub' }] },
    ];
    for (const headline of ['Harbour City votes', '']) {
      const input: ExportInput = { article: makeArticle(body, { headline }), authors: [mara], assetUrl: (id) => `images/${id}.jpg` };
      const back = importMarkdown(exportMarkdown(input));
      expect(back.body).toEqual(body);
      expect(back.fields.headline).toBe(headline);
    }
    // A writer's file with a "# " headline keeps headline and body through export and import.
    const first = importMarkdown('# Harbour City votes\n\nText.\n');
    const again = importMarkdown(exportMarkdown({ article: makeArticle(first.body, { headline: first.fields.headline! }), authors: [], assetUrl: (id) => id }));
    expect({ headline: again.fields.headline, body: again.body }).toEqual({ headline: 'Harbour City votes', body: [p('Text.')] });
  });
});

// ---- Limits, each refused in one plain sentence ------------------------------------

describe('limits', () => {
  it('refuses paragraphs with thousands of marks or lines, and says what to do', () => {
    expect(() => importMarkdown('*a_'.repeat(16_000))).toThrow(
      /^The Markdown has a paragraph \(at line 1\) with more than 1,000 formatting marks .* import it as plain text \(\.txt\)\.$/,
    );
    expect(() => importMarkdown(':::zz\n'.repeat(32_000))).toThrow(
      /^The Markdown has a run of more than 1,000 lines without a blank line \(at line 1001\).* Add blank lines/,
    );
    // `2.` after plain text continues the paragraph, so it cannot hide a long one.
    expect(() => importMarkdown(`Text\n${'2. *a_*a_\n'.repeat(400)}`)).toThrow(/more than 1,000 formatting marks/);
  });

  it('reads long lists, many paragraphs and escaped marks without refusing', () => {
    const list = Array.from({ length: 1_200 }, (_, i) => `- item *${i}* [link](https://example.org/${i})`).join('\n');
    expect(importMarkdown(list).body.length).toBe(1_200);
    // The exporter's numbered lists: 1., 2., 3. … with no blank lines.
    const numbered = Array.from({ length: 1_200 }, (_, i) => `${i + 1}. item *${i}*`).join('\n');
    expect(importMarkdown(numbered).body.length).toBe(1_200);
    expect(importMarkdown('\\*a\\_'.repeat(5_000)).body).toEqual([p('*a_'.repeat(5_000))]);
  });

  it('keeps lists nested deeper than an article holds at its deepest level', () => {
    const md = Array.from({ length: 9 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    expect(importMarkdown(md).body.map((b) => (b.type === 'list-item' ? b.depth : -1))).toEqual([0, 1, 2, 3, 4, 5, 5, 5, 5]);
  });

  it('reads the fixed inline tags and the empty comment, and keeps other inline HTML as text', () => {
    expect(importMarkdown('a <u>b</u> <br/> c<!-- --> <span class="x">d</span> <!-- note -->\n').body).toEqual([
      { type: 'paragraph', children: [{ text: 'a ' }, { text: 'b', underline: true }, { text: ' \n c <span class="x">d</span> <!-- note -->' }] },
    ]);
  });
});
