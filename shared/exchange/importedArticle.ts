/**
 * What every importer produces before anything is stored: fields, byline names, a body and the
 * inline images still waiting for an asset id. `finishImport` clamps fields to the model's limits
 * and validates the body, so an import is either a valid article or a typed refusal.
 */
import { FIELD_LIMITS, type ArticleFields } from '../model/article';
import type { z } from 'zod';
import { articleBodySchema, BODY_LIMITS, emptyBody, type ArticleBody } from '../model/document';
import type { PastedImage } from '../convert/fromHtml';
import type { BundleComment } from './bundle';
import { normalizeLanguageTag } from '../language/languageTag';
import { cleanLine } from '../export/cleanText';

export type ImportedArticle = {
  fields: Partial<ArticleFields>;
  /** Byline names; the import service maps them to authors (creating missing ones). */
  byline: string[];
  body: ArticleBody;
  /** data: images found in HTML/Word; their image blocks carry `placeholder` as assetId. */
  images: PastedImage[];
  warnings: string[];
  /** Comment threads the file carried (a Word file's comments), anchored in `body`. */
  comments?: BundleComment[];
};

export type ImportCheck = { ok: true; article: ImportedArticle } | { ok: false; message: string };

const count = (n: number) => n.toLocaleString('en');
const MAX_BYLINE = 20;
const MAX_NAME = 200;
const TOO_MANY_BLOCKS = `This file has more than ${count(BODY_LIMITS.maxBlocks)} blocks (paragraphs, headings, list items), more than an article can hold. Split it into several articles and import each. Nothing was imported.`;

/** One plain sentence for the first way the body breaks the model's limits (never the validator's wording). */
function refusalFor(issue: z.core.$ZodIssue | undefined): string {
  const path = issue?.path ?? [];
  const block = typeof path[0] === 'number' ? path[0] + 1 : undefined;
  const where = block === undefined ? '' : ` (block ${count(block)})`;
  const key = path[path.length - 1];
  if (issue?.code === 'too_big' && key === 'text') {
    return `This file has a paragraph${where} longer than ${count(BODY_LIMITS.maxTextLength)} characters, more than an article can hold. Split it into shorter paragraphs and import it again. Nothing was imported.`;
  }
  if (issue?.code === 'too_big' && (key === 'children' || key === 'bio')) {
    return `This file has a paragraph${where} with more separately formatted pieces or links than an article can hold. Simplify its formatting and import it again. Nothing was imported.`;
  }
  if (issue?.code === 'too_big' && path.length === 0) return TOO_MANY_BLOCKS;
  return `Part of this file${where} could not be turned into an article. Nothing was imported; check that part, or import the file in another format.`;
}

const FIELD_NAMES = {
  headline: 'headline',
  dek: 'dek',
  slug: 'slug',
  section: 'section',
  dateline: 'dateline',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
} as const;

/** Clamps every field to its limit (saying so) and checks the body against the model schema. */
export function finishImport(article: ImportedArticle): ImportCheck {
  const f = article.fields;
  const fields: Partial<ArticleFields> = {};
  const warnings = [...article.warnings];
  const limits = {
    headline: FIELD_LIMITS.headline,
    dek: FIELD_LIMITS.dek,
    slug: FIELD_LIMITS.slug,
    section: FIELD_LIMITS.section,
    dateline: FIELD_LIMITS.dateline,
    seoTitle: FIELD_LIMITS.seoTitle,
    seoDescription: FIELD_LIMITS.seoDescription,
  } as const;
  for (const [key, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const value = key === 'headline' ? f.headline?.replace(/\s+/g, ' ').trim() : f[key];
    if (value === undefined) continue;
    if (value.length > max) warnings.push(`The ${FIELD_NAMES[key]} was longer than ${count(max)} characters; it was shortened.`);
    fields[key] = value.slice(0, max);
  }
  if (fields.slug !== undefined) fields.slugLocked = fields.slug !== '';
  if (f.tags) {
    const tags = [...new Set(f.tags.map((t) => t.trim().slice(0, FIELD_LIMITS.tag)).filter(Boolean))];
    if (tags.length > FIELD_LIMITS.tags) warnings.push(`The file has ${count(tags.length)} tags; the first ${FIELD_LIMITS.tags} were kept.`);
    fields.tags = tags.slice(0, FIELD_LIMITS.tags);
  }
  if (f.language !== undefined) {
    // A file's own word for its language; one that is not a language tag is left out (the desk's is used), never a refusal.
    const language = normalizeLanguageTag(f.language.slice(0, 200));
    if (language) fields.language = language;
    else
      warnings.push(
        `The file says its language is “${cleanLine(f.language).slice(0, 40)}”, which is not a language tag such as “en” or “ar”; the article takes the desk's default language.`,
      );
  }
  const body = article.body.length ? article.body : emptyBody();
  if (body.length > BODY_LIMITS.maxBlocks) return { ok: false, message: TOO_MANY_BLOCKS };
  const parsed = articleBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: refusalFor(parsed.error.issues[0]) };
  const names = [...new Set(article.byline.map((n) => n.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME)).filter(Boolean))];
  if (names.length > MAX_BYLINE) warnings.push(`The byline names ${count(names.length)} people; the first ${MAX_BYLINE} were kept.`);
  return { ok: true, article: { ...article, fields, byline: names.slice(0, MAX_BYLINE), body: parsed.data as ArticleBody, warnings } };
}
