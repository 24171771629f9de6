import type { syncChannels } from '../../../../shared/ipc/channels/sync';
import { AppError } from '../../../../shared/ipc/contract';
import type { FullHandlerContext, HandlerGroup } from './context';

export function syncHandlers({ sync }: FullHandlerContext): HandlerGroup<keyof typeof syncChannels> {
  return {
    'sync:status': ({ after, waitMs }) => sync.waitForStatus(after, waitMs),
    'sync:configure': ({ server, allowInsecure }) => sync.configure(server, allowInsecure),
    'sync:signIn': ({ name, password }) => sync.signIn(name, password),
    'sync:signOut': () => sync.signOut(),
    'sync:setOffline': ({ offline }) => sync.setOffline(offline),
    'sync:refresh': () => sync.refresh(),
    'sync:open': ({ articleId }) => sync.open(articleId),
    'sync:close': ({ articleId }) => (sync.close(articleId), null),
    'sync:push': ({ articleId, update }) => sync.push(articleId, update),
    'sync:pull': (request) => sync.pull(request),
    'sync:presence': ({ articleId, cursor }) => (sync.setPresence(articleId, cursor), null),
    'sync:workflowNotices': ({ articleId }) => sync.workflowNotices(articleId),
    'sync:dismissWorkflowNotice': ({ id }) => sync.dismissWorkflowNotice(id),
    'sync:revisions': ({ articleId }) => sync.serverRevisions(articleId),
    'sync:revision': ({ articleId, number }) => sync.serverRevision(articleId, number),
    'sync:requestRevision': ({ articleId, reason, restoredFrom }) => sync.requestServerRevision(articleId, reason, restoredFrom),
    'sync:notifications': () => sync.notifications(),
    'sync:markNotificationsRead': (request) => sync.markNotificationsRead('all' in request ? 'all' : request.ids),
    'sync:accounts': () => sync.newsroomAccounts(),
    'sync:assign': ({ articleId, writerId, editorId }) => sync.assign(articleId, writerId, editorId),
  };
}

/** For handlers that write an article's JSON directly: a newsroom article's text lives in its document. */
export function refuseNewsroomArticle({ sync }: FullHandlerContext, articleId: string, what: string): void {
  if (sync.isNewsroomArticle(articleId))
    throw new AppError('NOT_ALLOWED', `${what} is not available for newsroom articles yet: their text is shared with the newsroom server.`);
}
