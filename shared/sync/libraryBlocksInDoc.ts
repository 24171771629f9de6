/**
 * Synced library blocks in an article's Yjs document follow the library: the block's `version` and
 * `snapshot` attributes are set to the entry's, as ordinary edits (they merge and travel like typing).
 * Only blocks at an older version move: every desk that learns of a change writes the same values,
 * and one that still has an older library never takes a block back. Frozen and detached blocks stay
 * as they are. Library blocks are top-level elements, each a Y.XmlText in the body (@slate-yjs/core).
 */
import * as Y from 'yjs';
import { authorSnapshot, disclosureSnapshot } from '../library/blocks';
import type { AuthorEntry, DisclosureEntry } from '../library/entries';
import { bodyType } from './articleDoc';

export type LibrarySource = { kind: 'author-bio'; entry: AuthorEntry } | { kind: 'ai-disclosure'; entry: DisclosureEntry };

/** Updates the synced blocks of `source` in the document (call inside a transaction); returns how many moved. */
export function followLibraryInDoc(doc: Y.Doc, source: LibrarySource): number {
  const idKey = source.kind === 'author-bio' ? 'authorId' : 'templateId';
  const snapshot = source.kind === 'author-bio' ? authorSnapshot(source.entry) : disclosureSnapshot(source.entry);
  let moved = 0;
  for (const op of bodyType(doc).toDelta() as { insert?: unknown }[]) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const block = op.insert;
    const attributes = block.getAttributes() as Record<string, unknown>;
    if (attributes.type !== source.kind || attributes[idKey] !== source.entry.id || attributes.mode !== 'synced') continue;
    if (typeof attributes.version === 'number' && attributes.version >= source.entry.version) continue;
    block.setAttribute('version', source.entry.version as never);
    block.setAttribute('snapshot', structuredClone(snapshot) as never);
    moved++;
  }
  return moved;
}
