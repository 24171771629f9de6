import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { describeFolderError, prepareFolder } from './files';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The error Node raised, caught. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** No raw Node error codes, syscalls or stack lines in a sentence for the user. */
const RAW = /\b(E[A-Z]{3,}|mkdir|open|rename)\b[ ,:']|\n\s+at /;

describe('describeFolderError', () => {
  it('a folder path that is a file: names the file and says what to do (the real EEXIST and ENOTDIR)', () => {
    const file = path.join(dir, 'out');
    fs.writeFileSync(file, 'x');
    const sentence = `"${file}" is a file, not a folder, so nothing could be written there. Choose a folder, or a name that is not taken yet.`;
    expect(
      describeFolderError(
        thrown(() => fs.mkdirSync(file, { recursive: true })),
        file,
      ),
    ).toBe(sentence);
    expect(
      describeFolderError(
        thrown(() => fs.mkdirSync(path.join(file, 'a', 'b'), { recursive: true })),
        path.join(file, 'a', 'b'),
      ),
    ).toBe(sentence);
  });

  it('read-only disks, permissions, full disks, long paths, vanished folders and disk errors each get their sentence', () => {
    const folder = path.join(dir, 'exports');
    const cases: [string, RegExp][] = [
      ['EROFS', /^".+exports" is on a read-only disk, so nothing could be written there\. Choose a folder on a disk you can write to\.$/],
      ['EACCES', /^You do not have permission to write in ".+exports"\. Choose a folder you can write to, or ask for access\.$/],
      ['EPERM', /^You do not have permission to write/],
      ['ENOSPC', /^The disk holding ".+exports" is full\. Free some space or choose a folder on another disk\.$/],
      ['EDQUOT', /is full\./],
      ['ENAMETOOLONG', /is too long for this system\. Choose a folder with a shorter path\.$/],
      ['ENOENT', /is no longer there \(was the disk removed\?\)\. Choose the folder again\.$/],
      ['EIO', /reported an error\. Check the disk, or choose another folder\.$/],
    ];
    for (const [code, sentence] of cases) {
      const message = describeFolderError(Object.assign(new Error(`${code}: raw text, mkdir '${folder}'`), { code }), folder);
      expect(message, code).toMatch(sentence);
      expect(message, code).not.toMatch(RAW);
    }
    expect(describeFolderError(new Error('something else'), folder)).toBeUndefined();
    expect(describeFolderError(undefined, folder)).toBeUndefined();
  });
});

describe('prepareFolder', () => {
  it('creates missing folders with their parents and returns the absolute path', () => {
    const target = path.join(dir, 'a', 'b');
    expect(prepareFolder(path.relative(process.cwd(), target))).toBe(target);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });

  it('refuses a file with a plain NOT_ALLOWED sentence and leaves the file alone', () => {
    const file = path.join(dir, 'out');
    fs.writeFileSync(file, 'keep me');
    const error = thrown(() => prepareFolder(file));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/is a file, not a folder/) });
    expect((error as Error).message).not.toMatch(RAW);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });
});
