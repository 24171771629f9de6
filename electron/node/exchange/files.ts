/** Writing export files: unique names in a folder and atomic writes, so a failed export leaves no half file. */
import fs from 'node:fs';
import path from 'node:path';

/** Names already handed out in this batch but maybe not yet on disk. */
export type NameRegistry = Set<string>;

const isFree = (dir: string, name: string, taken: NameRegistry) => {
  const full = path.join(dir, name);
  return !taken.has(full) && !fs.existsSync(full);
};

/**
 * The first of `base`, `base-2`, `base-3`… for which every ending is free, claimed for the caller.
 * One base per article keeps its formats and images side by side.
 */
export function claimBase(dir: string, base: string, endings: readonly string[], taken: NameRegistry): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (endings.every((e) => isFree(dir, candidate + e, taken))) {
      for (const e of endings) taken.add(path.join(dir, candidate + e));
      return candidate;
    }
  }
}

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.part`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** `~` and `~/…` mean the user's home folder, as people type them. */
export function expandHome(folder: string, home: string): string {
  if (folder === '~') return home;
  if (folder.startsWith('~/') || folder.startsWith('~\\')) return path.join(home, folder.slice(2));
  return folder;
}
