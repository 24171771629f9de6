/**
 * The files and folders the page may use, each behind an opaque id. Only the
 * process itself adds paths: a native dialog's answer, the host's command line,
 * a default beside the database, or a pick remembered from an earlier run. The
 * page can only send an id back; one that was never handed out, or was handed
 * out for another kind of path, is refused.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/contract';
import type { PathKind, PickedPath } from '../../../shared/ipc/channels/paths';

/** How many picked paths of each kind are kept (and remembered across runs). */
export const MAX_PATHS_PER_KIND = 10;

export type RememberedPath = { kind: PathKind; path: string };

export type PickedPathsOptions = {
  /** Paths remembered from earlier runs, most recent first. */
  remembered?: readonly RememberedPath[];
  /** Told, most recent first, whenever a path is picked or used, so the host can keep it for the next run. */
  onRemember?: (paths: RememberedPath[]) => void;
};

type Entry = PickedPath & { remembered: boolean };

export class PickedPaths {
  /** Per kind, most recent first. */
  private readonly entries = new Map<PathKind, Entry[]>();

  constructor(private readonly options: PickedPathsOptions = {}) {
    for (const p of [...(options.remembered ?? [])].reverse()) {
      if (path.isAbsolute(p.path)) this.put(p.kind, p.path, { front: true, remembered: true });
    }
  }

  /** A path the user picked or used just now: first in its list, and remembered for the next run. */
  remember(kind: PathKind, file: string): PickedPath {
    const entry = this.put(kind, file, { front: true, remembered: true });
    this.options.onRemember?.(this.rememberedPaths());
    return view(entry);
  }

  /** A path the host offers (its command line, a default): listed after the picked ones unless it already is listed. */
  offer(kind: PathKind, file: string): PickedPath {
    return view(this.put(kind, file, { front: false, remembered: false }));
  }

  list(kind: PathKind): PickedPath[] {
    return (this.entries.get(kind) ?? []).map(view);
  }

  /** The path behind an id the page sent, if this process handed it out for this kind of path. */
  resolve(kind: PathKind, id: string): string {
    const entry = this.entries.get(kind)?.find((e) => e.id === id);
    if (!entry) throw new AppError('NOT_ALLOWED', `That ${NOUN[kind]} was not chosen in this app window. Choose it again.`);
    return entry.path;
  }

  private rememberedPaths(): RememberedPath[] {
    return [...this.entries.values()].flatMap((list) => list.filter((e) => e.remembered).map((e) => ({ kind: e.kind, path: e.path })));
  }

  private put(kind: PathKind, file: string, how: { front: boolean; remembered: boolean }): Entry {
    const resolved = path.resolve(file);
    const list = this.entries.get(kind) ?? [];
    const at = list.findIndex((e) => e.path === resolved);
    const entry: Entry = at >= 0 ? list.splice(at, 1)[0]! : { id: newId(), kind, path: resolved, remembered: false };
    entry.remembered ||= how.remembered;
    if (how.front || at < 0) {
      if (how.front) list.unshift(entry);
      else list.push(entry);
    } else list.splice(at, 0, entry);
    // Forget the oldest picks beyond the limit; what the host offers stays.
    while (list.filter((e) => e.remembered).length > MAX_PATHS_PER_KIND) {
      list.splice(
        list.findLastIndex((e) => e.remembered && e !== entry),
        1,
      );
    }
    this.entries.set(kind, list);
    return entry;
  }
}

const NOUN: Record<PathKind, string> = { database: 'database file', 'backup-folder': 'backup folder', 'export-folder': 'export folder' };

const newId = () => `p-${randomBytes(18).toString('base64url')}`;
const view = ({ id, kind, path: p }: Entry): PickedPath => ({ id, kind, path: p });
