import fc from 'fast-check';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract, IPC_ERROR_CODES, MAX_ASSET_BYTES, type Channel, type IpcErrorCode, type IpcResult } from '../../../shared/ipc/contract';
import { EXPORT_FORMATS, MAX_IMPORT_BYTES } from '../../../shared/exchange/formats';
import { paragraph } from '../../../shared/model/document';
import { APP_ENTRY_URL, isTrustedIpcSender } from '../security/appProtocol';
import { PickedPaths } from '../paths/pickedPaths';
import { DatabaseSession } from '../session';
import { createDispatcher, describeStorageError, type Dispatch, type Sender } from './dispatch';
import { createHandlers } from './handlers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const TRUSTED: Sender = { url: APP_ENTRY_URL, isMainFrame: true };

type Ctx = {
  dir: string;
  session: DatabaseSession;
  /** What the host handed out ids for; the page can name nothing else. */
  paths: PickedPaths;
  dispatch: Dispatch;
  internalErrors: unknown[];
  articleId: string;
};

let ctx: Ctx;

function setup(): Ctx {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-dispatch-'));
  const session = new DatabaseSession(path.join(dir, 'desk.db'), { seedOnCreate: true });
  const internalErrors: unknown[] = [];
  const paths = new PickedPaths();
  const dispatch = createDispatcher(createHandlers({ session, paths, info: { appVersion: '1.2.3', runtime: 'browser-host', platform: 'test' } }), {
    isTrustedSender: isTrustedIpcSender,
    onInternalError: (_c, e) => internalErrors.push(e),
  });
  const articleId = session.store().listArticles({ view: 'active' }).items[0]!.id;
  return { dir, session, paths, dispatch, internalErrors, articleId };
}

beforeEach(() => {
  ctx = setup();
});
afterEach(() => {
  ctx.session.close();
  fs.rmSync(ctx.dir, { recursive: true, force: true });
});

/** Everything a call could change: every row of every table of the open database, which file is open, and the files in the folder. */
function snapshot(c: Ctx = ctx): string {
  const hash = createHash('sha256');
  const db = c.session.database();
  hash.update(JSON.stringify(c.session.status()));
  hash.update(
    JSON.stringify(
      fs
        .readdirSync(c.dir)
        .filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))
        .sort(),
    ),
  );
  if (db) {
    const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all();
    for (const { name } of tables) {
      hash.update(name);
      // Some FTS shadow tables have no rowid: sort the serialized rows instead.
      const rows = db
        .prepare(`SELECT * FROM "${name}"`)
        .raw()
        .all()
        .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
        .sort();
      hash.update(rows.join('\n'));
    }
  }
  return hash.digest('hex');
}

function expectTypedError(result: IpcResult<unknown>, code?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(IPC_ERROR_CODES).toContain(result.error.code);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.trim().length).toBeGreaterThan(0);
  if (code) expect(result.error.code).toBe(code);
}

const long = (n: number) => 'x'.repeat(n);

type Case = {
  /** A valid request, after any setup it needs (may be async). */
  valid: (c: Ctx) => unknown;
  invalid: (c: Ctx) => unknown[];
  /** The typed error a valid request gets here because it needs what only Electron has (a native dialog). */
  error?: IpcErrorCode;
  /** Waits for work the call started in the background (an export job) so nothing outlives the test. */
  settle?: (c: Ctx, value: unknown) => Promise<void>;
};

