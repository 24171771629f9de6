/**
 * The newsroom's shared libraries at two desks (a writer's and an editor's), each a real database
 * file behind the real dispatcher, against the newsroom server as a real process: an editor's entry
 * reaches the writer's library whole and marked as the newsroom's; the writer is refused changes;
 * a change based on an older version is refused and the desk takes the server's; offline, an editor's
 * change is refused with a sentence and nothing changes; the desk's own entries stay its own.
 */
import { expect, it } from 'vitest';
import { api, connect, signInAs, synced, until } from '../../../server/test/harness';
import { authorBioBlock } from '../../../shared/library/blocks';
import type { AuthorInput } from '../../../shared/library/entries';
import { paragraph } from '../../../shared/model/document';
import { docToArticleFields } from '../../../shared/sync/articleDoc';
import { articleDocumentName } from '../../../shared/sync/documentName';
import { LIBRARY_EDITORS_SENTENCE } from '../../../shared/library/newsroomLibrary';
import { deskTestNewsroom, MARA, TOMAS } from './deskTestNewsroom';
import { LIBRARY_NEEDS_CONNECTION } from './librarySync';

const newsroom = deskTestNewsroom('library-sync');
const { signedInDesk } = newsroom;

const author = (bio: string): AuthorInput => ({
  name: 'Ines Halvorsen',
  jobTitle: 'Harbour Reporter',
  bio: [{ text: bio }],
  email: 'ines@example.org',
  photoAssetId: '',
  readMoreUrl: 'https://example.org/ines',
  profileLinks: [{ label: 'Site', url: 'https://example.org' }],
});

it('an editor’s entry reaches the writer’s library whole; writers are refused changes; stale and offline changes change nothing', async () => {
  const editor = await signedInDesk(TOMAS);
  const writer = await signedInDesk(MARA);

  // A desk's own entry from before (or beside) the newsroom stays its own: a writer's new author.
  const own = await writer.call('authors:create', { author: { ...author('Mine.'), name: 'Pat Local' } });
  expect(own.newsroom).toBeUndefined();

  // The editor's new author is the newsroom's: on the server first, then in the editor's library.
  const created = await editor.call('authors:create', { author: author('Covers the port.') });
  expect(created).toEqual({ ...author('Covers the port.'), id: created.id, archived: false, version: 1, updatedAt: created.updatedAt, newsroom: true });
  const token = await signInAs(newsroom.server.http, TOMAS.name, TOMAS.password);
  const onServer = await api(newsroom.server.http, '/api/library?after=0', { token });
  expect(onServer.body.entries.map((e: { id: string; version: number; data: unknown }) => [e.id, e.version, e.data])).toEqual([
    [created.id, 1, author('Covers the port.')],
  ]);

  // The writer's desk fetches it (a refresh, as on reconnecting and every 20 s): whole, and the newsroom's.
  await writer.call('sync:refresh', {});
  const mine = await writer.call('authors:list', { includeArchived: true });
  expect(mine.map((a) => a.name)).toEqual(['Ines Halvorsen', 'Pat Local']);
  expect(mine[0]).toEqual({ ...created, updatedAt: mine[0]!.updatedAt });
  expect((await writer.call('sync:status', {})).libraryRevision).toBeGreaterThan(0);

  // The writer may not change, archive or delete it; nothing changes anywhere.
  expect(await writer.refused('authors:update', { id: created.id, baseVersion: 1, author: author('Mine now.') })).toMatchObject({
    code: 'NOT_ALLOWED',
    message: LIBRARY_EDITORS_SENTENCE,
  });
  expect((await writer.refused('authors:setArchived', { id: created.id, archived: true })).message).toBe(LIBRARY_EDITORS_SENTENCE);
  expect((await writer.refused('authors:delete', { id: created.id, confirm: true })).message).toMatch(/^The newsroom’s library entries are never deleted/);
  expect((await writer.call('authors:get', { id: created.id })).bio).toEqual([{ text: 'Covers the port.' }]);

  // Someone else changed it first (through the API): the editor's change on version 1 is refused, and
  // the desk takes the server's version.
  const other = await api(newsroom.server.http, `/api/library/author/${created.id}`, {
    method: 'PUT',
    token,
    body: { baseVersion: 1, data: author('Covers the port and ferries.') },
  });
  expect(other.status).toBe(200);
  const stale = await editor.refused('authors:update', { id: created.id, baseVersion: 1, author: author('Tomas’s words.') });
  expect(stale).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
  expect(stale.message).toMatch(/^Tomas Okafor changed this author since you opened it \(it is at version 2\)/);
  expect(await editor.call('authors:get', { id: created.id })).toMatchObject({ version: 2, bio: [{ text: 'Covers the port and ferries.' }] });

  // Based on version 2 it goes through; the writer's desk gets version 2 of the words at its next fetch.
  const saved = await editor.call('authors:update', { id: created.id, baseVersion: 2, author: author('Covers the harbour.') });
  expect(saved.entry).toMatchObject({ version: 3, bio: [{ text: 'Covers the harbour.' }], newsroom: true });
  await writer.call('sync:refresh', {});
  expect(await writer.call('authors:get', { id: created.id })).toMatchObject({ version: 3, bio: [{ text: 'Covers the harbour.' }] });
  // A desk keeps the versions it fetched (version 2 came and went between two fetches of the writer's).
  expect((await writer.call('authors:versions', { id: created.id })).map((v) => [v.version, v.bio])).toEqual([
    [3, [{ text: 'Covers the harbour.' }]],
    [1, [{ text: 'Covers the port.' }]],
  ]);

  // Archived by the editor: still listed on the writer's desk, archived.
  await editor.call('authors:setArchived', { id: created.id, archived: true });
  await writer.call('sync:refresh', {});
  expect(await writer.call('authors:get', { id: created.id })).toMatchObject({ version: 3, archived: true, newsroom: true });

  // Offline ("work offline"), the editor's change is refused with a sentence and nothing changes.
  await editor.call('sync:setOffline', { offline: true });
  expect(await editor.refused('authors:update', { id: created.id, baseVersion: 3, author: author('Offline words.') })).toMatchObject({
    code: 'NOT_ALLOWED',
    message: LIBRARY_NEEDS_CONNECTION,
  });
  expect(await editor.call('authors:get', { id: created.id })).toMatchObject({ version: 3, bio: [{ text: 'Covers the harbour.' }] });
  expect((await api(newsroom.server.http, '/api/library?after=0', { token })).body.entries[0].version).toBe(3);
}, 60_000);

