import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/contract';
import { describeCliError } from './cliErrors';

const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('describeCliError', () => {
  it('says in words what SQLite codes mean, extended codes by their family, never the raw message', () => {
    const cases: [string, RegExp][] = [
      ['SQLITE_BUSY', /busy .*nothing was changed/],
      ['SQLITE_BUSY_SNAPSHOT', /busy .*nothing was changed/],
      ['SQLITE_LOCKED_SHAREDCACHE', /busy/],
      ['SQLITE_FULL', /disk .* is full/],
      ['SQLITE_READONLY_DBMOVED', /read-only/],
      ['SQLITE_IOERR_FSYNC', /disk reported an error/],
      ['SQLITE_CORRUPT', /damaged/],
    ];
    for (const [code, expected] of cases) {
      const text = describeCliError(sqlite(code, 'database is locked'));
      expect(text, code).toMatch(expected);
      expect(text, code).not.toMatch(/database is locked/);
    }
  });

  it('keeps our own refusals and explains file-reading codes', () => {
    expect(describeCliError(new AppError('INVALID_PAYLOAD', 'This is not a bundle.'))).toBe('This is not a bundle.');
    expect(describeCliError(Object.assign(new Error('EISDIR: illegal operation'), { code: 'EISDIR' }))).toMatch(/is a folder/);
    expect(describeCliError(new Error('something odd'))).toBe('something odd');
  });
});
