/**
 * `npm run dev:browser`: runs the real renderer in any browser against a real
 * database file. Prints the URL to open (with its per-run token). The page
 * cannot name files: other databases and folders it may use are given here
 * (--open-db, --backup-folder, --export-folder, each repeatable).
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    'open-db': { type: 'string', multiple: true, default: [] },
    'backup-folder': { type: 'string', multiple: true, default: [] },
    'export-folder': { type: 'string', multiple: true, default: [] },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dbPath = path.resolve(values.db ?? path.join(os.homedir(), '.newsroom-desk', 'browser-host.db'));
fs.mkdirSync(path.dirname(dbPath), { recursive: true });
const rendererDir = path.join(root, 'dist/renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run "npm run build" first.');
  process.exit(1);
}
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;

const host = await startBrowserHost({
  dbPath,
  rendererDir,
  port: values.port ? Number(values.port) : 0,
  seedOnCreate: !values['no-seed'],
  appVersion: version,
  automaticBackups: true,
  offer: {
    databases: values['open-db'].map((f) => path.resolve(f)),
    backupFolders: values['backup-folder'].map((f) => path.resolve(f)),
    exportFolders: values['export-folder'].map((f) => path.resolve(f)),
  },
});
if (values.json) console.log(JSON.stringify({ url: host.url, origin: host.origin, token: host.token, db: dbPath, pid: process.pid }));
else {
  console.log(`Newsroom Desk browser host (database: ${dbPath})`);
  console.log(`Open: ${host.url}`);
}
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
