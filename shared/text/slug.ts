/**
 * URL slugs: lowercase ASCII words joined by hyphens. Every script is transliterated (any-ascii:
 * "Straße über Ærø" → "strasse-uber-aero", "Новости дня" → "novosti-dnya", "今日新闻" → "jin-ri-xin-wen"),
 * so a headline in any language gives a readable slug; an article whose headline has nothing to
 * spell (emoji, symbols, nothing yet) is "article-" and the start of its id.
 */
import anyAscii from 'any-ascii';

// Chinese characters are words of their own with no spaces between them; any-ascii runs them together.
const HAN = /(\p{Script=Han})/gu;
const PICTOGRAPHS = /\p{Extended_Pictographic}/gu;

/** The slug of any text, or '' when it has no letters or digits to spell. */
export function slugify(input: string, maxLength = 80): string {
  const folded = anyAscii(input.replace(PICTOGRAPHS, ' ').replace(HAN, ' $1 '))
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= maxLength) return folded;
  const cut = folded.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** The slug an article gets from its headline (the store, the details panel and export file names agree). */
export function articleSlug(headline: string, articleId: string): string {
  return (
    slugify(headline) ||
    `article-${articleId
      .replace(/[^a-z0-9]/gi, '')
      .slice(0, 8)
      .toLowerCase()}`
  );
}
