/**
 * The article body as plain JSON: a Slate-compatible tree that every
 * serializer, checker and the editor share. Values are never `null`;
 * optional marks are simply absent.
 */
import { z } from 'zod';
import {
  relinkSuggestionSchema,
  restyleSuggestionSchema,
  suggestionMetaSchema,
  suggestionMetaShape,
  type FormatSuggestion,
  type RelinkSuggestion,
  type RestyleSuggestion,
  type SuggestionMeta,
} from './suggestions';

export const MARKS = ['bold', 'italic', 'underline', 'strikethrough', 'superscript', 'subscript'] as const;
export type Mark = (typeof MARKS)[number];

/** `ins`, `del` and `fmt` are suggestions (see ./suggestions.ts). */
export type FormattedText = {
  text: string;
  ins?: SuggestionMeta;
  del?: SuggestionMeta;
  fmt?: FormatSuggestion;
} & Partial<Record<Mark, true>>;

export type LinkElement = { type: 'link'; url: string; relink?: RelinkSuggestion; children: FormattedText[] };
export type InlineNode = FormattedText | LinkElement;

/** Suggestion keys any text block may carry (see ./suggestions.ts). */
export type BlockSuggestions = { restyle?: RestyleSuggestion; insBreak?: SuggestionMeta; delBreak?: SuggestionMeta };

export type ParagraphElement = { type: 'paragraph'; children: InlineNode[] } & BlockSuggestions;
export type HeadingElement = { type: 'heading'; level: 1 | 2; children: InlineNode[] } & BlockSuggestions;
export type BlockQuoteElement = { type: 'block-quote'; children: InlineNode[] } & BlockSuggestions;
export type PullQuoteElement = { type: 'pull-quote'; attribution: string; children: InlineNode[] } & BlockSuggestions;
/** Lists are flat: each item knows its list kind and nesting depth (0 = top level). */
export type ListItemElement = BlockSuggestions & {
  type: 'list-item';
  list: 'bulleted' | 'numbered';
  depth: number;
  children: InlineNode[];
};
export type SectionBreakElement = { type: 'section-break'; children: [FormattedText] };
export type ImageElement = {
  type: 'image';
  assetId: string;
  alt: string;
  caption: string;
  credit: string;
  children: [FormattedText];
};
/** A callout such as the seed page's "Uncommon Knowledge" box: a title and a rich body. */
export type PromoBoxElement = {
  type: 'promo-box';
  title: string;
  children: Array<ParagraphElement | ListItemElement>;
};
export type EditorsNoteElement = BlockSuggestions & {
  type: 'editors-note';
  kind: 'note' | 'correction';
  /** ISO date, YYYY-MM-DD. */
  date: string;
  children: InlineNode[];
};
export type EmbedElement = {
  type: 'embed';
  url: string;
  caption: string;
  children: [FormattedText];
};

/** How an insertable library block relates to its source entry. */
export type ReferenceMode = 'synced' | 'detached' | 'frozen';

export type AuthorBioSnapshot = {
  name: string;
  jobTitle: string;
  bio: InlineNode[];
  photoAssetId: string;
  readMoreUrl: string;
};
export type AuthorBioElement = {
  type: 'author-bio';
  authorId: string;
  mode: ReferenceMode;
  /** Version of the author entry the snapshot was taken from. */
  version: number;
  snapshot: AuthorBioSnapshot;
  children: [FormattedText];
};
export type DisclosureSnapshot = { title: string; text: InlineNode[]; policyUrl: string };
export type AiDisclosureElement = {
  type: 'ai-disclosure';
  templateId: string;
  mode: ReferenceMode;
  version: number;
  snapshot: DisclosureSnapshot;
  children: [FormattedText];
};

export type BlockElement =
  | ParagraphElement
  | HeadingElement
  | BlockQuoteElement
  | PullQuoteElement
  | ListItemElement
  | SectionBreakElement
  | ImageElement
  | PromoBoxElement
  | EditorsNoteElement
  | EmbedElement
  | AuthorBioElement
  | AiDisclosureElement;

