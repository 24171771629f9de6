import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, MAX_ASSET_BYTES } from '../../../shared/ipc/contract';
import { createAssetStore, sniffImageType, type AssetStore } from './assetStore';
import { openDatabase, type Db } from './database';

// Smallest real files of each kind: a 1×1 PNG and a tiny JPEG header.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

let dir: string;
let db: Db;
let assets: AssetStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-assets-'));
  db = openDatabase(path.join(dir, 'assets.db'));
  assets = createAssetStore(db);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = () => (db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n;

function refusal(fn: () => unknown): AppError {
  const before = rows();
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_PAYLOAD');
    expect(rows()).toBe(before);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('putAsset', () => {
  it('stores a PNG and a JPEG and reads them back byte for byte', () => {
    const png = assets.putAsset('photo.png', 'image/png', PNG);
    const jpeg = assets.putAsset('photo.jpg', 'image/jpeg', JPEG);
    expect(png).not.toBe(jpeg);
    expect(assets.getAsset(png)).toEqual({ assetId: png, fileName: 'photo.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') });
    expect(assets.getAssetBytes(jpeg)!.bytes.equals(JPEG)).toBe(true);
    const stored = db.prepare('SELECT length(data) AS size, sha256 FROM assets WHERE id = ?').get(png) as { size: number; sha256: string };
    expect(stored.size).toBe(PNG.length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts GIF and WebP by their signatures', () => {
    expect(sniffImageType(GIF)).toBe('image/gif');
    expect(sniffImageType(WEBP)).toBe('image/webp');
    assets.putAsset('a.gif', 'image/gif', GIF);
    assets.putAsset('a.webp', 'image/webp', WEBP);
    expect(rows()).toBe(2);
  });

  it('stores identical bytes once, whatever the name', () => {
    const a = assets.putAsset('one.png', 'image/png', PNG);
    const b = assets.putAsset('two.png', 'image/png', Buffer.from(PNG));
    expect(b).toBe(a);
    expect(rows()).toBe(1);
    expect(assets.getAsset(a).fileName).toBe('one.png');
  });

  it('refuses a text file named .png', () => {
    const error = refusal(() => assets.putAsset('notes.png', 'image/png', Buffer.from('just some notes, honestly')));
    expect(error.message).toContain('"notes.png" is not a PNG');
  });

  it('refuses bytes that are another image type than declared', () => {
    const error = refusal(() => assets.putAsset('photo.png', 'image/png', JPEG));
    expect(error.message).toContain('image/jpeg');
    refusal(() => assets.putAsset('photo.jpg', 'image/jpeg', PNG));
    refusal(() => assets.putAsset('photo.gif', 'image/gif', WEBP));
  });

  it('refuses a truncated signature', () => {
    refusal(() => assets.putAsset('short.png', 'image/png', PNG.subarray(0, 7)));
    refusal(() => assets.putAsset('short.jpg', 'image/jpeg', JPEG.subarray(0, 2)));
  });

  it('refuses an empty file', () => {
    expect(refusal(() => assets.putAsset('empty.png', 'image/png', Buffer.alloc(0))).message).toMatch(/empty/);
  });

  it('refuses a file over the size limit, and accepts one at it', () => {
    const big = Buffer.alloc(MAX_ASSET_BYTES + 1);
    PNG.copy(big);
    expect(refusal(() => assets.putAsset('big.png', 'image/png', big)).message).toMatch(/larger than 25 MB/);
    const atLimit = big.subarray(0, MAX_ASSET_BYTES);
    assets.putAsset('limit.png', 'image/png', atLimit);
    expect(rows()).toBe(1);
  });
});

describe('getAsset', () => {
  it('an unknown id is NOT_FOUND', () => {
    expect(() => assets.getAsset('nope')).toThrow(AppError);
    expect(assets.getAssetBytes('nope')).toBeUndefined();
  });
});

describe('putAssetKeepingId', () => {
  it('keeps a free id, reuses identical bytes, and gives other bytes under a taken id a new one', () => {
    expect(assets.putAssetKeepingId('from-bundle', 'a.png', 'image/png', PNG)).toBe('from-bundle');
    expect(assets.putAssetKeepingId('other-id', 'b.png', 'image/png', Buffer.from(PNG))).toBe('from-bundle');
    const moved = assets.putAssetKeepingId('from-bundle', 'c.jpg', 'image/jpeg', JPEG);
    expect(moved).not.toBe('from-bundle');
    expect(assets.getAssetBytes(moved)!.bytes.equals(JPEG)).toBe(true);
    expect(rows()).toBe(2);
  });

  it('refuses what putAsset refuses', () => {
    expect(refusal(() => assets.putAssetKeepingId('x', 'fake.png', 'image/png', Buffer.from('text'))).message).toContain('"fake.png" is not a PNG');
    expect(refusal(() => assets.putAssetKeepingId('x', 'empty.png', 'image/png', Buffer.alloc(0))).message).toMatch(/empty/);
  });
});

describe('migration 006', () => {
  it('drops the unread byte size and keeps every image of a schema 5 database', () => {
    const file = path.join(dir, 'v5.db');
    const old = openDatabase(file, { targetVersion: 5 });
    old
      .prepare(`INSERT INTO assets (id, file_name, mime_type, byte_size, sha256, data, created_at) VALUES ('p', 'p.png', 'image/png', ?, 'h', ?, 'x')`)
      .run(PNG.length, PNG);
    old.close();
    const upgraded = openDatabase(file);
    try {
      const columns = (upgraded.prepare(`PRAGMA table_info(assets)`).all() as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('byte_size');
      expect(createAssetStore(upgraded).getAssetBytes('p')!.bytes.equals(PNG)).toBe(true);
    } finally {
      upgraded.close();
    }
  });
});
