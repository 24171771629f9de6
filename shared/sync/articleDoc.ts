/**
 * The one conversion between an article's plain JSON (shared/model) and its Yjs document.
 *
 * Layout of an article document (schema 1):
 * - `body`: the Y.XmlText that @slate-yjs/core binds to the editor (`withYjs(editor, doc.get('body', Y.XmlText))`),
 *   written and read with its own `slateNodesToInsertDelta` / `yTextToSlateElement`.
 * - `fields`: a Y.Map; the free-text details are Y.Text (merged at character level), the others plain values
 *   (last writer wins), and `aiDeclaration` is a nested Y.Map with `uses` plain and `tools`/`note` as Y.Text.
 * - `meta`: a Y.Map with `schema`.
 *
 * Status, owner and dates are not in the document: the server owns them (a client could otherwise
 * approve its own article by editing a map). The structure is created once, by whoever creates the
 * article (the server, from the JSON a desk sends); clients only edit what exists, so two desks never
 * both create the same Y.Text (the duplicated-content bug).
 */
import * as Y from 'yjs';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import { articleFieldsSchema, noAiDeclaration, type AiDeclaration, type ArticleFields } from '../model/article';
import { DEFAULT_LANGUAGE } from '../language/languageTag';
import { emptyBody, foreignBlockKeys, isLink, typeOfUntypedBlock, type ArticleBody, type BlockElement, type InlineNode } from '../model/document';

export const ARTICLE_DOC_SCHEMA = 1;

export const BODY_KEY = 'body';
export const FIELDS_KEY = 'fields';
export const META_KEY = 'meta';

