/**
 * The author and AI-use disclosure libraries, and the library blocks that articles
 * carry. Editing an entry adds a version and, in the same transaction, rewrites the
 * synced blocks of every article that is not yet approved or exported, so the stored
 * body is always what an export reads. Approval freezes each reference at the
 * version it shows (`freezeLibraryBlocks`), after which library edits pass it by.
 */
import { randomUUID } from 'node:crypto';
import type { FreezeResult } from '../../../shared/ipc/channels/library';
import { AppError } from '../../../shared/ipc/contract';
import type { AiUse, ArticleStatus } from '../../../shared/model/article';
import type { ArticleBody, InlineNode } from '../../../shared/model/document';
import type { BundleAuthor, BundleDisclosure } from '../../../shared/exchange/bundle';
import { authorSnapshot, disclosureSnapshot, freezeBody, syncBody, type LibraryBlock } from '../../../shared/library/blocks';
import type {
  AuthorEntry,
  AuthorInput,
  AuthorVersion,
  DisclosureEntry,
  DisclosureInput,
  DisclosureVersion,
  LibraryEditResult,
  ProfileLink,
} from '../../../shared/library/entries';
import type { LibraryKind, NewsroomLibraryEntry } from '../../../shared/library/newsroomLibrary';
import { checkAiDisclosure } from '../../../shared/rules/library';
import { hasErrors, type RuleResult } from '../../../shared/rules/types';
import { createArticleStore } from './articleStore';
import type { Db } from './database';
import { createStyleStore } from './styleStore';

type AuthorRow = {
  id: string;
  name: string;
  job_title: string;
  bio_json: string;
  email: string;
  photo_asset_id: string;
  read_more_url: string;
  profile_links_json: string;
  archived: number;
  version: number;
  updated_at: string;
  newsroom_url: string | null;
};
type AuthorVersionRow = Omit<AuthorRow, 'id' | 'archived' | 'updated_at' | 'newsroom_url'> & { author_id: string; created_at: string };
type TemplateRow = {
  id: string;
  version: number;
  archived: number;
  updated_at: string;
  covers_json: string;
  title: string;
  text_json: string;
  policy_url: string;
  newsroom_url: string | null;
};
type TemplateVersionRow = { template_id: string; version: number; title: string; text_json: string; policy_url: string; created_at: string };

export type { FreezeResult };

/** An entry whose words changed, as `syncBody` takes it. */
export type ChangedLibraryEntry = { kind: 'author-bio'; entry: AuthorEntry } | { kind: 'ai-disclosure'; entry: DisclosureEntry };

/** Statuses whose library references are frozen and never follow the library again. */
const SETTLED_STATUSES: readonly ArticleStatus[] = ['approved', 'exported'];

function rowToAuthor(r: AuthorRow): AuthorEntry {
  return {
    id: r.id,
    name: r.name,
    jobTitle: r.job_title,
    bio: JSON.parse(r.bio_json) as InlineNode[],
    email: r.email,
    photoAssetId: r.photo_asset_id,
    readMoreUrl: r.read_more_url,
    profileLinks: JSON.parse(r.profile_links_json) as ProfileLink[],
    archived: r.archived === 1,
    version: r.version,
    updatedAt: r.updated_at,
    ...(r.newsroom_url !== null ? { newsroom: true as const } : {}),
  };
}

function rowToAuthorVersion(r: AuthorVersionRow): AuthorVersion {
  return {
    authorId: r.author_id,
    version: r.version,
    name: r.name,
    jobTitle: r.job_title,
    bio: JSON.parse(r.bio_json) as InlineNode[],
    email: r.email,
    photoAssetId: r.photo_asset_id,
    readMoreUrl: r.read_more_url,
    profileLinks: JSON.parse(r.profile_links_json) as ProfileLink[],
    createdAt: r.created_at,
  };
}

function rowToTemplate(r: TemplateRow): DisclosureEntry {
  return {
    id: r.id,
    title: r.title,
    text: JSON.parse(r.text_json) as InlineNode[],
    policyUrl: r.policy_url,
    covers: JSON.parse(r.covers_json) as AiUse[],
    archived: r.archived === 1,
    version: r.version,
    updatedAt: r.updated_at,
    ...(r.newsroom_url !== null ? { newsroom: true as const } : {}),
  };
}