export type ArticleElement = BlockElement | LinkElement;
export type BlockType = BlockElement['type'];
export type ArticleBody = BlockElement[];

/**
 * The attributes of each text block type besides `type` and `children`. Two people changing one
 * block's style at once merge attribute by attribute (e.g. a quote that kept a heading's `level`);
 * the editor's normalization and the reading of a synced document drop what the type does not have.
 */
export const TEXT_BLOCK_ATTRIBUTES = {
  paragraph: [],
  heading: ['level'],
  'block-quote': [],
  'pull-quote': ['attribution'],
  'list-item': ['list', 'depth'],
  'editors-note': ['kind', 'date'],
} as const satisfies Record<string, readonly string[]>;

/** Suggestion keys every text block may carry whatever its type (see ./suggestions.ts). */
export const TEXT_BLOCK_SUGGESTION_KEYS = ['restyle', 'insBreak', 'delBreak'] as const;

/** Keys of a text block its type does not have (see TEXT_BLOCK_ATTRIBUTES); empty for other blocks. */
export function foreignBlockKeys(block: { type?: unknown }): string[] {
  const type = String(block.type);
  if (!Object.hasOwn(TEXT_BLOCK_ATTRIBUTES, type)) return [];
  const allowed: readonly string[] = TEXT_BLOCK_ATTRIBUTES[type as keyof typeof TEXT_BLOCK_ATTRIBUTES];
  const kept: readonly string[] = TEXT_BLOCK_SUGGESTION_KEYS;
  return Object.keys(block).filter((key) => key !== 'type' && key !== 'children' && !allowed.includes(key) && !kept.includes(key));
}

/**
 * The type a block takes when it has none. Undoing a block's removal while another desk restyled it
 * can bring it back without its `type` (Yjs restores what the undo removed, not the other desk's
 * new value); a `level` left from a heading says what it was.
 */
export function typeOfUntypedBlock(block: { type?: unknown; level?: unknown }): 'heading' | 'paragraph' | undefined {
  if (typeof block.type === 'string') return undefined;
  return block.level === 1 || block.level === 2 ? 'heading' : 'paragraph';
}

/** Blocks whose content is edited through fields, not as text in the flow. */
export const VOID_BLOCK_TYPES = ['section-break', 'image', 'embed', 'author-bio', 'ai-disclosure'] as const;

// ---- Validation -----------------------------------------------------------
// Limits keep a hostile or corrupt payload from exhausting memory or the stack.
export const BODY_LIMITS = {
  maxBlocks: 50_000,
  maxTextLength: 200_000,
  maxUrlLength: 2_048,
  maxFieldLength: 2_000,
  maxListDepth: 6,
} as const;

const shortField = z.string().max(BODY_LIMITS.maxFieldLength);
const url = z.string().max(BODY_LIMITS.maxUrlLength);
// Voids carry one text child for Slate's sake; its content is ignored.
const voidChildren = () => z.tuple([formattedTextSchema]);

export const formattedTextSchema = z
  .object({
    text: z.string().max(BODY_LIMITS.maxTextLength),
    bold: z.literal(true).optional(),
    italic: z.literal(true).optional(),
    underline: z.literal(true).optional(),
    strikethrough: z.literal(true).optional(),
    superscript: z.literal(true).optional(),
    subscript: z.literal(true).optional(),
    ins: suggestionMetaSchema.optional(),
    del: suggestionMetaSchema.optional(),
    fmt: z
      .object({ ...suggestionMetaShape, before: z.array(z.enum(MARKS)).max(MARKS.length) })
      .strict()
      .optional(),
  })
  .strict();

export const linkSchema = z
  .object({ type: z.literal('link'), url, relink: relinkSuggestionSchema.optional(), children: z.array(formattedTextSchema).min(1) })
  .strict();

export const inlineSchema = z.union([formattedTextSchema, linkSchema]);
const inlines = z.array(inlineSchema).min(1).max(10_000);

const blockSuggestionShape = {
  restyle: restyleSuggestionSchema.optional(),
  insBreak: suggestionMetaSchema.optional(),
  delBreak: suggestionMetaSchema.optional(),
};

