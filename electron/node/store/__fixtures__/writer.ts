/**
 * A child process for crashSafety.test.ts: saves through the real store as
 * fast as it can and prints `ack <id> <version> <marker>` for each save only
 * after its transaction has committed. Writes to a pipe are synchronous on
 * Linux, so a printed line was acknowledged before the next save began.
 *
 * Usage: node --import tsx writer.ts <database> <round>
 */
import { openDatabase } from '../database';
import { createArticleStore } from '../articleStore';

const [dbPath, round] = process.argv.slice(2);
if (!dbPath || !round) throw new Error('usage: writer.ts <database> <round>');

const db = openDatabase(dbPath);
const store = createArticleStore(db);
const ARTICLES = 8;
const ids = store
  .listArticles({ view: 'active', limit: 500 })
  .items.filter((a) => a.headline.startsWith('Crash '))
  .map((a) => a.id);
while (ids.length < ARTICLES) {
  const created = store.createArticle({ headline: `Crash ${ids.length}`, body: [{ type: 'paragraph', children: [{ text: 'start' }] }] });
  ids.push(created.id);
  process.stdout.write(`ack ${created.id} ${created.version} start\n`);
}
process.stdout.write('ready\n');

for (let i = 0; ; i++) {
  const id = ids[i % ids.length]!;
  const article = store.getArticle(id);
  const marker = `r${round}w${i}`;
  // Append-only: every acknowledged marker stays in the body of every later version.
  const body = [...article.body, { type: 'paragraph' as const, children: [{ text: marker }] }];
  const { version } = store.saveArticle(id, article.version, { body, headline: `Crash ${ids.indexOf(id)} ${marker}` });
  process.stdout.write(`ack ${id} ${version} ${marker}\n`);
}
