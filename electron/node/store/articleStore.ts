/**
 * Articles, their bylines and tags, and the trash: the only module that writes those tables
 * (README.md maps every table to its owner). Every write runs in a transaction; article saves
 * are checked against the stored version so a stale window cannot overwrite newer text.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/contract';
import type { ArticleList, SaveResult, Taxonomy } from '../../../shared/ipc/contract';
import type { ArticleListQuery } from '../../../shared/ipc/channels/articles';
import {
  noAiDeclaration,
  type Article,
  type ArticleFields,
  type ArticlePatch,
  type ArticleStatus,
  type ArticleSummary,
  type SnippetPart,
} from '../../../shared/model/article';
import { storyWordCount } from '../../../shared/editor/counts';
import { bodyPlainText, emptyBody, type ArticleBody } from '../../../shared/model/document';
import { articleSlug } from '../../../shared/text/slug';
import { articleLanguageOr, LANGUAGE_TAG_MESSAGE, normalizeLanguageTag } from '../../../shared/language/languageTag';
import { isLockedStatus } from '../../../shared/workflow/transitions';
import type { Db } from './database';

type ArticleRow = {
  id: string;
  headline: string;
  dek: string;
  slug: string;
  slug_locked: number;
  section: string;
  dateline: string;
  seo_title: string;
  seo_description: string;
  planned_length: number;
  deadline: string;
  ai_declaration_json: string;
  language: string;
  body_json: string;
  status: ArticleStatus;
  version: number;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
};

type SummaryRow = {
  rid: number;
  id: string;
  headline: string;
  status: ArticleStatus;
  section: string;
  updated_at: string;
  trashed_at: string | null;
  word_count: number;
  byline: string | null;
  deadline: string;
  open_comments: number;
  return_note: string | null;
  holder: string | null;
};

export type Clock = () => Date;

/** Who holds a newsroom article, from the JSON the listing builds (nulls left out). */
function holderOf(json: string): NonNullable<ArticleSummary['assignment']> {
  const h = JSON.parse(json) as Record<string, string | null>;
  return Object.fromEntries(Object.entries(h).filter(([, v]) => v !== null)) as NonNullable<ArticleSummary['assignment']>;
}

/** How many of the newest full-text matches a search ranks (see listArticles). */
export const SEARCH_WINDOW = 1_000;
/** How many of the best search results carry a highlighted snippet. */
export const SNIPPET_ROWS = 50;

/** How a stored article keeps its identity when it arrives from elsewhere (a bundle). */
export type ArticleOrigin = { status: ArticleStatus; version: number; createdAt: string; updatedAt: string };

const COLUMN_OF: Record<Exclude<keyof ArticleFields, 'body' | 'tags' | 'bylineAuthorIds' | 'aiDeclaration'>, string> = {
  headline: 'headline',
  dek: 'dek',
  slug: 'slug',
  slugLocked: 'slug_locked',
  section: 'section',
  dateline: 'dateline',
  seoTitle: 'seo_title',
  seoDescription: 'seo_description',
  plannedLength: 'planned_length',
  deadline: 'deadline',
  language: 'language',
};

