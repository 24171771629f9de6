/**
 * The `newsroom` command line, on plain Node over the same store the app uses.
 * `runCli` takes its arguments and output streams so tests drive it directly.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/ipc/contract';
import { bodyPlainText } from '../../shared/model/document';
import { createArticleStore } from '../node/store/articleStore';
import { DbOpenError, openDatabase } from '../node/store/database';

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

export const USAGE = `Usage: newsroom --db FILE <command> [options]

Commands:
  list [--json] [--trash] [--search TEXT]   List articles (newest edit first)
  show ID [--json]                          Show one article

Options:
  --db FILE   The Newsroom Desk database file (required)
  --json      Machine-readable output
  -h, --help  Show this help

Exit codes: 0 success, 1 failure, 2 wrong usage.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        trash: { type: 'boolean', default: false },
        search: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`newsroom: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (!command) {
    io.err('newsroom: no command given.');
    io.err(USAGE);
    return 2;
  }
  if (!values.db) {
    io.err('newsroom: --db FILE is required.');
    return 2;
  }
  if (command !== 'list' && command !== 'show') {
    io.err(`newsroom: unknown command "${command}".`);
    io.err(USAGE);
    return 2;
  }
  if (command === 'show' && rest.length !== 1) {
    io.err('newsroom: show needs exactly one article ID.');
    return 2;
  }
  if (!fs.existsSync(values.db)) {
    io.err(`newsroom: no database at ${values.db}.`);
    return 1;
  }

  let db;
  try {
    db = openDatabase(values.db);
  } catch (error) {
    io.err(`newsroom: ${error instanceof DbOpenError ? error.message : (error as Error).message}`);
    return 1;
  }
  try {
    const store = createArticleStore(db);
    if (command === 'list') {
      const list = store.listArticles({ view: values.trash ? 'trash' : 'active', search: values.search, limit: 500 });
      if (values.json) io.out(JSON.stringify(list));
      else if (list.items.length === 0) io.out(values.trash ? 'The trash is empty.' : 'No articles.');
      else {
        for (const a of list.items) {
          io.out(`${a.id}  ${a.status.padEnd(9)}  ${a.updatedAt.slice(0, 16).replace('T', ' ')}  ${a.headline || '(untitled)'}${a.byline.length ? `  — ${a.byline.join(', ')}` : ''}`);
        }
        if (list.total > list.items.length) io.out(`… and ${list.total - list.items.length} more`);
      }
      return 0;
    }
    const article = store.getArticle(rest[0]!);
    if (values.json) io.out(JSON.stringify(article));
    else {
      const authors = store.listAuthors(true);
      const byline = article.bylineAuthorIds.map((id) => authors.find((a) => a.id === id)?.name ?? id);
      io.out(article.headline || '(untitled)');
      if (article.dek) io.out(article.dek);
      io.out(`Status: ${article.status} · Version ${article.version} · Edited ${article.updatedAt}`);
      if (byline.length) io.out(`By ${byline.join(', ')}`);
      io.out('');
      io.out(bodyPlainText(article.body));
    }
    return 0;
  } catch (error) {
    io.err(`newsroom: ${error instanceof AppError ? error.message : (error as Error).message}`);
    return 1;
  } finally {
    db.close();
  }
}