/** Per channel: a valid request (after any setup it needs) and requests the contract must refuse. */
const CASES: Record<Channel, Case> = {
  'app:info': { valid: () => ({}), invalid: () => [{ verbose: true }] },
  'db:status': { valid: () => ({}), invalid: () => [{ path: 'x' }] },
  'db:open': {
    valid: (c) => ({ pathId: c.paths.offer('database', path.join(c.dir, 'other.db')).id }),
    invalid: (c) => [
      // A path from the page is refused whatever the field is called.
      { path: path.join(c.dir, 'other.db') },
      { pathId: path.join(c.dir, 'other.db') },
      { pathId: 'other.db' },
      { pathId: `p-${long(65)}` },
      { pathId: 5 },
      { pathId: '' },
      { pathId: c.paths.offer('database', path.join(c.dir, 'x.db')).id, create: true },
    ],
  },
  'db:createNew': { valid: () => ({}), invalid: () => [{ path: 'x' }, { name: 'new.db' }] },
  'db:retry': { valid: () => ({}), invalid: () => [{ path: 'x' }, []] },
  'articles:list': {
    valid: () => ({ view: 'active', search: 'barrier', limit: 10, offset: 0 }),
    invalid: () => [
      {},
      { view: 'all' },
      { view: 'ACTIVE' },
      { view: 'active', search: long(501) },
      { view: 'active', search: 5 },
      { view: 'active', limit: 0 },
      { view: 'active', limit: 501 },
      { view: 'active', limit: 1.5 },
      { view: 'active', limit: '10' },
      { view: 'active', offset: -1 },
      { view: 'active', offset: Number.NaN },
      { view: 'active', offset: Infinity },
    ],
  },
  'articles:get': { valid: (c) => ({ id: c.articleId }), invalid: () => idInvalid() },
  'articles:create': {
    valid: () => ({ fields: { headline: 'Fresh', body: [paragraph('text')], tags: ['t'] } }),
    invalid: () => [
      { fields: null },
      { fields: [] },
      { fields: { headline: long(301) } },
      { fields: { headline: 7 } },
      { fields: { nope: 1 } },
      { fields: { body: [] } },
      { fields: { body: [{ type: 'paragraph', children: [] }] } },
      { fields: { body: [{ type: 'script', children: [{ text: 'x' }] }] } },
      { fields: { body: [{ type: 'paragraph', children: [{ text: 'x', bold: false }] }] } },
      { fields: { tags: [''] } },
      { fields: { tags: [long(61)] } },
      { fields: { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) } },
      { fields: { plannedLength: -1 } },
      { fields: { bylineAuthorIds: [long(101)] } },
      { fields: { aiDeclaration: { uses: ['magic'], tools: '', note: '' } } },
    ],
  },
  'articles:save': {
    valid: (c) => ({ id: c.articleId, baseVersion: 1, patch: { headline: 'Saved', body: [paragraph('saved body')] } }),
    invalid: (c) => [
      { id: c.articleId, baseVersion: 1 },
      { id: c.articleId, patch: {} },
      { id: c.articleId, baseVersion: -1, patch: {} },
      { id: c.articleId, baseVersion: 1.5, patch: {} },
      { id: c.articleId, baseVersion: '1', patch: {} },
      { id: c.articleId, baseVersion: 1, patch: null },
      { id: c.articleId, baseVersion: 1, patch: { headline: long(301) } },
      { id: c.articleId, baseVersion: 1, patch: { slug: long(201) } },
      { id: c.articleId, baseVersion: 1, patch: { dek: long(1_001) } },
      { id: c.articleId, baseVersion: 1, patch: { slugLocked: 'yes' } },
      { id: c.articleId, baseVersion: 1, patch: { status: 'approved' } },
      { id: c.articleId, baseVersion: 1, patch: { version: 9 } },
      { id: c.articleId, baseVersion: 1, patch: { headline: 'ok', body: [{ type: 'paragraph', children: [{ text: long(200_001) }] }] } },
      { id: c.articleId, baseVersion: 1, patch: { body: [{ type: 'list-item', list: 'bulleted', depth: 6, children: [{ text: 'x' }] }] } },
      { id: c.articleId, baseVersion: 1, patch: { body: [{ type: 'link', url: 'x', children: [{ text: 'x' }] }] } },
      { id: c.articleId, baseVersion: 1, patch: {}, force: true },
      ...idInvalid().map((p) => ({ ...(p as object), baseVersion: 1, patch: {} })),
    ],
  },
  'articles:duplicate': { valid: (c) => ({ id: c.articleId }), invalid: () => idInvalid() },
  'articles:trash': { valid: (c) => ({ id: c.articleId }), invalid: () => idInvalid() },
  'articles:restore': {
    valid: (c) => {
      c.session.store().trashArticle(c.articleId);
      return { id: c.articleId };
    },
    invalid: () => idInvalid(),
  },
  'articles:deleteForever': {
    valid: (c) => {
      c.session.store().trashArticle(c.articleId);
      return { id: c.articleId, confirm: true };
    },
    invalid: (c) => [
      { id: c.articleId },
      { id: c.articleId, confirm: false },
      { id: c.articleId, confirm: 'true' },
      { id: c.articleId, confirm: 1 },
      ...idInvalid().map((p) => ({ ...(p as object), confirm: true })),
    ],
  },
  'assets:put': {
    valid: () => ({ fileName: 'dot.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }),
    invalid: () => [
      { fileName: 'dot.svg', mimeType: 'image/svg+xml', dataBase64: PNG.toString('base64') },
      { fileName: '', mimeType: 'image/png', dataBase64: PNG.toString('base64') },
      { fileName: `${long(252)}.png`, mimeType: 'image/png', dataBase64: PNG.toString('base64') },
      { fileName: 'dot.png', mimeType: 'image/png', dataBase64: '' },
      { fileName: 'dot.png', mimeType: 'image/png', dataBase64: long(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 5) },
      { fileName: 'dot.png', mimeType: 'image/png', dataBase64: [1, 2, 3] },
      { fileName: 'dot.png', mimeType: 'image/png' },
    ],
  },
  'assets:get': {
    valid: (c) => ({ id: c.session.assets().putAsset('dot.png', 'image/png', PNG) }),
    invalid: () => idInvalid(),
  },
  // Well-formed, and refused by the fetcher before any connection: loopback is not a web image.
  'assets:fetchWeb': {
    valid: () => ({ url: 'http://127.0.0.1:9/photo.png' }),
    error: 'NOT_ALLOWED',
    invalid: () => [
      { url: '' },
      { url: 'file:///etc/passwd' },
      { url: 'ftp://example.org/a.png' },
      { url: 'data:image/png;base64,AAAA' },
      { url: 'https://user:pw@example.org/a.png' },
      { url: `https://example.org/${long(2_100)}` },
      { url: 'https://example.org/a.png', extra: 1 },
      { url: 42 },
      {},
    ],
  },
  'taxonomy:list': { valid: () => ({}), invalid: () => [{ limit: 5 }] },
  'authors:list': { valid: () => ({ includeArchived: true }), invalid: () => [{ includeArchived: 'yes' }, { includeArchived: 1 }, { archived: true }] },
  'disclosures:list': { valid: () => ({}), invalid: () => [{ all: true }] },
  ...libraryCases(),
  ...backupCases(),
  ...exchangeCases(),
  ...pathCases(),
  ...reviewCases(),
  ...styleCases(),
  ...syncCases(),
  ...spellingCases(),
};

type CaseGroup = Partial<Record<Channel, Case>>;

const call = async (c: Ctx, channel: Channel, payload: unknown) => {
  const result = await c.dispatch(channel, payload, TRUSTED);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as any;
};

/** Backups of the database file; every file lands inside the test's temp folder. */
function backupCases() {
  const name = (c: Ctx) => call(c, 'backups:create', {}).then((b: { name: string }) => b.name);
  return {
    'backups:list': { valid: () => ({}), invalid: () => [{ folder: 'x' }] },
    'backups:create': { valid: () => ({}), invalid: () => [{ kind: 'manual' }, { name: 'x.db' }] },
    'backups:restore': {
      valid: async (c) => ({ name: await name(c), confirm: true }),
      invalid: () => [
        {},
        { name: 'desk-backup-2024-01-01T00-00-00-000Z.db' },
        { name: 'desk-backup-2024-01-01T00-00-00-000Z.db', confirm: false },
        { name: 'desk-backup-2024-01-01T00-00-00-000Z.db', confirm: 'true' },
        { name: '', confirm: true },
        { name: '../desk.db', confirm: true },
        { name: 'sub\\desk.db', confirm: true },
        { name: `${long(253)}.db`, confirm: true },
        { name: 5, confirm: true },
        { name: 'a.db', confirm: true, force: true },
      ],
    },
    'backups:setFolder': {
      valid: (c) => ({ folderId: c.paths.offer('backup-folder', path.join(c.dir, 'my-backups')).id }),
      invalid: (c) => [
        {},
        { folder: path.join(c.dir, 'my-backups') },
        { folderId: path.join(c.dir, 'my-backups') },
        { folderId: '~/backups' },
        { folderId: '' },
        { folderId: 5 },
        { folderId: ['a'] },
        { folderId: c.paths.offer('backup-folder', c.dir).id, create: true },
      ],
    },
  } satisfies CaseGroup;
}

/** Export to a folder inside the temp folder, and wait for the job, so a job id exists to ask about. */
async function finishedExport(c: Ctx): Promise<string> {
  const folderId = c.paths.offer('export-folder', path.join(c.dir, 'exports')).id;
  const { jobId } = await call(c, 'exchange:export', { articleIds: [c.articleId], formats: ['html', 'md', 'ninjs'], folderId });
  await settleJob(c, jobId);
  return jobId;
}
async function settleJob(c: Ctx, jobId: string): Promise<void> {
  while ((await call(c, 'exchange:jobStatus', { jobId })).state === 'running') await new Promise((r) => setTimeout(r, 5));
}

function exchangeCases() {
  const jobInvalid = () => [{}, { jobId: '' }, { jobId: long(65) }, { jobId: 5 }, { jobId: null }, { jobId: 'a', extra: 1 }];
  const exportTo = (c: Ctx) => c.paths.offer('export-folder', path.join(c.dir, 'exports')).id;
  const markdown = Buffer.from('# Imported headline\n\nA paragraph with **bold** text.\n').toString('base64');
  return {
    'exchange:export': {
      valid: (c) => ({ articleIds: [c.articleId], formats: ['html', 'fragment', 'md', 'txt', 'ninjs', 'ninjs2', 'docx', 'bundle'], folderId: exportTo(c) }),
      settle: (c, value) => settleJob(c, (value as { jobId: string }).jobId),
      invalid: (c) => [
        { articleIds: [c.articleId], formats: ['html'] },
        { articleIds: [c.articleId], formats: ['html'], folder: path.join(c.dir, 'exports') },
        { articleIds: [c.articleId], formats: ['html'], folderId: path.join(c.dir, 'exports') },
        { articleIds: [c.articleId], formats: ['html'], folderId: '/tmp' },
        { articleIds: [], formats: ['html'], folderId: exportTo(c) },
        { articleIds: [c.articleId], formats: [], folderId: exportTo(c) },
        { articleIds: [c.articleId], formats: ['exe'], folderId: exportTo(c) },
        { articleIds: [c.articleId], formats: 'html', folderId: exportTo(c) },
        { articleIds: [c.articleId], formats: [...EXPORT_FORMATS, 'html'], folderId: exportTo(c) },
        { articleIds: [c.articleId], formats: ['html'], folderId: '' },
        { articleIds: [''], formats: ['html'], folderId: exportTo(c) },
        { articleIds: [long(101)], formats: ['html'], folderId: exportTo(c) },
        { articleIds: Array.from({ length: 5_001 }, (_, i) => `a${i}`), formats: ['html'], folderId: exportTo(c) },
        { articleIds: [c.articleId], formats: ['html'], folderId: exportTo(c), overwrite: true },
      ],
    },
    'exchange:jobStatus': { valid: async (c) => ({ jobId: await finishedExport(c) }), invalid: jobInvalid },
    'exchange:cancel': { valid: async (c) => ({ jobId: await finishedExport(c) }), invalid: jobInvalid },
    'exchange:reveal': { valid: async (c) => ({ jobId: await finishedExport(c) }), invalid: jobInvalid },
    'exchange:takeOpenedFiles': { valid: () => ({}), invalid: () => [{ fileName: 'x' }, { path: '/etc/passwd' }, [], 'files'] },
    'exchange:import': {
      valid: () => ({ fileName: 'story.md', dataBase64: markdown }),
      invalid: () => [
        { fileName: 'story.md' },
        { dataBase64: markdown },
        { fileName: '', dataBase64: markdown },
        { fileName: `${long(253)}.md`, dataBase64: markdown },
        { fileName: 'story.md', dataBase64: '' },
        { fileName: 'story.md', dataBase64: 5 },
        { fileName: 'story.md', dataBase64: long(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 5) },
        { fileName: 'story.md', dataBase64: markdown, onConflict: 'merge' },
        { fileName: 'story.md', dataBase64: markdown, onConflict: null },
        { fileName: 'story.md', dataBase64: markdown, format: 'markdown' },
      ],
    },
  } satisfies CaseGroup;
}

/** Paths: the page lists what it may use and asks main's dialog for more; it never sends a path. */
function pathCases() {
  const kindInvalid = () => [{}, { kind: 'folder' }, { kind: '/etc' }, { kind: 5 }, { kind: 'database', path: '/etc/passwd' }];
  return {
    'paths:list': { valid: () => ({ kind: 'export-folder' }), invalid: kindInvalid },
    // The browser host has no native dialog.
    'paths:pick': {
      valid: () => ({ kind: 'export-folder' }),
      error: 'NOT_ALLOWED',
      invalid: () => [...kindInvalid(), { kind: 'database', currentId: '/home/me/desk.db' }, { kind: 'database', current: '/home' }],
    },
  } satisfies CaseGroup;
}

/** The house style: rule changes are an editor's, so the valid requests set that profile first. */
function styleCases() {
  const asEditor = (c: Ctx) => c.session.review().settings.setProfile({ name: 'Petra Editor', role: 'editor' });
  const rule = {
    name: 'No “utilize”',
    find: { kind: 'words', terms: ['utilize'] },
    matchCase: false,
    replacement: 'use',
    fixCase: 'as-written',
    message: '',
    category: 'usage',
    severity: 'warning',
  };
  const badRules = [
    {},
    { rule: { ...rule, name: '' } },
    { rule: { ...rule, find: { kind: 'pattern', pattern: '(a+)+$' } } },
    { rule: { ...rule, find: { kind: 'pattern', pattern: '(?=x)y' } } },
    { rule: { ...rule, find: { kind: 'words', terms: [] } } },
    { rule: { ...rule, severity: 'fatal' } },
    { rule: { ...rule, replacement: '', message: '' } },
    { rule: { ...rule, id: 'x' } },
  ];
  return {
    'styleRules:list': { valid: () => ({ includeArchived: true }), invalid: () => [{ includeArchived: 'yes' }, { all: true }] },
    'styleRules:create': { valid: (c: Ctx) => (asEditor(c), { rule }), invalid: () => badRules },
    'styleRules:update': {
      valid: (c: Ctx) => (asEditor(c), { id: 'style-email', baseVersion: 1, rule }),
      invalid: () => [...badRules.map((p) => ({ id: 'style-email', baseVersion: 1, ...p })), { id: 'style-email', baseVersion: 0, rule }],
    },
    'styleRules:setArchived': {
      valid: (c: Ctx) => (asEditor(c), { id: 'style-email', archived: true }),
      invalid: () => [...idInvalid(), { id: 'x', archived: 'yes' }],
    },
    'styleRules:versions': { valid: () => ({ id: 'style-email' }), invalid: () => idInvalid() },
    'styleIgnores:list': { valid: (c: Ctx) => ({ articleId: c.articleId }), invalid: () => idInvalid().map((p) => renameKey(p, 'id', 'articleId')) },
    'styleIgnores:set': {
      valid: (c: Ctx) => ({ articleId: c.articleId, key: 'style:style-email:abc', ignored: true }),
      invalid: (c: Ctx) => [
        { articleId: c.articleId, key: '', ignored: true },
        { articleId: c.articleId, key: long(201), ignored: true },
        { articleId: c.articleId, key: 'k', ignored: 'yes' },
      ],
    },
  } satisfies Partial<Record<Channel, { valid: (c: Ctx) => unknown; invalid: (c: Ctx) => unknown[] }>>;
}

/** Review: every write acts as the desk's profile, so the valid requests set one first. */
function reviewCases() {
  const editor = { name: 'Petra Editor', role: 'editor' } as const;
  const asEditor = (c: Ctx) => c.session.review().settings.setProfile(editor);
  const point = (offset: number) => ({ path: [0, 0], offset });
  const anchor = { anchor: point(0), focus: point(7), quote: 'Harbour' };
  const thread = (c: Ctx) => {
    asEditor(c);
    return c.session.review().comments.createThread(c.articleId, anchor, 'Check the date.', editor).id;
  };
  const revision = (c: Ctx) => c.session.review().revisions.snapshot(c.articleId, 'manual', 'First draft', editor).id;
  const articleIdInvalid = () => idInvalid().map((p) => renameKey(p, 'id', 'articleId'));
  const text = (c: Ctx) => [
    { articleId: c.articleId, anchor, text: '' },
    { articleId: c.articleId, anchor, text: '   ' },
    { articleId: c.articleId, anchor, text: long(5_001) },
    { articleId: c.articleId, anchor, text: 5 },
  ];
  return {
    'profile:get': { valid: () => ({}), invalid: () => [{ name: 'x' }] },
    'profile:set': {
      valid: () => ({ name: 'Ines Halvorsen', role: 'writer' }),
      invalid: () => [
        {},
        { name: 'Ines' },
        { role: 'writer' },
        { name: '', role: 'writer' },
        { name: '   ', role: 'writer' },
        { name: long(101), role: 'writer' },
        { name: 5, role: 'writer' },
        { name: 'Ines', role: 'admin' },
        { name: 'Ines', role: 'Writer' },
        { name: 'Ines', role: 'writer', id: 'x' },
      ],
    },
    'reviewSettings:get': { valid: () => ({}), invalid: () => [{ headlineMaxLength: 80 }] },
    'reviewSettings:set': {
      valid: () => ({ headlineMaxLength: 120 }),
      invalid: () => [
        {},
        { headlineMaxLength: 9 },
        { headlineMaxLength: 301 },
        { headlineMaxLength: 50.5 },
        { headlineMaxLength: '100' },
        { headlineMaxLength: 100, other: 1 },
      ],
    },
    'writingSettings:get': { valid: () => ({}), invalid: () => [{ smartTypography: true }] },
    'writingSettings:set': {
      valid: () => ({ smartTypography: false, language: 'de' }),
      invalid: () => [
        {},
        { smartTypography: 'no', language: 'en' },
        { smartTypography: true, language: 'Spanish (Spain)' },
        { smartTypography: true, language: 'en', other: 1 },
      ],
    },
    'workflow:transition': {
      valid: (c) => (asEditor(c), { id: c.articleId, baseVersion: 1, action: 'submit', note: 'Ready' }),
      invalid: (c) => [
        { id: c.articleId, baseVersion: 1 },
        { id: c.articleId, action: 'submit' },
        { id: c.articleId, baseVersion: 1, action: 'publish' },
        { id: c.articleId, baseVersion: -1, action: 'submit' },
        { id: c.articleId, baseVersion: 1.5, action: 'submit' },
        { id: c.articleId, baseVersion: 1, action: 'submit', note: long(5_001) },
        { id: c.articleId, baseVersion: 1, action: 'submit', note: 5 },
        { id: c.articleId, baseVersion: 1, action: 'submit', actor: { name: 'Boss', role: 'editor' } },
        ...idInvalid().map((p) => ({ ...(p as object), baseVersion: 1, action: 'submit' })),
      ],
    },
    'workflow:history': { valid: (c) => ({ id: c.articleId }), invalid: () => idInvalid() },
    'comments:list': { valid: (c) => ({ articleId: c.articleId }), invalid: articleIdInvalid },
    'comments:create': {
      valid: (c) => (asEditor(c), { articleId: c.articleId, anchor, text: 'Is this the right date?' }),
      invalid: (c) => [
        { articleId: c.articleId, text: 'x' },
        { articleId: c.articleId, anchor },
        ...text(c),
        { articleId: c.articleId, anchor: { ...anchor, quote: '' }, text: 'x' },
        { articleId: c.articleId, anchor: { ...anchor, quote: long(5_001) }, text: 'x' },
        { articleId: c.articleId, anchor: { ...anchor, anchor: { path: [], offset: 0 } }, text: 'x' },
        { articleId: c.articleId, anchor: { ...anchor, anchor: { path: [-1], offset: 0 } }, text: 'x' },
        { articleId: c.articleId, anchor: { ...anchor, anchor: { path: Array(17).fill(0), offset: 0 } }, text: 'x' },
        { articleId: c.articleId, anchor: { ...anchor, focus: { path: [0], offset: 1.5 } }, text: 'x' },
        { articleId: c.articleId, anchor: { ...anchor, focus: { path: [0], offset: 0, extra: 1 } }, text: 'x' },
        { articleId: c.articleId, anchor: { ...anchor, resolved: true }, text: 'x' },
        { articleId: c.articleId, anchor, text: 'x', by: 'Boss' },
        ...articleIdInvalid().map((p) => ({ ...(p as object), anchor, text: 'x' })),
      ],
    },
    'comments:reply': {
      valid: (c) => ({ threadId: thread(c), text: 'Fixed.' }),
      invalid: () => [
        { threadId: 't' },
        { threadId: 't', text: '' },
        { threadId: 't', text: ' \n ' },
        { threadId: 't', text: long(5_001) },
        { threadId: '', text: 'x' },
        { threadId: long(101), text: 'x' },
        { threadId: 't', text: 'x', role: 'editor' },
      ],
    },
    'comments:resolve': {
      valid: (c) => ({ threadId: thread(c), resolved: true }),
      invalid: () => [
        { threadId: 't' },
        { threadId: 't', resolved: 'yes' },
        { threadId: 't', resolved: 1 },
        { resolved: true },
        { threadId: 't', resolved: true, by: 'x' },
      ],
    },
    'comments:anchors': {
      valid: (c) => {
        const id = thread(c);
        return {
          articleId: c.articleId,
          anchors: [
            { threadId: id, anchor: { ...anchor, focus: point(3), quote: 'Har' } },
            { threadId: 'gone', anchor: null },
          ],
        };
      },
      invalid: (c) => [
        { articleId: c.articleId },
        { articleId: c.articleId, anchors: [{ threadId: 't' }] },
        { articleId: c.articleId, anchors: [{ threadId: 't', anchor: { ...anchor, quote: '' } }] },
        { articleId: c.articleId, anchors: [{ threadId: '', anchor: null }] },
        { articleId: c.articleId, anchors: Array.from({ length: 2_001 }, () => ({ threadId: 't', anchor: null })) },
        { articleId: c.articleId, anchors: {} },
        ...articleIdInvalid().map((p) => ({ ...(p as object), anchors: [] })),
      ],
    },
    'revisions:list': { valid: (c) => ({ articleId: c.articleId }), invalid: articleIdInvalid },
    'revisions:get': {
      valid: (c) => ({ id: revision(c) }),
      invalid: () => [{}, { id: 0 }, { id: -1 }, { id: 1.5 }, { id: '1' }, { id: null }, { id: 1, articleId: 'x' }],
    },
    'revisions:create': {
      valid: (c) => (asEditor(c), { articleId: c.articleId, label: 'Before the edit' }),
      invalid: (c) => [
        { articleId: c.articleId },
        { articleId: c.articleId, label: long(201) },
        { articleId: c.articleId, label: 5 },
        { articleId: c.articleId, label: 'x', kind: 'status' },
        ...articleIdInvalid().map((p) => ({ ...(p as object), label: 'x' })),
      ],
    },
    'revisions:restore': {
      valid: (c) => (asEditor(c), { articleId: c.articleId, revisionId: revision(c), baseVersion: 1 }),
      invalid: (c) => [
        { articleId: c.articleId, revisionId: 1 },
        { articleId: c.articleId, baseVersion: 1 },
        { articleId: c.articleId, revisionId: 0, baseVersion: 1 },
        { articleId: c.articleId, revisionId: '1', baseVersion: 1 },
        { articleId: c.articleId, revisionId: 1, baseVersion: -1 },
        { articleId: c.articleId, revisionId: 1, baseVersion: 1, force: true },
        ...articleIdInvalid().map((p) => ({ ...(p as object), revisionId: 1, baseVersion: 1 })),
      ],
    },
  } satisfies CaseGroup;
}

/** The newsroom server (shared/ipc/channels/sync.ts), on a solo desk: nothing is configured or open. */
function syncCases() {
  const pull = { articleId: 'a1', stateVector: 'AA==', after: 0, revision: 0, waitMs: 0 };
  return {
    'sync:status': { valid: () => ({ after: 0, waitMs: 0 }), invalid: () => [{ after: -1 }, { waitMs: 30_001 }, { after: '1' }, { extra: 1 }] },
    'sync:configure': {
      valid: () => ({ server: 'http://127.0.0.1:9' }),
      invalid: () => [{}, { server: '' }, { server: long(501) }, { server: 'http://127.0.0.1:9', allowInsecure: 'yes' }, { server: 'x', token: 't' }],
    },
    'sync:signIn': {
      valid: () => ({ name: 'Mara', password: 'secret' }),
      // Nothing answers on the configured address.
      error: 'NOT_ALLOWED',
      invalid: () => [{ name: 'Mara' }, { name: '', password: 'x' }, { name: 'Mara', password: long(1_001) }, { name: 'Mara', password: 'x', remember: true }],
    },
    'sync:signOut': { valid: () => ({}), invalid: () => [{ everywhere: true }] },
    'sync:setOffline': { valid: () => ({ offline: false }), invalid: () => [{}, { offline: 'no' }] },
    'sync:refresh': { valid: () => ({}), invalid: () => [{ full: true }] },
    'sync:open': { valid: (c: Ctx) => ({ articleId: c.articleId }), invalid: () => [{}, { articleId: '' }, { articleId: long(101) }, { id: 'a1' }] },
    'sync:close': { valid: (c: Ctx) => ({ articleId: c.articleId }), invalid: () => [{}, { articleId: 5 }] },
    'sync:push': {
      valid: (c: Ctx) => ({ articleId: c.articleId, update: 'AAA=' }),
      // A desk-only article is not open as a newsroom article.
      error: 'NOT_FOUND',
      invalid: (c: Ctx) => [
        { articleId: c.articleId },
        { articleId: c.articleId, update: '' },
        { articleId: c.articleId, update: '<script>' },
        { articleId: c.articleId, update: 'A'.repeat(12_000_001) },
      ],
    },
    'sync:pull': {
      valid: (c: Ctx) => ({ ...pull, articleId: c.articleId }),
      error: 'NOT_FOUND',
      invalid: () => [
        { ...pull, waitMs: 30_001 },
        { ...pull, after: -1 },
        { ...pull, stateVector: '%%' },
        { ...pull, revision: undefined },
        { ...pull, extra: 1 },
        { ...pull, presence: -1 },
      ],
    },
    'sync:presence': {
      valid: (c: Ctx) => ({
        articleId: c.articleId,
        cursor: { anchor: { type: { client: 1, clock: 2 }, assoc: 0 }, head: { item: { client: 1, clock: 3 }, assoc: -1 } },
      }),
      error: 'NOT_FOUND',
      invalid: (c: Ctx) => [
        { articleId: c.articleId },
        { articleId: c.articleId, cursor: { anchor: {}, head: { assoc: 7 } } },
        { articleId: c.articleId, cursor: { anchor: { item: { client: -1, clock: 0 } }, head: {} } },
        { articleId: c.articleId, cursor: { anchor: { tname: 'x'.repeat(101) }, head: {} } },
        { articleId: c.articleId, cursor: { anchor: {}, head: {}, name: 'Someone else' } },
      ],
    },
    'sync:workflowNotices': {
      valid: (c: Ctx) => ({ articleId: c.articleId }),
      invalid: () => [{ articleId: '' }, { articleId: long(101) }, { articleId: 5 }, { id: 'a1' }],
    },
    'sync:dismissWorkflowNotice': {
      valid: () => ({ id: 1 }),
      // A solo desk has no answers from a server to dismiss.
      error: 'NOT_FOUND',
      invalid: () => [{}, { id: 0 }, { id: 1.5 }, { id: '1' }, { id: 1, all: true }],
    },
    // A solo desk's article is not the newsroom's: no server history to ask for.
    'sync:revisions': {
      valid: (c: Ctx) => ({ articleId: c.articleId }),
      error: 'NOT_FOUND',
      invalid: () => [{}, { articleId: '' }, { articleId: long(101) }, { articleId: 'a', number: 1 }],
    },
    'sync:revision': {
      valid: (c: Ctx) => ({ articleId: c.articleId, number: 1 }),
      error: 'NOT_FOUND',
      invalid: (c: Ctx) => [
        { articleId: c.articleId },
        { articleId: c.articleId, number: 0 },
        { articleId: c.articleId, number: 1.5 },
        { articleId: c.articleId, number: '1' },
      ],
    },
    'sync:requestRevision': {
      valid: (c: Ctx) => ({ articleId: c.articleId, reason: 'requested' }),
      error: 'NOT_FOUND',
      invalid: (c: Ctx) => [
        { articleId: c.articleId },
        { articleId: c.articleId, reason: 'periodic' },
        { articleId: c.articleId, reason: 'restored', restoredFrom: 0 },
        { articleId: c.articleId, reason: 'requested', label: 'x' },
      ],
    },
    'sync:notifications': { valid: () => ({}), invalid: () => [{ unread: true }] },
    'sync:markNotificationsRead': {
      valid: () => ({ all: true }),
      invalid: () => [
        {},
        { ids: [] },
        { ids: [0] },
        { ids: ['1'] },
        { all: false },
        { ids: [1], all: true },
        { ids: Array.from({ length: 501 }, (_, i) => i + 1) },
      ],
    },
    'sync:accounts': {
      valid: () => ({}),
      // A solo desk has no newsroom to list.
      error: 'NOT_ALLOWED',
      invalid: () => [{ role: 'writer' }],
    },
    'sync:assign': {
      valid: (c: Ctx) => ({ articleId: c.articleId, writerId: 'w1', editorId: null }),
      // A desk-only article is not the newsroom's.
      error: 'NOT_ALLOWED',
      invalid: (c: Ctx) => [
        { articleId: c.articleId, writerId: 'w1' },
        { articleId: c.articleId, writerId: '', editorId: null },
        { articleId: c.articleId, writerId: long(101), editorId: null },
        { articleId: '', writerId: null, editorId: null },
        { articleId: c.articleId, writerId: null, editorId: null, note: 'x' },
      ],
    },
  } satisfies CaseGroup;
}

/** The newsroom dictionary and the words ignored in an article (shared/ipc/channels/spelling.ts). */
function spellingCases() {
  const articleIdInvalid = () => idInvalid().map((p) => ({ ...(renameKey(p, 'id', 'articleId') as object), word: 'blorf' }));
  const wordInvalid = [{}, { word: '' }, { word: long(101) }, { word: 5 }, { word: 'x', extra: 1 }];
  return {
    'dictionary:list': { valid: () => ({}), invalid: () => [{ all: true }] },
    'dictionary:add': { valid: () => ({ word: 'Lindqvist' }), invalid: () => wordInvalid },
    'dictionary:remove': { valid: () => ({ word: 'Lindqvist' }), invalid: () => wordInvalid },
    'spelling:ignored': { valid: (c) => ({ articleId: c.articleId }), invalid: () => idInvalid().map((p) => renameKey(p, 'id', 'articleId')) },
    'spelling:ignore': {
      valid: (c) => ({ articleId: c.articleId, word: 'blorf' }),
      invalid: (c) => [...articleIdInvalid(), ...wordInvalid.map((w) => ({ ...w, articleId: c.articleId }))],
    },
    'spelling:unignore': {
      valid: (c) => ({ articleId: c.articleId, word: 'blorf' }),
      invalid: (c) => [...articleIdInvalid(), ...wordInvalid.map((w) => ({ ...w, articleId: c.articleId }))],
    },
  } satisfies CaseGroup;
}

function renameKey(p: unknown, from: string, to: string): unknown {
  const { [from]: value, ...rest } = p as Record<string, unknown>;
  return from in (p as object) ? { ...rest, [to]: value } : rest;
}

/** The author and disclosure libraries (shared/ipc/channels/library.ts). */
function libraryCases() {
  const author = {
    name: 'Ines Halvorsen',
    jobTitle: 'Reporter',
    bio: [{ text: 'Writes about ' }, { type: 'link', url: 'https://example.org/x', children: [{ text: 'ports' }] }],
    email: 'ines@example.org',
    photoAssetId: '',
    readMoreUrl: 'https://example.org/ines',
    profileLinks: [{ label: 'Mastodon', url: 'https://example.social/@ines' }],
  };
  const disclosure = { title: 'AI transcription', text: [{ text: 'Transcribed with AI.' }], policyUrl: 'https://example.org/ai', covers: ['transcription'] };
  const badLink = (url: string) => [{ type: 'link', url, children: [{ text: 'x' }] }];
  const badAuthors = [
    {},
    { author: { ...author, name: '' } },
    { author: { ...author, name: '   ' } },
    { author: { ...author, name: long(201) } },
    { author: { ...author, bio: badLink('javascript:alert(1)') } },
    { author: { ...author, readMoreUrl: 'ftp://example.org/x' } },
    { author: { ...author, readMoreUrl: 'mailto:a@example.org' } },
    { author: { ...author, email: 'not an email' } },
    { author: { ...author, profileLinks: [{ label: 'x', url: 'javascript:x' }] } },
    { author: { ...author, archived: true } },
    { author: { ...author, bio: null } },
  ];
  const badDisclosures = [
    {},
    { disclosure: { ...disclosure, title: '' } },
    { disclosure: { ...disclosure, covers: ['magic'] } },
    { disclosure: { ...disclosure, policyUrl: 'javascript:x' } },
    { disclosure: { ...disclosure, text: badLink('data:text/html,x') } },
    { disclosure: { ...disclosure, version: 3 } },
  ];
  const withId = (id: string) => (p: unknown) => ({ id, baseVersion: 1, ...(p as object) });
  const unusedAuthor = (c: Ctx) => c.session.library().createAuthor({ ...author, bio: [{ text: '' }] } as never).id;
  const unusedTemplate = (c: Ctx) => c.session.library().createDisclosure(disclosure as never).id;
  return {
    'authors:get': { valid: () => ({ id: 'author-mara-lindqvist' }), invalid: () => idInvalid() },
    'authors:create': { valid: () => ({ author }), invalid: () => badAuthors },
    'authors:update': {
      valid: () => ({ id: 'author-tomas-okafor', baseVersion: 1, author }),
      invalid: () => [
        { id: 'author-tomas-okafor', author },
        { id: 'author-tomas-okafor', baseVersion: 0, author },
        { id: 'author-tomas-okafor', baseVersion: 1 },
        ...badAuthors.slice(1).map(withId('author-tomas-okafor')),
      ],
    },
    'authors:setArchived': {
      valid: () => ({ id: 'author-tomas-okafor', archived: true }),
      invalid: () => [{ id: 'author-tomas-okafor' }, { id: 'author-tomas-okafor', archived: 'yes' }, { archived: true }],
    },
    'authors:delete': {
      valid: (c: Ctx) => ({ id: unusedAuthor(c), confirm: true }),
      invalid: () => [{ id: 'author-tomas-okafor' }, { id: 'author-tomas-okafor', confirm: false }],
    },
    'authors:versions': { valid: () => ({ id: 'author-mara-lindqvist' }), invalid: () => idInvalid() },
    'disclosures:create': { valid: () => ({ disclosure }), invalid: () => badDisclosures },
    'disclosures:update': {
      valid: () => ({ id: 'disclosure-ai-newsroom-tool', baseVersion: 1, disclosure }),
      invalid: () => [{ id: 'disclosure-ai-newsroom-tool', disclosure }, ...badDisclosures.slice(1).map(withId('disclosure-ai-newsroom-tool'))],
    },
    'disclosures:setArchived': {
      valid: () => ({ id: 'disclosure-ai-newsroom-tool', archived: true }),
      invalid: () => [{ id: 'disclosure-ai-newsroom-tool', archived: 0 }],
    },
    'disclosures:delete': {
      valid: (c: Ctx) => ({ id: unusedTemplate(c), confirm: true }),
      invalid: () => [{ id: 'disclosure-ai-newsroom-tool' }, { id: 'disclosure-ai-newsroom-tool', confirm: 'yes' }],
    },
    'disclosures:versions': { valid: () => ({ id: 'disclosure-ai-newsroom-tool' }), invalid: () => idInvalid() },
    'articles:freezeLibraryBlocks': { valid: (c: Ctx) => ({ id: c.articleId }), invalid: () => idInvalid() },
  } satisfies Partial<Record<Channel, { valid: (c: Ctx) => unknown; invalid: (c: Ctx) => unknown[] }>>;
}

function idInvalid(): unknown[] {
  return [{}, { id: '' }, { id: long(101) }, { id: 5 }, { id: null }, { id: ['a'] }, { id: 'a', extra: 1 }];
}

/** Refused by every channel, whatever its schema. */
const ALWAYS_INVALID: unknown[] = [null, [], [{}], 42, 0, 'articles', '', true, false, { __unexpected: 1 }];

describe('dispatch gatekeeping', () => {
  it('has a test case for every channel of the contract', () => {
    expect(
      CHANNELS.filter((c) => !CASES[c]),
      'channels without a dispatch test case',
    ).toEqual([]);
    expect(
      Object.keys(CASES).filter((c) => !(CHANNELS as string[]).includes(c)),
      'cases for channels that no longer exist',
    ).toEqual([]);
  });

  it('refuses unknown channels', async () => {
    for (const channel of ['articles:drop', '', 'constructor', '__proto__', 'toString', 42, null, undefined, 'ARTICLES:LIST']) {
      const before = snapshot();
      expectTypedError(await ctx.dispatch(channel, {}, TRUSTED), 'UNKNOWN_CHANNEL');
      expect(snapshot()).toBe(before);
    }
  });

  it('refuses untrusted senders on every channel and writes nothing', async () => {
    const senders: Sender[] = [
      { url: APP_ENTRY_URL, isMainFrame: false },
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'file:///etc/passwd', isMainFrame: true },
      { url: 'app://evil/index.html', isMainFrame: true },
      { url: '', isMainFrame: true },
    ];
    for (const channel of CHANNELS) {
      // Refused before the payload is even looked at, so any payload will do for channels without a case.
      const payload = await CASES[channel].valid(ctx);
      const before = snapshot();
      for (const sender of senders) {
        expectTypedError(await ctx.dispatch(channel, payload, sender), 'UNTRUSTED_SENDER');
      }
      expect(snapshot(), channel).toBe(before);
    }
  });

  it('treats a missing payload as empty but null as invalid', async () => {
    const result = await ctx.dispatch('db:status', undefined, TRUSTED);
    expect(result.ok).toBe(true);
    expectTypedError(await ctx.dispatch('db:createNew', null, TRUSTED), 'INVALID_PAYLOAD');
  });
});

