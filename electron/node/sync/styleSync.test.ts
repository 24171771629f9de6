/**
 * House-style rules shared through the newsroom server (a kind of library entry), at two desks, each a
 * real database file behind the real dispatcher, against the server as a real process: an editor's rule
 * reaches the writer's desk and its checks; writers are refused; a starter rule an editor changes is
 * shared under its own id and replaces the writer's copy; a runaway pattern is refused by the server
 * too; desks that do not name the kinds they read are not sent rules.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../../server/src/auth/password';
import { openStorage } from '../../../server/src/storage/storage';
import { api, buildServerForTests, signInAs, sqliteBackend, startServerProcess, type Backend, type ServerProcess } from '../../../server/test/harness';
import type { Channel, IpcError, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { checkStyle } from '../../../shared/language/style/checkStyle';
import type { StyleRuleInput } from '../../../shared/language/style/rules';
import { paragraph } from '../../../shared/model/document';
import { STYLE_EDITORS_SENTENCE } from '../ipc/handlers/style';
import { APP_ENTRY_URL, isTrustedIpcSender } from '../security/appProtocol';
import { createDispatcher, type Sender } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { DatabaseSession } from '../session';
import { memoryTokenVault, SyncService } from './syncService';

const TRUSTED: Sender = { url: APP_ENTRY_URL, isMainFrame: true };
const MARA = { name: 'Mara Lindqvist', role: 'writer', password: 'mara-password-1' } as const;
const TOMAS = { name: 'Tomas Okafor', role: 'editor', password: 'tomas-password-1' } as const;

let entry = '';
let cleanupBuild = () => {};
let backend: Backend;
let server: ServerProcess;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-style-sync-'));
const sessions: DatabaseSession[] = [];

beforeAll(async () => {
  ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
  backend = sqliteBackend();
  const storage = await openStorage(backend.location);
  for (const { name, role, password } of [MARA, TOMAS]) {
    await storage.accounts.add({ id: randomUUID(), name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
  }
  await storage.close();
  server = await startServerProcess(entry, backend);
}, 60_000);

afterEach(() => {
  // A session closed by its test is closed again harmlessly.
  for (const session of sessions.splice(0)) session.close();
});

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  await backend?.cleanup();
  cleanupBuild();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function signedInDesk(who: typeof MARA | typeof TOMAS) {
  const session = new DatabaseSession(path.join(tmp, `desk-${randomUUID()}.db`), { seedOnCreate: false });
  sessions.push(session);
  const sync = new SyncService(session, memoryTokenVault(), { reconnect: { minDelay: 100, maxDelay: 200 } });
  const dispatch = createDispatcher(createHandlers({ session, sync, info: { appVersion: '0.0.0', runtime: 'browser-host', platform: 'test' } }), {
    isTrustedSender: isTrustedIpcSender,
  });
  const call = async <C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await dispatch(channel, payload, TRUSTED);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as ResponseOf<C>;
  };
  const refused = async <C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<IpcError> => {
    const result = await dispatch(channel, payload, TRUSTED);
    if (result.ok) throw new Error(`${channel} was expected to be refused`);
    return result.error;
  };
  await call('sync:configure', { server: server.http });
  await call('sync:signIn', { name: who.name, password: who.password });
  return { session, call, refused };
}

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
  const token = await signInAs(server.http, TOMAS.name, TOMAS.password);
  // A desk that does not name the kinds it reads (one from before the house style) is not sent rules.
  expect((await api(server.http, '/api/library?after=0', { token })).body.entries).toEqual([]);
  const all = await api(server.http, '/api/library?after=0&kinds=author,disclosure,style-rule', { token });
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
  const runaway = await api(server.http, `/api/library/style-rule/${created.id}`, {
    method: 'PUT',
    token,
    body: { baseVersion: 2, data: { ...rule, find: { kind: 'pattern', pattern: '(a+)+$' } } },
  });
  expect(runaway.status).toBe(400);
  expect(runaway.body.error).toMatch(/^The house-style rule was refused: The pattern repeats a group that already repeats/);
  expect(
    (await api(server.http, '/api/library?after=0&kinds=style-rule', { token })).body.entries.find((e: { id: string }) => e.id === created.id).version,
  ).toBe(2);
}, 60_000);
