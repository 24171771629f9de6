import type { reviewChannels } from '../../../../shared/ipc/channels/review';
import type { HandlerContext, HandlerGroup } from './context';

/** Every write is attributed to the desk's stored profile, never to anything in the request. */
export function reviewHandlers({ session }: HandlerContext): HandlerGroup<keyof typeof reviewChannels> {
  const review = () => session.review();
  const actor = () => review().settings.requireProfile();
  return {
    'profile:get': () => review().settings.profile() ?? null,
    'profile:set': (profile) => review().settings.setProfile(profile),
    'reviewSettings:get': () => review().settings.reviewSettings(),
    'reviewSettings:set': (settings) => review().settings.setReviewSettings(settings),
    'writingSettings:get': () => review().settings.writingSettings(),
    'writingSettings:set': (settings) => review().settings.setWritingSettings(settings),

    'workflow:transition': ({ id, baseVersion, action, note }) => review().workflow.transition(id, baseVersion, action, note ?? '', actor()),
    'workflow:history': ({ id }) => review().workflow.history(id),

    'comments:list': ({ articleId }) => review().comments.listThreads(articleId),
    'comments:create': ({ articleId, anchor, text }) => review().comments.createThread(articleId, anchor, text, actor()),
    'comments:reply': ({ threadId, text }) => review().comments.reply(threadId, text, actor()),
    'comments:resolve': ({ threadId, resolved }) => review().comments.setResolved(threadId, resolved, actor()),
    'comments:anchors': ({ articleId, anchors }) => (review().comments.updateAnchors(articleId, anchors), null),

    'revisions:list': ({ articleId }) => review().revisions.list(articleId),
    'revisions:get': ({ id }) => review().revisions.get(id),
    'revisions:create': ({ articleId, label }) => review().revisions.snapshot(articleId, 'manual', label, actor()),
    'revisions:restore': ({ articleId, revisionId, baseVersion }) => review().revisions.restore(articleId, revisionId, baseVersion, actor()),
  };
}
