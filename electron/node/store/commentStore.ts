/** Comment threads on articles. Kept outside the body, so they never reach an export. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/contract';
import type { CommentAnchor } from '../../../shared/comments/anchors';
import type { BundleComment } from '../../../shared/exchange/bundle';
import type { CommentThread, Profile } from '../../../shared/model/review';
import type { Role } from '../../../shared/workflow/transitions';
import type { Clock } from './articleStore';
import type { Db } from './database';

type ThreadRow = {
  id: string;
  article_id: string;
  anchor_json: string | null;
  quote: string;
  resolved_at: string | null;
  resolved_by: string;
  created_at: string;
  suggestion_id: string | null;
};
type MessageRow = { id: string; thread_id: string; actor_name: string; actor_role: Role; text: string; created_at: string };

export type AnchorUpdate = { threadId: string; anchor: CommentAnchor | null };

export function createCommentStore(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  const stmt = {
    threadsOf: db.prepare<[string], ThreadRow>(`SELECT * FROM comment_threads WHERE article_id = ? ORDER BY created_at, rowid`),
    thread: db.prepare<[string], ThreadRow>(`SELECT * FROM comment_threads WHERE id = ?`),
    messagesOf: db.prepare<[string], MessageRow>(
      `SELECT m.* FROM comment_messages m JOIN comment_threads t ON t.id = m.thread_id WHERE t.article_id = ? ORDER BY m.created_at, m.rowid`,
    ),
    messagesOfThread: db.prepare<[string], MessageRow>(`SELECT * FROM comment_messages WHERE thread_id = ? ORDER BY created_at, rowid`),
    articleExists: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM articles WHERE id = ?`),
    insertThread: db.prepare(`INSERT INTO comment_threads (id, article_id, anchor_json, quote, created_at, suggestion_id) VALUES (?, ?, ?, ?, ?, ?)`),
    insertImportedThread: db.prepare(
      `INSERT INTO comment_threads (id, article_id, anchor_json, quote, resolved_at, resolved_by, created_at, suggestion_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    threadExists: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM comment_threads WHERE id = ?`),
    messageExists: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM comment_messages WHERE id = ?`),
    insertMessage: db.prepare(`INSERT INTO comment_messages (id, thread_id, actor_name, actor_role, text, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
    resolve: db.prepare(`UPDATE comment_threads SET resolved_at = ?, resolved_by = ? WHERE id = ?`),
    setAnchor: db.prepare(`UPDATE comment_threads SET anchor_json = ? WHERE id = ? AND article_id = ?`),
    openCount: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM comment_threads WHERE article_id = ? AND resolved_at IS NULL`),
  };

  function toThread(row: ThreadRow, messages: MessageRow[]): CommentThread {
    return {
      id: row.id,
      articleId: row.article_id,
      anchor: row.anchor_json ? (JSON.parse(row.anchor_json) as CommentAnchor) : undefined,
      quote: row.quote,
      resolved: row.resolved_at !== null,
      resolvedBy: row.resolved_by,
      resolvedAt: row.resolved_at ?? '',
      createdAt: row.created_at,
      messages: messages.map((m) => ({ id: m.id, by: m.actor_name, role: m.actor_role, text: m.text, at: m.created_at })),
      ...(row.suggestion_id ? { suggestionId: row.suggestion_id } : {}),
    };
  }

  function requireThread(id: string): ThreadRow {
    const row = stmt.thread.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'That comment no longer exists.');
    return row;
  }

  function getThread(id: string): CommentThread {
    return toThread(requireThread(id), stmt.messagesOfThread.all(id));
  }

  function listThreads(articleId: string): CommentThread[] {
    const byThread = new Map<string, MessageRow[]>();
    for (const m of stmt.messagesOf.all(articleId)) {
      const list = byThread.get(m.thread_id);
      if (list) list.push(m);
      else byThread.set(m.thread_id, [m]);
    }
    return stmt.threadsOf.all(articleId).map((row) => toThread(row, byThread.get(row.id) ?? []));
  }

  return {
    listThreads,

    /** An article's threads as a bundle carries them (an orphaned thread's anchor is null). */
    forBundle(articleId: string): BundleComment[] {
      return listThreads(articleId).map((t) => ({
        id: t.id,
        anchor: t.anchor ?? null,
        quote: t.quote,
        resolvedAt: t.resolvedAt,
        resolvedBy: t.resolvedBy,
        createdAt: t.createdAt,
        messages: t.messages,
        ...(t.suggestionId ? { suggestionId: t.suggestionId } : {}),
      }));
    },

    /**
     * Adds a bundle's threads to an article. Threads already here (same id) are skipped;
     * `freshIds` gives every thread a new id (an imported copy next to the original).
     */
    addImported: db.transaction((articleId: string, comments: readonly BundleComment[], freshIds: boolean): void => {
      for (const c of comments) {
        if (!freshIds && stmt.threadExists.get(c.id)!.n > 0) continue;
        const threadId = freshIds ? randomUUID() : c.id;
        const anchor = c.anchor === null ? null : JSON.stringify(c.anchor);
        stmt.insertImportedThread.run(threadId, articleId, anchor, c.quote, c.resolvedAt || null, c.resolvedBy, c.createdAt, c.suggestionId ?? null);
        for (const m of c.messages) {
          const messageId = freshIds || stmt.messageExists.get(m.id)!.n > 0 ? randomUUID() : m.id;
          stmt.insertMessage.run(messageId, threadId, m.by, m.role, m.text, m.at);
        }
      }
    }),

    /** Starts a thread; with `suggestionId` it holds the replies to that suggestion. */
    createThread: db.transaction((articleId: string, anchor: CommentAnchor, text: string, actor: Profile, suggestionId?: string): CommentThread => {
      if (stmt.articleExists.get(articleId)!.n === 0) throw new AppError('NOT_FOUND', 'That article no longer exists.');
      const id = randomUUID();
      const at = now();
      stmt.insertThread.run(id, articleId, JSON.stringify(anchor), anchor.quote, at, suggestionId ?? null);
      stmt.insertMessage.run(randomUUID(), id, actor.name, actor.role, text.trim(), at);
      return getThread(id);
    }),

    reply: db.transaction((threadId: string, text: string, actor: Profile): CommentThread => {
      requireThread(threadId);
      stmt.insertMessage.run(randomUUID(), threadId, actor.name, actor.role, text.trim(), now());
      return getThread(threadId);
    }),

    setResolved: db.transaction((threadId: string, resolved: boolean, actor: Profile): CommentThread => {
      requireThread(threadId);
      stmt.resolve.run(resolved ? now() : null, resolved ? actor.name : '', threadId);
      return getThread(threadId);
    }),

    /** Stores anchors moved by edits in the open editor; null marks a thread orphaned. */
    updateAnchors: db.transaction((articleId: string, updates: readonly AnchorUpdate[]) => {
      for (const u of updates) stmt.setAnchor.run(u.anchor ? JSON.stringify(u.anchor) : null, u.threadId, articleId);
    }),

    openCount(articleId: string): number {
      return stmt.openCount.get(articleId)!.n;
    },
  };
}

export type CommentStore = ReturnType<typeof createCommentStore>;
