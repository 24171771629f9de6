/**
 * Moves articles through the editorial workflow. Each transition runs in one
 * transaction: the version check, the role check against the transition
 * table, the checklist for approval and export, the status change, the log
 * entry, the registered hooks (e.g. freezing library blocks) and a revision.
 * The acting user is the desk's profile, passed in by the main process.
 */
import { AppError } from '../../../shared/ipc/contract';
import type { Article, ArticleStatus } from '../../../shared/model/article';
import type { Profile, TransitionRecord } from '../../../shared/model/review';
import { checklistErrors, runChecklist, type LibraryRule, type StyleCounts } from '../../../shared/rules/checklist';
import { planTransition, STATUS_LABEL, type WorkflowAction } from '../../../shared/workflow/transitions';
import type { ArticleStore, Clock } from './articleStore';
import type { CommentStore } from './commentStore';
import type { Db } from './database';
import type { RevisionStore } from './revisionStore';
import type { SettingsStore } from './settingsStore';

/** Runs inside the transition's transaction; throwing refuses the transition and rolls everything back. */
export type TransitionHook = (articleId: string, from: ArticleStatus, to: ArticleStatus, tx: Db) => void;

type TransitionRow = {
  id: number;
  action: WorkflowAction;
  from_status: ArticleStatus;
  to_status: ArticleStatus;
  actor_name: string;
  actor_role: Profile['role'];
  note: string;
  at: string;
};

/** A step decided elsewhere (the newsroom server), as it was logged there. */
export type DecidedStep = { action: WorkflowAction; from: ArticleStatus; to: ArticleStatus; note: string; at?: string };

export type WorkflowDeps = {
  articles: ArticleStore;
  comments: CommentStore;
  revisions: RevisionStore;
  settings: SettingsStore;
  /** The library-backed checklist rules (AI disclosure, author bios) for the article's current libraries. */
  libraryRules: () => readonly LibraryRule[];
  /** The article's unresolved house-style findings (its rules, less what its writers ignored). */
  styleCounts?: (article: Article) => StyleCounts;
  clock?: Clock;
};

export function createWorkflowStore(db: Db, deps: WorkflowDeps) {
  const clock = deps.clock ?? (() => new Date());
  const hooks = new Set<TransitionHook>();
  const stmt = {
    log: db.prepare(
      `INSERT INTO workflow_transitions (article_id, action, from_status, to_status, actor_name, actor_role, note, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    history: db.prepare<[string], TransitionRow>(`SELECT * FROM workflow_transitions WHERE article_id = ? ORDER BY id`),
  };

  /** The checklist as approval sees it: errors here refuse approval and export. */
  function approvalErrors(article: Article) {
    return checklistErrors(
      runChecklist({
        article,
        openComments: deps.comments.openCount(article.id),
        purpose: 'approval',
        settings: deps.settings.reviewSettings(),
        libraryRules: deps.libraryRules(),
        ...(deps.styleCounts ? { style: deps.styleCounts(article) } : {}),
      }),
    );
  }

  const transitionTx = db.transaction((articleId: string, baseVersion: number, action: WorkflowAction, note: string, actor: Profile): Article => {
    const article = deps.articles.getArticle(articleId);
    if (article.version !== baseVersion) {
      throw new AppError('CONFLICT', 'This article was changed elsewhere since you opened it. Reload it and try again.', {
        currentVersion: article.version,
      });
    }
    const plan = planTransition(article.status, action, actor.role);
    if (!plan.ok) throw new AppError('NOT_ALLOWED', plan.reason);
    const cleanNote = note.trim();
    if (plan.needsNote && !cleanNote) throw new AppError('NOT_ALLOWED', 'Add a note for the writer saying what to change.');
    if (plan.needsCleanChecklist) {
      const errors = approvalErrors(article);
      if (errors.length > 0) {
        throw new AppError('NOT_ALLOWED', `Cannot ${action === 'export' ? 'export' : 'approve'} yet: ${errors.map((e) => e.message).join(' ')}`);
      }
    }
    const at = clock().toISOString();
    deps.articles.setStatus(articleId, baseVersion, plan.to, at);
    stmt.log.run(articleId, action, plan.from, plan.to, actor.name, actor.role, cleanNote, at);
    for (const hook of hooks) hook(articleId, plan.from, plan.to, db);
    deps.revisions.snapshot(articleId, 'status', `${STATUS_LABEL[plan.from]} → ${STATUS_LABEL[plan.to]}`, actor);
    return deps.articles.getArticle(articleId);
  });

  const recordDecidedTx = db.transaction((articleId: string, step: DecidedStep, actor: Profile): Article => {
    const article = deps.articles.getArticle(articleId);
    const at = step.at ?? clock().toISOString();
    stmt.log.run(articleId, step.action, step.from, step.to, actor.name, actor.role, step.note.trim(), at);
    // The desk may have learnt the new status already (a list refresh): the step is logged all the same.
    if (article.status !== step.to) {
      deps.articles.setStatus(articleId, article.version, step.to, at);
      for (const hook of hooks) hook(articleId, article.status, step.to, db);
      deps.revisions.snapshot(articleId, 'status', `${STATUS_LABEL[article.status]} → ${STATUS_LABEL[step.to]}`, actor);
    }
    return deps.articles.getArticle(articleId);
  });

  return {
    transition(articleId: string, baseVersion: number, action: WorkflowAction, note: string, actor: Profile): Article {
      return transitionTx(articleId, baseVersion, action, note, actor);
    },

    /**
     * Records a step the newsroom server accepted: its log entry as the server logged it, and the
     * status it leads to. None of the desk's own checks: for newsroom articles the server decides.
     */
    recordDecided(articleId: string, step: DecidedStep, actor: Profile): Article {
      return recordDecidedTx(articleId, step, actor);
    },

    /** Registers a hook run inside every transition's transaction; returns an unregister function. */
    onTransition(hook: TransitionHook): () => void {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },

    history(articleId: string): TransitionRecord[] {
      return stmt.history.all(articleId).map((r) => ({
        id: r.id,
        action: r.action,
        from: r.from_status,
        to: r.to_status,
        by: r.actor_name,
        role: r.actor_role,
        note: r.note,
        at: r.at,
      }));
    },
  };
}

export type WorkflowStore = ReturnType<typeof createWorkflowStore>;
