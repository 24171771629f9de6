/**
 * The `newsroom` command line, on plain Node over the same store the app uses.
 * `runCli` takes its arguments and output streams so tests drive it directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, isExportFormat, MAX_IMPORT_BYTES, type ExportFormat } from '../../shared/exchange/formats';
import { AppError } from '../../shared/ipc/contract';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../shared/model/article';
import { bodyPlainText } from '../../shared/model/document';
import { createArticleStore } from '../node/store/articleStore';
import { DbOpenError, openDatabase, schemaVersion } from '../node/store/database';
import { exportArticleFormats } from '../node/exchange/exportService';
import { CONFLICT_CHOICES, importFile, type ConflictChoice } from '../node/exchange/importService';
import { describeFolderError, prepareFolder } from '../node/exchange/files';
import { createLibraryStore } from '../node/store/libraryStore';
import { DatabaseSession } from '../node/session';
import { describeCliError } from './cliErrors';

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

export const USAGE = `Usage: newsroom --db FILE <command> [options]

Commands:
  init                                      Create an empty database at --db FILE;
                                            refuses a file that already exists
  list [--json] [--trash] [--search TEXT]   List articles (newest edit first)
  show ID [--json]                          Show one article
  export (ID… | --status STATUS) --format FORMAT[,FORMAT…] --out DIR [--with-changes] [--json]
                                            Export articles; FORMAT is one of
                                            ${EXPORT_FORMATS.join(', ')}; --with-changes
                                            writes Word files for review, with the
                                            suggestions as tracked changes and the comments
  import FILE… [--on-conflict CHOICE] [--json]
                                            Import Markdown, Word (.docx), HTML, text,
                                            ninjs JSON or .newsroom bundles. When a bundle's
                                            article exists: keep-mine, take-theirs or keep-both

Every command but init needs an existing database: import does not create one,
so a mistyped --db never starts a second desk. Start one with init.

Options:
  --db FILE   The Newsroom Desk database file (required)
  --json      Machine-readable output
  -h, --help  Show this help

Exit codes: 0 success (every article or file), 1 any failure (one line each), 2 wrong usage.`;

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
        status: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'on-conflict': { type: 'string' },
        'with-changes': { type: 'boolean', default: false },
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
  if (command === 'init') return runInit(values.db, rest, io);
  if (command === 'export' || command === 'import') return runExchange(command, rest, values, io);
  if (command !== 'list' && command !== 'show') {
    io.err(`newsroom: unknown command "${command}".`);
    io.err(USAGE);
    return 2;
  }
  if (command === 'show' && rest.length !== 1) {
    io.err('newsroom: show needs exactly one article ID.');
    return 2;
  }
  if (!databaseExists(values.db, io)) return 1;

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
          io.out(
            `${a.id}  ${a.status.padEnd(9)}  ${a.updatedAt.slice(0, 16).replace('T', ' ')}  ${a.headline || '(untitled)'}${a.byline.length ? `  — ${a.byline.join(', ')}` : ''}`,
          );
        }
        if (list.total > list.items.length) io.out(`… and ${list.total - list.items.length} more`);
      }
      return 0;
    }
    const article = store.getArticle(rest[0]!);
    if (values.json) io.out(JSON.stringify(article));
    else {
      const authors = createLibraryStore(db).listAuthors({ includeArchived: true });
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
    io.err(`newsroom: ${describeCliError(error)}`);
    return 1;
  } finally {
    db.close();
  }
}

/** Why a file to import could not be read, in words. */

/** Says how to start a desk when the file is missing: only init creates one. */
function databaseExists(file: string, io: CliIo): boolean {
  if (fs.existsSync(file)) return true;
  io.err(`newsroom: no database at ${file}. To start a new desk there, run: newsroom --db ${quoteArg(file)} init`);
  return false;
}

