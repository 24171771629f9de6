import { describe, expect, it } from 'vitest';
import { paragraph, type ArticleBody } from '../model/document';
import { authorBioBlock, freezeBody, hasBioOf, syncBody } from './blocks';
import type { AuthorEntry } from './entries';

const mara: AuthorEntry = {
  id: 'mara',
  name: 'Mara Lindqvist',
  jobTitle: 'Staff Writer',
  bio: [{ text: 'Bio one.' }],
  email: '',
  photoAssetId: '',
  readMoreUrl: 'https://example.org/mara',
  profileLinks: [],
  archived: false,
  version: 1,
  updatedAt: '',
};

describe('library block rewrites', () => {
  const body: ArticleBody = [paragraph('x'), authorBioBlock(mara), { ...authorBioBlock(mara), mode: 'detached' }];

  it('syncs only synced blocks of the edited entry and reports no change as undefined', () => {
    const v2 = { ...mara, version: 2, bio: [{ text: 'Bio two.' }] };
    const next = syncBody(body, { kind: 'author-bio', entry: v2 })!;
    expect(next[1]).toMatchObject({ mode: 'synced', version: 2, snapshot: { bio: [{ text: 'Bio two.' }] } });
    expect(next[2]).toBe(body[2]);
    expect(syncBody(next, { kind: 'author-bio', entry: v2 })).toBeUndefined();
    expect(syncBody(body, { kind: 'author-bio', entry: { ...v2, id: 'other' } })).toBeUndefined();
  });

  it('freezes synced blocks only, using the live content when there is one', () => {
    const { body: frozen, frozen: n } = freezeBody(body, () => undefined);
    expect(n).toBe(1);
    expect(frozen[1]).toMatchObject({ mode: 'frozen', version: 1 });
    expect(frozen[2]).toMatchObject({ mode: 'detached' });
    expect(hasBioOf(frozen, 'mara')).toBe(true);
  });
});
