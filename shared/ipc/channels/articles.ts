/** Articles: the library, loading and saving, trash. */
import { z } from 'zod';
import { articleFieldsSchema, type Article, type ArticleSummary } from '../../model/article';
import { channel, emptyRequest, idSchema as id } from '../channel';

export type Taxonomy = { tags: string[]; sections: string[] };
export type ArticleList = { items: ArticleSummary[]; total: number };
export type SaveResult = { version: number; updatedAt: string };

export const LIST_PAGE_MAX = 500;

export const articleChannels = {
  'articles:list': channel<ArticleList>()(
    z
      .object({
        view: z.enum(['active', 'trash']),
        search: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(LIST_PAGE_MAX).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
  ),
  'articles:get': channel<Article>()(z.object({ id }).strict()),
  'articles:create': channel<Article>()(z.object({ fields: articleFieldsSchema.partial().optional() }).strict()),
  /** Saves changed fields if the stored version still equals baseVersion; otherwise fails with CONFLICT. */
  'articles:save': channel<SaveResult>()(
    z.object({ id, baseVersion: z.number().int().min(0), patch: articleFieldsSchema.partial() }).strict(),
  ),
  'articles:duplicate': channel<Article>()(z.object({ id }).strict()),
  'articles:trash': channel<null>()(z.object({ id }).strict()),
  'articles:restore': channel<null>()(z.object({ id }).strict()),
  /** Permanent; only for articles already in the trash. */
  'articles:deleteForever': channel<null>()(z.object({ id, confirm: z.literal(true) }).strict()),
  /** Tags and sections already in use, most used first, for completion. */
  'taxonomy:list': channel<Taxonomy>()(emptyRequest),
} as const;
