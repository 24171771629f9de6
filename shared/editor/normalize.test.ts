import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Editor, normalize as slateNormalize, Transforms, type Descendant } from 'slate';
import { articleBodySchema, type ArticleBody } from '../model/document';
import { bodyOf, createTestEditor } from './testEditor';

/** Slate's own forced pass (not the quick check withArticleEditing puts in front of it), with the article's rules. */
function normalized(children: unknown[]): ArticleBody {
  const editor = createTestEditor([]);
  editor.children = children as Descendant[];
  slateNormalize(editor, { force: true });
  return bodyOf(editor);
}

const p = (text: string) => ({ type: 'paragraph', children: [{ text }] });

describe('normalization', () => {
  it('never leaves the document empty', () => {
    expect(normalized([])).toEqual([p('')]);
  });

  it('drops the attributes a text block’s type does not have (left by two style changes merged)', () => {
    const body = normalized([{ type: 'block-quote', level: 1, list: 'numbered', depth: 0, children: [{ text: 'q' }] }]);
    expect(body).toEqual([{ type: 'block-quote', children: [{ text: 'q' }] }]);
    expect(normalized([{ type: 'heading', level: 2, depth: 1, children: [{ text: 'h' }] }])).toEqual([
      { type: 'heading', level: 2, children: [{ text: 'h' }] },
    ]);
  });

  it('wraps stray text at the top level in a paragraph', () => {
    expect(normalized([{ text: 'loose' }, p('x')])).toEqual([p('loose'), p('x')]);
  });

  it('adds a paragraph after a trailing void so the cursor can go there', () => {
    const body = normalized([p('a'), { type: 'section-break', children: [{ text: '' }] }]);
    expect(body.map((b) => b.type)).toEqual(['paragraph', 'section-break', 'paragraph']);
  });

  it('gives voids exactly one empty text child', () => {
    const body = normalized([{ type: 'section-break', children: [{ text: 'junk', bold: true }, { text: 'more' }] }, p('')]);
    expect(body[0]).toEqual({ type: 'section-break', children: [{ text: '' }] });
  });

  it('removes empty links and unwraps links with forbidden URLs', () => {
    const body = normalized([
      {
        type: 'paragraph',
        children: [
          { text: 'a ' },
          { type: 'link', url: 'https://example.com', children: [{ text: '' }] },
          { type: 'link', url: 'javascript:alert(1)', children: [{ text: 'bad' }] },
        ],
      },
    ]);
    expect(body).toEqual([p('a bad')]);
  });

  it('unwraps nested links', () => {
    const body = normalized([
      {
        type: 'paragraph',
        children: [
          { text: '' },
          {
            type: 'link',
            url: 'https://a.example',
            children: [{ text: 'x' }, { type: 'link', url: 'https://b.example', children: [{ text: 'y' }] }],
          },
          { text: '' },
        ],
      },
    ]);
    expect(body).toEqual([
      { type: 'paragraph', children: [{ text: '' }, { type: 'link', url: 'https://a.example', children: [{ text: 'xy' }] }, { text: '' }] },
    ]);
  });

  it('keeps list depth within one level of the previous item and within bounds', () => {
    const item = (depth: number) => ({ type: 'list-item', list: 'bulleted', depth, children: [{ text: String(depth) }] });
    const body = normalized([p('x'), item(3), item(1), item(4), item(99)]);
    expect(body.map((b) => (b.type === 'list-item' ? b.depth : -1))).toEqual([-1, 0, 1, 2, 3]);
  });

  it('fills an empty promo box and turns foreign blocks in it into paragraphs or lifts them out', () => {
    const body = normalized([
      { type: 'promo-box', title: 'Box', children: [] },
      {
        type: 'promo-box',
        title: 'Two',
        children: [
          { type: 'heading', level: 1, children: [{ text: 'h' }] },
          { type: 'section-break', children: [{ text: '' }] },
        ],
      },
      p('end'),
    ]);
    expect(body).toEqual([
      { type: 'promo-box', title: 'Box', children: [p('')] },
      { type: 'promo-box', title: 'Two', children: [p('h')] },
      { type: 'section-break', children: [{ text: '' }] },
      p('end'),
    ]);
  });

  it('a paste with images into the middle of a promo box keeps one box; the images follow it in order', () => {
    const editor = createTestEditor([p('before'), { type: 'promo-box', title: 'Read more', children: [p('one two')] }, p('after')]);
    Transforms.select(editor, { path: [1, 0, 0], offset: 3 });
    const image = (assetId: string) => ({ type: 'image', assetId, alt: '', caption: '', credit: '', children: [{ text: '' }] });
    Editor.withoutNormalizing(editor, () => Transforms.insertFragment(editor, [p('A'), image('x'), image('y'), p('B')] as Descendant[]));
    expect(bodyOf(editor)).toEqual([
      p('before'),
      { type: 'promo-box', title: 'Read more', children: [p('oneA'), p('B two')] },
      image('x'),
      image('y'),
      p('after'),
    ]);
  });

  it('unwraps blocks nested in text blocks', () => {
    const body = normalized([{ type: 'paragraph', children: [{ text: 'a' }, p('b')] }]);
    expect(articleBodySchema.safeParse(body).success).toBe(true);
    expect(body.map((b) => b.type)).toEqual(['paragraph']);
  });

  it('fills missing fields of editors notes with valid values', () => {
    const body = normalized([{ type: 'editors-note', kind: 'bogus', date: 'yesterday', children: [{ text: 'n' }] }]);
    expect(articleBodySchema.safeParse(body).success).toBe(true);
  });

  it('fixes depth after an item is removed', () => {
    const editor = createTestEditor([
      { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'a' }] },
      { type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: 'b' }] },
      { type: 'list-item', list: 'bulleted', depth: 2, children: [{ text: 'c' }] },
    ]);
    Transforms.removeNodes(editor, { at: [1] });
    expect(bodyOf(editor).map((b) => (b.type === 'list-item' ? b.depth : -1))).toEqual([0, 1]);
  });
});

