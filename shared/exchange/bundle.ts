/**
 * The article bundle (`.newsroom`): one gzip'd JSON file carrying an article with its images, the
 * authors and disclosure versions it references, and (when the store has them) its revisions and
 * comments. Validated with zod before anything is written; unknown keys are refused.
 */
import { z } from 'zod';
import { ARTICLE_STATUSES, articleFieldsSchema, richTextSchema, type ArticleFields, type ArticleStatus, type Author } from '../model/article';
import type { InlineNode } from '../model/document';
import { IMAGE_MIME_TYPES, MAX_ASSET_BYTES, type ImageMimeType } from '../ipc/channels/assets';

export const BUNDLE_FORMAT = 'newsroom-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export const BUNDLE_LIMITS = {
  assets: 500,
  authors: 100,
  disclosures: 50,
  revisions: 2_000,
  comments: 5_000,
  text: 20_000,
} as const;

const id = z.string().min(1).max(100);
const isoDate = z.string().max(40);
const text = z.string().max(BUNDLE_LIMITS.text);

/** An author as a bundle carries it: the library entry without its local version bookkeeping. */
export type BundleAuthor = Omit<Author, 'version' | 'updatedAt'>;

export type BundleDisclosureVersion = { version: number; title: string; text: InlineNode[]; policyUrl: string; createdAt: string };
export type BundleDisclosure = { id: string; currentVersion: number; archived: boolean; versions: BundleDisclosureVersion[] };
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
/** A review comment thread; `anchor` is kept as the comment store wrote it (JSON). */
export type BundleComment = {
  id: string;
  anchor: unknown;
  quote: string;
  resolvedAt: string;
  resolvedBy: string;
  createdAt: string;
  messages: BundleCommentMessage[];
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
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  exportedAt: string;
  generator: string;
  article: BundleArticle;
  authors: BundleAuthor[];
  disclosures: BundleDisclosure[];
  assets: BundleAsset[];
  revisions?: BundleRevision[];
  comments?: BundleComment[];
};

const authorSchema = z
  .object({
    id,
    name: z.string().max(300),
    jobTitle: z.string().max(300),
    bio: richTextSchema,
    email: z.string().max(320),
    photoAssetId: z.string().max(100),
    readMoreUrl: z.string().max(2_048),
    archived: z.boolean(),
  })
  .strict();

const disclosureSchema = z
  .object({
    id,
    currentVersion: z.number().int().min(1),
    archived: z.boolean(),
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
  .strict();

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
    fields: articleFieldsSchema,
  })
  .strict();

const commentSchema = z
  .object({
    id,
    anchor: z.unknown().refine((v) => v === null || (JSON.stringify(v) ?? '').length <= 10_000, 'anchor too large'),
    quote: text,
    resolvedAt: isoDate,
    resolvedBy: z.string().max(300),
    createdAt: isoDate,
    messages: z
      .array(z.object({ id, by: z.string().max(300), role: z.enum(['writer', 'editor']), text, at: isoDate }).strict())
      .max(500),
  })
  .strict();

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    exportedAt: isoDate,
    generator: z.string().max(200),
    article: articleFieldsSchema.extend({
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
  })
  .strict();

export type BundleCheck = { ok: true; bundle: ArticleBundle } | { ok: false; message: string };

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
  return { ok: true, bundle: parsed.data as ArticleBundle };
}
