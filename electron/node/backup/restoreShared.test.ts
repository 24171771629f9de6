/**
 * Restore while another process has the same database open and keeps saving
 * (a second window's host, the CLI). The child saves through the real store,
 * one new article per save, and reports each save only after it committed.
 *
 * "No acknowledged save is lost" means, precisely: every save the child
 * reported is, with its whole content (headline and body), either in the
 * live database after the restore or in the undo copy the restore returned;
 * a save reported before the restore began is in the undo copy, and a save
 * reported after the restore returned is in the live database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { DatabaseSession } from '../session';
import { createArticleStore, type ArticleStore } from '../store/articleStore';
import { openDatabase } from '../store/database';
import { BackupService, defaultBackupFolder } from './backupService';
import { sharedSave } from './__fixtures__/sharedSave';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'sharedWriter.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-restore-shared-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Ack = { n: number; id: string };

it('restoring while another process saves loses none of its acknowledged saves', { timeout: 120_000 }, async () => {
  const dbPath = path.join(dir, 'newsroom.db');
  const session = new DatabaseSession(dbPath, { seedOnCreate: true });
  const service = new BackupService({ session });
  const backup = await service.backupNow();

  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath], { stdio: ['pipe', 'pipe', 'inherit'] });
  const acks: Ack[] = [];
  const failures: string[] = [];
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const [word, n, ...rest] = line.split(' ');
    if (word === 'ack') acks.push({ n: Number(n), id: rest[0]! });
    if (word === 'fail') failures.push(line);
  });
  const waitForAcks = async (count: number) => {
    while (acks.length < count) {
      if (child.exitCode !== null) throw new Error('the writer stopped early');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  let undoName: string | undefined;
  let ackedBefore = 0;
  let ackedAfter = 0;
  try {
    await waitForAcks(40);
    ackedBefore = acks.length;
    const result = await service.restore(backup.name);
    ackedAfter = acks.length;
    undoName = result.undoBackup;
    expect(result.status.state).toBe('open');
    await waitForAcks(ackedAfter + 40);
  } finally {
    child.stdin!.end('stop\n');
    await closed;
  }
  expect(child.exitCode).toBe(0);

  const undoCopy = path.join(dir, 'undo-copy.db');
  fs.copyFileSync(path.join(defaultBackupFolder(dbPath), undoName!), undoCopy);
  const undoDb = openDatabase(undoCopy);
  try {
    const live = session.store();
    const undo = createArticleStore(undoDb);
    const has = (store: ArticleStore, ack: Ack) => {
      try {
        const article = store.getArticle(ack.id);
        return { headline: article.headline, body: article.body };
      } catch {
        return undefined;
      }
    };
    const where = acks.map((ack) => {
      const expected = sharedSave(ack.n);
      const inLive = has(live, ack);
      const inUndo = has(undo, ack);
      if (inLive) expect(inLive, `save ${ack.n} in the live database`).toEqual(expected);
      if (inUndo) expect(inUndo, `save ${ack.n} in the undo copy`).toEqual(expected);
      expect(inLive ?? inUndo, `acknowledged save ${ack.n} is in the live database or the undo copy`).toEqual(expected);
      return { live: Boolean(inLive), undo: Boolean(inUndo) };
    });
    // Saved before the restore began: in the undo copy, and not in the restored database (the backup predates them).
    for (let i = 0; i < ackedBefore; i++) expect(where[i], `save ${acks[i]!.n}`).toEqual({ live: false, undo: true });
    // Saved after the restore returned: in the live database, written on top of the restored content.
    for (let i = ackedAfter; i < acks.length; i++) expect(where[i]!.live, `save ${acks[i]!.n}`).toBe(true);
    expect(acks.length - ackedAfter).toBeGreaterThanOrEqual(40);
    expect(live.listArticles({ view: 'active', limit: 500 }).items.map((a) => a.headline)).toContain(
      'Harbour City Votes to Build Flood Barrier After Decade of Debate',
    );
    expect(session.database()!.pragma('integrity_check', { simple: true })).toBe('ok');
    // A save may wait for the restore's write lock but never fails as busy. Only the one save whose article
    // was created just before the restore and saved just after may find its article restored away.
    expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(1);
    for (const f of failures) expect(f).toMatch(/^fail \d+ That article no longer exists\.$/);
  } finally {
    undoDb.close();
    await service.stop();
    session.close();
  }
});