describe('normalizeBody', () => {
  it('returns a valid body without touching a valid one', async () => {
    const { normalizeBody } = await import('./withArticleEditing');
    const valid: ArticleBody = [{ type: 'paragraph', children: [{ text: 'ok' }] }];
    expect(normalizeBody(valid)).toEqual(valid);
    expect(normalizeBody([])).toEqual([p('')]);
  });

  it('checks the whole body only for changes that can break its rules, not for every keystroke', () => {
    const editor = createTestEditor([p('one'), p('two')]);
    const seen: number[][] = [];
    const { normalizeNode } = editor;
    editor.normalizeNode = (entry, options) => {
      seen.push(entry[1]);
      normalizeNode(entry, options);
    };
    Transforms.insertText(editor, 'x', { at: { path: [1, 0], offset: 3 } });
    Transforms.delete(editor, { at: { path: [0, 0], offset: 0 }, distance: 1 });
    Transforms.setNodes(editor, { bold: true } as never, { at: [1, 0] });
    expect(seen.some((path) => path.length === 0)).toBe(false);
    expect(seen).toContainEqual([1]);
    // A top-level block's change still gets the body's rules: a list item two levels below nothing.
    Transforms.setNodes(editor, { type: 'list-item', list: 'bulleted', depth: 2 } as never, { at: [0] });
    expect(seen).toContainEqual([]);
    expect(bodyOf(editor)[0]).toMatchObject({ type: 'list-item', depth: 0 });
  });
});

describe('normalizeBody: the quick check for a body already normal', () => {
  // Blocks as stored bodies have them, and as imports and older files may: some break a rule.
  const blocks: unknown[] = [
    p('plain'),
    p(''),
    {
      type: 'paragraph',
      children: [
        { text: 'a', bold: true },
        { text: 'b', bold: true },
      ],
    },
    { type: 'paragraph', children: [{ text: 'a' }, { type: 'link', url: 'https://example.com/', children: [{ text: 'link' }] }, { text: '' }] },
    { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ text: 'bad' }] }] },
    { type: 'heading', level: 2, children: [{ text: 'h' }] },
    { type: 'heading', level: 2, depth: 1, children: [{ text: 'h' }] },
    { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'one' }] },
    { type: 'list-item', list: 'numbered', depth: 1, children: [{ text: 'deeper' }] },
    { type: 'list-item', list: 'bulleted', depth: 3, children: [{ text: 'too deep' }] },
    { type: 'block-quote', children: [{ text: 'q' }] },
    { type: 'section-break', children: [{ text: '' }] },
    { type: 'section-break', children: [{ text: 'junk' }] },
    { type: 'paragraph', children: [] },
    { text: 'loose' },
  ];
  const body = fc.array(fc.constantFrom(...blocks), { maxLength: 12 });

  /** Slate's full pass, repeated until it changes nothing. */
  const fixedPoint = (b: unknown[]): ArticleBody => {
    let body = normalized(structuredClone(b));
    for (let next = normalized(structuredClone(body)); JSON.stringify(next) !== JSON.stringify(body); next = normalized(structuredClone(body))) body = next;
    return body;
  };

  it('gives what Slate’s full passes give, on bodies that follow the rules and bodies that do not', async () => {
    const { normalizeBody } = await import('./withArticleEditing');
    fc.assert(
      fc.property(body, (b) => {
        const result = normalizeBody(structuredClone(b));
        expect(result).toEqual(fixedPoint(b));
        expect(articleBodySchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 400 },
    );
    // One of Slate's passes leaves a broken rule that the next one fixes.
    const headings = [
      { type: 'heading', level: 2, depth: 1, children: [{ text: 'h' }] },
      { type: 'heading', level: 2, depth: 1, children: [{ text: 'h' }] },
    ];
    expect(normalizeBody(headings)).toEqual([
      { type: 'heading', level: 2, children: [{ text: 'h' }] },
      { type: 'heading', level: 2, children: [{ text: 'h' }] },
    ]);
  });

  it('leaves a normal body as it is, the same object', async () => {
    const { normalizeBody } = await import('./withArticleEditing');
    fc.assert(
      fc.property(body, (b) => {
        const normal = normalizeBody(structuredClone(b));
        expect(normalizeBody(normal)).toBe(normal);
      }),
      { numRuns: 200 },
    );
  });
});
