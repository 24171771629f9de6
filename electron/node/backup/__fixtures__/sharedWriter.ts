/**
 * A second process on the same database for restoreShared.test.ts (another
 * window's host, or the CLI): saves through the real store, one new article
 * per save, and prints `ack <n> <id>` only after the save committed. Stops
 * when its stdin says `stop`.
 *
 * Usage: node --import tsx sharedWriter.ts <database>
 */
import readline from 'node:readline';
import { createArticleStore } from '../../store/articleStore';
import { openDatabase } from '../../store/database';
import { sharedSave } from './sharedSave';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: sharedWriter.ts <database>');

const store = createArticleStore(openDatabase(dbPath));
let stopping = false;
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'stop') stopping = true;
});

for (let n = 0; !stopping; n++) {
  const { headline, body } = sharedSave(n);
  try {
    const created = store.createArticle({ headline });
    store.saveArticle(created.id, created.version, { body });
    process.stdout.write(`ack ${n} ${created.id}\n`);
  } catch (error) {
    process.stdout.write(`fail ${n} ${(error as Error).message.replace(/\n/g, ' ')}\n`);
  }
  // Let the stop line in between saves.
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write('done\n');
