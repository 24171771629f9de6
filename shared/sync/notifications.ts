/**
 * What the newsroom tells a person at their desk: an article assigned to them, returned to them, a
 * comment that mentions them, an article approved. The server keeps them per account; the desk keeps
 * a copy so the inbox works offline. Nothing here leaves the newsroom.
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = ['assigned', 'returned', 'mentioned', 'approved'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The most the server answers at once (newest first) and the desk keeps. */
export const NOTIFICATIONS_MAX = 100;
/** A notification's own words (a comment's start, a note) are cut to this. */
export const NOTIFICATION_TEXT_MAX = 200;

/** A notification as the server's API sends it and the desk keeps it. */
export const notificationSchema = z.object({
  id: z.number().int().min(1),
  kind: z.enum(NOTIFICATION_KINDS),
  articleId: z.string().min(1).max(100),
  articleHeadline: z.string().max(2_000),
  actorName: z.string().max(200),
  text: z.string().max(2_000),
  createdAt: z.string().min(1).max(40),
  readAt: z.string().min(1).max(40).nullable(),
});
export type NewsroomNotification = z.infer<typeof notificationSchema>;

/** Cuts a text to `max` characters on a word boundary where it can, with an ellipsis. */
export function shortText(text: string, max = NOTIFICATION_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** What happened, in a few words after the actor's name: “Tomas Okafor assigned you …”. */
export function notificationSentence(n: Pick<NewsroomNotification, 'kind' | 'actorName' | 'articleHeadline'>): string {
  const article = n.articleHeadline.trim() ? `“${n.articleHeadline.trim()}”` : 'an untitled article';
  const who = n.actorName || 'Someone';
  switch (n.kind) {
    case 'assigned':
      return `${who} assigned ${article} to you`;
    case 'returned':
      return `${who} returned ${article}`;
    case 'mentioned':
      return `${who} mentioned you on ${article}`;
    case 'approved':
      return `${who} approved ${article}`;
  }
}