describe.each(CHANNELS.map((c) => [c]))('channel %s', (channel) => {
  it('refuses non-object and unknown-field payloads with INVALID_PAYLOAD, changing nothing', async () => {
    for (const payload of ALWAYS_INVALID) {
      // The contract itself must refuse it first, so no handler runs (safe for channels without a case).
      expect(contract[channel].request.safeParse(payload).success, JSON.stringify(payload)).toBe(false);
      const before = snapshot();
      const result = await ctx.dispatch(channel, payload, TRUSTED);
      expectTypedError(result, 'INVALID_PAYLOAD');
      expect(!result.ok && result.error.details?.issues?.length).toBeGreaterThan(0);
      expect(snapshot()).toBe(before);
    }
  });
});

describe.each(CHANNELS.map((c) => [c]))('channel %s', (channel) => {
  it('refuses malformed payloads with INVALID_PAYLOAD and issues, changing nothing', async () => {
    const cases = CASES[channel]!;
    const payloads = [...ALWAYS_INVALID, ...cases.invalid(ctx)];
    for (const payload of payloads) {
      // The contract itself must refuse it (guards against a case that is accidentally valid).
      expect(contract[channel].request.safeParse(payload).success, JSON.stringify(payload)?.slice(0, 200)).toBe(false);
      const before = snapshot();
      const result = await ctx.dispatch(channel, payload, TRUSTED);
      expectTypedError(result, 'INVALID_PAYLOAD');
      if (!result.ok) {
        expect(result.error.details?.issues?.length).toBeGreaterThan(0);
        expect(result.error.details!.issues!.length).toBeLessThanOrEqual(10);
        for (const issue of result.error.details!.issues!) expect(typeof issue).toBe('string');
      }
      expect(snapshot(), JSON.stringify(payload)?.slice(0, 200)).toBe(before);
    }
    expect(ctx.internalErrors).toEqual([]);
  });

  it('answers a valid call', async () => {
    const { valid, error, settle } = CASES[channel];
    const result = await ctx.dispatch(channel, await valid(ctx), TRUSTED);
    if (error) {
      expectTypedError(result, error);
    } else {
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      await settle?.(ctx, result.value);
    }
    expect(ctx.internalErrors).toEqual([]);
  });
});

