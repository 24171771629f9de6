/**
 * The article bundle (`.newsroom`): one gzip'd JSON file carrying an article with its images, the
 * authors and disclosure versions it references, and (when the store has them) its revisions and
 * comments. Validated with zod before anything is written; unknown keys are refused. Every part
 * has a fixed shape (nothing nests without bound) and the JSON's nesting is checked, in one linear
 * pass, before it is parsed.
 */
import { z } from 'zod';
import { commentAnchorSchema } from '../ipc/channels/review';
import {
  AI_USES,
  ARTICLE_STATUSES,
  articleFieldsWithoutLanguageSchema,
  richTextSchema,
  type AiUse,
  type ArticleFields,
  type ArticleStatus,
  type Author,
} from '../model/article';
import type { InlineNode } from '../model/document';
import { IMAGE_MIME_TYPES, MAX_ASSET_BYTES, type ImageMimeType } from '../ipc/channels/assets';
import { profileLinkSchema, LIBRARY_LIMITS, type ProfileLink } from '../library/entries';
import { unwrapUnsafeLinks } from '../security/unsafeLinks';

/** An article's fields in a bundle: bundles written before articles had a language read as English. */
const bundleFieldsSchema = articleFieldsWithoutLanguageSchema;

export const BUNDLE_FORMAT = 'newsroom-bundle';
/** 2 added authors' profile links and versions and the uses a disclosure template covers; version 1 bundles still import. */
export const BUNDLE_FORMAT_VERSION = 2;

/** Deeper than any bundle the desk writes (about 10 levels), far below what would strain a parser. */
export const MAX_BUNDLE_JSON_DEPTH = 64;

/** What a disclosure template of a version 1 bundle covers: the library's default for templates that predate coverage. */
const LEGACY_COVERS: AiUse[] = AI_USES.filter((u) => u !== 'images');

export const BUNDLE_LIMITS = {
  assets: 500,
  authors: 100,
  disclosures: 50,
  revisions: 2_000,
  comments: 5_000,
  text: 20_000,
  /** Newsroom-dictionary words the article uses, and words ignored in it. */
  words: 5_000,
} as const;

const id = z.string().min(1).max(100);
const isoDate = z.string().max(40);
const text = z.string().max(BUNDLE_LIMITS.text);

/** An author as a bundle carries it: the library entry at its current version (bio blocks name it). */
export type BundleAuthor = Omit<Author, 'updatedAt'> & { profileLinks: ProfileLink[] };

export type BundleDisclosureVersion = { version: number; title: string; text: InlineNode[]; policyUrl: string; createdAt: string };
export type BundleDisclosure = { id: string; currentVersion: number; archived: boolean; covers: AiUse[]; versions: BundleDisclosureVersion[] };
export type BundleAsset = { id: string; fileName: string; mimeType: ImageMimeType; dataBase64: string };
/** A stored snapshot of the article's fields (the review workflow's revisions table). */
export type BundleRevision = {
  kind: 'status' | 'auto' | 'manual' | 'restore';
  label: string;
  status: ArticleStatus;
  articleVersion: number;
  by: string;
  role: '' | 'writer' | 'editor';
  at: string;
  fields: ArticleFields;
};
export type BundleCommentMessage = { id: string; by: string; role: 'writer' | 'editor'; text: string; at: string };
/** A review comment thread; `anchor` is null for a thread whose text was deleted (orphaned). */
export type BundleComment = {
  id: string;
  anchor: z.infer<typeof commentAnchorSchema> | null;
  quote: string;
  resolvedAt: string;
  resolvedBy: string;
  createdAt: string;
  messages: BundleCommentMessage[];
  /** The thread answers the suggestion of this id (in the article's body), when it does. */
  suggestionId?: string;
};

