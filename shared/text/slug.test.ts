import { describe, expect, it } from 'vitest';
import { articleSlug, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Tram line opens on Sunday', 'tram-line-opens-on-sunday'],
    ['Straße über Ærø', 'strasse-uber-aero'],
    ['Новости дня', 'novosti-dnya'],
    ['Ειδήσεις της ημέρας', 'eidiseis-tis-imeras'],
    ['أخبار اليوم', 'khbr-lywm'],
    ['今日新闻', 'jin-ri-xin-wen'],
    ['한국어 뉴스', 'hangugeo-nyuseu'],
    ["Mayor's “plan” — €100 rise", 'mayors-plan-eur100-rise'],
    ['Party 🎉 tonight', 'party-tonight'],
  ])('%s → %s', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  it('gives nothing for text with nothing to spell', () => {
    expect(slugify('🎉🎉 ★ …')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });
});

describe('articleSlug', () => {
  it('follows the headline, or names the article by its id when the headline spells nothing', () => {
    expect(articleSlug('Новости дня', '7f3c2a9e-1111-2222-3333-444455556666')).toBe('novosti-dnya');
    expect(articleSlug('🎉', '7F3C2A9E-1111-2222-3333-444455556666')).toBe('article-7f3c2a9e');
    expect(articleSlug('', '7f3c2a9e-1111')).toBe('article-7f3c2a9e');
  });
});
