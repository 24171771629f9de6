/**
 * The shell's small settings file in userData: today only which database the
 * user last opened. A missing or unreadable file means defaults; a write is
 * atomic so a crash never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';

export type ShellSettings = { databasePath?: string };

export function readSettings(file: string): ShellSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const databasePath = (raw as { databasePath?: unknown } | null)?.databasePath;
  return typeof databasePath === 'string' && path.isAbsolute(databasePath) ? { databasePath } : {};
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
