/**
 * Files for the window to import that main found: article bundles the operating
 * system asks the app to open (double-click on a .newsroom file, "Open with", a
 * second launch with a file argument) and files chosen with File ▸ Import…. Main
 * keeps the paths; the window is told that files are waiting and takes them
 * through `exchange:takeOpenedFiles`, then imports them like dropped files, so
 * conflicts get the same dialog. The page never names a path itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../shared/exchange/formats';

export const BUNDLE_EXTENSION = '.newsroom';

/** The bundle paths in a command line (Windows and Linux pass opened files as arguments). */
export function bundlePathsIn(argv: readonly string[], cwd: string): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(BUNDLE_EXTENSION)).map((arg) => path.resolve(cwd, arg));
}

export type OpenedFile = { fileName: string; dataBase64: string };
export type OpenedFileProblem = { fileName: string; message: string };

export class OpenedFiles {
  private paths: string[] = [];

  /** Queues paths; returns true when there is something new for the window. */
  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((p) => !this.paths.includes(p));
    this.paths.push(...fresh);
    return fresh.length > 0;
  }

  /** Reads and forgets the queued files; a file that cannot be read is reported, not thrown. */
  take(): { files: OpenedFile[]; problems: OpenedFileProblem[] } {
    const paths = this.paths;
    this.paths = [];
    const files: OpenedFile[] = [];
    const problems: OpenedFileProblem[] = [];
    for (const file of paths) {
      const fileName = path.basename(file);
      try {
        const size = fs.statSync(file).size;
        if (size > MAX_IMPORT_BYTES) {
          problems.push({ fileName, message: `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; not imported.` });
          continue;
        }
        files.push({ fileName, dataBase64: fs.readFileSync(file).toString('base64') });
      } catch (error) {
        const code = (error as { code?: string }).code;
        problems.push({ fileName, message: code === 'ENOENT' ? 'the file no longer exists.' : (error as Error).message });
      }
    }
    return { files, problems };
  }
}
