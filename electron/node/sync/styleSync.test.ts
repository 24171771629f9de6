/**
 * House-style rules shared through the newsroom server (a kind of library entry), at two desks, each a
 * real database file behind the real dispatcher, against the server as a real process: an editor's rule
 * reaches the writer's desk and its checks; writers are refused; a starter rule an editor changes is
 * shared under its own id and replaces the writer's copy; a runaway pattern is refused by the server
 * too; desks that do not name the kinds they read are not sent rules.
 */
import { expect, it } from 'vitest';
import { api, signInAs } from '../../../server/test/harness';
import { checkStyle } from '../../../shared/language/style/checkStyle';
import type { StyleRuleInput } from '../../../shared/language/style/rules';
import { paragraph } from '../../../shared/model/document';
import { STYLE_EDITORS_SENTENCE } from '../ipc/handlers/style';
import { deskTestNewsroom, MARA, TOMAS } from './deskTestNewsroom';

const newsroom = deskTestNewsroom('style-sync');
const { signedInDesk } = newsroom;

const rule: StyleRuleInput = {
  name: 'use, not utilize',
  find: { kind: 'words', terms: ['utilize'] },
  matchCase: false,
  replacement: 'use',
  fixCase: 'as-written',
  message: '',
  category: 'usage',
  severity: 'error',
};

it('an editor’s rule reaches the writer’s desk and its checks; writers are refused; a changed starter rule is shared under its id', async () => {
  const editor = await signedInDesk(TOMAS);
  const writer = await signedInDesk(MARA);

  const created = await editor.call('styleRules:create', { rule });
  expect(created).toEqual({ ...rule, id: created.id, version: 1, archived: false, updatedAt: created.updatedAt, newsroom: true });
  const token = await signInAs(newsroom.server.http, TOMAS.name, TOMAS.password);
  // A desk that does not name the kinds it reads (one from before the house style) is not sent rules.
  expect((await api(newsroom.server.http, '/api/library?after=0', { token })).body.entries).toEqual([]);
  const all = await api(newsroom.server.http, '/api/library?after=0&kinds=author,disclosure,style-rule', { token });
  expect(all.body.entries.map((e: { kind: string; id: string; data: unknown }) => [e.kind, e.id, e.data])).toEqual([['style-rule', created.id, rule]]);

  await writer.call('sync:refresh', {});
  const mine = await writer.call('styleRules:list', {});
  expect(mine.find((r) => r.id === created.id)).toEqual({ ...created, updatedAt: expect.any(String) });
  expect(checkStyle([paragraph('We utilize it.')], mine, { off: ['long-sentence'] }).map((f) => [f.word, f.fixes])).toEqual([['utilize', ['use']]]);

  // Writers may not change the house style, the newsroom's or their desk's own.
  expect(await writer.refused('styleRules:create', { rule })).toMatchObject({ code: 'NOT_ALLOWED', message: STYLE_EDITORS_SENTENCE });
  expect(await writer.refused('styleRules:update', { id: created.id, baseVersion: 1, rule: { ...rule, severity: 'info' } })).toMatchObject({
    code: 'NOT_ALLOWED',
  });
  expect(await writer.refused('styleRules:setArchived', { id: 'style-email', archived: true })).toMatchObject({ code: 'NOT_ALLOWED' });

  // The editor changes a starter rule (this desk's own): it becomes the newsroom's under the same id,
  // and replaces the writer's starter copy at its next fetch.
  const {
    id: _id,
    version: _v,
    archived: _a,
    updatedAt: _u,
    ...percent
  } = await editor.call('styleRules:update', {
    id: 'style-percent',
    baseVersion: 1,
    rule: { ...rule, name: 'per cent, two words', find: { kind: 'words', terms: ['percent'] }, replacement: 'per cent', severity: 'warning' },
  });
  expect(percent).toMatchObject({ name: 'per cent, two words', newsroom: true });
  await writer.call('sync:refresh', {});
  const fetched = (await writer.call('styleRules:list', {})).find((r) => r.id === 'style-percent')!;
  expect(fetched).toMatchObject({ name: 'per cent, two words', replacement: 'per cent', version: 1, newsroom: true });

  // A stale change is refused and the desk shows the newsroom's; a runaway pattern is refused by the server too.
  await editor.call('styleRules:update', { id: created.id, baseVersion: 1, rule: { ...rule, severity: 'warning' } });
  expect(await writer.refused('styleRules:update', { id: created.id, baseVersion: 1, rule })).toMatchObject({ code: 'NOT_ALLOWED' });
  const runaway = await api(newsroom.server.http, `/api/library/style-rule/${created.id}`, {
    method: 'PUT',
    token,
    body: { baseVersion: 2, data: { ...rule, find: { kind: 'pattern', pattern: '(a+)+$' } } },
  });
  expect(runaway.status).toBe(400);
  expect(runaway.body.error).toMatch(/^The house-style rule was refused: The pattern repeats a group that already repeats/);
  expect(
    (await api(newsroom.server.http, '/api/library?after=0&kinds=style-rule', { token })).body.entries.find((e: { id: string }) => e.id === created.id).version,
  ).toBe(2);
}, 60_000);
