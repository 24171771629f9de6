/**
 * YAML front matter (`---` … `---` at the top of a Markdown file) → article fields and byline
 * names, read by the `yaml` package: folded (`>`) and literal (`|`) values, quoted strings, flow
 * and block lists. The block is size-limited and aliases are capped, so a hostile block costs little.
 */
import { parseDocument } from 'yaml';
import type { ArticleFields } from '../model/article';

export type FrontMatter = { fields: Partial<ArticleFields>; byline: string[] };

/** Characters of front matter read: it holds a few short fields, so more is not front matter an article can use. */
export const MAX_FRONT_MATTER_LENGTH = 64 * 1024;
const MAX_ALIASES = 20;

const STRING_FIELDS = ['headline', 'dek', 'slug', 'section', 'dateline', 'seoTitle', 'seoDescription'] as const;

/** Front matter the importer cannot read, with the reason in plain words. */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
}

const FENCE = /^---[ \t]*$/;
const END = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits off the block between a first line `---` and the next `---` or `...` line, in one pass. */
export function splitFrontMatter(source: string): { yaml: string | undefined; body: string } {
  const firstEnd = source.indexOf('\n');
  if (firstEnd < 0 || !FENCE.test(source.slice(0, firstEnd))) return { yaml: undefined, body: source };
  let start = firstEnd + 1;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    if (END.test(source.slice(start, Math.min(end, start + 64)))) {
      return { yaml: source.slice(firstEnd + 1, Math.max(firstEnd + 1, start - 1)), body: source.slice(Math.min(end + 1, source.length)) };
    }
    start = end + 1;
  }
  return { yaml: undefined, body: source };
}

const scalar = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A list of names or tags: a YAML list, or one string. */
function list(v: unknown): string[] {
  const items = Array.isArray(v) ? v : [v];
  return items.map(scalar).filter((s): s is string => s !== undefined && s.trim() !== '');
}

/**
 * Reads the front matter block. Returns undefined when the block is YAML but not a mapping (a
 * Markdown rule and setext heading look like front matter); throws FrontMatterError when it
 * cannot be read.
 */
export function parseFrontMatter(yaml: string): FrontMatter | undefined {
  if (yaml.length > MAX_FRONT_MATTER_LENGTH) {
    throw new FrontMatterError(
      `The front matter at the top of this file (between the --- lines) is longer than ${MAX_FRONT_MATTER_LENGTH / 1024} KB, far more than an article's fields hold. Shorten it and import the file again.`,
    );
  }
  let data: unknown;
  try {
    // The failsafe schema reads every scalar as written: `slug: 007` stays "007", not the number 7.
    const doc = parseDocument(yaml, { schema: 'failsafe', uniqueKeys: false });
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      throw new FrontMatterError(
        `The front matter at the top of this file is not valid YAML${line ? ` (line ${line + 1} of the file)` : ''}. Correct it, or remove the lines between the --- markers, and import the file again.`,
      );
    }
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof FrontMatterError) throw error;
    // Alias bombs and nesting too deep for the parser end here.
    throw new FrontMatterError(
      'The front matter at the top of this file is too complex to read (it repeats or nests values too much). Simplify it, or remove the lines between the --- markers, and import the file again.',
    );
  }
  if (data === null || data === undefined) return { fields: {}, byline: [] };
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const values = data as Record<string, unknown>;
  const fields: Partial<ArticleFields> = {};
  for (const key of STRING_FIELDS) {
    const value = scalar(values[key]);
    // A folded or literal value ends in a newline; a field is one line of text.
    if (value !== undefined) fields[key] = value.trimEnd();
  }
  if ('tags' in values) fields.tags = list(values.tags);
  // `lang` as in Pandoc and Hugo, `language` as in Jekyll and our own export; the import checks the tag.
  const language = scalar(values.lang) ?? scalar(values.language);
  if (language !== undefined && language.trim() !== '') fields.language = language.trim();
  return { fields, byline: 'byline' in values ? list(values.byline) : [] };
}