it('a writer’s newsroom article follows a changed entry on the writer’s own desk: synced blocks move, frozen ones stay, and the server has it', async () => {
  const writer = await signedInDesk(MARA);
  const editor = await signedInDesk(TOMAS);
  const created = await editor.call('authors:create', { author: author('Covers the port.') });
  const template = await editor.call('disclosures:create', {
    disclosure: { title: 'AI-assisted translation', text: [{ text: 'Translated with AI.' }], policyUrl: '', covers: ['translation'] },
  });
  expect(template).toMatchObject({ version: 1, newsroom: true });
  editor.session.close();

  await writer.call('sync:refresh', {});
  const v1 = await writer.call('authors:get', { id: created.id });
  const disclosures = await writer.call('disclosures:list', { includeArchived: true });
  expect(disclosures.find((d) => d.id === template.id)).toEqual(template);
  const article = await writer.call('articles:create', {
    fields: { headline: 'Harbour wall gives way', body: [paragraph('Lead.'), authorBioBlock(v1), { ...authorBioBlock(v1), mode: 'frozen' }] },
  });
  const token = await signInAs(newsroom.server.http, TOMAS.name, TOMAS.password);
  const onServer = connect(newsroom.server.ws, articleDocumentName(article.id), token);
  try {
    await until('the article on the server', () => synced(onServer) && docToArticleFields(onServer.doc).body.length === 3);

    // The bio changes on the server (no editor's desk has the article): the writer's desk fetches it.
    const changed = await api(newsroom.server.http, `/api/library/author/${created.id}`, {
      method: 'PUT',
      token,
      body: { baseVersion: 1, data: author('Covers the harbour.') },
    });
    expect(changed.status).toBe(200);
    await writer.call('sync:refresh', {});
    const v2 = await writer.call('authors:get', { id: created.id });
    const expected = [
      paragraph('Lead.'),
      { ...authorBioBlock(v1), version: 2, snapshot: authorBioBlock(v2).snapshot },
      { ...authorBioBlock(v1), mode: 'frozen' },
    ];
    await until('the server’s document follows', () => JSON.stringify(docToArticleFields(onServer.doc).body) === JSON.stringify(expected));
    await until(
      'the writer’s stored article follows',
      async () => JSON.stringify((await writer.call('articles:get', { id: article.id })).body) === JSON.stringify(expected),
    );
  } finally {
    onServer.destroy();
  }
}, 60_000);

it('a word a writer adds goes through the newsroom server to every desk; offline it stays on the desk that added it', async () => {
  const writer = await signedInDesk(MARA);
  const editor = await signedInDesk(TOMAS);
  const added = await writer.call('dictionary:add', { word: 'Zelenskyy' });
  expect(added).toMatchObject({ word: 'Zelenskyy', addedBy: MARA.name, newsroomUrl: expect.any(String) });
  const token = await signInAs(newsroom.server.http, TOMAS.name, TOMAS.password);
  const onServer = await api(newsroom.server.http, '/api/dictionary?after=0', { token });
  expect(onServer.body.words.map((w: { word: string }) => w.word)).toContain('Zelenskyy');

  await editor.call('sync:refresh', {});
  await until('the word on the editor’s desk', async () => (await editor.call('dictionary:list', {})).some((w) => w.word === 'Zelenskyy'));
  const there = (await editor.call('dictionary:list', {})).find((w) => w.word === 'Zelenskyy');
  expect(there).toMatchObject({ addedBy: MARA.name, newsroomUrl: added.newsroomUrl });
  // The newsroom's word is removed on the server, not on a desk.
  expect((await editor.refused('dictionary:remove', { word: 'Zelenskyy' })).message).toMatch(/removed on the newsroom server/);
  // The server refuses what is not a word, and says why.
  expect((await writer.refused('dictionary:add', { word: 'two words' })).message).toMatch(/is not one word/);

  // Offline: the word is this desk's own and does not reach the server.
  await writer.call('sync:setOffline', { offline: true });
  const local = await writer.call('dictionary:add', { word: 'Kovalenko' });
  expect(local.newsroomUrl).toBeUndefined();
  const after = await api(newsroom.server.http, '/api/dictionary?after=0', { token });
  expect(after.body.words.map((w: { word: string }) => w.word)).not.toContain('Kovalenko');
});
