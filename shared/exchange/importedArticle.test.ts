import { describe, expect, it } from 'vitest';
import type { BlockElement } from '../model/document';
import { finishImport, type ImportedArticle } from './importedArticle';

const p = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] });
const article = (over: Partial<ImportedArticle>): ImportedArticle => ({ fields: {}, byline: [], body: [p('x')], images: [], warnings: [], ...over });

describe('finishImport', () => {
  it('refuses more blocks than an article holds in one plain sentence (not the validator wording)', () => {
    expect(finishImport(article({ body: Array.from({ length: 50_001 }, () => p('block')) }))).toEqual({
      ok: false,
      message:
        'This file has more than 50,000 blocks (paragraphs, headings, list items), more than an article can hold. Split it into several articles and import each. Nothing was imported.',
    });
  });

  it('names the block whose paragraph is too long, or whose part cannot be an article', () => {
    expect(finishImport(article({ body: [p('a'), p('b'.repeat(200_001))] }))).toEqual({
      ok: false,
      message:
        'This file has a paragraph (block 2) longer than 200,000 characters, more than an article can hold. Split it into shorter paragraphs and import it again. Nothing was imported.',
    });
    const deep = finishImport(article({ body: [{ type: 'list-item', list: 'bulleted', depth: 9, children: [{ text: 'x' }] }] }));
    expect(deep).toEqual({
      ok: false,
      message: 'Part of this file (block 1) could not be turned into an article. Nothing was imported; check that part, or import the file in another format.',
    });
  });

  it('shortens fields, tags and bylines to their limits and says so', () => {
    const checked = finishImport(
      article({
        fields: { headline: `  ${'h'.repeat(400)}  `, dek: 'd'.repeat(1_200), tags: Array.from({ length: 60 }, (_, i) => `tag ${i}`) },
        byline: Array.from({ length: 25 }, (_, i) => `Name ${i}`),
        warnings: ['Earlier warning.'],
      }),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.article.fields.headline).toBe('h'.repeat(300));
    expect(checked.article.fields.dek).toBe('d'.repeat(1_000));
    expect(checked.article.fields.tags).toHaveLength(50);
    expect(checked.article.byline).toHaveLength(20);
    expect(checked.article.warnings).toEqual([
      'Earlier warning.',
      'The headline was longer than 300 characters; it was shortened.',
      'The dek was longer than 1,000 characters; it was shortened.',
      'The file has 60 tags; the first 50 were kept.',
      'The byline names 25 people; the first 20 were kept.',
    ]);
  });
});