function rowToTemplateVersion(r: TemplateVersionRow): DisclosureVersion {
  return {
    templateId: r.template_id,
    version: r.version,
    title: r.title,
    text: JSON.parse(r.text_json) as InlineNode[],
    policyUrl: r.policy_url,
    createdAt: r.created_at,
  };
}

const matches = (query: string | undefined, ...fields: string[]) => {
  const q = query?.trim().toLowerCase();
  return !q || fields.some((f) => f.toLowerCase().includes(q));
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** JSON with object keys sorted, so equal content compares equal whichever order its keys came in. */
const canonicalJson = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

export function createLibraryStore(db: Db, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();

  const stmt = {
    authors: db.prepare<[number], AuthorRow>(`SELECT * FROM authors WHERE archived = 0 OR ? ORDER BY name COLLATE NOCASE`),
    author: db.prepare<[string], AuthorRow>(`SELECT * FROM authors WHERE id = ?`),
    insertAuthor: db.prepare(
      `INSERT INTO authors (id, name, job_title, bio_json, email, photo_asset_id, read_more_url, profile_links_json, version, created_at, updated_at)
       VALUES (@id, @name, @job_title, @bio_json, @email, @photo_asset_id, @read_more_url, @profile_links_json, 1, @now, @now)`,
    ),
    updateAuthor: db.prepare(
      `UPDATE authors SET name = @name, job_title = @job_title, bio_json = @bio_json, email = @email, photo_asset_id = @photo_asset_id,
         read_more_url = @read_more_url, profile_links_json = @profile_links_json, version = version + 1, updated_at = @now
       WHERE id = @id AND version = @base`,
    ),
    archiveAuthor: db.prepare(`UPDATE authors SET archived = ?, updated_at = ? WHERE id = ?`),
    deleteAuthor: db.prepare(`DELETE FROM authors WHERE id = ?`),
    authorVersions: db.prepare<[string], AuthorVersionRow>(`SELECT * FROM author_versions WHERE author_id = ? ORDER BY version DESC`),
    authorVersion: db.prepare<[string, number], AuthorVersionRow>(`SELECT * FROM author_versions WHERE author_id = ? AND version = ?`),
    authorUsage: db.prepare<[string, string], { n: number }>(
      `SELECT count(*) AS n FROM (
         SELECT article_id FROM article_authors WHERE author_id = ?
         UNION
         SELECT a.id FROM articles a, json_each(a.body_json) j
         WHERE json_extract(j.value, '$.type') = 'author-bio' AND json_extract(j.value, '$.authorId') = ?)`,
    ),

    templates: db.prepare<[number], TemplateRow>(
      `SELECT t.id, t.current_version AS version, t.archived, t.updated_at, t.covers_json, t.newsroom_url, v.title, v.text_json, v.policy_url
       FROM disclosure_templates t
       JOIN disclosure_template_versions v ON v.template_id = t.id AND v.version = t.current_version
       WHERE t.archived = 0 OR ? ORDER BY v.title COLLATE NOCASE`,
    ),
    template: db.prepare<[string], TemplateRow>(
      `SELECT t.id, t.current_version AS version, t.archived, t.updated_at, t.covers_json, t.newsroom_url, v.title, v.text_json, v.policy_url
       FROM disclosure_templates t
       JOIN disclosure_template_versions v ON v.template_id = t.id AND v.version = t.current_version
       WHERE t.id = ?`,
    ),
    insertTemplate: db.prepare(`INSERT INTO disclosure_templates (id, current_version, covers_json, created_at, updated_at) VALUES (?, 1, ?, ?, ?)`),
    insertTemplateVersion: db.prepare(
      `INSERT INTO disclosure_template_versions (template_id, version, title, text_json, policy_url, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    bumpTemplate: db.prepare(`UPDATE disclosure_templates SET current_version = ?, covers_json = ?, updated_at = ? WHERE id = ? AND current_version = ?`),
    lastTemplateVersion: db.prepare<[string], { v: number }>(`SELECT coalesce(max(version), 0) AS v FROM disclosure_template_versions WHERE template_id = ?`),
    setTemplateCovers: db.prepare(`UPDATE disclosure_templates SET covers_json = ?, updated_at = ? WHERE id = ?`),
    archiveTemplate: db.prepare(`UPDATE disclosure_templates SET archived = ?, updated_at = ? WHERE id = ?`),
    deleteTemplateVersions: db.prepare(`DELETE FROM disclosure_template_versions WHERE template_id = ?`),
    deleteTemplate: db.prepare(`DELETE FROM disclosure_templates WHERE id = ?`),
    templateVersions: db.prepare<[string], TemplateVersionRow>(`SELECT * FROM disclosure_template_versions WHERE template_id = ? ORDER BY version DESC`),
    templateUsage: db.prepare<[string], { n: number }>(
      `SELECT count(DISTINCT a.id) AS n FROM articles a, json_each(a.body_json) j
       WHERE json_extract(j.value, '$.type') = 'ai-disclosure' AND json_extract(j.value, '$.templateId') = ?`,
    ),

    authorByName: db.prepare<[string], { id: string }>(`SELECT id FROM authors WHERE name = ? COLLATE NOCASE ORDER BY archived, rowid LIMIT 1`),
    importAuthor: db.prepare(
      `INSERT INTO authors (id, name, job_title, bio_json, email, photo_asset_id, read_more_url, profile_links_json, archived, version, created_at, updated_at)
       VALUES (@id, @name, @job_title, @bio_json, @email, @photo_asset_id, @read_more_url, @profile_links_json, @archived, @version, @now, @now)`,
    ),
    templateHead: db.prepare<[string], { id: string; current_version: number; archived: number; covers_json: string }>(
      `SELECT id, current_version, archived, covers_json FROM disclosure_templates WHERE id = ?`,
    ),
    importTemplate: db.prepare(
      `INSERT INTO disclosure_templates (id, current_version, archived, covers_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),

    newsroomAuthorInsert: db.prepare(
      `INSERT INTO authors (id, name, job_title, bio_json, email, photo_asset_id, read_more_url, profile_links_json, archived, version, created_at, updated_at, newsroom_url)
       VALUES (@id, @name, @job_title, @bio_json, @email, @photo_asset_id, @read_more_url, @profile_links_json, @archived, @version, @now, @now, @newsroom_url)`,
    ),
    newsroomAuthorUpdate: db.prepare(
      `UPDATE authors SET name = @name, job_title = @job_title, bio_json = @bio_json, email = @email, photo_asset_id = @photo_asset_id,
         read_more_url = @read_more_url, profile_links_json = @profile_links_json, archived = @archived, version = @version,
         updated_at = @now, newsroom_url = @newsroom_url
       WHERE id = @id`,
    ),
    newsroomTemplateVersion: db.prepare(
      `INSERT OR REPLACE INTO disclosure_template_versions (template_id, version, title, text_json, policy_url, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    newsroomTemplateInsert: db.prepare(
      `INSERT INTO disclosure_templates (id, current_version, archived, covers_json, created_at, updated_at, newsroom_url) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    newsroomTemplateUpdate: db.prepare(
      `UPDATE disclosure_templates SET current_version = ?, archived = ?, covers_json = ?, updated_at = ?, newsroom_url = ? WHERE id = ?`,
    ),
    newsroomSequence: db.prepare<[string], { sequence: number }>(`SELECT sequence FROM newsroom_library_sync WHERE server_url = ?`),
    setNewsroomSequence: db.prepare(
      `INSERT INTO newsroom_library_sync (server_url, sequence, fetched_at) VALUES (?, ?, ?)
       ON CONFLICT (server_url) DO UPDATE SET sequence = max(sequence, excluded.sequence), fetched_at = excluded.fetched_at`,
    ),
  };
  // Articles belong to the article store; the libraries only hand it rewritten bodies.
  const articles = createArticleStore(db, clock);
  // The house style is a library too (its rules come in the same newsroom fetch); its own store keeps its tables.
  const styles = createStyleStore(db, clock);

  function requireAuthor(id: string): AuthorRow {
    const row = stmt.author.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'That author is no longer in the library.');
    return row;
  }

  function requireTemplate(id: string): TemplateRow {
    const row = stmt.template.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'That disclosure is no longer in the library.');
    return row;
  }

  /** Rewrites the synced blocks of unsettled articles; the article store writes each body it changes. */
  function propagate(needle: string, rewrite: (body: ArticleBody) => ArticleBody | undefined, at: string): number {
    let updated = 0;
    for (const a of articles.bodiesMentioning(needle, SETTLED_STATUSES)) {
      const next = rewrite(a.body);
      if (!next) continue;
      articles.writeBody(a.id, a.version, next, at);
      updated++;
    }
    return updated;
  }

  const authorParams = (a: AuthorInput) => ({
    name: a.name.trim(),
    job_title: a.jobTitle.trim(),
    bio_json: JSON.stringify(a.bio),
    email: a.email.trim(),
    photo_asset_id: a.photoAssetId,
    read_more_url: a.readMoreUrl.trim(),
    profile_links_json: JSON.stringify(a.profileLinks),
  });

  const liveContent = (block: LibraryBlock): { version: number; snapshot: LibraryBlock['snapshot'] } | undefined => {
    if (block.type === 'author-bio') {
      const row = stmt.author.get(block.authorId);
      return row && { version: row.version, snapshot: authorSnapshot(rowToAuthor(row)) };
    }
    const row = stmt.template.get(block.templateId);
    return row && { version: row.version, snapshot: disclosureSnapshot(rowToTemplate(row)) };
  };

  /** One author from the newsroom; the entry when its words or version changed. */
  function applyNewsroomAuthor(serverUrl: string, e: Extract<NewsroomLibraryEntry, { kind: 'author' }>): ChangedLibraryEntry | undefined {
    const current = stmt.author.get(e.id);
    const params = { id: e.id, ...authorParams(e.data), archived: e.archived ? 1 : 0, version: e.version, now: e.updatedAt, newsroom_url: serverUrl };
    if (!current) {
      stmt.newsroomAuthorInsert.run(params);
      return { kind: 'author-bio', entry: rowToAuthor(requireAuthor(e.id)) };
    }
    const words = (['name', 'job_title', 'bio_json', 'email', 'photo_asset_id', 'read_more_url', 'profile_links_json'] as const).every(
      (k) => params[k] === current[k],
    );
    const same = words && current.version === e.version;
    if (same && current.archived === params.archived && current.newsroom_url === serverUrl) return undefined;
    stmt.newsroomAuthorUpdate.run(params);
    return same ? undefined : { kind: 'author-bio', entry: rowToAuthor(requireAuthor(e.id)) };
  }

  /** One disclosure template from the newsroom, its version stored under the server's number. */
  function applyNewsroomDisclosure(serverUrl: string, e: Extract<NewsroomLibraryEntry, { kind: 'disclosure' }>): ChangedLibraryEntry | undefined {
    const current = stmt.template.get(e.id);
    const d = e.data;
    const covers = JSON.stringify(d.covers);
    const words =
      current !== undefined && current.title === d.title.trim() && current.policy_url === d.policyUrl.trim() && sameJson(JSON.parse(current.text_json), d.text);
    const same = words && current.version === e.version;
    if (same && current.archived === (e.archived ? 1 : 0) && current.covers_json === covers && current.newsroom_url === serverUrl) return undefined;
    // The head before its first version (versions refer to it), a new version before the head names it.
    if (!current) stmt.newsroomTemplateInsert.run(e.id, e.version, e.archived ? 1 : 0, covers, e.updatedAt, e.updatedAt, serverUrl);
    if (!same) stmt.newsroomTemplateVersion.run(e.id, e.version, d.title.trim(), JSON.stringify(d.text), d.policyUrl.trim(), e.updatedAt);
    if (current) stmt.newsroomTemplateUpdate.run(e.version, e.archived ? 1 : 0, covers, e.updatedAt, serverUrl, e.id);
    return same ? undefined : { kind: 'ai-disclosure', entry: rowToTemplate(requireTemplate(e.id)) };
  }

  const listDisclosures = (opts: { includeArchived?: boolean } = {}): DisclosureEntry[] => stmt.templates.all(opts.includeArchived ? 1 : 0).map(rowToTemplate);

  const store = {
    /** The house-style rules and ignored findings. */
    styles,

    // ---- Authors ------------------------------------------------------------

    listAuthors(opts: { includeArchived?: boolean; search?: string } = {}): AuthorEntry[] {
      return stmt.authors
        .all(opts.includeArchived ? 1 : 0)
        .map(rowToAuthor)
        .filter((a) => matches(opts.search, a.name, a.jobTitle, a.email));
    },

    getAuthor(id: string): AuthorEntry {
      return rowToAuthor(requireAuthor(id));
    },

    createAuthor: db.transaction((input: AuthorInput & { id?: string }): AuthorEntry => {
      const id = input.id ?? randomUUID();
      stmt.insertAuthor.run({ id, ...authorParams(input), now: now() });
      return rowToAuthor(requireAuthor(id));
    }),

    /** Saves a new version (refused if someone saved since `baseVersion`) and updates synced bios in drafts. */
    updateAuthor: db.transaction((id: string, baseVersion: number, input: AuthorInput): LibraryEditResult<AuthorEntry> => {
      const current = requireAuthor(id);
      if (current.version !== baseVersion) {
        throw new AppError('CONFLICT', 'Someone else changed this author since you opened it. Reload to see their version.', {
          currentVersion: current.version,
        });
      }
      const params = authorParams(input);
      const unchanged = (Object.keys(params) as (keyof typeof params)[]).every((k) => params[k] === current[k]);
      if (unchanged) return { entry: rowToAuthor(current), updatedArticles: 0 };
      const at = now();
      stmt.updateAuthor.run({ id, base: baseVersion, ...params, now: at });
      const entry = rowToAuthor(requireAuthor(id));
      const updatedArticles = propagate(`"authorId":${JSON.stringify(id)}`, (body) => syncBody(body, { kind: 'author-bio', entry }), at);
      return { entry, updatedArticles };
    }),

    /** Archived authors leave the byline picker but stay correct in every article that names them. */
    setAuthorArchived: db.transaction((id: string, archived: boolean): AuthorEntry => {
      requireAuthor(id);
      stmt.archiveAuthor.run(archived ? 1 : 0, now(), id);
      return rowToAuthor(requireAuthor(id));
    }),

    /** How many articles name the author in a byline or carry their bio block. */
    authorUsage(id: string): number {
      return stmt.authorUsage.get(id, id)!.n;
    },

    deleteAuthor: db.transaction((id: string): void => {
      const row = requireAuthor(id);
      const used = stmt.authorUsage.get(id, id)!.n;
      if (used > 0) {
        throw new AppError(
          'NOT_ALLOWED',
          `${row.name} is used by ${used === 1 ? 'an article' : `${used} articles`}, so they cannot be deleted. Archive them instead: they leave the byline picker and old articles stay correct.`,
        );
      }
      stmt.deleteAuthor.run(id);
    }),

    authorVersions(id: string): AuthorVersion[] {
      requireAuthor(id);
      return stmt.authorVersions.all(id).map(rowToAuthorVersion);
    },

    authorVersion(id: string, version: number): AuthorVersion | undefined {
      const row = stmt.authorVersion.get(id, version);
      return row && rowToAuthorVersion(row);
    },

    // ---- Disclosure templates -------------------------------------------------

    listDisclosures,

    getDisclosure(id: string): DisclosureEntry {
      return rowToTemplate(requireTemplate(id));
    },

    createDisclosure: db.transaction((input: DisclosureInput & { id?: string }): DisclosureEntry => {
      const id = input.id ?? randomUUID();
      const at = now();
      stmt.insertTemplate.run(id, JSON.stringify(input.covers), at, at);
      stmt.insertTemplateVersion.run(id, 1, input.title.trim(), JSON.stringify(input.text), input.policyUrl.trim(), at);
      return rowToTemplate(requireTemplate(id));
    }),

    /** Text changes add a version (every version stays readable); coverage alone is not a new version. */
    updateDisclosure: db.transaction((id: string, baseVersion: number, input: DisclosureInput): LibraryEditResult<DisclosureEntry> => {
      const current = requireTemplate(id);
      if (current.version !== baseVersion) {
        throw new AppError('CONFLICT', 'Someone else changed this disclosure since you opened it. Reload to see their version.', {
          currentVersion: current.version,
        });
      }
      const at = now();
      const covers = JSON.stringify(input.covers);
      const textSame =
        input.title.trim() === current.title && input.policyUrl.trim() === current.policy_url && sameJson(input.text, JSON.parse(current.text_json));
      if (textSame) {
        if (covers !== current.covers_json) stmt.setTemplateCovers.run(covers, at, id);
        return { entry: rowToTemplate(requireTemplate(id)), updatedArticles: 0 };
      }
      // After the newest stored version, not the current one: an import may have added later ones.
      const next = stmt.lastTemplateVersion.get(id)!.v + 1;
      stmt.insertTemplateVersion.run(id, next, input.title.trim(), JSON.stringify(input.text), input.policyUrl.trim(), at);
      stmt.bumpTemplate.run(next, covers, at, id, baseVersion);
      const entry = rowToTemplate(requireTemplate(id));
      const updatedArticles = propagate(`"templateId":${JSON.stringify(id)}`, (body) => syncBody(body, { kind: 'ai-disclosure', entry }), at);
      return { entry, updatedArticles };
    }),

    setDisclosureArchived: db.transaction((id: string, archived: boolean): DisclosureEntry => {
      requireTemplate(id);
      stmt.archiveTemplate.run(archived ? 1 : 0, now(), id);
      return rowToTemplate(requireTemplate(id));
    }),

    disclosureUsage(id: string): number {
      return stmt.templateUsage.get(id)!.n;
    },

    deleteDisclosure: db.transaction((id: string): void => {
      const row = requireTemplate(id);
      const used = stmt.templateUsage.get(id)!.n;
      if (used > 0) {
        throw new AppError(
          'NOT_ALLOWED',
          `“${row.title}” is used by ${used === 1 ? 'an article' : `${used} articles`}, so it cannot be deleted. Archive it instead.`,
        );
      }
      stmt.deleteTemplateVersions.run(id);
      stmt.deleteTemplate.run(id);
    }),

    disclosureVersions(id: string): DisclosureVersion[] {
      requireTemplate(id);
      return stmt.templateVersions.all(id).map(rowToTemplateVersion);
    },

    // ---- Bundles ----------------------------------------------------------------

    authorIdByName(name: string): string | undefined {
      return stmt.authorByName.get(name)?.id;
    },

    /**
     * Adds an author from a bundle with every field, at the version the bundle's bio blocks name
     * (earlier versions stay with the desk that wrote them); an author this library already has
     * is kept as it is.
     */
    importAuthor(author: BundleAuthor): boolean {
      if (stmt.author.get(author.id)) return false;
      stmt.importAuthor.run({
        id: author.id,
        name: author.name,
        job_title: author.jobTitle,
        bio_json: JSON.stringify(author.bio),
        email: author.email,
        photo_asset_id: author.photoAssetId,
        read_more_url: author.readMoreUrl,
        profile_links_json: JSON.stringify(author.profileLinks),
        archived: author.archived ? 1 : 0,
        version: author.version,
        now: now(),
      });
      return true;
    },

    /** A template with every stored version (oldest first) and the uses it covers, as a bundle carries it. */
    disclosureForBundle(id: string): BundleDisclosure | undefined {
      const head = stmt.templateHead.get(id);
      if (!head) return undefined;
      const versions = stmt.templateVersions
        .all(id)
        .reverse()
        .map((v) => ({ version: v.version, title: v.title, text: JSON.parse(v.text_json) as InlineNode[], policyUrl: v.policy_url, createdAt: v.created_at }));
      return { id, currentVersion: head.current_version, archived: head.archived === 1, covers: JSON.parse(head.covers_json) as AiUse[], versions };
    },

    /**
     * Merges a bundle's template into the library and returns where each incoming version now
     * lives (incoming number → local number). A template new here is stored exactly as it came.
     * One this library has keeps its current version, coverage and archive state: an incoming
     * version whose words match a stored one maps to it, and each other one is added after the
     * newest stored version, so both desks' histories stay readable and the template stays editable.
     */
    importDisclosure: db.transaction((d: BundleDisclosure): Map<number, number> => {
      const at = now();
      const versions = [...d.versions].sort((a, b) => a.version - b.version);
      const map = new Map<number, number>();
      if (!stmt.templateHead.get(d.id)) {
        stmt.importTemplate.run(d.id, d.currentVersion, d.archived ? 1 : 0, JSON.stringify(d.covers), at, at);
        for (const v of versions) {
          stmt.insertTemplateVersion.run(d.id, v.version, v.title, JSON.stringify(v.text), v.policyUrl, v.createdAt || at);
          map.set(v.version, v.version);
        }
        return map;
      }
      const words = (v: { title: string; text: unknown; policyUrl: string }) => canonicalJson([v.title, v.text, v.policyUrl]);
      const stored = new Map<string, number>();
      for (const v of stmt.templateVersions.all(d.id).reverse()) {
        const key = words({ title: v.title, text: JSON.parse(v.text_json), policyUrl: v.policy_url });
        if (!stored.has(key)) stored.set(key, v.version);
      }
      let next = stmt.lastTemplateVersion.get(d.id)!.v + 1;
      for (const v of versions) {
        const key = words(v);
        let local = stored.get(key);
        if (local === undefined) {
          local = next++;
          stmt.insertTemplateVersion.run(d.id, local, v.title, JSON.stringify(v.text), v.policyUrl, v.createdAt || at);
          stored.set(key, local);
        }
        map.set(v.version, local);
      }
      return map;
    }),

    // ---- The newsroom's libraries -------------------------------------------------

    /** The newsroom server an entry comes from; undefined for this desk's own entries. */
    newsroomOf(kind: LibraryKind, id: string): string | undefined {
      if (kind === 'author') return stmt.author.get(id)?.newsroom_url ?? undefined;
      if (kind === 'style-rule') return styles.newsroomOf(id);
      return stmt.template.get(id)?.newsroom_url ?? undefined;
    },

    /** The last change sequence fetched from that server (0 before the first fetch). */
    newsroomSequence(serverUrl: string): number {
      return stmt.newsroomSequence.get(serverUrl)?.sequence ?? 0;
    },

    /**
     * Stores entries as the newsroom server has them (its ids, versions, words, archive state), marked
     * as its own, and in the same transaction moves this desk's articles' synced blocks on as an edit
     * in the library does (newsroom articles follow through their documents: see librarySync.ts).
     * `sequence` is recorded when the entries are a whole fetch. Returns the authors and templates
     * whose words changed (style rules are stored too, but move no article).
     */
    applyNewsroomEntries: db.transaction((serverUrl: string, entries: readonly NewsroomLibraryEntry[], sequence?: number): ChangedLibraryEntry[] => {
      const at = now();
      const changed: ChangedLibraryEntry[] = [];
      for (const e of entries) {
        // Rules change no article's words: the next check reads them.
        if (e.kind === 'style-rule') {
          styles.applyNewsroomRule(serverUrl, e);
          continue;
        }
        const moved = e.kind === 'author' ? applyNewsroomAuthor(serverUrl, e) : applyNewsroomDisclosure(serverUrl, e);
        if (!moved) continue;
        changed.push(moved);
        const needle = moved.kind === 'author-bio' ? `"authorId":${JSON.stringify(e.id)}` : `"templateId":${JSON.stringify(e.id)}`;
        propagate(needle, (body) => syncBody(body, moved), at);
      }
      if (sequence !== undefined) stmt.setNewsroomSequence.run(serverUrl, sequence, at);
      return changed;
    }),

    // ---- Articles' library blocks --------------------------------------------

    /** The AI-disclosure check for a stored article (errors block approval and export). */
    checkArticleDisclosure(articleId: string): RuleResult {
      const { aiDeclaration, body } = articles.getArticle(articleId);
      return checkAiDisclosure({ aiDeclaration, body }, listDisclosures({ includeArchived: true }));
    },

    /**
     * Freezes every synced library block of an article at the version it shows, so
     * exporting later gives the same words whatever the library does next. Refuses
     * (NOT_ALLOWED, nothing changed) when the AI-use disclosure does not fit the
     * declaration. The workflow calls this inside its approve/export transition.
     */
    freezeLibraryBlocks: db.transaction((articleId: string, opts: { enforceRules?: boolean } = {}): FreezeResult => {
      const article = articles.getArticle(articleId);
      if (opts.enforceRules ?? true) {
        const findings = store.checkArticleDisclosure(articleId);
        if (hasErrors(findings)) {
          throw new AppError(
            'NOT_ALLOWED',
            findings
              .filter((f) => f.level === 'error')
              .map((f) => f.message)
              .join(' '),
          );
        }
      }
      const { body, frozen } = freezeBody(article.body, liveContent);
      if (frozen === 0) return { frozen, version: article.version, updatedAt: now() };
      const at = now();
      return { frozen, version: articles.writeBody(article.id, article.version, body, at), updatedAt: at };
    }),
  };
  return store;
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
