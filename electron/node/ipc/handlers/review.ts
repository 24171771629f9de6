import type { reviewChannels } from '../../../../shared/ipc/channels/review';
import { AppError } from '../../../../shared/ipc/contract';
import type { FullHandlerContext, HandlerGroup } from './context';
import { refuseNewsroomArticle } from './sync';

/** Every write is attributed to the desk's stored profile, never to anything in the request. */
export function reviewHandlers(ctx: FullHandlerContext): HandlerGroup<keyof typeof reviewChannels> {
  const { session, sync } = ctx;
  const review = () => session.review();
  // Signed in to a newsroom, the account says who acts and with which role; solo, the desk's profile does.
  const actor = () => sync.accountProfile() ?? review().settings.requireProfile();
  return {
    'profile:get': () => sync.accountProfile() ?? review().settings.profile() ?? null,
    'profile:set': (profile) => {
      const account = sync.accountProfile();
      if (account && (account.role !== profile.role || account.name !== profile.name.trim()))
        throw new AppError(
          'NOT_ALLOWED',
          `Your name and role come from your newsroom account (${account.name}, ${account.role}); an administrator changes them on the server.`,
        );
      return review().settings.setProfile(profile);
    },
    'reviewSettings:get': () => review().settings.reviewSettings(),
    'reviewSettings:set': (settings) => review().settings.setReviewSettings(settings),
    'writingSettings:get': () => review().settings.writingSettings(),
    'writingSettings:set': (settings) => review().settings.setWritingSettings(settings),

    'workflow:transition': async ({ id, baseVersion, action, note }) => {
      if (!sync.isNewsroomArticle(id)) return review().workflow.transition(id, baseVersion, action, note ?? '', actor());
      // The server decides; an accepted step is in the desk's own status and history by now.
      const outcome = await sync.transition(id, action, note ?? '');
      const article = session.store().getArticle(id);
      return outcome.kind === 'waiting' ? { ...article, workflowStep: outcome.notice } : article;
    },
    // A newsroom article's history is the server's (every desk's steps) when it can be asked; else this desk's.
    'workflow:history': async ({ id }) => (await sync.serverHistory(id)) ?? review().workflow.history(id),

    'comments:list': ({ articleId }) => review().comments.listThreads(articleId),
    'comments:create': ({ articleId, anchor, text, suggestionId }) => review().comments.createThread(articleId, anchor, text, actor(), suggestionId),
    'comments:reply': ({ threadId, text }) => review().comments.reply(threadId, text, actor()),
    'comments:resolve': ({ threadId, resolved }) => review().comments.setResolved(threadId, resolved, actor()),
    'comments:anchors': ({ articleId, anchors }) => (review().comments.updateAnchors(articleId, anchors), null),

    'revisions:list': ({ articleId }) => review().revisions.list(articleId),
    'revisions:get': ({ id }) => review().revisions.get(id),
    'revisions:create': ({ articleId, label }) => review().revisions.snapshot(articleId, 'manual', label, actor()),
    'revisions:restore': ({ articleId, revisionId, baseVersion }) =>
      refuseNewsroomArticle(ctx, articleId, 'Restoring an earlier version') ?? review().revisions.restore(articleId, revisionId, baseVersion, actor()),
  };
}
