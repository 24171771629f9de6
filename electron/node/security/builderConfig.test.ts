/**
 * The packaging config is security-relevant (fuses, what ships unpacked), so
 * it is checked here: valid against electron-builder's own JSON schema, with
 * the fuses and targets we rely on.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');
// js-yaml ships without types here; electron-builder depends on it.
const yaml = require('js-yaml') as { load(text: string): unknown };

type BuilderConfig = {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; name: string }[];
  linux: { target: string[]; category: string };
  mac: { target: string; hardenedRuntime: boolean; entitlements: string; notarize: boolean };
  win: { target: string };
};

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.newsroomdesk.app');
    expect(config.productName).toBe('Newsroom Desk');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the Electron SQLite build unpacked and never rebuilds node_modules', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['native/**', 'node_modules/better-sqlite3/**']));
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('native/electron/better_sqlite3.node');
    expect(config.files.some((f) => /^(electron|renderer|shared|scripts)\//.test(f))).toBe(false);
  });

  it('builds the agreed targets', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(fs.existsSync(path.join(root, config.mac.entitlements))).toBe(true);
    expect(config.win.target).toBe('nsis');
  });

  it('opens .newsroom article bundles', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'newsroom', name: 'Newsroom Article Bundle' })]);
  });

  it('has the icon it points at', () => {
    const png = fs.readFileSync(path.join(root, 'assets/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