const quoteArg = (arg: string) => (/^[\w./:@%+=,-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

/** `init`: an empty database with the current schema, never over an existing file. */
function runInit(file: string, args: string[], io: CliIo): number {
  if (args.length) {
    io.err('newsroom: init takes no arguments; give the file with --db FILE.');
    return 2;
  }
  const target = path.resolve(file);
  const folder = path.dirname(target);
  if (fs.existsSync(target)) {
    io.err(`newsroom: there is already a file at ${target}; init never replaces a file. Give a new file name.`);
    return 1;
  }
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    io.err(`newsroom: the folder ${folder} does not exist. Create it first, or give a file in an existing folder.`);
    return 1;
  }
  try {
    // Exclusive creation: a file that appeared meanwhile is refused, not taken over.
    fs.closeSync(fs.openSync(target, 'wx'));
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.err(
      `newsroom: ${code === 'EEXIST' ? `there is already a file at ${target}; init never replaces a file.` : (describeFolderError(error, folder) ?? (error as Error).message)}`,
    );
    return 1;
  }
  try {
    const db = openDatabase(target);
    const version = schemaVersion(db);
    db.close();
    io.out(`Created an empty Newsroom Desk database at ${target} (schema version ${version}).`);
    return 0;
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
    io.err(`newsroom: the database could not be created: ${describeFolderError(error, folder) ?? (error as Error).message}`);
    return 1;
  }
}

type ExchangeValues = {
  db?: string;
  json?: boolean;
  status?: string;
  format?: string;
  out?: string;
  'on-conflict'?: string;
  'with-changes'?: boolean;
};

/** `export` and `import`: one line per failure, a summary (or JSON) on stdout, exit 0 only if all succeeded. */
async function runExchange(command: 'export' | 'import', args: string[], values: ExchangeValues, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.err(`newsroom: ${message}`);
    return 2;
  };
  let formats: ExportFormat[] = [];
  let status: ArticleStatus | undefined;
  let onConflict: ConflictChoice | undefined;
  if (command === 'export') {
    const names = (values.format ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    if (names.length === 0) return usage(`export needs --format (${EXPORT_FORMATS.join(', ')}).`);
    const unknown = names.find((f) => !isExportFormat(f));
    if (unknown) return usage(`unknown format "${unknown}"; use ${EXPORT_FORMATS.join(', ')}.`);
    formats = names as ExportFormat[];
    if (!values.out) return usage('export needs --out DIR.');
    if (values.status !== undefined) {
      if (!(ARTICLE_STATUSES as readonly string[]).includes(values.status))
        return usage(`unknown status "${values.status}"; use ${ARTICLE_STATUSES.join(', ')}.`);
      if (args.length) return usage('give article IDs or --status, not both.');
      status = values.status as ArticleStatus;
    } else if (args.length === 0) return usage('export needs article IDs or --status STATUS.');
  } else {
    if (args.length === 0) return usage('import needs at least one FILE.');
    if (values['on-conflict'] !== undefined) {
      if (!(CONFLICT_CHOICES as readonly string[]).includes(values['on-conflict'])) return usage(`--on-conflict takes ${CONFLICT_CHOICES.join(', ')}.`);
      onConflict = values['on-conflict'] as ConflictChoice;
    }
  }
  if (!databaseExists(values.db!, io)) return 1;
  let outDir: string | undefined;
  if (command === 'export') {
    try {
      outDir = prepareFolder(values.out!);
    } catch (error) {
      io.err(`newsroom: ${(error as Error).message}`);
      return 1;
    }
  }
  const session = new DatabaseSession(values.db!, { runtime: 'node' });
  const opened = session.status();
  if (opened.state === 'error') {
    io.err(`newsroom: ${opened.message}`);
    session.close();
    return 1;
  }
  if (command === 'import' && opened.readOnly) {
    io.err(`newsroom: ${opened.readOnly} Nothing was imported.`);
    session.close();
    return 1;
  }
  const failures: { item: string; message: string }[] = [];
  try {
    if (command === 'export') {
      const ids = status ? session.store().articleIdsWithStatus(status) : args;
      const taken = new Set<string>();
      const files: string[] = [];
      for (const id of ids) {
        try {
          const result = await exportArticleFormats(session, id, formats, outDir!, { taken, withChanges: values['with-changes'] });
          files.push(...result.files);
          for (const f of result.failures) failures.push({ item: `${id} (${f.format})`, message: f.message });
          for (const w of result.warnings) io.err(`newsroom: ${id} (${w.format}): ${w.message}`);
          if (result.statusNote) io.err(`newsroom: ${id}: ${result.statusNote}`);
        } catch (error) {
          failures.push({ item: id, message: describeCliError(error) });
        }
      }
      for (const f of failures) io.err(`newsroom: ${f.item}: ${f.message}`);
      if (values.json) io.out(JSON.stringify({ articles: ids.length, files, failures }));
      else {
        for (const file of files) io.out(file);
        io.out(
          ids.length === 0
            ? `No articles${status ? ` with status ${status}` : ''}.`
            : `Exported ${ids.length - new Set(failures.map((f) => f.item.split(' ')[0])).size} of ${ids.length} article(s) to ${outDir}.`,
        );
      }
    } else {
      const imported: { file: string; articleId: string; headline: string; outcome: string; warnings: string[] }[] = [];
      for (const file of args) {
        try {
          const size = fs.statSync(file).size;
          if (size > MAX_IMPORT_BYTES) throw new AppError('INVALID_PAYLOAD', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; not imported.`);
          const result = await importFile(session, path.basename(file), fs.readFileSync(file), { onConflict });
          if (result.kind === 'conflict') {
            failures.push({
              item: file,
              message: `article ${result.articleId} already exists and differs; rerun with --on-conflict keep-mine, take-theirs or keep-both.`,
            });
            continue;
          }
          imported.push({ file, articleId: result.articleId, headline: result.headline, outcome: result.kind, warnings: result.warnings });
        } catch (error) {
          const message = describeCliError(error);
          failures.push({ item: file, message });
        }
      }
      for (const f of failures) io.err(`newsroom: ${f.item}: ${f.message}`);
      if (values.json) io.out(JSON.stringify({ imported, failures }));
      else
        for (const i of imported)
          io.out(
            `${i.file}: ${i.outcome === 'kept-mine' ? 'kept the existing' : 'imported'} ${i.articleId}  ${i.headline || '(untitled)'}${i.warnings.length ? `  (${i.warnings.join(' ')})` : ''}`,
          );
    }
    return failures.length === 0 ? 0 : 1;
  } finally {
    session.close();
  }
}
