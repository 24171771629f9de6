/** The newsroom dictionary as the newsroom server answers for it (server/src/http/api.ts), checked on the desk. */
import { z } from 'zod';

export const newsroomWordSchema = z
  .object({
    word: z.string().min(1).max(100),
    addedBy: z.object({ id: z.string().max(100), name: z.string().max(200) }).strict(),
    addedAt: z.string().max(40),
    sequence: z.number().int().min(1),
  })
  .strict();
export type NewsroomWordEntry = z.infer<typeof newsroomWordSchema>;

export const dictionaryFetchAnswerSchema = z
  .object({ words: z.array(newsroomWordSchema).max(5_000), sequence: z.number().int().min(0), more: z.boolean() })
  .strict();
export type DictionaryFetchAnswer = z.infer<typeof dictionaryFetchAnswerSchema>;
