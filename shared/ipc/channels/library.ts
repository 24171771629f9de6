/** The shared libraries: authors and AI-use disclosure templates. */
import { z } from 'zod';
import type { Author, DisclosureTemplate } from '../../model/article';
import { channel, emptyRequest } from '../channel';

export const libraryChannels = {
  'authors:list': channel<Author[]>()(z.object({ includeArchived: z.boolean().optional() }).strict()),
  'disclosures:list': channel<DisclosureTemplate[]>()(emptyRequest),
} as const;
