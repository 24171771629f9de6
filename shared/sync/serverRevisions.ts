/**
 * Revisions a newsroom server keeps of an article (server/README.md, "the protocol"): what the
 * server answers, checked with these schemas by the desk, and what the desk's IPC hands the renderer.
 */
import { z } from 'zod';
import { articleFieldsSchema, type ArticleFields } from '../model/article';

export const REVISION_REASONS = ['submitted', 'approved', 'returned', 'exported', 'requested', 'periodic', 'before-restore', 'restored'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

/** What a desk may ask the server for: a snapshot now, the text a restore is about to replace, the restore done. */
export const REQUESTABLE_REASONS = ['requested', 'before-restore', 'restored'] as const;
export type RequestableReason = (typeof REQUESTABLE_REASONS)[number];

export const serverRevisionSchema = z.object({
  number: z.number().int().min(1),
  createdAt: z.string().max(40),
  accountId: z.string().max(100),
  accountName: z.string().max(200),
  reason: z.enum(REVISION_REASONS),
  restoredFrom: z.number().int().min(1).optional(),
  headline: z.string().max(10_000),
});
export type ServerRevision = z.infer<typeof serverRevisionSchema>;

export const serverRevisionContentSchema = serverRevisionSchema.extend({ content: articleFieldsSchema });
export type ServerRevisionWithContent = ServerRevision & { content: ArticleFields };

/** The server's list, or why it cannot be had now (offline: the desk still shows its own history). */
export type ServerRevisionList = { available: true; revisions: ServerRevision[] } | { available: false; reason: string };

/** Why a revision was kept, in a few words for the list. */
export function revisionReasonLabel(revision: Pick<ServerRevision, 'reason' | 'restoredFrom'>): string {
  switch (revision.reason) {
    case 'submitted':
      return 'Submitted';
    case 'approved':
      return 'Approved';
    case 'returned':
      return 'Returned to the writer';
    case 'exported':
      return 'Exported';
    case 'requested':
      return 'Saved version';
    case 'periodic':
      return 'Saved while editing';
    case 'before-restore':
      return 'Before a restore';
    case 'restored':
      return `Restored version ${revision.restoredFrom ?? ''}`.trim();
  }
}
