/** Synced library blocks in an article's document follow a changed entry; frozen, detached and others' stay. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorBioBlock, authorSnapshot } from '../library/blocks';
import type { AuthorEntry } from '../library/entries';
import { emptyArticleFields } from '../model/article';
import { paragraph, type ArticleBody } from '../model/document';
import { articleToDoc, docToArticleFields } from './articleDoc';
import { followLibraryInDoc } from './libraryBlocksInDoc';

const ines = (version: number, bio: string): AuthorEntry => ({
  id: 'ines',
  name: 'Ines Halvorsen',
  jobTitle: 'Harbour Reporter',
  bio: [{ text: bio }],
  email: '',
  photoAssetId: '',
  readMoreUrl: '',
  profileLinks: [],
  archived: false,
  version,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const pat: AuthorEntry = { ...ines(1, 'Pat writes.'), id: 'pat', name: 'Pat' };

describe('followLibraryInDoc', () => {
  it('moves synced blocks of the entry to its version and words, as one edit that reaches another replica', () => {
    const v1 = ines(1, 'Covers the port.');
    const body: ArticleBody = [
      paragraph('Lead.'),
      authorBioBlock(v1),
      { ...authorBioBlock(v1), mode: 'frozen' },
      { ...authorBioBlock(v1), mode: 'detached' },
      authorBioBlock(pat),
    ];
    const doc = articleToDoc({ ...emptyArticleFields(), body });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update));

    const v2 = ines(2, 'Covers the port and the ferries.');
    let moved = 0;
    doc.transact(() => (moved = followLibraryInDoc(doc, { kind: 'author-bio', entry: v2 })));
    expect(moved).toBe(1);
    const expected: ArticleBody = [
      paragraph('Lead.'),
      { ...authorBioBlock(v1), version: 2, snapshot: authorSnapshot(v2) },
      { ...authorBioBlock(v1), mode: 'frozen' },
      { ...authorBioBlock(v1), mode: 'detached' },
      authorBioBlock(pat),
    ];
    expect(docToArticleFields(doc).body).toEqual(expected);
    expect(docToArticleFields(other).body).toEqual(expected);

    // The same version again, or an older one from a desk that has not fetched yet, moves nothing.
    expect(followLibraryInDoc(doc, { kind: 'author-bio', entry: v2 })).toBe(0);
    expect(followLibraryInDoc(doc, { kind: 'author-bio', entry: v1 })).toBe(0);
    expect(docToArticleFields(doc).body).toEqual(expected);
  });
});
