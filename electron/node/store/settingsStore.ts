/** Settings kept in the database: the profile of the person at this desk, the checklist limits and the writing settings. */
import { z } from 'zod';
import { AppError } from '../../../shared/ipc/contract';
import type { Profile, ReviewSettings } from '../../../shared/model/review';
import { DEFAULT_WRITING_SETTINGS, type WritingSettings } from '../../../shared/editor/typography';
import { languageTagSchema } from '../../../shared/language/languageTag';
import { DEFAULT_CHECKLIST_SETTINGS } from '../../../shared/rules/checklist';
import { ROLES } from '../../../shared/workflow/transitions';
import type { Clock } from './articleStore';
import type { Db } from './database';

const profileSchema = z.object({ name: z.string().min(1).max(100), role: z.enum(ROLES) });
const reviewSettingsSchema = z.object({ headlineMaxLength: z.number().int().min(10).max(300) });
// Desks from before article languages stored 'en', 'de' or 'fr' here: valid tags, read as they are.
// editorsSuggest, checkSpelling and checkStyle came later: a stored value without them takes the default.
const writingSettingsSchema = z.object({
  smartTypography: z.boolean(),
  language: languageTagSchema,
  editorsSuggest: z.boolean().optional(),
  checkSpelling: z.boolean().optional(),
  checkStyle: z.boolean().optional(),
});

export function createSettingsStore(db: Db, clock: Clock = () => new Date()) {
  const get = db.prepare<[string], { value_json: string }>(`SELECT value_json FROM settings WHERE key = ?`);
  const put = db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );

  function read<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const row = get.get(key);
    if (!row) return undefined;
    const parsed = schema.safeParse(JSON.parse(row.value_json));
    return parsed.success ? parsed.data : undefined;
  }

  const write = db.transaction((key: string, value: unknown) => {
    put.run(key, JSON.stringify(value), clock().toISOString());
  });

  return {
    profile(): Profile | undefined {
      return read('profile', profileSchema);
    },

    /** The acting user for a write; refuses when nobody has said who they are yet. */
    requireProfile(): Profile {
      const profile = read('profile', profileSchema);
      if (!profile) throw new AppError('NOT_ALLOWED', 'Tell Newsroom Desk your name and role first (Settings).');
      return profile;
    },

    setProfile(profile: Profile): Profile {
      const clean = profileSchema.parse({ name: profile.name.trim(), role: profile.role });
      write('profile', clean);
      return clean;
    },

    reviewSettings(): ReviewSettings {
      return { ...DEFAULT_CHECKLIST_SETTINGS, ...read('review', reviewSettingsSchema) };
    },

    setReviewSettings(settings: ReviewSettings): ReviewSettings {
      const clean = reviewSettingsSchema.parse(settings);
      write('review', clean);
      return clean;
    },

    writingSettings(): WritingSettings {
      return { ...DEFAULT_WRITING_SETTINGS, ...read('writing', writingSettingsSchema) };
    },

    setWritingSettings(settings: WritingSettings): WritingSettings {
      const clean = writingSettingsSchema.parse(settings);
      write('writing', clean);
      return { ...DEFAULT_WRITING_SETTINGS, ...clean };
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
