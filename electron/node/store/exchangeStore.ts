/**
 * The SQL behind export and import: reading what a bundle carries (disclosure versions, article
 * ids by status) and writing an imported article with a given id, its authors and disclosure
 * versions. Callers wrap a whole import in `transaction` so nothing is ever half-written.
 */
import type { ArticleStatus } from '../../../shared/model/article';
import { bodyPlainText, countWords } from '../../../shared/model/document';
import { randomUUID } from 'node:crypto';
import type {
  BundleArticle,
  BundleAuthor,
  BundleComment,
  BundleDisclosure,
  BundleDisclosureVersion,
  BundleRevision,
} from '../../../shared/exchange/bundle';
import { createHash } from 'node:crypto';
import { AppError, type ImageMimeType } from '../../../shared/ipc/contract';
import { sniffImageType } from './assetStore';
import type { Db } from './database';

type VersionRow = { version: number; title: string; text_json: string; policy_url: string; created_at: string };

export function createExchangeStore(db: Db, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();
  const stmt = {
    template: db.prepare<[string], { id: string; current_version: number; archived: number }>(
      `SELECT id, current_version, archived FROM disclosure_templates WHERE id = ?`,
    ),
    templateVersions: db.prepare<[string], VersionRow>(
      `SELECT version, title, text_json, policy_url, created_at FROM disclosure_template_versions WHERE template_id = ? ORDER BY version`,
    ),
    hasVersion: db.prepare<[string, number], { n: number }>(
      `SELECT count(*) AS n FROM disclosure_template_versions WHERE template_id = ? AND version = ?`,
    ),
    insertTemplate: db.prepare(
      `INSERT INTO disclosure_templates (id, current_version, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    insertVersion: db.prepare(
      `INSERT INTO disclosure_template_versions (template_id, version, title, text_json, policy_url, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    hasAuthor: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM authors WHERE id = ?`),
    authorByName: db.prepare<[string], { id: string }>(`SELECT id FROM authors WHERE name = ? COLLATE NOCASE ORDER BY archived, rowid LIMIT 1`),
    insertAuthor: db.prepare(
      `INSERT INTO authors (id, name, job_title, bio_json, email, photo_asset_id, read_more_url, archived, created_at, updated_at)
       VALUES (@id, @name, @job_title, @bio_json, @email, @photo_asset_id, @read_more_url, @archived, @now, @now)`,
    ),
    assetById: db.prepare<[string], { sha256: string }>(`SELECT sha256 FROM assets WHERE id = ?`),
    assetByHash: db.prepare<[string], { id: string }>(`SELECT id FROM assets WHERE sha256 = ?`),
    insertAsset: db.prepare(
      `INSERT INTO assets (id, file_name, mime_type, byte_size, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    hasArticle: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM articles WHERE id = ?`),
    versionOf: db.prepare<[string], { version: number }>(`SELECT version FROM articles WHERE id = ?`),
    insertArticle: db.prepare(
      `INSERT INTO articles (id, headline, dek, slug, slug_locked, section, dateline, seo_title, seo_description,
         planned_length, deadline, ai_declaration_json, body_json, body_text, word_count, status, version, created_at, updated_at)
       VALUES (@id, @headline, @dek, @slug, @slug_locked, @section, @dateline, @seo_title, @seo_description,
         @planned_length, @deadline, @ai_declaration_json, @body_json, @body_text, @word_count, @status, @version, @created_at, @updated_at)`,
    ),
    updateArticle: db.prepare(
      `UPDATE articles SET headline = @headline, dek = @dek, slug = @slug, slug_locked = @slug_locked, section = @section,
         dateline = @dateline, seo_title = @seo_title, seo_description = @seo_description, planned_length = @planned_length,
         deadline = @deadline, ai_declaration_json = @ai_declaration_json, body_json = @body_json, body_text = @body_text,
         word_count = @word_count, status = @status, version = @version, updated_at = @updated_at
       WHERE id = @id`,
    ),
    deleteAuthorsOf: db.prepare(`DELETE FROM article_authors WHERE article_id = ?`),
    insertAuthorOf: db.prepare(`INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)`),
    deleteTagsOf: db.prepare(`DELETE FROM article_tags WHERE article_id = ?`),
    insertTag: db.prepare(`INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)`),
    idsByStatus: db.prepare<[string], { id: string }>(
      `SELECT a.id FROM articles a LEFT JOIN trash t ON t.article_id = a.id WHERE t.article_id IS NULL AND a.status = ? ORDER BY a.updated_at DESC`,
    ),
  };

  // The review workflow's tables, when this database has them (its migration may not be listed yet).
  const hasTable = (name: string) =>
    db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)!.n > 0;
  const reviewTables = () => ({ revisions: hasTable('revisions'), comments: hasTable('comment_threads') && hasTable('comment_messages') });

  function articleParams(id: string, a: BundleArticle, version: number, createdAt: string, updatedAt: string) {
    const bodyText = bodyPlainText(a.body);
    return {
      id,
      headline: a.headline,
      dek: a.dek,
      slug: a.slug,
      slug_locked: a.slugLocked ? 1 : 0,
      section: a.section,
      dateline: a.dateline,
      seo_title: a.seoTitle,
      seo_description: a.seoDescription,
      planned_length: a.plannedLength,
      deadline: a.deadline,
      ai_declaration_json: JSON.stringify(a.aiDeclaration),
      body_json: JSON.stringify(a.body),
      body_text: bodyText,
      word_count: countWords(`${a.headline} ${a.dek} ${bodyText}`),
      status: a.status,
      version,
      created_at: createdAt,
      updated_at: updatedAt,
    };
  }

  function setBylineAndTags(id: string, a: BundleArticle) {
    stmt.deleteAuthorsOf.run(id);
    a.bylineAuthorIds.forEach((authorId, position) => {
      if (stmt.hasAuthor.get(authorId)!.n > 0) stmt.insertAuthorOf.run(id, authorId, position);
    });
    stmt.deleteTagsOf.run(id);
    for (const tag of a.tags) if (tag.trim()) stmt.insertTag.run(id, tag.trim());
  }

  return {
    hasArticle(id: string): boolean {
      return stmt.hasArticle.get(id)!.n > 0;
    },

    /** Active (not trashed) articles in a workflow status, newest edit first. */
    articleIdsWithStatus(status: ArticleStatus): string[] {
      return stmt.idsByStatus.all(status).map((r) => r.id);
    },

    /** A disclosure template with every stored version, for a bundle. */
    disclosure(templateId: string): BundleDisclosure | undefined {
      const t = stmt.template.get(templateId);
      if (!t) return undefined;
      const versions: BundleDisclosureVersion[] = stmt.templateVersions.all(templateId).map((v) => ({
        version: v.version,
        title: v.title,
        text: JSON.parse(v.text_json),
        policyUrl: v.policy_url,
        createdAt: v.created_at,
      }));
      return { id: t.id, currentVersion: t.current_version, archived: t.archived === 1, versions };
    },

    /**
     * Stores a bundle's image under its own id when that id is free, so a bundle round-trips
     * exactly; identical bytes already stored are reused. Returns `undefined` when the id is taken
     * by other bytes (the caller then stores it under a new id). Bytes must be what the type says.
     */
    putAssetKeepingId(id: string, fileName: string, mimeType: ImageMimeType, bytes: Buffer): string | undefined {
      const actual = sniffImageType(bytes);
      if (actual !== mimeType) throw new AppError('INVALID_PAYLOAD', `"${fileName}" is not a PNG, JPEG, GIF or WebP image as its type says.`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const same = stmt.assetByHash.get(sha256);
      if (same) return same.id;
      if (stmt.assetById.get(id)) return undefined;
      stmt.insertAsset.run(id, fileName, mimeType, bytes.length, sha256, bytes, now());
      return id;
    },

    authorIdByName(name: string): string | undefined {
      return stmt.authorByName.get(name)?.id;
    },

    /** Adds an author the database does not have; an existing author with that id is kept as it is. */
    ensureAuthor(author: BundleAuthor): boolean {
      if (stmt.hasAuthor.get(author.id)!.n > 0) return false;
      stmt.insertAuthor.run({
        id: author.id,
        name: author.name,
        job_title: author.jobTitle,
        bio_json: JSON.stringify(author.bio),
        email: author.email,
        photo_asset_id: author.photoAssetId,
        read_more_url: author.readMoreUrl,
        archived: author.archived ? 1 : 0,
        now: now(),
      });
      return true;
    },

    /** Adds a template and whichever of its versions the database lacks; existing versions are never changed. */
    ensureDisclosure(d: BundleDisclosure): number {
      const at = now();
      if (!stmt.template.get(d.id)) stmt.insertTemplate.run(d.id, d.currentVersion, d.archived ? 1 : 0, at, at);
      let added = 0;
      for (const v of d.versions) {
        if (stmt.hasVersion.get(d.id, v.version)!.n > 0) continue;
        stmt.insertVersion.run(d.id, v.version, v.title, JSON.stringify(v.text), v.policyUrl, v.createdAt || at);
        added++;
      }
      return added;
    },

    /** Inserts an article under the given id, keeping the bundle's status, version and dates. */
    insertArticle(id: string, a: BundleArticle): void {
      stmt.insertArticle.run(articleParams(id, a, a.version, a.createdAt || now(), a.updatedAt || now()));
      setBylineAndTags(id, a);
    },

    /** Replaces a stored article's content with the bundle's; the version moves on so open windows notice. */
    replaceArticle(id: string, a: BundleArticle): number {
      const current = stmt.versionOf.get(id)!.version;
      const version = current + 1;
      stmt.updateArticle.run(articleParams(id, a, version, '', now()));
      setBylineAndTags(id, a);
      return version;
    },

    /** The article's revisions, oldest first; undefined when the database has no revisions table. */
    revisionsOf(articleId: string): BundleRevision[] | undefined {
      if (!reviewTables().revisions) return undefined;
      type Row = { kind: BundleRevision['kind']; label: string; status: BundleRevision['status']; article_version: number; fields_json: string; actor_name: string; actor_role: BundleRevision['role']; created_at: string };
      return db
        .prepare<[string], Row>(`SELECT * FROM revisions WHERE article_id = ? ORDER BY id`)
        .all(articleId)
        .map((r) => ({ kind: r.kind, label: r.label, status: r.status, articleVersion: r.article_version, by: r.actor_name, role: r.actor_role, at: r.created_at, fields: JSON.parse(r.fields_json) }));
    },

    /** The article's comment threads with their messages; undefined when the database has no comment tables. */
    commentsOf(articleId: string): BundleComment[] | undefined {
      if (!reviewTables().comments) return undefined;
      type Thread = { id: string; anchor_json: string | null; quote: string; resolved_at: string | null; resolved_by: string; created_at: string };
      type Message = { id: string; actor_name: string; actor_role: 'writer' | 'editor'; text: string; created_at: string };
      const messages = db.prepare<[string], Message>(`SELECT * FROM comment_messages WHERE thread_id = ? ORDER BY created_at, rowid`);
      return db
        .prepare<[string], Thread>(`SELECT * FROM comment_threads WHERE article_id = ? ORDER BY created_at, rowid`)
        .all(articleId)
        .map((t) => ({
          id: t.id,
          anchor: t.anchor_json === null ? null : JSON.parse(t.anchor_json),
          quote: t.quote,
          resolvedAt: t.resolved_at ?? '',
          resolvedBy: t.resolved_by,
          createdAt: t.created_at,
          messages: messages.all(t.id).map((m) => ({ id: m.id, by: m.actor_name, role: m.actor_role, text: m.text, at: m.created_at })),
        }));
    },

    /**
     * Adds revisions and comment threads to an article. Revisions already there (same version and
     * time) and threads whose id exists are skipped; `freshIds` gives threads new ids (an imported copy).
     * Returns what could not be kept because this database has no such tables.
     */
    addReview(articleId: string, revisions: readonly BundleRevision[], comments: readonly BundleComment[], freshIds: boolean): string[] {
      const tables = reviewTables();
      const skipped: string[] = [];
      if (revisions.length && !tables.revisions) skipped.push(`${revisions.length} revision(s)`);
      if (comments.length && !tables.comments) skipped.push(`${comments.length} comment thread(s)`);
      if (tables.revisions && revisions.length) {
        const exists = db.prepare<[string, number, string], { n: number }>(
          `SELECT count(*) AS n FROM revisions WHERE article_id = ? AND article_version = ? AND created_at = ?`,
        );
        const insert = db.prepare(
          `INSERT INTO revisions (article_id, kind, label, status, article_version, fields_json, actor_name, actor_role, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const r of revisions) {
          if (exists.get(articleId, r.articleVersion, r.at)!.n > 0) continue;
          insert.run(articleId, r.kind, r.label, r.status, r.articleVersion, JSON.stringify(r.fields), r.by, r.role, r.at);
        }
      }
      if (tables.comments && comments.length) {
        const threadExists = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM comment_threads WHERE id = ?`);
        const messageExists = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM comment_messages WHERE id = ?`);
        const insertThread = db.prepare(
          `INSERT INTO comment_threads (id, article_id, anchor_json, quote, resolved_at, resolved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        );
        const insertMessage = db.prepare(
          `INSERT INTO comment_messages (id, thread_id, actor_name, actor_role, text, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        );
        for (const c of comments) {
          if (!freshIds && threadExists.get(c.id)!.n > 0) continue;
          const threadId = freshIds ? randomUUID() : c.id;
          insertThread.run(threadId, articleId, c.anchor === null ? null : JSON.stringify(c.anchor), c.quote, c.resolvedAt || null, c.resolvedBy, c.createdAt);
          for (const m of c.messages) {
            const messageId = freshIds || messageExists.get(m.id)!.n > 0 ? randomUUID() : m.id;
            insertMessage.run(messageId, threadId, m.by, m.role, m.text, m.at);
          }
        }
      }
      return skipped;
    },

    /** Keeps the stored text as a revision before an import replaces it (when revisions exist here). */
    keepAsRevision(articleId: string, label: string): boolean {
      if (!reviewTables().revisions) return false;
      type Row = { status: string; version: number; headline: string; dek: string; slug: string; slug_locked: number; section: string; dateline: string; seo_title: string; seo_description: string; planned_length: number; deadline: string; ai_declaration_json: string; body_json: string };
      const a = db.prepare<[string], Row>(`SELECT * FROM articles WHERE id = ?`).get(articleId);
      if (!a) return false;
      const tags = db.prepare<[string], { tag: string }>(`SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag`).all(articleId).map((r) => r.tag);
      const byline = db.prepare<[string], { author_id: string }>(`SELECT author_id FROM article_authors WHERE article_id = ? ORDER BY position`).all(articleId).map((r) => r.author_id);
      const fields = {
        headline: a.headline, dek: a.dek, slug: a.slug, slugLocked: a.slug_locked === 1, section: a.section, tags, bylineAuthorIds: byline,
        dateline: a.dateline, seoTitle: a.seo_title, seoDescription: a.seo_description, plannedLength: a.planned_length, deadline: a.deadline,
        aiDeclaration: JSON.parse(a.ai_declaration_json), body: JSON.parse(a.body_json),
      };
      db.prepare(
        `INSERT INTO revisions (article_id, kind, label, status, article_version, fields_json, actor_name, actor_role, created_at)
         VALUES (?, 'manual', ?, ?, ?, ?, '', '', ?)`,
      ).run(articleId, label, a.status, a.version, JSON.stringify(fields), now());
      return true;
    },

    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type ExchangeStore = ReturnType<typeof createExchangeStore>;
