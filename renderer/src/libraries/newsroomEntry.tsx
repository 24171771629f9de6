/**
 * The newsroom's shared entries in the library views: who may change them, in words. Writers see them
 * read-only (they insert them into articles); an editor's change goes to the newsroom server first.
 */
import type { ReactNode } from 'react';
import { LIBRARY_EDITORS_SENTENCE } from '../../../shared/library/newsroomLibrary';
import { useSyncSelector } from '../sync/syncStatus';

/** Whether this person changes the newsroom's entries (an editor's account), and whether the desk belongs to a newsroom. */
export function useLibraryRole(): { inNewsroom: boolean; editor: boolean } {
  const role = useSyncSelector((s) => (s?.signedIn || s?.connection.kind === 'signed-out' ? s?.account?.role : undefined));
  return { inNewsroom: role !== undefined, editor: role === 'editor' };
}

/** Grows when the newsroom's libraries brought changes: lists load again. */
export const useLibraryRevision = () => useSyncSelector((s) => s?.libraryRevision ?? 0);

/** The line above an entry's form (or read-only view) saying whose it is and who changes it. */
export function NewsroomNote({ entry, noun, editor }: { entry: { newsroom?: true } | undefined; noun: string; editor: boolean }): ReactNode {
  const { inNewsroom } = useLibraryRole();
  if (entry?.newsroom)
    return (
      <p className="newsroom-note" role="note">
        <span className="chip">Newsroom</span>{' '}
        {editor
          ? `This ${noun} is the newsroom’s: saving sends your change to the newsroom server, and every desk gets it. It needs a connection.`
          : `${LIBRARY_EDITORS_SENTENCE} Insert this ${noun} into an article; ask an editor to change it.`}
      </p>
    );
  if (entry && inNewsroom)
    return (
      <p className="newsroom-note" role="note">
        This {noun} is on this desk only: the newsroom does not have it.
      </p>
    );
  return null;
}
