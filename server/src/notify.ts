/**
 * Records notifications: one per account told, never to the person who acted (an editor who assigns
 * an article to themself is not told so). Called inside the transaction of what it tells about.
 */
import type { NotificationKind } from '../../shared/sync/notifications';
import { shortText } from '../../shared/sync/notifications';
import type { Storage } from './storage/storage';

export type Notice = {
  /** Who to tell; repeats, nulls and the actor are left out. */
  accountIds: readonly (string | null | undefined)[];
  actor: { id: string; name: string };
  kind: NotificationKind;
  articleId: string;
  text: string;
  at: string;
};

/** Returns the ids of the accounts told. */
export async function notify(storage: Storage, notice: Notice): Promise<string[]> {
  const told = [...new Set(notice.accountIds.filter((id): id is string => !!id && id !== notice.actor.id))];
  for (const accountId of told) {
    await storage.notifications.add({
      accountId,
      kind: notice.kind,
      articleId: notice.articleId,
      actorName: notice.actor.name,
      text: shortText(notice.text),
      at: notice.at,
    });
  }
  return told;
}