const paragraphSchema = z.object({ type: z.literal('paragraph'), ...blockSuggestionShape, children: inlines }).strict();
const listItemSchema = z
  .object({
    type: z.literal('list-item'),
    ...blockSuggestionShape,
    list: z.enum(['bulleted', 'numbered']),
    depth: z
      .number()
      .int()
      .min(0)
      .max(BODY_LIMITS.maxListDepth - 1),
    children: inlines,
  })
  .strict();
const modeSchema = z.enum(['synced', 'detached', 'frozen']);

export const blockSchema = z.discriminatedUnion('type', [
  paragraphSchema,
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), ...blockSuggestionShape, children: inlines }).strict(),
  z.object({ type: z.literal('block-quote'), ...blockSuggestionShape, children: inlines }).strict(),
  z.object({ type: z.literal('pull-quote'), attribution: shortField, ...blockSuggestionShape, children: inlines }).strict(),
  listItemSchema,
  z.object({ type: z.literal('section-break'), children: voidChildren() }).strict(),
  z
    .object({
      type: z.literal('image'),
      assetId: z.string().max(100),
      alt: shortField,
      caption: shortField,
      credit: shortField,
      children: voidChildren(),
    })
    .strict(),
  z
    .object({
      type: z.literal('promo-box'),
      title: shortField,
      children: z
        .array(z.union([paragraphSchema, listItemSchema]))
        .min(1)
        .max(1_000),
    })
    .strict(),
  z
    .object({
      type: z.literal('editors-note'),
      kind: z.enum(['note', 'correction']),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      ...blockSuggestionShape,
      children: inlines,
    })
    .strict(),
  z.object({ type: z.literal('embed'), url, caption: shortField, children: voidChildren() }).strict(),
  z
    .object({
      type: z.literal('author-bio'),
      authorId: z.string().max(100),
      mode: modeSchema,
      version: z.number().int().min(0),
      snapshot: z
        .object({
          name: shortField,
          jobTitle: shortField,
          bio: z.array(inlineSchema).max(1_000),
          photoAssetId: z.string().max(100),
          readMoreUrl: url,
        })
        .strict(),
      children: voidChildren(),
    })
    .strict(),
  z
    .object({
      type: z.literal('ai-disclosure'),
      templateId: z.string().max(100),
      mode: modeSchema,
      version: z.number().int().min(0),
      snapshot: z.object({ title: shortField, text: z.array(inlineSchema).max(1_000), policyUrl: url }).strict(),
      children: voidChildren(),
    })
    .strict(),
]);

export const articleBodySchema = z.array(blockSchema).min(1).max(BODY_LIMITS.maxBlocks);

// ---- Helpers --------------------------------------------------------------

export const emptyBody = (): ArticleBody => [{ type: 'paragraph', children: [{ text: '' }] }];

export const paragraph = (text: string): ParagraphElement => ({ type: 'paragraph', children: [{ text }] });

export function isLink(node: InlineNode): node is LinkElement {
  return 'type' in node && node.type === 'link';
}

export function inlineText(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (isLink(node)) for (const t of node.children) out += t.text;
    else out += node.text;
  }
  return out;
}

/** The readable text of one block, as used for search and word counts. */
export function blockText(block: BlockElement): string {
  switch (block.type) {
    case 'section-break':
    case 'image':
      return block.type === 'image' ? [block.caption, block.credit].filter(Boolean).join(' ') : '';
    case 'embed':
      return block.caption;
    case 'promo-box':
      return [block.title, ...block.children.map((c) => inlineText(c.children))].filter(Boolean).join('\n');
    case 'pull-quote':
      return [inlineText(block.children), block.attribution].filter(Boolean).join(' — ');
    case 'author-bio':
      return [block.snapshot.name, block.snapshot.jobTitle, inlineText(block.snapshot.bio)].filter(Boolean).join('\n');
    case 'ai-disclosure':
      return inlineText(block.snapshot.text);
    default:
      return inlineText(block.children);
  }
}

/** Plain text of a whole body, one block per line (used for FTS and counts). */
export function bodyPlainText(body: readonly BlockElement[]): string {
  return body.map(blockText).join('\n');
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
