/**
 * Files and folders the page may use. The page never names a path: the main
 * process shows the native dialog (or the host was started with the path) and
 * hands the page an opaque id for it, which is all the page can send back.
 */
import { z } from 'zod';
import { channel } from '../channel';

export const PATH_KINDS = ['database', 'backup-folder', 'export-folder'] as const;
export type PathKind = (typeof PATH_KINDS)[number];

/** A path the user picked in a dialog of the main process, or that the host offers; `path` is for showing only. */
export type PickedPath = { id: string; kind: PathKind; path: string };

export type PathChoices = {
  /** Most recently used first. */
  paths: PickedPath[];
  /** True when the host can show a native dialog (Electron). */
  canPick: boolean;
};

/** What the page sends for a path: an id handed out by the main process. A path itself never matches. */
export const pathIdSchema = z.string().regex(/^p-[A-Za-z0-9_-]{16,64}$/, 'a file or folder chosen in the app, not a path');
const kind = z.enum(PATH_KINDS);

export const pathChannels = {
  /** The paths of one kind the page may refer to. */
  'paths:list': channel<PathChoices>()(z.object({ kind }).strict()),
  /** Electron: a native dialog, starting at the path of `currentId`. Elsewhere refused. */
  'paths:pick': channel<PickedPath>()(z.object({ kind, currentId: pathIdSchema.optional() }).strict()),
} as const;