describe('valid calls do what they say', () => {
  const call = async (channel: Channel, payload: unknown) => {
    const result = await ctx.dispatch(channel, payload, TRUSTED);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as any;
  };

  it('reads and writes through the real store', async () => {
    expect(await call('app:info', {})).toEqual({ appVersion: '1.2.3', runtime: 'browser-host', platform: 'test' });
    expect((await call('db:status', {})).state).toBe('open');
    const list = await call('articles:list', { view: 'active' });
    expect(list.total).toBe(1);
    expect((await call('articles:list', { view: 'active', search: 'barr' })).items[0].id).toBe(ctx.articleId);
    const created = await call('articles:create', { fields: { headline: 'Fresh' } });
    expect(created.headline).toBe('Fresh');
    expect(await call('articles:save', { id: created.id, baseVersion: 1, patch: { headline: 'Fresher' } })).toMatchObject({ version: 2 });
    expect((await call('articles:get', { id: created.id })).headline).toBe('Fresher');
    const copy = await call('articles:duplicate', { id: created.id });
    expect(copy.headline).toBe('Copy of Fresher');
    expect(await call('articles:trash', { id: copy.id })).toBeNull();
    expect(await call('articles:deleteForever', { id: copy.id, confirm: true })).toBeNull();
    const asset = await call('assets:put', { fileName: 'dot.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') });
    expect((await call('assets:get', { id: asset.assetId })).dataBase64).toBe(PNG.toString('base64'));
    expect((await call('authors:list', {})).length).toBe(2);
    // The seeded template plus the three defaults of migration 003.
    expect((await call('disclosures:list', {})).length).toBe(4);
  });

  it('passes typed store errors through: CONFLICT with the version, NOT_FOUND, NOT_ALLOWED', async () => {
    const before = snapshot();
    const conflict = await ctx.dispatch('articles:save', { id: ctx.articleId, baseVersion: 7, patch: { headline: 'x' } }, TRUSTED);
    expectTypedError(conflict, 'CONFLICT');
    expect(!conflict.ok && conflict.error.details?.currentVersion).toBe(1);
    expectTypedError(await ctx.dispatch('articles:get', { id: 'missing' }, TRUSTED), 'NOT_FOUND');
    expectTypedError(await ctx.dispatch('articles:deleteForever', { id: ctx.articleId, confirm: true }, TRUSTED), 'NOT_ALLOWED');
    expectTypedError(
      await ctx.dispatch('articles:save', { id: ctx.articleId, baseVersion: 1, patch: { headline: 'x', bylineAuthorIds: ['ghost'] } }, TRUSTED),
      'NOT_FOUND',
    );
    expectTypedError(
      await ctx.dispatch('assets:put', { fileName: 'a.png', mimeType: 'image/png', dataBase64: Buffer.from('text').toString('base64') }, TRUSTED),
      'INVALID_PAYLOAD',
    );
    expect(snapshot()).toBe(before);
  });

  it('db:open without an id, where there is no file dialog, is NOT_ALLOWED', async () => {
    expectTypedError(await ctx.dispatch('db:open', {}, TRUSTED), 'NOT_ALLOWED');
  });

  it('review writes need a profile, then act as it', async () => {
    const before = snapshot();
    const submit = { id: ctx.articleId, baseVersion: 1, action: 'submit' };
    expectTypedError(await ctx.dispatch('workflow:transition', submit, TRUSTED), 'NOT_ALLOWED');
    expectTypedError(await ctx.dispatch('revisions:create', { articleId: ctx.articleId, label: 'x' }, TRUSTED), 'NOT_ALLOWED');
    expect(snapshot()).toBe(before);
    await call('profile:set', { name: '  Ines  ', role: 'writer' });
    expect(await call('profile:get', {})).toEqual({ name: 'Ines', role: 'writer' });
    expect((await call('workflow:transition', submit)).status).toBe('submitted');
    expectTypedError(await ctx.dispatch('workflow:transition', { id: ctx.articleId, baseVersion: 2, action: 'start-edit' }, TRUSTED), 'NOT_ALLOWED');
    expect((await call('workflow:history', { id: ctx.articleId })).map((h: { by: string }) => h.by)).toEqual(['Ines']);
    const quote = { path: [0, 0], offset: 0 };
    const thread = await call('comments:create', {
      articleId: ctx.articleId,
      anchor: { anchor: quote, focus: { ...quote, offset: 7 }, quote: 'Harbour' },
      text: ' Date? ',
    });
    await call('comments:reply', { threadId: thread.id, text: 'Checked.' });
    expect((await call('comments:resolve', { threadId: thread.id, resolved: true })).resolvedBy).toBe('Ines');
    expect((await call('comments:list', { articleId: ctx.articleId }))[0].messages.map((m: { text: string }) => m.text)).toEqual(['Date?', 'Checked.']);
    expectTypedError(await ctx.dispatch('comments:reply', { threadId: 'missing', text: 'x' }, TRUSTED), 'NOT_FOUND');
    const revision = await call('revisions:create', { articleId: ctx.articleId, label: 'Mine' });
    expect((await call('revisions:get', { id: revision.id })).fields.headline).toMatch(/Harbour City/);
    expectTypedError(await ctx.dispatch('revisions:get', { id: 9_999 }, TRUSTED), 'NOT_FOUND');
  });

  it('exchange: exports land in the chosen folder, imports become drafts', async () => {
    const folder = path.join(ctx.dir, 'out');
    const folderId = ctx.paths.offer('export-folder', folder).id;
    const jobId = (await call('exchange:export', { articleIds: [ctx.articleId], formats: ['html', 'md'], folderId })).jobId;
    await settleJob(ctx, jobId);
    const status = await call('exchange:jobStatus', { jobId });
    expect(status).toMatchObject({ state: 'done', done: 1, total: 1, failures: [] });
    expect(fs.readdirSync(folder).sort()).toEqual(status.files.map((f: string) => path.basename(f)).sort());
    expect(await call('exchange:reveal', { jobId })).toEqual({ revealed: false, folder });
    expectTypedError(await ctx.dispatch('exchange:jobStatus', { jobId: 'missing' }, TRUSTED), 'NOT_FOUND');
    const imported = await call('exchange:import', {
      fileName: 'story.md',
      dataBase64: Buffer.from('---\nheadline: From disk\n---\n\nBody.\n').toString('base64'),
    });
    expect(imported).toMatchObject({ kind: 'imported', headline: 'From disk', format: 'markdown' });
    expect((await call('articles:get', { id: imported.articleId })).status).toBe('draft');
    const before = snapshot();
    expectTypedError(
      await ctx.dispatch('exchange:import', { fileName: 'story.docx', dataBase64: Buffer.from('not a zip').toString('base64') }, TRUSTED),
      'INVALID_PAYLOAD',
    );
    expect(snapshot()).toBe(before);
  });

  it('backups: a backup taken now can be restored, and the restore can be undone', async () => {
    const backup = await call('backups:create', {});
    expect(backup).toMatchObject({ kind: 'manual', verified: true, articleCount: 1 });
    await call('articles:create', { fields: { headline: 'After the backup' } });
    const restored = await call('backups:restore', { name: backup.name, confirm: true });
    expect(restored.status.state).toBe('open');
    expect(restored.undoBackup).toMatch(/-backup-/);
    expect((await call('articles:list', { view: 'active' })).total).toBe(1);
    expectTypedError(await ctx.dispatch('backups:restore', { name: 'desk-backup-2000-01-01T00-00-00-000Z.db', confirm: true }, TRUSTED), 'NOT_FOUND');
    const moved = await call('backups:setFolder', { folderId: ctx.paths.offer('backup-folder', path.join(ctx.dir, 'elsewhere')).id });
    expect(moved).toMatchObject({ folder: path.join(ctx.dir, 'elsewhere'), isDefaultFolder: false, backups: [] });
  });

  it('a bad db:open reports the problem and the open file keeps working', async () => {
    const bad = path.join(ctx.dir, 'bad.db');
    fs.writeFileSync(bad, 'not a database');
    const status = await call('db:open', { pathId: ctx.paths.offer('database', bad).id });
    expect(status).toMatchObject({ state: 'error', problem: 'not-sqlite' });
    expect((await call('articles:get', { id: ctx.articleId })).version).toBe(1);
  });

  it('with no database open, store channels answer DB_UNAVAILABLE', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-dispatch-bad-'));
    const bad = path.join(dir, 'bad.db');
    fs.writeFileSync(bad, 'not a database');
    const session = new DatabaseSession(bad);
    const dispatch = createDispatcher(createHandlers({ session, info: { appVersion: '1', runtime: 'browser-host', platform: 'x' } }), {
      isTrustedSender: isTrustedIpcSender,
    });
    try {
      for (const [channel, payload] of [
        ['articles:list', { view: 'active' }],
        ['articles:get', { id: 'a' }],
        ['assets:get', { id: 'a' }],
        ['authors:list', {}],
      ] as const) {
        const result = await dispatch(channel, payload, TRUSTED);
        expectTypedError(result, 'DB_UNAVAILABLE');
        expect(!result.ok && result.error.message).toMatch(/not a Newsroom Desk database/);
      }
      expect(await dispatch('db:status', {}, TRUSTED)).toMatchObject({ ok: true, value: { state: 'error', problem: 'not-sqlite' } });
    } finally {
      session.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('storage errors', () => {
  it('describeStorageError maps what a user can act on to plain words', () => {
    expect(describeStorageError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))?.message).toMatch(/disk is full/);
    expect(describeStorageError({ code: 'SQLITE_READONLY' })?.message).toMatch(/read-only/);
    expect(describeStorageError({ code: 'SQLITE_BUSY' })?.message).toMatch(/busy/);
    expect(describeStorageError({ code: 'SQLITE_IOERR_WRITE' })?.message).toMatch(/disk reported an error/);
    // Every extended code of a family gets its family's words ("database is locked" once reached the user raw).
    for (const code of [
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_BUSY_RECOVERY',
      'SQLITE_BUSY_TIMEOUT',
      'SQLITE_LOCKED',
      'SQLITE_LOCKED_SHAREDCACHE',
      'SQLITE_LOCKED_VTAB',
    ]) {
      expect(describeStorageError({ code })?.message, code).toMatch(/^Could not save: the database is busy/);
    }
    for (const code of ['SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_RECOVERY', 'SQLITE_READONLY_CANTINIT']) {
      expect(describeStorageError({ code })?.message, code).toMatch(/^Could not save: the database is read-only/);
    }
    expect(describeStorageError({ code: 'SQLITE_FULLY_INVENTED' })).toBeUndefined();
    expect(describeStorageError({ code: 'SQLITE_BUSYBODY' })).toBeUndefined();
    for (const e of [{ code: 'SQLITE_FULL' }, { code: 'SQLITE_READONLY' }]) {
      const described = describeStorageError(e)!;
      expect(described.code).toBe('INTERNAL');
      expect(described.message).not.toMatch(/SQLITE/);
    }
    for (const e of [new Error('x'), { code: 'SQLITE_CONSTRAINT' }, { code: 42 }, null, undefined, 'SQLITE_FULL']) {
      expect(describeStorageError(e)).toBeUndefined();
    }
  });

  it('a real read-only database gives the plain read-only message and keeps the article', async () => {
    const before = snapshot();
    ctx.session.database()!.pragma('query_only = ON');
    const result = await ctx.dispatch('articles:save', { id: ctx.articleId, baseVersion: 1, patch: { headline: 'x' } }, TRUSTED);
    ctx.session.database()!.pragma('query_only = OFF');
    expectTypedError(result, 'INTERNAL');
    expect(!result.ok && result.error.message).toMatch(/read-only/);
    expect(snapshot()).toBe(before);
  });

  it('a real full database gives the plain disk-full message and keeps the article', async () => {
    const db = ctx.session.database()!;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const before = snapshot();
    const big = Array.from({ length: 40 }, (_, i) => paragraph(`${i} ${'lorem ipsum dolor sit amet '.repeat(300)}`));
    const result = await ctx.dispatch('articles:save', { id: ctx.articleId, baseVersion: 1, patch: { body: big } }, TRUSTED);
    expectTypedError(result, 'INTERNAL');
    expect(!result.ok && result.error.message).toMatch(/disk is full/);
    expect(snapshot()).toBe(before);
    expect(ctx.session.store().getArticle(ctx.articleId).version).toBe(1);
  });

  it('an unexpected failure is INTERNAL, reported, and never a throw', async () => {
    const errors: unknown[] = [];
    const dispatch = createDispatcher(
      {
        ...createHandlers({ session: ctx.session, info: { appVersion: '1', runtime: 'browser-host', platform: 'x' } }),
        'app:info': () => {
          throw new TypeError('boom');
        },
      },
      { isTrustedSender: () => true, onInternalError: (_c, e) => errors.push(e) },
    );
    const result = await dispatch('app:info', {}, TRUSTED);
    expectTypedError(result, 'INTERNAL');
    expect(!result.ok && result.error.message).toContain('boom');
    expect(errors).toHaveLength(1);
    const thrownString = createDispatcher(
      {
        ...createHandlers({ session: ctx.session, info: { appVersion: '1', runtime: 'browser-host', platform: 'x' } }),
        'app:info': () => Promise.reject(null),
      },
      { isTrustedSender: () => true },
    );
    expectTypedError(await thrownString('app:info', {}, TRUSTED), 'INTERNAL');
  });
});

// ---- Property: whatever arrives, the choke point answers with a typed result and no partial write.

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    '\0',
    '"',
    "'; DROP TABLE articles; --",
    '../../etc/passwd',
    '__proto__',
    'constructor',
    'NEAR(',
    '*',
    long(101),
    long(301),
    long(501),
    '💥'.repeat(60),
  ),
);
const hostileValue = fc.oneof(fc.anything(), hostileString, fc.constantFrom(null, undefined, -1, 1.5, Number.NaN, 2 ** 53, [], {}, true));

