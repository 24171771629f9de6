/**
 * For tests of desks against a newsroom server: the server as a real process with a writer (Mara)
 * and an editor (Tomas), and desks signed in to it, each a real database file behind the real
 * dispatcher. Registers the suite's hooks; `newsroom.server` is there once beforeAll has run.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { hashPassword } from '../../../server/src/auth/password';
import { openStorage } from '../../../server/src/storage/storage';
import { buildServerForTests, sqliteBackend, startServerProcess, type Backend, type ServerProcess } from '../../../server/test/harness';
import type { Channel, IpcError, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { createDispatcher, type Sender } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { APP_ENTRY_URL, isTrustedIpcSender } from '../security/appProtocol';
import { DatabaseSession } from '../session';
import { memoryTokenVault, SyncService } from './syncService';

export const MARA = { name: 'Mara Lindqvist', role: 'writer', password: 'mara-password-1' } as const;
export const TOMAS = { name: 'Tomas Okafor', role: 'editor', password: 'tomas-password-1' } as const;
const TRUSTED: Sender = { url: APP_ENTRY_URL, isMainFrame: true };

export function deskTestNewsroom(name: string) {
  let entry = '';
  let cleanupBuild = () => {};
  let backend: Backend;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `desk-${name}-`));
  const sessions: DatabaseSession[] = [];
  const newsroom = { server: undefined as unknown as ServerProcess, signedInDesk };

  beforeAll(async () => {
    ({ entry, cleanup: cleanupBuild } = await buildServerForTests());
    backend = sqliteBackend();
    const storage = await openStorage(backend.location);
    for (const { name, role, password } of [MARA, TOMAS]) {
      await storage.accounts.add({ id: randomUUID(), name, role, passwordHash: await hashPassword(password), now: new Date().toISOString() });
    }
    await storage.close();
    newsroom.server = await startServerProcess(entry, backend);
  }, 60_000);

  afterEach(() => {
    // A session closed by its test is closed again harmlessly.
    for (const session of sessions.splice(0)) session.close();
  });

  afterAll(async () => {
    newsroom.server?.child.kill('SIGKILL');
    await newsroom.server?.exited;
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
    await call('sync:configure', { server: newsroom.server.http });
    await call('sync:signIn', { name: who.name, password: who.password });
    return { session, call, refused };
  }

  return newsroom;
}
