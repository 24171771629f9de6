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
    // Saved before the suggesting and spelling settings existed: they take their defaults (on).
    expect(createSettingsStore(db).writingSettings()).toEqual({
      smartTypography: false,
      language: 'fr',
      editorsSuggest: true,
      checkSpelling: true,
      checkStyle: true,
    });
    const off = { smartTypography: false, language: 'fr', editorsSuggest: false, checkSpelling: false, checkStyle: false };
    createSettingsStore(db).setWritingSettings(off);
    expect(createSettingsStore(db).writingSettings()).toEqual(off);
  });

  it('keep any BCP 47 tag as the default language for new articles, in registry case', () => {
    const store = createSettingsStore(db);
    // The suggesting and spelling settings, not given, keep their defaults (on).
    const expected = { smartTypography: true, language: 'he-IL', editorsSuggest: true, checkSpelling: true, checkStyle: true };
    expect(store.setWritingSettings({ smartTypography: true, language: 'he-il' })).toEqual(expected);
    expect(store.writingSettings()).toEqual(expected);
  });

  it('refuse a language that is not a language tag, and fall back to the defaults on a damaged value', () => {
    const store = createSettingsStore(db);
    expect(() => store.setWritingSettings({ smartTypography: true, language: 'Spanish!' })).toThrow(/language tag such as/);
    db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('writing', '{"language":"xx"}', '')`).run();
    expect(store.writingSettings()).toEqual(DEFAULT_WRITING_SETTINGS);
  });
});
