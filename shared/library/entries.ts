/**
 * Library entries as they cross process boundaries: authors (with profile links)
 * and AI-use disclosure templates (with the declared uses each one covers), plus
 * the request schemas that validate what a writer saves into them.
 */
import { z } from 'zod';
import { isAllowedLinkUrl } from '../security/urlPolicy';
import { AI_USES, type AiUse, type Author, type DisclosureTemplate } from '../model/article';
import { BODY_LIMITS, inlineSchema, isLink, type InlineNode } from '../model/document';

export type ProfileLink = { label: string; url: string };

/** `newsroom`: the entry is the newsroom server's (editors change it there; writers insert it). */
export type AuthorEntry = Author & { profileLinks: ProfileLink[]; newsroom?: true };
/** A template that covers no uses is a "no generative AI used" statement: it fits only an empty declaration. */
export type DisclosureEntry = DisclosureTemplate & { covers: AiUse[]; newsroom?: true };

export type AuthorVersion = {
  authorId: string;
  version: number;
  name: string;
  jobTitle: string;
  bio: InlineNode[];
  email: string;
  photoAssetId: string;
  readMoreUrl: string;
  profileLinks: ProfileLink[];
  createdAt: string;
};

export type DisclosureVersion = {
  templateId: string;
  version: number;
  title: string;
  text: InlineNode[];
  policyUrl: string;
  createdAt: string;
};

/** What an edit in the library changed besides the entry itself. */
export type LibraryEditResult<E> = { entry: E; updatedArticles: number };

export const LIBRARY_LIMITS = { name: 200, jobTitle: 200, email: 320, label: 100, profileLinks: 20 } as const;

const linksAllowed = (nodes: readonly InlineNode[]) => nodes.every((n) => !isLink(n) || isAllowedLinkUrl(n.url));

/** Short rich text (bold, italic, links): links only to http, https or mailto addresses. */
export const libraryRichTextSchema = z
  .array(inlineSchema)
  .max(1_000)
  .refine(linksAllowed, { message: 'Links must be web (http, https) or email (mailto) addresses.' });

const optionalWebUrl = z
  .string()
  .max(BODY_LIMITS.maxUrlLength)
  .refine((u) => u === '' || (isAllowedLinkUrl(u) && !u.startsWith('mailto:')), { message: 'Use a web address (http or https).' });

const email = z
  .string()
  .max(LIBRARY_LIMITS.email)
  .refine((e) => e === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), { message: 'That is not an email address.' });

export const profileLinkSchema = z
  .object({
    label: z.string().max(LIBRARY_LIMITS.label),
    url: z.string().max(BODY_LIMITS.maxUrlLength).refine(isAllowedLinkUrl, { message: 'Links must be web or email addresses.' }),
  })
  .strict();

export const authorInputSchema = z
  .object({
    name: z.string().trim().min(1, 'An author needs a name.').max(LIBRARY_LIMITS.name),
    jobTitle: z.string().trim().max(LIBRARY_LIMITS.jobTitle),
    bio: libraryRichTextSchema,
    email,
    photoAssetId: z.string().max(100),
    readMoreUrl: optionalWebUrl,
    profileLinks: z.array(profileLinkSchema).max(LIBRARY_LIMITS.profileLinks),
  })
  .strict();
export type AuthorInput = z.infer<typeof authorInputSchema>;

export const disclosureInputSchema = z
  .object({
    title: z.string().trim().min(1, 'A disclosure needs a title.').max(BODY_LIMITS.maxFieldLength),
    text: libraryRichTextSchema,
    policyUrl: optionalWebUrl,
    covers: z.array(z.enum(AI_USES)).max(AI_USES.length),
  })
  .strict();
export type DisclosureInput = z.infer<typeof disclosureInputSchema>;

export const emptyAuthorInput = (): AuthorInput => ({
  name: '',
  jobTitle: '',
  bio: [{ text: '' }],
  email: '',
  photoAssetId: '',
  readMoreUrl: '',
  profileLinks: [],
});

export const AI_USE_LABELS: Record<AiUse, string> = {
  research: 'research',
  drafting: 'drafting',
  editing: 'editing',
  translation: 'translation',
  transcription: 'transcription',
  images: 'images',
  other: 'other uses',
};

/** "research", "research and images", "research, editing and images". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