/** Details merged at character level. */
export const TEXT_FIELDS = ['headline', 'dek', 'slug', 'section', 'dateline', 'seoTitle', 'seoDescription'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Details where the last writer wins. */
export const PLAIN_FIELDS = ['slugLocked', 'tags', 'bylineAuthorIds', 'plannedLength', 'deadline', 'language'] as const;
export type PlainField = (typeof PLAIN_FIELDS)[number];

export const bodyType = (doc: Y.Doc): Y.XmlText => doc.get(BODY_KEY, Y.XmlText) as Y.XmlText;
export const fieldsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(FIELDS_KEY);

/** Fills an empty document with an article's content, in one transaction. */
export function writeArticleToDoc(doc: Y.Doc, fields: ArticleFields, origin: unknown = null): void {
  doc.transact(() => {
    const body = bodyType(doc);
    if (body.length > 0 || fieldsMap(doc).size > 0) throw new Error('The article document already has content; it is created only once.');
    body.applyDelta(slateNodesToInsertDelta(fields.body as unknown as SlateNode[]), { sanitize: false });
    const map = fieldsMap(doc);
    for (const name of TEXT_FIELDS) map.set(name, new Y.Text(fields[name]));
    for (const name of PLAIN_FIELDS) map.set(name, structuredClone(fields[name]));
    const ai = new Y.Map<unknown>();
    map.set('aiDeclaration', ai);
    ai.set('uses', [...fields.aiDeclaration.uses]);
    ai.set('tools', new Y.Text(fields.aiDeclaration.tools));
    ai.set('note', new Y.Text(fields.aiDeclaration.note));
    doc.getMap(META_KEY).set('schema', ARTICLE_DOC_SCHEMA);
  }, origin);
}

export function articleToDoc(fields: ArticleFields): Y.Doc {
  const doc = new Y.Doc();
  writeArticleToDoc(doc, fields);
  return doc;
}

const textOf = (value: unknown): string => (value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '');

/**
 * The article's fields as plain JSON, read as found (missing parts take their empty value).
 * It is not validated: see `readArticleDoc` for content that came from elsewhere.
 */
export function docToArticleFields(doc: Y.Doc): ArticleFields {
  const root = bodyType(doc);
  const body = root.length === 0 ? emptyBody() : normalizeBody(yTextToSlateElement(root).children as unknown as ArticleBody);
  return { ...docToDetails(doc), body };
}

export type ArticleDetails = Omit<ArticleFields, 'body'>;

/** Every field but the body: cheap to read again on each change of a detail. */
export function docToDetails(doc: Y.Doc): ArticleDetails {
  const map = fieldsMap(doc);
  const ai = map.get('aiDeclaration');
  const aiDeclaration: AiDeclaration =
    ai instanceof Y.Map
      ? { uses: (Array.isArray(ai.get('uses')) ? ai.get('uses') : []) as AiDeclaration['uses'], tools: textOf(ai.get('tools')), note: textOf(ai.get('note')) }
      : noAiDeclaration();
  const plain = <K extends PlainField>(name: K, fallback: ArticleFields[K]): ArticleFields[K] =>
    map.has(name) ? (structuredClone(map.get(name)) as ArticleFields[K]) : fallback;
  return {
    headline: textOf(map.get('headline')),
    dek: textOf(map.get('dek')),
    slug: textOf(map.get('slug')),
    slugLocked: plain('slugLocked', false),
    section: textOf(map.get('section')),
    tags: plain('tags', []),
    bylineAuthorIds: plain('bylineAuthorIds', []),
    dateline: textOf(map.get('dateline')),
    seoTitle: textOf(map.get('seoTitle')),
    seoDescription: textOf(map.get('seoDescription')),
    plannedLength: plain('plannedLength', 0),
    deadline: plain('deadline', ''),
    // Documents made before articles had a language are English, as the desk was.
    language: plain('language', DEFAULT_LANGUAGE),
    aiDeclaration,
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes changed details into the document in one transaction: text fields as the smallest edit
 * (so they merge with a colleague's typing), the others only when their value changed.
 */
export function writeDetailsToDoc(doc: Y.Doc, patch: Partial<ArticleDetails>, origin: unknown = null): void {
  const map = fieldsMap(doc);
  doc.transact(() => {
    for (const name of TEXT_FIELDS) {
      const next = patch[name];
      const text = map.get(name);
      if (next !== undefined && text instanceof Y.Text) setTextField(text, next);
    }
    for (const name of PLAIN_FIELDS) {
      const next = patch[name];
      if (next !== undefined && !sameJson(map.get(name), next)) map.set(name, structuredClone(next));
    }
    const ai = map.get('aiDeclaration');
    if (patch.aiDeclaration && ai instanceof Y.Map) {
      if (!sameJson(ai.get('uses'), patch.aiDeclaration.uses)) ai.set('uses', [...patch.aiDeclaration.uses]);
      const tools = ai.get('tools');
      const note = ai.get('note');
      if (tools instanceof Y.Text) setTextField(tools, patch.aiDeclaration.tools);
      if (note instanceof Y.Text) setTextField(note, patch.aiDeclaration.note);
    }
  }, origin);
}

export type ReadArticleResult = { ok: true; fields: ArticleFields } | { ok: false; reason: string };

/** Reads and validates a document that may have been edited by anyone. Never throws. */
export function readArticleDoc(doc: Y.Doc): ReadArticleResult {
  let fields: ArticleFields;
  try {
    fields = docToArticleFields(doc);
  } catch {
    return { ok: false, reason: 'The article document could not be read: its structure is not an article.' };
  }
  const parsed = articleFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return { ok: false, reason: `The article document has content the desk does not accept${where ? ` (at ${where})` : ''}.` };
  }
  return { ok: true, fields: parsed.data as ArticleFields };
}

/**
 * Replaces a text field's content with the smallest edit (common prefix and suffix kept), so a
 * field typed into as a whole still merges at character level with someone else's edits.
 */
export function setTextField(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  const apply = () => {
    text.delete(start, current.length - start - end);
    text.insert(start, next.slice(start, next.length - end));
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

// ---- Body normalization ---------------------------------------------------
// Yjs keeps no empty text runs, so the empty text Slate puts around a link does not survive;
// put it back the way Slate's own normalization would, so a read body equals the written one.

function normalizeInlines(children: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of children) {
    if (isLink(node)) {
      const before = out[out.length - 1];
      if (before === undefined || isLink(before)) out.push({ text: '' });
      out.push({ ...node, children: node.children.length > 0 ? node.children : [{ text: '' }] });
    } else out.push(node);
  }
  const last = out[out.length - 1];
  if (last === undefined || isLink(last)) out.push({ text: '' });
  return out;
}

/** A text block without the attributes its type does not have (left by concurrent style changes). */
function withoutForeignKeys<B extends BlockElement>(block: B): B {
  const foreign = foreignBlockKeys(block);
  if (foreign.length === 0) return block;
  const copy: Record<string, unknown> = { ...block };
  for (const key of foreign) delete copy[key];
  return copy as B;
}

function normalizeBlock(read: BlockElement): BlockElement {
  const untyped = typeOfUntypedBlock(read);
  const block = untyped ? ({ ...read, type: untyped } as BlockElement) : read;
  if (block.type === 'promo-box')
    return { ...block, children: block.children.map((child) => ({ ...withoutForeignKeys(child), children: normalizeInlines(child.children) })) };
  if (Array.isArray(block.children)) return { ...withoutForeignKeys(block), children: normalizeInlines(block.children as InlineNode[]) } as BlockElement;
  return block;
}

export function normalizeBody(body: ArticleBody): ArticleBody {
  return body.map(normalizeBlock);
}
