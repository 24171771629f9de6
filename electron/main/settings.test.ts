import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings, startupDatabasePath, writeSettings } from './settings';
import { nativeBindingPath } from './nativeBinding';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-settings-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('shell settings', () => {
  it('round-trips the remembered database', () => {
    const file = path.join(dir, 'settings.json');
    writeSettings(file, { databasePath: path.join(dir, 'other.db') });
    expect(readSettings(file)).toEqual({ databasePath: path.join(dir, 'other.db') });
  });

  it('treats a missing, corrupt or odd file as defaults', () => {
    expect(readSettings(path.join(dir, 'none.json'))).toEqual({});
    fs.writeFileSync(path.join(dir, 'bad.json'), '{not json');
    expect(readSettings(path.join(dir, 'bad.json'))).toEqual({});
    fs.writeFileSync(path.join(dir, 'odd.json'), JSON.stringify({ databasePath: 'relative.db' }));
    expect(readSettings(path.join(dir, 'odd.json'))).toEqual({});
    fs.writeFileSync(path.join(dir, 'null.json'), 'null');
    expect(readSettings(path.join(dir, 'null.json'))).toEqual({});
  });

  it('opens the remembered database only while it exists', () => {
    const other = path.join(dir, 'other.db');
    expect(startupDatabasePath({ databasePath: other }, dir)).toBe(path.join(dir, 'newsroom.db'));
    fs.writeFileSync(other, '');
    expect(startupDatabasePath({ databasePath: other }, dir)).toBe(other);
    expect(startupDatabasePath({}, dir)).toBe(path.join(dir, 'newsroom.db'));
  });
});

describe('nativeBindingPath', () => {
  it('uses native/electron in development and the unpacked asar when packaged', () => {
    expect(nativeBindingPath({ packaged: false, appRoot: '/repo', resourcesPath: '/ignored' })).toBe(
      path.join('/repo', 'native', 'electron', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ packaged: true, appRoot: '/x/app.asar', resourcesPath: '/x' })).toBe(
      path.join('/x', 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'),
    );
  });
});

describe('recent paths', () => {
  it('round-trip, and anything odd in them is dropped', () => {
    const file = path.join(dir, 'settings.json');
    const recentPaths = [
      { kind: 'database' as const, path: path.join(dir, 'a.db') },
      { kind: 'export-folder' as const, path: path.join(dir, 'out') },
    ];
    writeSettings(file, { databasePath: path.join(dir, 'a.db'), recentPaths });
    expect(readSettings(file)).toEqual({ databasePath: path.join(dir, 'a.db'), recentPaths });
    fs.writeFileSync(
      file,
      JSON.stringify({
        recentPaths: [
          { kind: 'database', path: 'relative.db' },
          { kind: 'secrets', path: '/etc' },
          { kind: 'backup-folder', path: 5 },
          null,
          recentPaths[1],
          { ...recentPaths[0], extra: 1 },
        ],
      }),
    );
    expect(readSettings(file)).toEqual({ recentPaths: [recentPaths[1], recentPaths[0]] });
    fs.writeFileSync(file, JSON.stringify({ recentPaths: 'nope' }));
    expect(readSettings(file)).toEqual({});
  });
});
