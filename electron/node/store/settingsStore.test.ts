import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WRITING_SETTINGS } from '../../../shared/editor/typography';
import { openDatabase, type Db } from './database';
import { createSettingsStore } from './settingsStore';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-settings-'));
  db = openDatabase(path.join(dir, 'store.db'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writing settings', () => {
  it('start with smart typography on in English, and keep what was saved across reopening', () => {
    expect(createSettingsStore(db).writingSettings()).toEqual(DEFAULT_WRITING_SETTINGS);
    createSettingsStore(db).setWritingSettings({ smartTypography: false, language: 'fr' });
    db.close();
    db = openDatabase(path.join(dir, 'store.db'));
    expect(createSettingsStore(db).writingSettings()).toEqual({ smartTypography: false, language: 'fr' });
  });

  it('refuse a language the typography does not know, and fall back to the defaults on a damaged value', () => {
    const store = createSettingsStore(db);
    expect(() => store.setWritingSettings({ smartTypography: true, language: 'es' as 'en' })).toThrow();
    db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('writing', '{"language":"xx"}', '')`).run();
    expect(store.writingSettings()).toEqual(DEFAULT_WRITING_SETTINGS);
  });
});
