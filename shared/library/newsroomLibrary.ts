/**
 * The newsroom's shared libraries as the server keeps them and desks fetch them: one entry per
 * author, AI-use disclosure template or house-style rule, its data checked with the same schemas the desk's own
 * library uses (`entries.ts`), a version that moves with every change of its words, an archive flag
 * instead of deletion, and the newsroom-wide sequence number of its last change (for `?after=N`).
 */
import { z } from 'zod';
import { styleRuleInputSchema, type StyleRuleInput } from '../language/style/rules';
import { authorInputSchema, disclosureInputSchema, type AuthorInput, type DisclosureInput } from './entries';

export const LIBRARY_KINDS = ['author', 'disclosure', 'style-rule'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/**
 * What `GET /api/library` sends a desk that does not name the kinds it reads: desks from before the
 * house style would refuse a whole answer with a kind they do not know.
 */
export const FIRST_LIBRARY_KINDS: readonly LibraryKind[] = ['author', 'disclosure'];

/** Desks choose ids (uuids, or the seeded templates' names such as `disclosure-no-generative-ai`). */
export const libraryEntryIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');

export type LibraryData<K extends LibraryKind> = K extends 'author' ? AuthorInput : K extends 'disclosure' ? DisclosureInput : StyleRuleInput;

export const libraryDataSchema = { author: authorInputSchema, disclosure: disclosureInputSchema, 'style-rule': styleRuleInputSchema } as const;

const common = {
  id: libraryEntryIdSchema,
  version: z.number().int().min(1),
  archived: z.boolean(),
  updatedAt: z.string().max(40),
  /** Who changed it last (the account's name as it was then). */
  updatedBy: z.object({ id: z.string().max(100), name: z.string().max(200) }).strict(),
  sequence: z.number().int().min(1),
};

export const newsroomLibraryEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('author'), data: authorInputSchema, ...common }).strict(),
  z.object({ kind: z.literal('disclosure'), data: disclosureInputSchema, ...common }).strict(),
  z.object({ kind: z.literal('style-rule'), data: styleRuleInputSchema, ...common }).strict(),
]);
export type NewsroomLibraryEntry = z.infer<typeof newsroomLibraryEntrySchema>;

/** `GET /api/library?after=N`: the entries changed after N, oldest change first, and the newest sequence number. */
export const libraryFetchAnswerSchema = z.object({ entries: z.array(newsroomLibraryEntrySchema), sequence: z.number().int().min(0) }).strict();
export type LibraryFetchAnswer = z.infer<typeof libraryFetchAnswerSchema>;

/** Who may change the newsroom's libraries, in the words the desk and the server both use. */
export const LIBRARY_EDITORS_SENTENCE = 'Only editors change the newsroom’s libraries; writers insert their entries.';
