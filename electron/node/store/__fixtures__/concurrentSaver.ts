/**
 * One of two processes saving to the same database at once, for
 * concurrentWriters.test.ts: creates its articles, says `ready`, waits for
 * `go` on stdin, then saves each article once (read, then write, as the
 * desk's autosave does) and prints one JSON line: how many saves succeeded
 * and the messages of those that failed.
 *
 * Usage: node --import tsx concurrentSaver.ts <database> <label> <count>
 */
import readline from 'node:readline';
import { createArticleStore } from '../articleStore';
import { openDatabase } from '../database';

const [dbPath, label, countText] = process.argv.slice(2);
if (!dbPath || !label || !countText) throw new Error('usage: concurrentSaver.ts <database> <label> <count>');

const store = createArticleStore(openDatabase(dbPath));
const ids = Array.from({ length: Number(countText) }, (_, i) => store.createArticle({ headline: `${label} ${i}` }).id);
process.stdout.write('ready\n');
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once('line', () => resolve()));

let saved = 0;
const failures: string[] = [];
ids.forEach((id, i) => {
  try {
    const article = store.getArticle(id);
    store.saveArticle(id, article.version, { body: [{ type: 'paragraph', children: [{ text: `${label} saved ${i}` }] }] });
    saved++;
  } catch (error) {
    failures.push(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);
  }
});
process.stdout.write(`${JSON.stringify({ saved, failures })}\n`);
