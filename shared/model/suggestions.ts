/**
 * Suggestions (tracked changes) as plain JSON keys on the body's nodes, so they travel unchanged
 * through saves, bundles and the Yjs sync (slate-yjs keeps leaf keys as text formatting attributes
 * and element keys as attributes). One suggestion is every node that carries one id.
 *
 * - text leaves: `ins` (suggested insertion), `del` (suggested deletion, shown struck through),
 *   `fmt` (suggested mark change; `before` lists the marks the text had, the leaf shows the new ones);
 * - text blocks: `restyle` (suggested type/attribute change; `before` = {type, ...attributes}) and
 *   `insBreak` (split off the block before by a suggested paragraph break), `delBreak` (the break
 *   before it suggested for deletion: accepted, the block joins the one before);
 * - links: `relink` (suggested URL; `before` = the URL before, null when the link was added).
 */
import { z } from 'zod';
import type { Mark } from './document';

export type SuggestionMeta = { id: string; authorId: string; authorName: string; at: string /* ISO 8601 */ };
export type FormatSuggestion = SuggestionMeta & { before: Mark[] };
export type RestyleSuggestion = SuggestionMeta & { before: Record<string, unknown> };
export type RelinkSuggestion = SuggestionMeta & { before: string | null };

/** Leaf keys. */
export const LEAF_SUGGESTION_KEYS = ['ins', 'del', 'fmt'] as const;
/** Text block keys (kept by normalization and the Yjs reading whatever the block's type). */
export const BLOCK_SUGGESTION_KEYS = ['restyle', 'insBreak', 'delBreak'] as const;
/** Link keys. */
export const LINK_SUGGESTION_KEYS = ['relink'] as const;

export type SuggestionKind = 'insert' | 'delete' | 'format' | 'restyle' | 'break' | 'join' | 'link';

export const SUGGESTION_LIMITS = { maxIdLength: 100, maxNameLength: 200, maxAtLength: 40 } as const;

export const suggestionMetaShape = {
  id: z.string().min(1).max(SUGGESTION_LIMITS.maxIdLength),
  authorId: z.string().max(SUGGESTION_LIMITS.maxIdLength),
  authorName: z.string().max(SUGGESTION_LIMITS.maxNameLength),
  at: z.string().max(SUGGESTION_LIMITS.maxAtLength),
};

export const suggestionMetaSchema = z.object(suggestionMetaShape).strict();

/** The attributes a block had before a suggested restyle: a text block's type and its own attributes. */
export const restyleBeforeSchema = z
  .object({
    type: z.enum(['paragraph', 'heading', 'block-quote', 'pull-quote', 'list-item', 'editors-note']),
    level: z.union([z.literal(1), z.literal(2)]).optional(),
    attribution: z.string().max(2_000).optional(),
    list: z.enum(['bulleted', 'numbered']).optional(),
    depth: z.number().int().min(0).max(5).optional(),
    kind: z.enum(['note', 'correction']).optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();

// Typed as the model's open record: the schema checks it strictly, the code reads it as a block's attributes.
const restyleBefore = restyleBeforeSchema as unknown as z.ZodType<Record<string, unknown>>;
export const restyleSuggestionSchema = z.object({ ...suggestionMetaShape, before: restyleBefore }).strict();
export const relinkSuggestionSchema = z.object({ ...suggestionMetaShape, before: z.string().max(2_048).nullable() }).strict();