/** Payloads shaped like the valid one, with fields swapped for hostile values, dropped, or joined by extra keys. */
function mutated(valid: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 2 || valid === null || typeof valid !== 'object' || Array.isArray(valid)) {
    return fc.oneof({ weight: 1, arbitrary: fc.constant(valid) }, { weight: 2, arbitrary: hostileValue });
  }
  const entries = Object.entries(valid as Record<string, unknown>);
  return fc
    .tuple(
      ...entries.map(([, v]) => fc.option(mutated(v, depth + 1), { nil: Symbol.for('drop') as unknown, freq: 5 })),
      fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'headline', 'status'), hostileValue), { freq: 3 }),
    )
    .map((parts) => {
      const out: Record<string, unknown> = {};
      entries.forEach(([k], i) => {
        if (parts[i] !== Symbol.for('drop')) out[k] = parts[i];
      });
      const extra = parts[entries.length] as [string, unknown] | null;
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return out;
    });
}

/**
 * Channels whose accepted requests write files at a path the request names (or copy or check whole databases):
 * arbitrary accepted payloads could reach outside the temp folder, or take seconds each, so the property sends
 * them only refusals.
 */
const REFUSALS_ONLY: ReadonlySet<Channel> = new Set(['db:open', 'db:retry', 'backups:create', 'backups:restore', 'backups:setFolder', 'exchange:export']);

