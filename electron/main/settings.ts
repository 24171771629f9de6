/**
 * The shell's small settings file in userData: which database the user last
 * opened, and the files and folders picked in the app's dialogs (so they can be
 * offered again). A missing or unreadable file means defaults; a write is
 * atomic so a crash never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PATH_KINDS } from '../../shared/ipc/channels/paths';
import { MAX_PATHS_PER_KIND, type RememberedPath } from '../node/paths/pickedPaths';

export type ShellSettings = { databasePath?: string; recentPaths?: RememberedPath[] };

const isRememberedPath = (value: unknown): value is RememberedPath => {
  const { kind, path: p } = (value ?? {}) as { kind?: unknown; path?: unknown };
  return (PATH_KINDS as readonly unknown[]).includes(kind) && typeof p === 'string' && path.isAbsolute(p);
};

export function readSettings(file: string): ShellSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const { databasePath, recentPaths } = (raw ?? {}) as { databasePath?: unknown; recentPaths?: unknown };
  const settings: ShellSettings = {};
  if (typeof databasePath === 'string' && path.isAbsolute(databasePath)) settings.databasePath = databasePath;
  if (Array.isArray(recentPaths)) {
    const valid = recentPaths.slice(0, MAX_PATHS_PER_KIND * PATH_KINDS.length).filter(isRememberedPath);
    if (valid.length) settings.recentPaths = valid.map(({ kind, path: p }) => ({ kind, path: p }));
  }
  return settings;
}

export function writeSettings(file: string, settings: ShellSettings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  fs.renameSync(temp, file);
}

/**
 * The database to open at start: the remembered one if it still exists,
 * otherwise newsroom.db in userData (a moved or deleted file must not make
 * the app create an empty database at the old place).
 */
export function startupDatabasePath(settings: ShellSettings, userDataDir: string): string {
  if (settings.databasePath && fs.existsSync(settings.databasePath)) return settings.databasePath;
  return path.join(userDataDir, 'newsroom.db');
}
