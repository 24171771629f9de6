import type { Migration } from './types';

/**
 * Each article's language (a BCP 47 tag). Articles written before it take the language the desk
 * was set to (its smart-quote language, the only language the desk had), or English.
 */
export const migration: Migration = {
  version: 11,
  name: "article language: a BCP 47 tag per article, from the desk's writing language",
  sql: `
    ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
    UPDATE articles SET language = COALESCE(
      (SELECT json_extract(value_json, '$.language') FROM settings
        WHERE key = 'writing' AND json_valid(value_json) AND json_extract(value_json, '$.language') IN ('en', 'de', 'fr')),
      'en');
  `,
};