describe('dispatch never throws and never half-writes (property)', () => {
  // One test per channel, each on a fresh database: a failure names its channel, and each has its own time budget.
  it.for(CHANNELS)('holds for %s', async (channel) => {
    const template = await CASES[channel].valid(ctx);
    const payloads = fc
      .oneof(hostileValue, mutated(template))
      .filter((p) => !REFUSALS_ONLY.has(channel) || !contract[channel].request.safeParse(p === undefined ? {} : p).success);
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const before = snapshot();
        const article = ctx.session.database() ? ctx.session.store().listArticles({ view: 'active', limit: 500 }) : undefined;
        let result: IpcResult<unknown>;
        try {
          result = await ctx.dispatch(channel, payload, TRUSTED);
        } catch (error) {
          throw new Error(`dispatch threw for ${channel}: ${String(error)}`);
        }
        expect(typeof result).toBe('object');
        if (result.ok) {
          expect('value' in result).toBe(true);
          return;
        }
        expectTypedError(result);
        expect(Object.keys(result.error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
        // A refused call leaves everything exactly as it was (covers a failed articles:save).
        expect(snapshot()).toBe(before);
        if (article && ctx.session.database()) expect(ctx.session.store().listArticles({ view: 'active', limit: 500 })).toEqual(article);
      }),
      { numRuns: 100 },
    );
    expect(ctx.internalErrors).toEqual([]);
  });

  it('a failed articles:save leaves the article exactly as before (property over patches)', async () => {
    const store = ctx.session.store();
    ctx.session
      .library()
      .createAuthor({ id: 'real', name: 'Real Person', jobTitle: '', bio: [], email: '', photoAssetId: '', readMoreUrl: '', profileLinks: [] });
    const patch = fc.record(
      {
        headline: fc.string({ maxLength: 310 }),
        dek: fc.string(),
        tags: fc.array(fc.string({ maxLength: 65 }), { maxLength: 5 }),
        bylineAuthorIds: fc.array(fc.constantFrom('real', 'ghost', ''), { maxLength: 3 }),
        body: fc.array(fc.string().map(paragraph), { maxLength: 3 }),
        slugLocked: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(patch, fc.integer({ min: 0, max: 4 }), async (p, offset) => {
        const current = store.getArticle(ctx.articleId);
        const before = snapshot();
        const result = await ctx.dispatch('articles:save', { id: ctx.articleId, baseVersion: current.version - 2 + offset, patch: p }, TRUSTED);
        if (result.ok) {
          expect(store.getArticle(ctx.articleId).version).toBe(current.version + 1);
          return;
        }
        expect(['INVALID_PAYLOAD', 'CONFLICT', 'NOT_FOUND']).toContain(result.error.code);
        expect(store.getArticle(ctx.articleId)).toEqual(current);
        expect(snapshot()).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
