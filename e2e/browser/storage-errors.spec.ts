/**
 * When the database cannot be written (read-only, disk full) the writer keeps
 * typing, is told in plain words that it cannot save, and everything is saved
 * once it can. The errors are real SQLite errors on the open connection:
 * `query_only` makes every write fail with SQLITE_READONLY (chmod cannot, since
 * the tests may run as root), and a `max_page_count` at the current size makes
 * any write that needs a new page fail with SQLITE_FULL.
 */
import type { Db } from '../../electron/node/store/database';
import { test, expect, expectSaved, articleButton } from './fixtures';

const SEED_HEADLINE = 'Harbour City Votes to Build Flood Barrier After Decade of Debate';

const cases: { name: string; message: RegExp; block: (db: Db) => void; unblock: (db: Db) => void }[] = [
  {
    name: 'read-only database',
    message: /^Could not save: the database is read-only/,
    block: (db) => db.pragma('query_only = ON'),
    unblock: (db) => db.pragma('query_only = OFF'),
  },
  {
    name: 'full disk',
    message: /^Could not save: the disk is full/,
    block: (db) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
    unblock: (db) => db.pragma('max_page_count = 4294967294'),
  },
];

for (const c of cases) {
  test(`${c.name}: the text stays in the window, the writer is told, and it saves when it can`, async ({ page, host }) => {
    const db = host.session.database()!;
    await articleButton(page, SEED_HEADLINE).click();
    await page.getByLabel('Article body').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Before the trouble.');
    await expectSaved(page);

    c.block(db);
    await page.keyboard.type(' Typed while it could not save.');
    await expect(page.getByTestId('save-state')).toHaveText(c.message);
    await page.keyboard.type(' And still typing.');
    await expect(page.getByTestId('save-state')).toHaveText(c.message);
    await expect(page.getByLabel('Article body')).toContainText('Typed while it could not save. And still typing.');
    const stored = () => JSON.stringify(host.session.store().getArticle(host.session.store().listArticles({ view: 'active' }).items[0]!.id).body);
    expect(stored()).not.toContain('Typed while it could not save');

    c.unblock(db);
    await expectSaved(page); // The autosave retries on its own.
    expect(stored()).toContain('Before the trouble. Typed while it could not save. And still typing.');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
}
