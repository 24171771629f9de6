/**
 * `node --import tsx bench/profileSearch.ts [articles...]`: where whole-word search goes as the
 * library grows. Builds libraries as the scale bench does, then times the search window's query
 * (the newest SEARCH_WINDOW matches with their bm25 rank) against the same query without the rank
 * and against counting the matches, per word, median of 5.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseSession } from '../electron/node/session';
import { SEARCH_WINDOW, toFtsQuery } from '../electron/node/store/articleStore';
import { articleFields } from './scale.bench';
import { median, tempDir } from './lib';

const WORDS = ['harbour', 'flood barrier', 'council', 'storm surge', 'engineers', 'residents'];
const sizes = process.argv.slice(2).map(Number).filter(Boolean);

for (const size of sizes.length ? sizes : [1_000, 100_000]) {
  const dir = tempDir(`search-${size}`);
  const file = path.join(dir, 'newsroom.db');
  const session = new DatabaseSession(file, { seedOnCreate: false });
  const store = session.store();
  for (let from = 0; from < size; from += 10_000)
    store.transaction(() => {
      for (let i = from; i < Math.min(size, from + 10_000); i++) store.createArticle(articleFields(i));
    });
  session.close();
  const db = new Database(file, { readonly: true });
  const queries = {
    'window with rank (as listArticles)': db.prepare(
      `SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW}`,
    ),
    'window without rank': db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_WINDOW}`),
    'all matches counted': db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`),
  };
  for (const [label, stmt] of Object.entries(queries)) {
    const times: number[] = [];
    for (let run = 0; run < 5; run++)
      for (const word of WORDS) {
        const t = performance.now();
        stmt.all(toFtsQuery(word)!);
        times.push(performance.now() - t);
      }
    console.log(
      JSON.stringify({ name: `search at ${size.toLocaleString('en-US')} articles: ${label} (median)`, value: Number(median(times).toFixed(2)), unit: 'ms' }),
    );
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
