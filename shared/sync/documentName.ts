/**
 * How a desk and the newsroom server name an article's Yjs document: `article:<uuid>`.
 * One parser for both sides, so a name the server accepts is exactly a name a desk can make.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PREFIX = 'article:';
/** Longer names are refused before any pattern runs. */
const MAX_NAME_LENGTH = PREFIX.length + 36;

/** Article ids are lower-case UUIDs (the desk makes them with `crypto.randomUUID`). */
export function isArticleId(value: unknown): value is string {
  return typeof value === 'string' && value.length === 36 && UUID.test(value);
}

export function articleDocumentName(articleId: string): string {
  if (!isArticleId(articleId)) throw new Error(`“${String(articleId).slice(0, 60)}” is not an article id (a lower-case UUID).`);
  return PREFIX + articleId;
}

/** The article id a document name stands for, or undefined for anything else. */
export function parseArticleDocumentName(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length !== MAX_NAME_LENGTH || !name.startsWith(PREFIX)) return undefined;
  const id = name.slice(PREFIX.length);
  return isArticleId(id) ? id : undefined;
}
