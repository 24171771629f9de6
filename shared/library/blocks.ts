/**
 * Library blocks in an article body: building them from library entries, and the
 * pure rewrites the store applies (sync a changed entry into synced blocks, freeze
 * references at approval). Library blocks are top-level voids, so only the top
 * level of the body is scanned.
 */
import type { AiDisclosureElement, ArticleBody, AuthorBioElement, AuthorBioSnapshot, BlockElement, DisclosureSnapshot } from '../model/document';
import type { AuthorEntry, AuthorVersion, DisclosureEntry, DisclosureVersion } from './entries';

export type LibraryBlock = AuthorBioElement | AiDisclosureElement;
export type LibraryBlockKind = LibraryBlock['type'];

type AuthorContent = Pick<AuthorEntry | AuthorVersion, 'name' | 'jobTitle' | 'bio' | 'photoAssetId' | 'readMoreUrl'>;
type DisclosureContent = Pick<DisclosureEntry | DisclosureVersion, 'title' | 'text' | 'policyUrl'>;

export function authorSnapshot(a: AuthorContent): AuthorBioSnapshot {
  return { name: a.name, jobTitle: a.jobTitle, bio: a.bio, photoAssetId: a.photoAssetId, readMoreUrl: a.readMoreUrl };
}

export function disclosureSnapshot(t: DisclosureContent): DisclosureSnapshot {
  return { title: t.title, text: t.text, policyUrl: t.policyUrl };
}

/** A new bio block: a live reference to the author's current version. */
export function authorBioBlock(a: AuthorEntry): AuthorBioElement {
  return { type: 'author-bio', authorId: a.id, mode: 'synced', version: a.version, snapshot: authorSnapshot(a), children: [{ text: '' }] };
}

export function disclosureBlock(t: DisclosureEntry): AiDisclosureElement {
  return { type: 'ai-disclosure', templateId: t.id, mode: 'synced', version: t.version, snapshot: disclosureSnapshot(t), children: [{ text: '' }] };
}

export function isLibraryBlock(block: BlockElement): block is LibraryBlock {
  return block.type === 'author-bio' || block.type === 'ai-disclosure';
}

export function sourceIdOf(block: LibraryBlock): string {
  return block.type === 'author-bio' ? block.authorId : block.templateId;
}

export function libraryBlocksOf(body: readonly BlockElement[]): LibraryBlock[] {
  return body.filter(isLibraryBlock);
}

export function hasBioOf(body: readonly BlockElement[], authorId: string): boolean {
  return body.some((b) => b.type === 'author-bio' && b.authorId === authorId);
}

/** The same block with a new snapshot and version, or the block itself when nothing differs. */
function withSnapshot<B extends LibraryBlock>(block: B, version: number, snapshot: B['snapshot']): B {
  if (block.version === version && JSON.stringify(block.snapshot) === JSON.stringify(snapshot)) return block;
  return { ...block, version, snapshot };
}

/**
 * Rewrites every synced block of one library entry to the entry's current content.
 * Detached and frozen blocks are left alone. Returns undefined when nothing changed.
 */
export function syncBody(
  body: ArticleBody,
  source: { kind: 'author-bio'; entry: AuthorEntry } | { kind: 'ai-disclosure'; entry: DisclosureEntry },
): ArticleBody | undefined {
  let changed = false;
  const next = body.map((block) => {
    if (!isLibraryBlock(block) || block.type !== source.kind || block.mode !== 'synced') return block;
    if (sourceIdOf(block) !== source.entry.id) return block;
    const updated =
      source.kind === 'author-bio'
        ? withSnapshot(block, source.entry.version, authorSnapshot(source.entry))
        : withSnapshot(block, source.entry.version, disclosureSnapshot(source.entry));
    if (updated !== block) changed = true;
    return updated;
  });
  return changed ? next : undefined;
}

/**
 * Freezes every synced block at the version it shows. `current` gives the live
 * content of a source so a reference frozen at approval carries the exact words
 * of the version it names; a missing or archived source keeps its last snapshot.
 */
export function freezeBody(
  body: ArticleBody,
  current: (block: LibraryBlock) => { version: number; snapshot: LibraryBlock['snapshot'] } | undefined,
): { body: ArticleBody; frozen: number } {
  let frozen = 0;
  const next = body.map((block) => {
    if (!isLibraryBlock(block) || block.mode !== 'synced') return block;
    frozen++;
    const live = current(block);
    const base = live ? ({ ...block, version: live.version, snapshot: live.snapshot } as LibraryBlock) : block;
    return { ...base, mode: 'frozen' as const };
  });
  return { body: next, frozen };
}
