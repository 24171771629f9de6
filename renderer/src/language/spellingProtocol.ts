/** Messages between the editor and the spelling worker. */
import type { SpellingLanguage } from '../../../shared/language/dictionaries';
import type { WordHit } from '../../../shared/language/spelling';

export type ToSpellingWorker =
  | { type: 'load'; language: SpellingLanguage; aff: string; dic: string }
  | { type: 'check'; id: number; texts: string[] }
  | { type: 'suggest'; id: number; word: string };

export type FromSpellingWorker =
  | { type: 'loaded'; ok: true; ms: number }
  | { type: 'loaded'; ok: false; message: string }
  | { type: 'checked'; id: number; hits: WordHit[][] }
  | { type: 'suggested'; id: number; fixes: string[] };
