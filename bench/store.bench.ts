/** The store's own speed: saving a long article, on a real database file. */
import path from 'node:path';
import fs from 'node:fs';
import { createArticleStore } from '../electron/node/store/articleStore';
import { openDatabase } from '../electron/node/store/database';
import { paragraphs } from './documents';
import { median, report, tempDir } from './lib';

export async function storeBench(): Promise<void> {
  const dir = tempDir('store');
  try {
    const db = openDatabase(path.join(dir, 'newsroom.db'));
    const store = createArticleStore(db);
    const body = paragraphs(1_000);
    const article = store.createArticle({ headline: 'Bench', body });
    let version = article.version;
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      body[i % body.length] = { type: 'paragraph', children: [{ text: `Edited paragraph ${i}` }] };
      const t = performance.now();
      version = store.saveArticle(article.id, version, { body }).version;
      times.push(performance.now() - t);
    }
    report({ name: 'store: save a 1,000-paragraph article (median)', value: median(times), unit: 'ms', note: 'synchronous=FULL, WAL, FTS update' });
    const reads: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      store.getArticle(article.id);
      reads.push(performance.now() - t);
    }
    report({ name: 'store: load a 1,000-paragraph article (median)', value: median(reads), unit: 'ms' });
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
