/**
 * ninjs 2.x and 3.x (IPTC's JSON news format) → an imported article. Reads what our exporter
 * writes and what other systems commonly send: `headlines`/`headline`, `bodies`/`body_html`/
 * `body_text`, `by`/`people`, `subjects`, `slugline`, `located`. HTML bodies go through the same
 * sanitising converter as pasted HTML.
 */
import { htmlToBlocks } from '../convert/fromHtml';
import { textToBlocksCounted } from '../convert/fromText';
import type { ArticleFields } from '../model/article';
import type { ImportedArticle } from './importedArticle';
import { droppedBlocksWarning } from './importText';

export type NinjsImport = { ok: true; article: ImportedArticle } | { ok: false; message: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject).slice(0, 1_000) : []);

/** Reads `contentType` (3.x) or `contenttype` (2.x). */
const contentTypeOf = (o: Json) => (str(o.contentType) ?? str(o.contenttype) ?? 'text/plain').toLowerCase();

function byRole(items: Json[], role: string): Json | undefined {
  return items.find((i) => str(i.role) === role);
}

function splitNames(by: string): string[] {
  // Spaces are trimmed after the split: `\s*` around the separator backtracks over every run of spaces (quadratic).
  return by
    .trimStart()
    .replace(/^by\s/i, '')
    .split(/,|\band\b|&/i)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Parses ninjs JSON text. A JSON value that is not a ninjs news item is refused with a reason. */
export function importNinjs(json: string): NinjsImport {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, message: 'The file is not valid JSON. Nothing was imported.' };
  }
  if (!isObject(doc)) return { ok: false, message: 'The file is not a ninjs news item (expected a JSON object). Nothing was imported.' };

  const headlines = arr(doc.headlines);
  const headline = str((byRole(headlines, 'main') ?? headlines[0])?.value) ?? str(doc.headline);
  const descriptions = arr(doc.descriptions);
  const dek = str(byRole(headlines, 'subheadline')?.value) ?? str(byRole(descriptions, 'summary')?.value) ?? str(doc.description_text);

  const bodies = arr(doc.bodies);
  const mainBody = byRole(bodies, 'main') ?? bodies[0];
  let html: string | undefined;
  let text: string | undefined;
  if (mainBody && typeof mainBody.value === 'string') {
    if (contentTypeOf(mainBody).includes('html')) html = mainBody.value;
    else text = mainBody.value;
  } else {
    html = str(doc.body_html);
    text = html === undefined ? str(doc.body_text) : undefined;
  }
  if (headline === undefined && html === undefined && text === undefined) {
    return { ok: false, message: 'The JSON file is not a ninjs news item: it has no headline and no body. Nothing was imported.' };
  }

  const warnings: string[] = [];
  let body: ImportedArticle['body'] = [];
  let images: ImportedArticle['images'] = [];
  if (html !== undefined) {
    const converted = htmlToBlocks(html);
    body = converted.blocks;
    images = converted.images;
    if (converted.droppedImages > 0) warnings.push(`${converted.droppedImages} linked image(s) were left out: only embedded images are imported.`);
    if (converted.droppedBlocks > 0) warnings.push(droppedBlocksWarning(converted.droppedBlocks));
  } else if (text !== undefined) {
    const converted = textToBlocksCounted(text);
    body = converted.blocks;
    if (converted.droppedBlocks > 0) warnings.push(droppedBlocksWarning(converted.droppedBlocks));
  }

  const fields: Partial<ArticleFields> = {};
  if (headline !== undefined) fields.headline = headline;
  if (dek !== undefined) fields.dek = dek;
  const slug = str(doc.slugline);
  if (slug) fields.slug = slug;
  const located = str(doc.located);
  if (located) fields.dateline = located;
  const language = str(doc.language);
  if (language) fields.language = language;
  const seoTitle = str(byRole(headlines, 'seo')?.value);
  if (seoTitle) fields.seoTitle = seoTitle;
  const seoDescription = str(byRole(descriptions, 'seo')?.value);
  if (seoDescription) fields.seoDescription = seoDescription;

  const tags: string[] = [];
  for (const s of arr(doc.subjects)) {
    const name = str(s.name);
    if (!name) continue;
    if (str(s.rel) === 'section' && fields.section === undefined) fields.section = name;
    else tags.push(name);
  }
  if (tags.length) fields.tags = tags;

  const people = arr(doc.people)
    .filter((p) => str(p.rel) === 'author' || str(p.role) === 'author')
    .map((p) => str(p.name))
    .filter((n): n is string => !!n);
  const by = str(doc.by);
  const byline = people.length ? people : by ? splitNames(by) : [];

  return { ok: true, article: { fields, byline, body, images, warnings } };
}
