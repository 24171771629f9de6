/** Articles, authors and disclosure templates as they cross process boundaries. */
import { z } from 'zod';
import { articleBodySchema, emptyBody, inlineSchema, type ArticleBody, type InlineNode } from './document';
import { DEFAULT_LANGUAGE, languageTagSchema } from '../language/languageTag';

export const ARTICLE_STATUSES = ['draft', 'submitted', 'in-edit', 'approved', 'exported', 'spiked'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const AI_USES = ['research', 'drafting', 'editing', 'translation', 'transcription', 'images', 'other'] as const;
export type AiUse = (typeof AI_USES)[number];

export const FIELD_LIMITS = {
  headline: 300,
  dek: 1_000,
  slug: 200,
  section: 100,
  tag: 60,
  tags: 50,
  dateline: 200,
  seoTitle: 300,
  seoDescription: 1_000,
  note: 5_000,
} as const;

export const aiDeclarationSchema = z
  .object({
    uses: z.array(z.enum(AI_USES)).max(AI_USES.length),
    tools: z.string().max(FIELD_LIMITS.note),
    note: z.string().max(FIELD_LIMITS.note),
  })
  .strict();
export type AiDeclaration = z.infer<typeof aiDeclarationSchema>;
export const noAiDeclaration = (): AiDeclaration => ({ uses: [], tools: '', note: '' });

/** Fields a writer edits. Every one is optional in a save so the UI sends only what changed. */
export const articleFieldsSchema = z
  .object({
    headline: z.string().max(FIELD_LIMITS.headline),
    dek: z.string().max(FIELD_LIMITS.dek),
    slug: z.string().max(FIELD_LIMITS.slug),
    slugLocked: z.boolean(),
    section: z.string().max(FIELD_LIMITS.section),
    tags: z.array(z.string().min(1).max(FIELD_LIMITS.tag)).max(FIELD_LIMITS.tags),
    bylineAuthorIds: z.array(z.string().max(100)).max(20),
    dateline: z.string().max(FIELD_LIMITS.dateline),
    seoTitle: z.string().max(FIELD_LIMITS.seoTitle),
    seoDescription: z.string().max(FIELD_LIMITS.seoDescription),
    plannedLength: z.number().int().min(0).max(100_000),
    deadline: z.string().max(40),
    aiDeclaration: aiDeclarationSchema,
    language: languageTagSchema,
    body: articleBodySchema,
  })
  .strict();
/**
 * Article fields written before articles had a language (old bundles, desks not yet updated): read
 * as English, which is what every export of them said.
 */
export const articleFieldsWithoutLanguageSchema = articleFieldsSchema.extend({ language: languageTagSchema.default(DEFAULT_LANGUAGE) });

export type ArticleFields = {
  headline: string;
  dek: string;
  slug: string;
  slugLocked: boolean;
  section: string;
  tags: string[];
  bylineAuthorIds: string[];
  dateline: string;
  seoTitle: string;
  seoDescription: string;
  plannedLength: number;
  /** ISO date-time or empty. */
  deadline: string;
  aiDeclaration: AiDeclaration;
  /** BCP 47 tag ("en-GB", "ar"): drives spelling, quotes, the text's direction and every export's language. */
  language: string;
  body: ArticleBody;
};
export type ArticlePatch = Partial<ArticleFields>;

/** An article with nothing in it yet. */
export const emptyArticleFields = (): ArticleFields => ({
  headline: '',
  dek: '',
  slug: '',
  slugLocked: false,
  section: '',
  tags: [],
  bylineAuthorIds: [],
  dateline: '',
  seoTitle: '',
  seoDescription: '',
  plannedLength: 0,
  deadline: '',
  aiDeclaration: noAiDeclaration(),
  language: DEFAULT_LANGUAGE,
  body: emptyBody(),
});

export type Article = ArticleFields & {
  id: string;
  status: ArticleStatus;
  /** Incremented on every save; a save names the version it was based on. */
  version: number;
  createdAt: string;
  updatedAt: string;
  trashedAt: string | undefined;
};

export type ArticleSummary = {
  id: string;
  headline: string;
  status: ArticleStatus;
  byline: string[];
  section: string;
  updatedAt: string;
  trashedAt: string | undefined;
  wordCount: number;
  /** ISO date-time or empty. */
  deadline?: string;
  /** Comment threads not yet resolved. */
  openComments?: number;
  /** The editor's note when the article was returned to its writer and is a draft again. */
  returnNote?: string;
  /** Who holds a newsroom article: the writer and the editor it is assigned to. */
  assignment?: { writerId?: string; writerName?: string; editorId?: string; editorName?: string };
  /** When searching: the best matching passage, matched words marked. */
  snippet?: SnippetPart[];
};

export type SnippetPart = { text: string; match: boolean };

export type Author = {
  id: string;
  name: string;
  jobTitle: string;
  bio: InlineNode[];
  email: string;
  photoAssetId: string;
  readMoreUrl: string;
  archived: boolean;
  version: number;
  updatedAt: string;
};

export type DisclosureTemplate = {
  id: string;
  title: string;
  text: InlineNode[];
  policyUrl: string;
  archived: boolean;
  version: number;
  updatedAt: string;
};

export const richTextSchema = z.array(inlineSchema).max(1_000);
