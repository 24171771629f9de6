/** Articles: the library, loading and saving, trash. */
import { z } from 'zod';
import { ARTICLE_STATUSES, articleFieldsSchema, FIELD_LIMITS, type Article, type ArticleSummary } from '../../model/article';
import { channel, emptyRequest, idSchema as id } from '../channel';

export type Taxonomy = { tags: string[]; sections: string[] };
export type ArticleList = {
  items: ArticleSummary[];
  total: number;
  /** A search ranks only the newest matches; then `total` counts those and more exist. */
  totalIsLowerBound?: boolean;
};
export type SaveResult = { version: number; updatedAt: string };

export const LIST_PAGE_MAX = 500;

/** Optional filters and order for the library's home views (all absent: every article, last edited first). */
const listFilters = {
  status: z.array(z.enum(ARTICLE_STATUSES)).max(ARTICLE_STATUSES.length).optional(),
  /** My desk: drafts, and the newsroom articles assigned to the signed-in account (any status). */
  mine: z.boolean().optional(),
  section: z.string().max(FIELD_LIMITS.section).optional(),
  authorId: id.optional(),
  tag: z.string().max(FIELD_LIMITS.tag).optional(),
  /** ISO date-times bounding the last edit. */
  editedAfter: z.string().max(40).optional(),
  editedBefore: z.string().max(40).optional(),
  /** edited: newest edit first; deadline: soonest first; waiting: longest since its last status change first. */
  sort: z.enum(['edited', 'deadline', 'waiting']).optional(),
};
export type ArticleListQuery = {
  view: 'active' | 'trash';
  search?: string;
  limit?: number;
  offset?: number;
} & { [K in keyof typeof listFilters]?: z.output<(typeof listFilters)[K]> };

export const articleChannels = {
  'articles:list': channel<ArticleList>()(
    z
      .object({
        view: z.enum(['active', 'trash']),
        search: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(LIST_PAGE_MAX).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        ...listFilters,
      })
      .strict(),
  ),
  'articles:get': channel<Article>()(z.object({ id }).strict()),
  'articles:create': channel<Article>()(z.object({ fields: articleFieldsSchema.partial().optional() }).strict()),
  /** Saves changed fields if the stored version still equals baseVersion; otherwise fails with CONFLICT. */
  'articles:save': channel<SaveResult>()(z.object({ id, baseVersion: z.number().int().min(0), patch: articleFieldsSchema.partial() }).strict()),
  'articles:duplicate': channel<Article>()(z.object({ id }).strict()),
  'articles:trash': channel<null>()(z.object({ id }).strict()),
  'articles:restore': channel<null>()(z.object({ id }).strict()),
  /** Permanent; only for articles already in the trash. */
  'articles:deleteForever': channel<null>()(z.object({ id, confirm: z.literal(true) }).strict()),
  /** Tags and sections already in use, most used first, for completion. */
  'taxonomy:list': channel<Taxonomy>()(emptyRequest),
} as const;