export type BundleArticle = ArticleFields & {
  id: string;
  status: ArticleStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ArticleBundle = {
  format: typeof BUNDLE_FORMAT;
  formatVersion: 1 | typeof BUNDLE_FORMAT_VERSION;
  exportedAt: string;
  generator: string;
  article: BundleArticle;
  authors: BundleAuthor[];
  disclosures: BundleDisclosure[];
  assets: BundleAsset[];
  revisions?: BundleRevision[];
  comments?: BundleComment[];
  /** Spelling: the newsroom dictionary's words the article uses, and the words ignored in it. Absent in older bundles. */
  spelling?: BundleSpelling;
};

export type BundleSpelling = { newsroomWords: string[]; ignoredWords: string[] };

const authorSchema = z
  .object({
    id,
    name: z.string().max(300),
    jobTitle: z.string().max(300),
    bio: richTextSchema,
    email: z.string().max(320),
    photoAssetId: z.string().max(100),
    readMoreUrl: z.string().max(2_048),
    profileLinks: z.array(profileLinkSchema).max(LIBRARY_LIMITS.profileLinks).default([]),
    archived: z.boolean(),
    version: z.number().int().min(1).default(1),
  })
  .strict();

const disclosureSchema = z
  .object({
    id,
    currentVersion: z.number().int().min(1),
    archived: z.boolean(),
    covers: z.array(z.enum(AI_USES)).max(AI_USES.length).default(LEGACY_COVERS),
    versions: z
      .array(
        z
          .object({
            version: z.number().int().min(1),
            title: z.string().max(300),
            text: richTextSchema,
            policyUrl: z.string().max(2_048),
            createdAt: isoDate,
          })
          .strict(),
      )
      .min(1)
      .max(1_000),
  })
  .strict()
  .superRefine((d, ctx) => {
    const numbers = new Set(d.versions.map((v) => v.version));
    if (numbers.size !== d.versions.length) ctx.addIssue({ code: 'custom', path: ['versions'], message: 'two versions share a number' });
    if (!numbers.has(d.currentVersion)) ctx.addIssue({ code: 'custom', path: ['currentVersion'], message: 'the current version is missing' });
  });

const assetSchema = z
  .object({
    id,
    fileName: z.string().min(1).max(255),
    mimeType: z.enum(IMAGE_MIME_TYPES),
    dataBase64: z
      .string()
      .min(1)
      .max(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  })
  .strict();

const revisionSchema = z
  .object({
    kind: z.enum(['status', 'auto', 'manual', 'restore']),
    label: z.string().max(300),
    status: z.enum(ARTICLE_STATUSES),
    articleVersion: z.number().int().min(0),
    by: z.string().max(300),
    role: z.enum(['', 'writer', 'editor']),
    at: isoDate,
    fields: bundleFieldsSchema,
  })
  .strict();

const commentSchema = z
  .object({
    id,
    anchor: commentAnchorSchema.nullable(),
    quote: text,
    resolvedAt: isoDate,
    resolvedBy: z.string().max(300),
    createdAt: isoDate,
    messages: z.array(z.object({ id, by: z.string().max(300), role: z.enum(['writer', 'editor']), text, at: isoDate }).strict()).max(500),
    suggestionId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(BUNDLE_FORMAT_VERSION)]),
    exportedAt: isoDate,
    generator: z.string().max(200),
    article: bundleFieldsSchema.extend({
      id,
      status: z.enum(ARTICLE_STATUSES),
      version: z.number().int().min(1),
      createdAt: isoDate,
      updatedAt: isoDate,
    }),
    authors: z.array(authorSchema).max(BUNDLE_LIMITS.authors),
    disclosures: z.array(disclosureSchema).max(BUNDLE_LIMITS.disclosures),
    assets: z.array(assetSchema).max(BUNDLE_LIMITS.assets),
    revisions: z.array(revisionSchema).max(BUNDLE_LIMITS.revisions).optional(),
    comments: z.array(commentSchema).max(BUNDLE_LIMITS.comments).optional(),
    spelling: z
      .object({
        newsroomWords: z.array(z.string().min(1).max(100)).max(BUNDLE_LIMITS.words),
        ignoredWords: z.array(z.string().min(1).max(100)).max(BUNDLE_LIMITS.words),
      })
      .strict()
      .optional(),
  })
  .strict();

export type BundleCheck = { ok: true; bundle: ArticleBundle } | { ok: false; message: string };

/**
 * How deeply the JSON text nests arrays and objects, counted in one pass without recursion and
 * stopping once past `limit` (brackets inside strings do not count).
 */
export function jsonNestingDepth(json: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Parses a bundle's JSON text and checks it; refuses nesting no bundle has before parsing. */
export function parseBundleJson(json: string): BundleCheck {
  if (jsonNestingDepth(json, MAX_BUNDLE_JSON_DEPTH) > MAX_BUNDLE_JSON_DEPTH) {
    return {
      ok: false,
      message: `This bundle nests its content more than ${MAX_BUNDLE_JSON_DEPTH} levels deep, which no Newsroom Desk bundle does, so it is damaged or was made elsewhere; nothing was imported (ask for a fresh export).`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: 'The bundle file is damaged (its content is not valid JSON). Nothing was imported.' };
  }
  return checkBundle(value);
}

/** Checks parsed JSON is a bundle this version reads; the message says what is wrong in plain words. */
export function checkBundle(value: unknown): BundleCheck {
  const shape = value as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof shape !== 'object' || shape === null || shape.format !== BUNDLE_FORMAT) {
    return { ok: false, message: 'This is not a Newsroom Desk article bundle.' };
  }
  if (typeof shape.formatVersion === 'number' && shape.formatVersion > BUNDLE_FORMAT_VERSION) {
    return { ok: false, message: `This bundle was written by a newer version of Newsroom Desk (format ${shape.formatVersion}). Update the app to import it.` };
  }
  const parsed = bundleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    return { ok: false, message: `The bundle is damaged or incomplete (${where}: ${issue?.message ?? 'invalid'}). Nothing was imported.` };
  }
  // Another desk's links meet this desk's URL policy before anything is stored.
  return { ok: true, bundle: unwrapUnsafeLinks(parsed.data as ArticleBundle).value };
}
