/**
 * Revisions: full snapshots of an article's editable fields. One is taken at
 * every status change, on save when the last is older than ten minutes, and on
 * demand. Restoring saves the old fields as the article's next version and
 * records that as a revision too, so nothing is ever lost.
 */
import type { Article, ArticleFields } from '../../../shared/model/article';
import type { Profile, Revision, RevisionKind, RevisionSummary } from '../../../shared/model/review';
import { AppError } from '../../../shared/ipc/contract';
import type { BundleRevision } from '../../../shared/exchange/bundle';
import type { ArticleStore, Clock } from './articleStore';
import type { Db } from './database';

type RevisionRow = {
  id: number;
  article_id: string;
  kind: RevisionKind;
  label: string;
  status: Article['status'];
  article_version: number;
  fields_json: string;
  actor_name: string;
  actor_role: '' | 'writer' | 'editor';
  created_at: string;
};

export const AUTO_REVISION_INTERVAL_MS = 10 * 60 * 1000;

function fieldsOf(article: Article): ArticleFields {
  const { id: _i, status: _s, version: _v, createdAt: _c, updatedAt: _u, trashedAt: _t, ...fields } = article;
  return fields;
}

const summary = (r: RevisionRow): RevisionSummary => ({
  id: r.id,
  articleId: r.article_id,
  kind: r.kind,
  label: r.label,
  status: r.status,
  articleVersion: r.article_version,
  by: r.actor_name,
  role: r.actor_role,
  at: r.created_at,
});

export function createRevisionStore(db: Db, articles: ArticleStore, clock: Clock = () => new Date()) {
  const stmt = {
    list: db.prepare<[string], RevisionRow>(
      `SELECT id, article_id, kind, label, status, article_version, '' AS fields_json, actor_name, actor_role, created_at
       FROM revisions WHERE article_id = ? ORDER BY id DESC`,
    ),
    get: db.prepare<[number], RevisionRow>(`SELECT * FROM revisions WHERE id = ?`),
    latest: db.prepare<[string], RevisionRow>(`SELECT * FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1`),
    all: db.prepare<[string], RevisionRow>(`SELECT * FROM revisions WHERE article_id = ? ORDER BY id`),
    exists: db.prepare<[string, number, string], { n: number }>(
      `SELECT count(*) AS n FROM revisions WHERE article_id = ? AND article_version = ? AND created_at = ?`,
    ),
    insert: db.prepare(
      `INSERT INTO revisions (article_id, kind, label, status, article_version, fields_json, actor_name, actor_role, created_at)
       VALUES (@article_id, @kind, @label, @status, @article_version, @fields_json, @actor_name, @actor_role, @created_at)`,
    ),
  };

  function snapshot(articleId: string, kind: RevisionKind, label: string, actor: Profile | undefined): RevisionSummary {
    const article = articles.getArticle(articleId);
    const info = stmt.insert.run({
      article_id: articleId,
      kind,
      label: label.trim(),
      status: article.status,
      article_version: article.version,
      fields_json: JSON.stringify(fieldsOf(article)),
      actor_name: actor?.name ?? '',
      actor_role: actor?.role ?? '',
      created_at: clock().toISOString(),
    });
    return summary(stmt.get.get(Number(info.lastInsertRowid))!);
  }

  function getRevision(id: number): Revision {
    const row = stmt.get.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'That revision no longer exists.');
    return { ...summary(row), fields: JSON.parse(row.fields_json) as ArticleFields };
  }

  return {
    /** Every revision of an article with its fields, oldest first, as a bundle carries them. */
    forBundle(articleId: string): BundleRevision[] {
      return stmt.all.all(articleId).map((r) => {
        const { id: _id, articleId: _a, ...rest } = summary(r);
        return { ...rest, fields: JSON.parse(r.fields_json) as ArticleFields };
      });
    },

    /** Adds a bundle's revisions to an article, skipping those it already has (same version and time). */
    addImported: db.transaction((articleId: string, revisions: readonly BundleRevision[]): void => {
      for (const r of revisions) {
        if (stmt.exists.get(articleId, r.articleVersion, r.at)!.n > 0) continue;
        stmt.insert.run({
          article_id: articleId,
          kind: r.kind,
          label: r.label,
          status: r.status,
          article_version: r.articleVersion,
          fields_json: JSON.stringify(r.fields),
          actor_name: r.by,
          actor_role: r.role,
          created_at: r.at,
        });
      }
    }),

    list(articleId: string): RevisionSummary[] {
      return stmt.list.all(articleId).map(summary);
    },

    get: getRevision,

    /** Called inside the workflow's transaction, and by "Save version". */
    snapshot: db.transaction(snapshot),

    /** After a save: a revision when there is none yet or the latest is older than the interval. */
    snapshotIfStale: db.transaction((articleId: string, actor: Profile | undefined): RevisionSummary | undefined => {
      const latest = stmt.latest.get(articleId);
      if (latest && clock().getTime() - Date.parse(latest.created_at) < AUTO_REVISION_INTERVAL_MS) return undefined;
      return snapshot(articleId, 'auto', '', actor);
    }),

    /** Saves the revision's fields as the next version (checked against baseVersion) and records it. */
    restore: db.transaction((articleId: string, revisionId: number, baseVersion: number, actor: Profile): Article => {
      const revision = getRevision(revisionId);
      if (revision.articleId !== articleId) throw new AppError('NOT_FOUND', 'That revision belongs to another article.');
      const latest = stmt.latest.get(articleId);
      const current = articles.getArticle(articleId);
      // Keep the text being replaced when no revision holds it yet.
      if (!latest || latest.article_version !== current.version) snapshot(articleId, 'auto', 'Before restoring', actor);
      articles.saveArticle(articleId, baseVersion, revision.fields);
      snapshot(articleId, 'restore', revision.label ? `Restored “${revision.label}”` : `Restored revision ${revision.id}`, actor);
      return articles.getArticle(articleId);
    }),
  };
}

export type RevisionStore = ReturnType<typeof createRevisionStore>;
