/** Export speed: a 10,000-block article in every format, and a batch of 1,000 articles to ninjs. */
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath } from '../electron/node/exchange/chromiumPdf';
import { exportArticle } from '../electron/node/exchange/exportService';
import { createExportJobs } from '../electron/node/exchange/exportJobs';
import { DatabaseSession } from '../electron/node/session';
import { EXPORT_FORMATS } from '../shared/exchange/formats';
import { mixedBlocks, paragraphs } from './documents';
import { report, tempDir } from './lib';

export async function exportBench(): Promise<void> {
  const dir = tempDir('export');
  const session = new DatabaseSession(path.join(dir, 'newsroom.db'), { seedOnCreate: true });
  try {
    const store = session.store();
    const big = store.createArticle({ headline: 'Ten thousand blocks', bylineAuthorIds: ['author-mara-lindqvist'], body: mixedBlocks(10_000) });
    for (const format of EXPORT_FORMATS) {
      if (format === 'pdf' && !chromiumPath()) {
        console.log('export: pdf skipped (no Chromium)');
        continue;
      }
      const out = path.join(dir, `out-${format}`);
      const t = performance.now();
      const [file] = await exportArticle(session, big.id, format, out);
      const ms = performance.now() - t;
      const kb = Math.round(fs.statSync(file!).size / 1024);
      report({ name: `export: 10,000-block article to ${format}`, value: ms, unit: 'ms', note: `${kb} KB` });
    }

    const body = paragraphs(20);
    const ids = store.transaction(() => Array.from({ length: 1_000 }, (_, i) => store.createArticle({ headline: `Batch article ${i}`, body }).id));
    const jobs = createExportJobs(session);
    const t = performance.now();
    const status = await jobs.wait(jobs.start(ids, ['ninjs'], path.join(dir, 'batch')));
    const ms = performance.now() - t;
    if (status.failures.length) console.log(`export: ${status.failures.length} batch failures, e.g. ${status.failures[0]!.message}`);
    report({
      name: 'export: batch of 1,000 articles (20 paragraphs) to ninjs',
      value: ms / 1000,
      unit: 's',
      note: `${(ms / 1_000).toFixed(2)} ms per article`,
    });
  } finally {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
