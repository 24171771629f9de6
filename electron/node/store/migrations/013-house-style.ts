import { STARTER_STYLE_RULES } from '../../../../shared/language/style/starterRules';
import type { Migration } from './types';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

const seedRules = STARTER_STYLE_RULES.map(
  ({ id, ...data }) => `
      INSERT OR IGNORE INTO style_rules (id, current_version, archived, created_at, updated_at) VALUES (${q(id)}, 1, 0, ${NOW}, ${NOW});
      INSERT OR IGNORE INTO style_rule_versions (rule_id, version, data_json, created_at) VALUES (${q(id)}, 1, ${q(JSON.stringify(data))}, ${NOW});`,
).join('');

/**
 * The house style: rules editors keep in the Style area, versioned like the disclosure templates
 * (every version stays readable; the words of a version are its JSON, checked by the shared schema
 * before they are stored), archived rather than deleted, and marked with the newsroom server they
 * come from when they are the newsroom's. `style_ignores` keeps the instances a writer chose to
 * ignore in an article, by the finding's key. Starts with our starter set.
 */
export const migration: Migration = {
  version: 13,
  name: 'house style: versioned style rules (with the starter set), the newsroom they come from, and ignored findings per article',
  sql: `
    CREATE TABLE style_rules (
      id TEXT PRIMARY KEY,
      current_version INTEGER NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      newsroom_url TEXT
    );
    CREATE TABLE style_rule_versions (
      rule_id TEXT NOT NULL REFERENCES style_rules(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      data_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (rule_id, version)
    );
    CREATE TABLE style_ignores (
      article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      finding_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (article_id, finding_key)
    );
    ${seedRules}
  `,
};