/** Turns free text typed in a search box into a safe FTS5 prefix query. */
export function toFtsQuery(input: string): string | undefined {
  const words = input.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return undefined;
  // Earlier words are finished; only the last one is still being typed.
  const kept = words.slice(0, 12);
  return kept.map((w, i) => (i === kept.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/** Splits an FTS5 snippet marked with \u0002…\u0003 into plain parts; the UI renders them as elements, never as HTML. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(/[\u0002\u0003]/).entries()) {
    if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  }
  return parts;
}

/**
 * The columns derived from an article's body, computed here and nowhere else: the search text
 * `body_text` (from `bodyPlainText`; read by the full-text index) and the word count the library
 * list shows, which counts the story as the editor's status bar does (`storyWordCount`: not the
 * headline, dek, boxes, notes, bios or disclosures).
 */
function derivedColumns(body: ArticleBody) {
  return { body_text: bodyPlainText(body), word_count: storyWordCount(body) };
}

/** Every column of a new or replaced article row, from the model's fields. */
function articleColumns(id: string, fields: Partial<ArticleFields>) {
  const body = fields.body ?? emptyBody();
  const headline = fields.headline ?? '';
  const dek = fields.dek ?? '';
  return {
    headline,
    dek,
    slug: fields.slug ?? articleSlug(headline, id),
    slug_locked: fields.slugLocked ? 1 : 0,
    section: fields.section ?? '',
    dateline: fields.dateline ?? '',
    seo_title: fields.seoTitle ?? '',
    seo_description: fields.seoDescription ?? '',
    planned_length: fields.plannedLength ?? 0,
    deadline: fields.deadline ?? '',
    ai_declaration_json: JSON.stringify(fields.aiDeclaration ?? noAiDeclaration()),
    language: articleLanguageOr(fields.language),
    body_json: JSON.stringify(body),
    ...derivedColumns(body),
  };
}

export function createArticleStore(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();

  const stmt = {
    getArticle: db.prepare<[string], ArticleRow>(`SELECT a.*, t.trashed_at FROM articles a LEFT JOIN trash t ON t.article_id = a.id WHERE a.id = ?`),
    authorsOf: db.prepare<[string], { author_id: string }>(`SELECT author_id FROM article_authors WHERE article_id = ? ORDER BY position`),
    tagsOf: db.prepare<[string], { tag: string }>(`SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag`),
    versionOf: db.prepare<[string], { version: number }>(`SELECT version FROM articles WHERE id = ?`),
    isTrashed: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM trash WHERE article_id = ?`),
    insertArticle: db.prepare(
      `INSERT INTO articles (id, headline, dek, slug, slug_locked, section, dateline, seo_title, seo_description,
         planned_length, deadline, ai_declaration_json, language, body_json, body_text, word_count, status, version, created_at, updated_at)
       VALUES (@id, @headline, @dek, @slug, @slug_locked, @section, @dateline, @seo_title, @seo_description,
         @planned_length, @deadline, @ai_declaration_json, @language, @body_json, @body_text, @word_count, @status, @version, @created_at, @updated_at)`,
    ),
    replaceArticle: db.prepare(
      `UPDATE articles SET headline = @headline, dek = @dek, slug = @slug, slug_locked = @slug_locked, section = @section,
         dateline = @dateline, seo_title = @seo_title, seo_description = @seo_description, planned_length = @planned_length,
         deadline = @deadline, ai_declaration_json = @ai_declaration_json, language = @language, body_json = @body_json, body_text = @body_text,
         word_count = @word_count, status = @status, version = version + 1, updated_at = @now
       WHERE id = @id`,
    ),
    writeBody: db.prepare(
      `UPDATE articles SET body_json = @body_json, body_text = @body_text, word_count = @word_count,
         version = version + 1, updated_at = @now WHERE id = @id AND version = @version`,
    ),
    setStatus: db.prepare(`UPDATE articles SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`),
    hasArticle: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM articles WHERE id = ?`),
    idsByStatus: db.prepare<[string], { id: string }>(
      `SELECT a.id FROM articles a LEFT JOIN trash t ON t.article_id = a.id WHERE t.article_id IS NULL AND a.status = ? ORDER BY a.updated_at DESC`,
    ),
    deleteAuthorsOf: db.prepare(`DELETE FROM article_authors WHERE article_id = ?`),
    insertAuthorOf: db.prepare(`INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)`),
    deleteTagsOf: db.prepare(`DELETE FROM article_tags WHERE article_id = ?`),
    insertTag: db.prepare(`INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)`),
    trash: db.prepare(`INSERT OR IGNORE INTO trash (article_id, trashed_at) VALUES (?, ?)`),
    restore: db.prepare(`DELETE FROM trash WHERE article_id = ?`),
    deleteArticle: db.prepare(`DELETE FROM articles WHERE id = ?`),
    existingAuthor: db.prepare<[string], { id: string }>(`SELECT id FROM authors WHERE id = ?`),
    countArticles: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM articles`),
    countTrash: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM trash`),
    searchWindow: db.prepare<[string], { rowid: number; rank: number }>(
      `SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW}`,
    ),
  };

  function rowToArticle(row: ArticleRow): Article {
    return {
      id: row.id,
      headline: row.headline,
      dek: row.dek,
      slug: row.slug,
      slugLocked: row.slug_locked === 1,
      section: row.section,
      tags: stmt.tagsOf.all(row.id).map((r) => r.tag),
      bylineAuthorIds: stmt.authorsOf.all(row.id).map((r) => r.author_id),
      dateline: row.dateline,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      plannedLength: row.planned_length,
      deadline: row.deadline,
      aiDeclaration: JSON.parse(row.ai_declaration_json),
      language: row.language,
      body: JSON.parse(row.body_json),
      status: row.status,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      trashedAt: row.trashed_at ?? undefined,
    };
  }

  function requireArticle(id: string): ArticleRow {
    const row = stmt.getArticle.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'That article no longer exists.');
    return row;
  }

  /** `skipMissing` leaves out authors this database lacks (an imported byline) instead of refusing. */
  function setByline(articleId: string, authorIds: readonly string[], skipMissing = false) {
    stmt.deleteAuthorsOf.run(articleId);
    const seen = new Set<string>();
    authorIds.forEach((authorId, position) => {
      if (seen.has(authorId)) return;
      seen.add(authorId);
      if (!stmt.existingAuthor.get(authorId)) {
        if (skipMissing) return;
        throw new AppError('NOT_FOUND', 'An author in the byline no longer exists.');
      }
      stmt.insertAuthorOf.run(articleId, authorId, position);
    });
  }

  function setTags(articleId: string, tags: readonly string[]) {
    stmt.deleteTagsOf.run(articleId);
    for (const tag of tags) {
      const clean = tag.trim();
      if (clean) stmt.insertTag.run(articleId, clean);
    }
  }

  const insertTx = db.transaction((id: string, fields: Partial<ArticleFields>, origin: ArticleOrigin, skipMissingAuthors: boolean): string => {
    const { status, version, createdAt, updatedAt } = origin;
    stmt.insertArticle.run({ id, ...articleColumns(id, fields), status, version, created_at: createdAt, updated_at: updatedAt });
    if (fields.bylineAuthorIds) setByline(id, fields.bylineAuthorIds, skipMissingAuthors);
    if (fields.tags) setTags(id, fields.tags);
    return id;
  });

  const createTx = (fields: Partial<ArticleFields>, status: ArticleStatus): string => {
    const at = now();
    return insertTx(randomUUID(), fields, { status, version: 1, createdAt: at, updatedAt: at }, false);
  };

  const saveTx = db.transaction((id: string, baseVersion: number, patch: ArticlePatch): SaveResult => {
    const current = requireArticle(id);
    if (isLockedStatus(current.status)) {
      throw new AppError(
        'NOT_ALLOWED',
        current.status === 'spiked'
          ? 'This article is spiked. Restore it before editing.'
          : `This article is ${current.status}, so its text is locked. An editor can reopen it for editing.`,
      );
    }
    if (current.version !== baseVersion) {
      throw new AppError('CONFLICT', 'This article was changed elsewhere since you opened it. Your text is kept; compare and choose which to keep.', {
        currentVersion: current.version,
      });
    }
    if (patch.language !== undefined) {
      const language = normalizeLanguageTag(patch.language);
      if (!language) throw new AppError('INVALID_PAYLOAD', LANGUAGE_TAG_MESSAGE);
      patch = { ...patch, language };
    }
    const sets: string[] = [];
    const params: Record<string, unknown> = { id, base: baseVersion, now: now() };
    for (const [field, column] of Object.entries(COLUMN_OF) as [keyof typeof COLUMN_OF, string][]) {
      const value = patch[field];
      if (value === undefined) continue;
      sets.push(`${column} = @${column}`);
      params[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    }
    // The slug follows the headline until someone edits it by hand.
    const slugLocked = patch.slugLocked ?? current.slug_locked === 1;
    if (patch.headline !== undefined && patch.slug === undefined && !slugLocked) {
      sets.push('slug = @slug');
      params.slug = articleSlug(patch.headline, id);
    }
    if (patch.aiDeclaration) {
      sets.push('ai_declaration_json = @ai');
      params.ai = JSON.stringify(patch.aiDeclaration);
    }
    if (patch.body) {
      const derived = derivedColumns(patch.body);
      sets.push('body_json = @body_json', 'body_text = @body_text', 'word_count = @word_count');
      params.body_json = JSON.stringify(patch.body);
      params.body_text = derived.body_text;
      params.word_count = derived.word_count;
    }
    sets.push('version = version + 1', 'updated_at = @now');
    const result = db.prepare(`UPDATE articles SET ${sets.join(', ')} WHERE id = @id AND version = @base`).run(params);
    if (result.changes !== 1) throw new AppError('CONFLICT', 'This article was changed elsewhere.', { currentVersion: current.version });
    if (patch.bylineAuthorIds) setByline(id, patch.bylineAuthorIds);
    if (patch.tags) setTags(id, patch.tags);
    return { version: baseVersion + 1, updatedAt: params.now as string };
  });

  /** `me`: the newsroom account signed in here, whose assigned articles join "my desk" (`mine`). */
  function listArticles(opts: ArticleListQuery, me?: string): ArticleList {
    const limit = opts.limit ?? 200;
    const offset = opts.offset ?? 0;
    const where = [opts.view === 'trash' ? 't.article_id IS NOT NULL' : 't.article_id IS NULL'];
    const params: unknown[] = [];
    if (opts.status?.length) {
      where.push(`a.status IN (${opts.status.map(() => '?').join(', ')})`);
      params.push(...opts.status);
    }
    if (opts.mine) {
      // My desk: drafts, and every article the newsroom assigned to me (as its writer or its editor).
      where.push(
        `(a.status = 'draft' OR EXISTS (SELECT 1 FROM sync_documents s WHERE s.article_id = a.id AND ? IN (s.assigned_writer_id, s.assigned_editor_id)))`,
      );
      params.push(me ?? '');
    }
    if (opts.section) {
      where.push('a.section = ? COLLATE NOCASE');
      params.push(opts.section);
    }
    if (opts.authorId) {
      where.push('EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id AND x.author_id = ?)');
      params.push(opts.authorId);
    }
    if (opts.tag) {
      where.push('EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag = ? COLLATE NOCASE)');
      params.push(opts.tag);
    }
    if (opts.editedAfter) {
      where.push('a.updated_at >= ?');
      params.push(opts.editedAfter);
    }
    if (opts.editedBefore) {
      where.push('a.updated_at < ?');
      params.push(opts.editedBefore);
    }
    const searching = opts.search !== undefined && opts.search.trim() !== '';
    const fts = searching ? toFtsQuery(opts.search!) : undefined;
    if (searching && !fts) return { items: [], total: 0 };
    const byline = `(SELECT group_concat(name, '\u001f') FROM (SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id ORDER BY aa.position)) AS byline`;
    const openComments = `(SELECT count(*) FROM comment_threads c WHERE c.article_id = a.id AND c.resolved_at IS NULL) AS open_comments`;
    // A draft whose latest transition was a return carries the editor's note.
    const returnNote = `CASE WHEN a.status = 'draft' THEN (SELECT CASE WHEN w.action = 'return' THEN w.note END FROM workflow_transitions w WHERE w.article_id = a.id ORDER BY w.id DESC LIMIT 1) END AS return_note`;
    // Who holds a newsroom article, as the server last listed it (syncStore keeps it).
    const holder = `(SELECT json_object('writerId', s.assigned_writer_id, 'writerName', s.assigned_writer_name, 'editorId', s.assigned_editor_id, 'editorName', s.assigned_editor_name)
      FROM sync_documents s WHERE s.article_id = a.id AND (s.assigned_writer_id IS NOT NULL OR s.assigned_editor_id IS NOT NULL)) AS holder`;
    const cols = `a.rowid AS rid, a.id, a.headline, a.status, a.section, a.updated_at, a.word_count, a.deadline, t.trashed_at, ${byline}, ${openComments}, ${returnNote}, ${holder}`;
    const filtered = where.length > 1;
    // The trash is small: start from it rather than anti-joining every article.
    const base =
      opts.view === 'trash' ? `FROM trash t CROSS JOIN articles a ON a.id = t.article_id` : `FROM articles a LEFT JOIN trash t ON t.article_id = a.id`;
    // Search ranks only the newest SEARCH_WINDOW matches: a prefix of one or two
    // letters matches most of a large library, and ranking all of it is what was
    // slow. The window is evaluated once and joined back as JSON.
    const hits = fts ? stmt.searchWindow.all(fts) : [];
    const from = fts
      ? `FROM json_each(?) h CROSS JOIN articles a ON a.rowid = h.value ->> 0 LEFT JOIN trash t ON t.article_id = a.id WHERE ${where.join(' AND ')}`
      : `${base} WHERE ${where.join(' AND ')}`;
    const args = fts ? [JSON.stringify(hits.map((h) => [h.rowid, h.rank])), ...params] : params;
    const waitingSince = `COALESCE((SELECT max(w.at) FROM workflow_transitions w WHERE w.article_id = a.id), a.created_at)`;
    const order =
      opts.sort === 'deadline'
        ? `a.deadline = '' ASC, a.deadline ASC, a.updated_at DESC`
        : opts.sort === 'waiting'
          ? `${waitingSince} ASC, a.rowid ASC`
          : fts && opts.sort === undefined
            ? `h.value ->> 1`
            : opts.view === 'trash' && opts.sort === undefined
              ? 't.trashed_at DESC' // Most recently trashed first, from the trash's own index.
              : 'a.updated_at DESC, a.rowid DESC';
    const rows = db.prepare<unknown[], SummaryRow>(`SELECT ${cols} ${from} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, limit, offset);
    let total: number;
    let totalIsLowerBound = false;
    if (fts) {
      total = (db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n ${from}`).get(...args) as { n: number }).n;
      totalIsLowerBound = hits.length === SEARCH_WINDOW;
    } else if (!filtered && opts.view === 'active') {
      total = stmt.countArticles.get()!.n - stmt.countTrash.get()!.n;
    } else if (!filtered) {
      total = stmt.countTrash.get()!.n;
    } else {
      total = (db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n ${from}`).get(...args) as { n: number }).n;
    }
    // Snippets need the full-text query's own context; only the page shown gets them.
    const snippets = new Map<number, string>();
    if (fts && rows.length > 0) {
      // One pass over the rowid range of the best matches: FTS5 expands the query once, and
      // `+rowid IN` (not pushed into FTS5) keeps snippets to those rows. Only the top of the
      // list gets snippets; that is what a writer reads, and snippets are the costly part.
      const ids = rows.slice(0, SNIPPET_ROWS).map((r) => r.rid);
      const found = db
        .prepare<unknown[], { rowid: number; snippet: string }>(
          `SELECT rowid, snippet(articles_fts, -1, char(2), char(3), '…', 14) AS snippet FROM articles_fts
           WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (${ids.map(() => '?').join(', ')})`,
        )
        .all(fts, Math.min(...ids), Math.max(...ids), ...ids);
      for (const f of found) snippets.set(f.rowid, f.snippet);
    }
    const items: ArticleSummary[] = rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      section: r.section,
      updatedAt: r.updated_at,
      trashedAt: r.trashed_at ?? undefined,
      wordCount: r.word_count,
      byline: r.byline ? r.byline.split('\u001f') : [],
      deadline: r.deadline,
      openComments: r.open_comments,
      ...(r.return_note !== null ? { returnNote: r.return_note } : {}),
      ...(r.holder !== null ? { assignment: holderOf(r.holder) } : {}),
      ...(snippets.has(r.rid) ? { snippet: snippetParts(snippets.get(r.rid)!) } : {}),
    }));
    return totalIsLowerBound ? { items, total, totalIsLowerBound } : { items, total };
  }

  return {
    listArticles,

    getArticle(id: string): Article {
      return rowToArticle(requireArticle(id));
    },

    createArticle(fields: Partial<ArticleFields> = {}, status: ArticleStatus = 'draft'): Article {
      return rowToArticle(requireArticle(createTx(fields, status)));
    },

    saveArticle(id: string, baseVersion: number, patch: ArticlePatch): SaveResult {
      return saveTx(id, baseVersion, patch);
    },

    duplicateArticle(id: string): Article {
      const source = rowToArticle(requireArticle(id));
      const { id: _id, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = source;
      const headline = source.headline ? `Copy of ${source.headline}` : '';
      return rowToArticle(requireArticle(createTx({ ...fields, headline: headline.slice(0, 300), slug: undefined, slugLocked: false }, 'draft')));
    },

    trashArticle: db.transaction((id: string) => {
      requireArticle(id);
      stmt.trash.run(id, now());
    }),

    restoreArticle: db.transaction((id: string) => {
      requireArticle(id);
      stmt.restore.run(id);
    }),

    /** Deletes for good; refuses an article that is not in the trash so nothing is lost by one click. */
    deleteArticleForever: db.transaction((id: string) => {
      requireArticle(id);
      if (stmt.isTrashed.get(id)!.n === 0) {
        throw new AppError('NOT_ALLOWED', 'Move the article to the trash before deleting it for good.');
      }
      stmt.deleteArticle.run(id);
    }),

    taxonomy(): Taxonomy {
      const tags = db
        .prepare<[], { tag: string }>(`SELECT tag FROM article_tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 500`)
        .all()
        .map((r) => r.tag);
      const sections = db
        .prepare<[], { section: string }>(`SELECT section FROM articles WHERE section <> '' GROUP BY section ORDER BY count(*) DESC, section LIMIT 200`)
        .all()
        .map((r) => r.section);
      return { tags, sections };
    },

    articleCount(): number {
      return stmt.countArticles.get()!.n;
    },

    hasArticle(id: string): boolean {
      return stmt.hasArticle.get(id)!.n > 0;
    },

    /** Active (not trashed) articles in a workflow status, newest edit first. */
    articleIdsWithStatus(status: ArticleStatus): string[] {
      return stmt.idsByStatus.all(status).map((r) => r.id);
    },

    /**
     * Stores an article that comes from elsewhere under the given id, keeping its status, version
     * and dates; byline authors this database lacks are left out.
     */
    insertArticleAs(id: string, fields: ArticleFields, origin: ArticleOrigin): Article {
      return rowToArticle(requireArticle(insertTx(id, fields, origin, true)));
    },

    /** Replaces an article's content and status wholesale (an import the user chose over theirs); the version moves on. */
    replaceArticle: db.transaction((id: string, fields: ArticleFields, status: ArticleStatus): Article => {
      requireArticle(id);
      stmt.replaceArticle.run({ id, ...articleColumns(id, fields), status, now: now() });
      setByline(id, fields.bylineAuthorIds, true);
      setTags(id, fields.tags);
      return rowToArticle(requireArticle(id));
    }),

    /**
     * Bodies of articles not in `exceptStatuses` whose stored JSON contains `needle`: a cheap text
     * match that narrows a scan; callers look at the parsed body to find the real blocks. `local`
     * leaves out newsroom articles (their JSON is derived from their documents, which are edited
     * instead); `newsroom` lists only those.
     */
    bodiesMentioning(
      needle: string,
      exceptStatuses: readonly ArticleStatus[],
      which: 'local' | 'newsroom' = 'local',
    ): { id: string; version: number; body: ArticleBody }[] {
      const statuses = exceptStatuses.map(() => '?').join(', ') || `''`;
      const newsroom = `id ${which === 'local' ? 'NOT IN' : 'IN'} (SELECT article_id FROM sync_documents)`;
      return db
        .prepare<unknown[], { id: string; version: number; body_json: string }>(
          `SELECT id, version, body_json FROM articles WHERE status NOT IN (${statuses}) AND ${newsroom} AND instr(body_json, ?) > 0`,
        )
        .all(...exceptStatuses, needle)
        .map((r) => ({ id: r.id, version: r.version, body: JSON.parse(r.body_json) as ArticleBody }));
    },

    /** Moves an article to a workflow status (the workflow decides which), checked against `baseVersion`. */
    setStatus(id: string, baseVersion: number, status: ArticleStatus, at = now()): number {
      const result = stmt.setStatus.run(status, at, id, baseVersion);
      if (result.changes !== 1) {
        throw new AppError('CONFLICT', 'This article was changed elsewhere.', { currentVersion: stmt.versionOf.get(id)?.version ?? baseVersion });
      }
      return baseVersion + 1;
    },

    /**
     * Writes a body the libraries rewrote (a synced block followed its entry, or was frozen),
     * checked against `baseVersion`; returns the new version.
     */
    writeBody(id: string, baseVersion: number, body: ArticleBody, at = now()): number {
      requireArticle(id);
      const result = stmt.writeBody.run({
        id,
        version: baseVersion,
        body_json: JSON.stringify(body),
        ...derivedColumns(body),
        now: at,
      });
      if (result.changes !== 1) throw new AppError('CONFLICT', 'An article changed while the library was updating it. Try again.');
      return baseVersion + 1;
    },

    /** Runs several store calls as one transaction (used by seeding and imports). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
