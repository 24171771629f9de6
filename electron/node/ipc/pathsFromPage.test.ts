/**
 * The page never names a file or folder: it refers to paths the main process handed out ids for
 * (picked in a native dialog, remembered from one, or offered by the host), and to nothing else.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, type Channel, type IpcResult } from '../../../shared/ipc/contract';
import { pathIdSchema, type PathKind } from '../../../shared/ipc/channels/paths';
import { APP_ENTRY_URL, isTrustedIpcSender } from '../security/appProtocol';
import { PickedPaths, type RememberedPath } from '../paths/pickedPaths';
import { DatabaseSession } from '../session';
import { createDispatcher, type Handlers, type Sender } from './dispatch';
import { createHandlers, type HandlerContext } from './handlers';

const TRUSTED: Sender = { url: APP_ENTRY_URL, isMainFrame: true };

let dir: string;
let session: DatabaseSession;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-paths-'));
  session = new DatabaseSession(path.join(dir, 'desk.db'), { seedOnCreate: true });
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function dispatcher(extra: Partial<HandlerContext> = {}) {
  const paths = extra.paths ?? new PickedPaths();
  const handlers = createHandlers({ session, paths, info: { appVersion: '1', runtime: 'electron', platform: 'test' }, ...extra });
  const ran: Channel[] = [];
  const spied = Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      (request: unknown) => (ran.push(channel as Channel), (handler as (r: unknown) => unknown)(request)),
    ]),
  ) as Handlers;
  const dispatch = createDispatcher(spied, { isTrustedSender: isTrustedIpcSender });
  return { paths, ran, dispatch: (channel: Channel, payload: unknown) => dispatch(channel, payload, TRUSTED) };
}

function value<T = any>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
const errorCode = (result: IpcResult<unknown>) => (result.ok ? 'ok' : result.error.code);

/** Every property, at any depth, of a JSON schema: [dotted name, its schema]. */
function properties(schema: any, prefix = ''): [string, any][] {
  if (!schema || typeof schema !== 'object') return [];
  const own = Object.entries<any>(schema.properties ?? {}).flatMap(([k, v]) => [[`${prefix}${k}`, v] as [string, any], ...properties(v, `${prefix}${k}.`)]);
  const nested = [schema.items, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((s) => properties(s, prefix));
  return [...own, ...nested];
}
const acceptsString = (s: any): boolean => s?.type === 'string' || (s?.anyOf ?? []).some(acceptsString) || (s?.type === 'array' && acceptsString(s.items));
const ID_PATTERN = (z.toJSONSchema(pathIdSchema) as { pattern: string }).pattern;

/** Fields named like a path that are not one: file names of dropped files and images, used only as base names. */
const BASE_NAMES = new Set(['exchange:import fileName', 'assets:put fileName']);

describe('the contract carries no paths from the page', () => {
  it('every string field named like a file or folder is a path id (or a known base name)', () => {
    const offenders: string[] = [];
    for (const channel of CHANNELS) {
      const schema = z.toJSONSchema(contract[channel].request, { io: 'input', unrepresentable: 'any' });
      for (const [name, field] of properties(schema)) {
        if (!/path|folder|dir|file|location/i.test(name.split('.').at(-1)!) || !acceptsString(field)) continue;
        const isId = field.pattern === ID_PATTERN || (field.anyOf ?? []).some((s: any) => s.pattern === ID_PATTERN);
        if (!isId && !BASE_NAMES.has(`${channel} ${name}`)) offenders.push(`${channel} ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  const rawPath = fc.oneof(
    fc.string({ maxLength: 40 }).map((s) => `/${s}`),
    fc.string({ maxLength: 40 }).map((s) => `~/${s}`),
    fc.string({ maxLength: 40 }).map((s) => `../${s}`),
    fc.string({ maxLength: 40 }).map((s) => `C:\\${s}`),
    fc.constantFrom('/etc/passwd', '.', '..', 'desk.db', '\\\\server\\share', 'file:///etc', os.homedir(), `p-${'a'.repeat(15)}`, `p-${'a'.repeat(65)}`),
  );

  it('the dispatcher refuses a raw path in every path field, and no handler runs', async () => {
    const { dispatch, ran } = dispatcher();
    const withPath = (p: string): [Channel, unknown][] => [
      ['db:open', { pathId: p }],
      ['db:open', { path: p }],
      ['backups:setFolder', { folderId: p }],
      ['backups:setFolder', { folder: p }],
      ['exchange:export', { articleIds: ['a'], formats: ['html'], folderId: p }],
      ['exchange:export', { articleIds: ['a'], formats: ['html'], folder: p }],
      ['paths:pick', { kind: 'export-folder', currentId: p }],
      ['paths:pick', { kind: 'export-folder', current: p }],
    ];
    await fc.assert(
      fc.asyncProperty(rawPath, async (p) => {
        for (const [channel, payload] of withPath(p))
          expect(errorCode(await dispatch(channel, payload)), `${channel} ${JSON.stringify(payload)}`).toBe('INVALID_PAYLOAD');
      }),
      { numRuns: 200 },
    );
    expect(ran).toEqual([]);
  });
});

describe('handlers accept only paths this process handed out', () => {
  it('an id never handed out, or handed out for another kind, is NOT_ALLOWED and changes nothing', async () => {
    const { dispatch, paths } = dispatcher();
    const stranger = new PickedPaths().offer('export-folder', path.join(dir, 'out')).id;
    const forDatabase = paths.offer('database', path.join(dir, 'out')).id;
    for (const id of [stranger, forDatabase]) {
      const r = await dispatch('exchange:export', {
        articleIds: [session.store().listArticles({ view: 'active' }).items[0]!.id],
        formats: ['md'],
        folderId: id,
      });
      expect(errorCode(r)).toBe('NOT_ALLOWED');
      expect(!r.ok && r.error.message).toBe('That export folder was not chosen in this app window. Choose it again.');
    }
    expect(errorCode(await dispatch('db:open', { pathId: stranger }))).toBe('NOT_ALLOWED');
    expect(errorCode(await dispatch('backups:setFolder', { folderId: forDatabase }))).toBe('NOT_ALLOWED');
    expect(fs.readdirSync(dir).sort()).toEqual(['desk.db', 'desk.db-shm', 'desk.db-wal']);
    expect(session.status().path).toBe(path.join(dir, 'desk.db'));
  });

  it('what the native dialog picked can be used, and comes first in its list next time', async () => {
    const answers: (string | undefined)[] = [path.join(dir, 'picked-exports'), undefined, path.join(dir, 'second.db')];
    const asked: [PathKind, string | undefined][] = [];
    const { dispatch } = dispatcher({
      pickPath: async (kind, current) => {
        asked.push([kind, current]);
        return answers.shift();
      },
    });
    const listed = value(await dispatch('paths:list', { kind: 'export-folder' }));
    expect(listed).toEqual({
      canPick: true,
      paths: [{ id: expect.stringMatching(/^p-/), kind: 'export-folder', path: path.join(os.homedir(), 'Newsroom exports') }],
    });

    const picked = value(await dispatch('paths:pick', { kind: 'export-folder', currentId: listed.paths[0].id }));
    expect(asked[0]).toEqual(['export-folder', path.join(os.homedir(), 'Newsroom exports')]);
    expect(value(await dispatch('paths:list', { kind: 'export-folder' })).paths.map((p: { path: string }) => p.path)).toEqual([
      path.join(dir, 'picked-exports'),
      path.join(os.homedir(), 'Newsroom exports'),
    ]);
    const articleId = session.store().listArticles({ view: 'active' }).items[0]!.id;
    const { jobId } = value(await dispatch('exchange:export', { articleIds: [articleId], formats: ['md'], folderId: picked.id }));
    while (value(await dispatch('exchange:jobStatus', { jobId })).state === 'running') await new Promise((r) => setTimeout(r, 5));
    expect(fs.readdirSync(path.join(dir, 'picked-exports'))).toEqual(['harbour-city-votes-to-build-flood-barrier-after-decade-of-debate.md']);

    expect(errorCode(await dispatch('paths:pick', { kind: 'backup-folder' }))).toBe('CANCELLED');
    // db:open without an id asks the dialog; the database opened is offered by id from then on.
    const opened = value(await dispatch('db:open', {}));
    expect(opened).toMatchObject({ state: 'open', path: path.join(dir, 'second.db') });
    expect(asked.at(-1)).toEqual(['database', undefined]);
    const databases = value(await dispatch('paths:list', { kind: 'database' })).paths.map((p: { path: string }) => p.path);
    expect(databases).toEqual([path.join(dir, 'second.db')]);
  });

  it('a backup folder offered by the host can be chosen; the folder in use and the default are always offered', async () => {
    const offsite = path.join(dir, 'offsite');
    const paths = new PickedPaths();
    paths.offer('backup-folder', offsite);
    const { dispatch } = dispatcher({ paths });
    const listed = value(await dispatch('paths:list', { kind: 'backup-folder' }));
    expect(listed.canPick).toBe(false);
    expect(listed.paths.map((p: { path: string }) => p.path)).toEqual([offsite, path.join(dir, 'backups')]);
    const overview = value(await dispatch('backups:setFolder', { folderId: listed.paths[0].id }));
    expect(overview).toMatchObject({ folder: offsite, isDefaultFolder: false });
    expect(errorCode(await dispatch('paths:pick', { kind: 'backup-folder' }))).toBe('NOT_ALLOWED');
  });
});

describe('an export folder that cannot take files', () => {
  it('is refused before the job starts, in one plain sentence, and nothing is written', async () => {
    const blocker = path.join(dir, 'exports');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    let remembered = 0;
    const paths = new PickedPaths({ onRemember: () => remembered++ });
    const { dispatch } = dispatcher({ paths });
    const articleId = session.store().listArticles({ view: 'active' }).items[0]!.id;
    const r = await dispatch('exchange:export', { articleIds: [articleId], formats: ['md', 'docx'], folderId: paths.offer('export-folder', blocker).id });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'NOT_ALLOWED',
        message: `"${blocker}" is a file, not a folder, so nothing could be written there. Choose a folder, or a name that is not taken yet.`,
      },
    });
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the folder should be');
    // Not remembered as a good place to export to.
    expect(remembered).toBe(0);
  });
});

describe('PickedPaths', () => {
  it('one id per path and kind; picks come first; offers keep their place', () => {
    const paths = new PickedPaths();
    const a = paths.offer('export-folder', '/exports/a');
    expect(paths.offer('export-folder', '/exports/a/')).toEqual(a);
    expect(paths.offer('database', '/exports/a').id).not.toBe(a.id);
    const b = paths.remember('export-folder', '/exports/b');
    expect(paths.list('export-folder').map((p) => p.path)).toEqual(['/exports/b', '/exports/a']);
    paths.offer('export-folder', '/exports/b');
    paths.remember('export-folder', '/exports/a');
    expect(paths.list('export-folder').map((p) => p.id)).toEqual([a.id, b.id]);
    expect(paths.resolve('export-folder', b.id)).toBe('/exports/b');
    expect(pathIdSchema.safeParse(a.id).success).toBe(true);
  });

  it('remembers picks across runs, most recent first, at most ten per kind, and never offered ones', () => {
    let saved: RememberedPath[] = [];
    const first = new PickedPaths({ onRemember: (p) => (saved = p) });
    first.offer('export-folder', '/default');
    for (let i = 0; i < 12; i++) first.remember('export-folder', `/picked/${i}`);
    first.remember('database', '/desk.db');
    expect(saved.filter((p) => p.kind === 'export-folder').map((p) => p.path)).toEqual(Array.from({ length: 10 }, (_, i) => `/picked/${11 - i}`));
    expect(first.list('export-folder').map((p) => p.path)).toContain('/default');

    const next = new PickedPaths({ remembered: [...saved, { kind: 'database', path: 'relative.db' }] });
    expect(next.list('export-folder').map((p) => p.path)).toEqual(saved.filter((p) => p.kind === 'export-folder').map((p) => p.path));
    expect(next.list('database').map((p) => p.path)).toEqual(['/desk.db']);
    // Ids are per run: last run's ids mean nothing now.
    expect(() => next.resolve('database', first.list('database')[0]!.id)).toThrow(/not chosen in this app window/);
  });
});
