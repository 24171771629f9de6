/** The shared libraries: authors and AI-use disclosure templates, and the library blocks articles carry. */
import { z } from 'zod';
import {
  authorInputSchema,
  disclosureInputSchema,
  type AuthorEntry,
  type AuthorVersion,
  type DisclosureEntry,
  type DisclosureVersion,
  type LibraryEditResult,
} from '../../library/entries';
import { channel, idSchema as id } from '../channel';

export type FreezeResult = { frozen: number; version: number; updatedAt: string };

const version = z.number().int().min(1);
const listRequest = z.object({ includeArchived: z.boolean().optional(), search: z.string().max(200).optional() }).strict();

export const libraryChannels = {
  'authors:list': channel<AuthorEntry[]>()(listRequest),
  'authors:get': channel<AuthorEntry>()(z.object({ id }).strict()),
  'authors:create': channel<AuthorEntry>()(z.object({ author: authorInputSchema }).strict()),
  /** Adds a version if the stored one is still baseVersion (else CONFLICT) and updates synced bios in drafts. */
  'authors:update': channel<LibraryEditResult<AuthorEntry>>()(z.object({ id, baseVersion: version, author: authorInputSchema }).strict()),
  'authors:setArchived': channel<AuthorEntry>()(z.object({ id, archived: z.boolean() }).strict()),
  /** Refused (NOT_ALLOWED) while any article names the author or carries their bio. */
  'authors:delete': channel<null>()(z.object({ id, confirm: z.literal(true) }).strict()),
  'authors:versions': channel<AuthorVersion[]>()(z.object({ id }).strict()),

  'disclosures:list': channel<DisclosureEntry[]>()(listRequest),
  'disclosures:create': channel<DisclosureEntry>()(z.object({ disclosure: disclosureInputSchema }).strict()),
  'disclosures:update': channel<LibraryEditResult<DisclosureEntry>>()(z.object({ id, baseVersion: version, disclosure: disclosureInputSchema }).strict()),
  'disclosures:setArchived': channel<DisclosureEntry>()(z.object({ id, archived: z.boolean() }).strict()),
  'disclosures:delete': channel<null>()(z.object({ id, confirm: z.literal(true) }).strict()),
  'disclosures:versions': channel<DisclosureVersion[]>()(z.object({ id }).strict()),

  /** Freezes the article's synced library blocks (as approval does); refused when the AI disclosure does not fit. */
  'articles:freezeLibraryBlocks': channel<FreezeResult>()(z.object({ id }).strict()),
} as const;
