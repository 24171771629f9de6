/** Spelling: the newsroom dictionary and the words ignored in one article. */
import { z } from 'zod';
import { channel, emptyRequest, idSchema as id } from '../channel';

export type DictionaryWord = { word: string; addedBy: string; addedAt: string; newsroomUrl?: string };

const word = z.string().min(1).max(100);

export const spellingChannels = {
  'dictionary:list': channel<DictionaryWord[]>()(emptyRequest),
  /** Signed in to a newsroom server: added there first, so every desk of the newsroom gets it. */
  'dictionary:add': channel<DictionaryWord>()(z.object({ word }).strict()),
  'dictionary:remove': channel<null>()(z.object({ word }).strict()),
  'spelling:ignored': channel<string[]>()(z.object({ articleId: id }).strict()),
  'spelling:ignore': channel<string[]>()(z.object({ articleId: id, word }).strict()),
  'spelling:unignore': channel<string[]>()(z.object({ articleId: id, word }).strict()),
} as const;
