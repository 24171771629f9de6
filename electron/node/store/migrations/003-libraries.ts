import type { Migration } from './types';

const POLICY = 'https://example.org/newsroom/ai-policy';
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The default templates every newsroom starts with besides the general "AI as a newsroom tool" line. */
const DEFAULT_TEMPLATES = [
  {
    id: 'disclosure-ai-assisted-research',
    title: 'AI-assisted research',
    text: 'Our reporters used AI tools to help research this story; every fact was checked by a journalist. ',
    covers: ['research'],
  },
  {
    id: 'disclosure-ai-generated-illustration',
    title: 'AI-generated illustration',
    text: 'The illustration in this article was generated with AI and reviewed by our editors. ',
    covers: ['images'],
  },
  {
    id: 'disclosure-no-generative-ai',
    title: 'No generative AI used',
    text: 'No generative AI was used to report, write or illustrate this article. ',
    covers: [],
  },
];

const seedTemplates = DEFAULT_TEMPLATES.map((t) => {
  const text = JSON.stringify([{ text: t.text }, { type: 'link', url: POLICY, children: [{ text: 'Read our AI policy' }] }, { text: '.' }]);
  return `
      INSERT OR IGNORE INTO disclosure_templates (id, current_version, archived, created_at, updated_at, covers_json)
        VALUES (${q(t.id)}, 1, 0, ${NOW}, ${NOW}, ${q(JSON.stringify(t.covers))});
      INSERT OR IGNORE INTO disclosure_template_versions (template_id, version, title, text_json, policy_url, created_at)
        VALUES (${q(t.id)}, 1, ${q(t.title)}, ${q(text)}, ${q(POLICY)}, ${NOW});`;
}).join('');

const AUTHOR_COLUMNS = 'name, job_title, bio_json, email, photo_asset_id, read_more_url, profile_links_json';
const newAuthorValues = 'new.name, new.job_title, new.bio_json, new.email, new.photo_asset_id, new.read_more_url, new.profile_links_json';

export const migration: Migration = {
  version: 3,
  name: 'author and disclosure libraries: author versions, profile links, which uses a template covers, default templates',
  sql: `
      ALTER TABLE authors ADD COLUMN profile_links_json TEXT NOT NULL DEFAULT '[]';

      -- Every version of an author's bio stays readable, so a block frozen at version N
      -- shows the words of version N. Triggers keep it complete whoever writes authors.
      CREATE TABLE author_versions (
        author_id TEXT NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        job_title TEXT NOT NULL,
        bio_json TEXT NOT NULL,
        email TEXT NOT NULL,
        photo_asset_id TEXT NOT NULL,
        read_more_url TEXT NOT NULL,
        profile_links_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (author_id, version)
      );
      INSERT INTO author_versions (author_id, version, ${AUTHOR_COLUMNS}, created_at)
        SELECT id, version, ${AUTHOR_COLUMNS}, updated_at FROM authors;
      CREATE TRIGGER authors_version_on_insert AFTER INSERT ON authors BEGIN
        INSERT OR REPLACE INTO author_versions (author_id, version, ${AUTHOR_COLUMNS}, created_at)
        VALUES (new.id, new.version, ${newAuthorValues}, new.updated_at);
      END;
      CREATE TRIGGER authors_version_on_update AFTER UPDATE OF version ON authors WHEN new.version <> old.version BEGIN
        INSERT OR REPLACE INTO author_versions (author_id, version, ${AUTHOR_COLUMNS}, created_at)
        VALUES (new.id, new.version, ${newAuthorValues}, new.updated_at);
      END;

      -- The declared uses a template covers; none means "no generative AI used".
      -- Templates written before this migration are general policy lines.
      ALTER TABLE disclosure_templates ADD COLUMN covers_json TEXT NOT NULL
        DEFAULT '["research","drafting","editing","translation","transcription","other"]';
      ${seedTemplates}
    `,
};
