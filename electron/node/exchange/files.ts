/**
 * Writing export files: a folder checked before any work, unique names in it and atomic writes, so a
 * failed export leaves no half file, and disk errors in plain words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/contract';

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

/** The nearest existing part of `target` (itself, or a folder or file above it). */
function nearestExisting(target: string): string {
  let at = path.resolve(target);
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

/**
 * One plain sentence for a file-system error while writing into `folder`: what happened and what to do,
 * instead of "EROFS: read-only file system, open …". Undefined for errors that are not about the disk.
 */
export function describeFolderError(error: unknown, folder: string): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  const dir = path.resolve(folder);
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR': {
      const blocker = nearestExisting(dir);
      const isFile = fs.existsSync(blocker) && !fs.statSync(blocker).isDirectory();
      return isFile
        ? `"${blocker}" is a file, not a folder, so nothing could be written there. Choose a folder, or a name that is not taken yet.`
        : `"${dir}" could not be made into a folder. Choose another folder.`;
    }
    case 'EROFS':
      return `"${dir}" is on a read-only disk, so nothing could be written there. Choose a folder on a disk you can write to.`;
    case 'EACCES':
    case 'EPERM':
      return `You do not have permission to write in "${dir}". Choose a folder you can write to, or ask for access.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk holding "${dir}" is full. Free some space or choose a folder on another disk.`;
    case 'ENAMETOOLONG':
      return `The path "${dir}" is too long for this system. Choose a folder with a shorter path.`;
    case 'ENOENT':
      return `"${dir}" is no longer there (was the disk removed?). Choose the folder again.`;
    case 'EIO':
      return `The disk holding "${dir}" reported an error. Check the disk, or choose another folder.`;
    default:
      return undefined;
  }
}

/**
 * Makes sure files can be written into `folder`: creates it (with parents) and checks it is a folder
 * this process may write to, so a bad folder is one plain sentence before any work, not one error per file.
 */
export function prepareFolder(folder: string): string {
  const dir = path.resolve(folder);
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new AppError('NOT_ALLOWED', describeFolderError(error, dir) ?? `Nothing could be written to "${dir}": ${(error as Error).message}`);
  }
  return dir;
}
