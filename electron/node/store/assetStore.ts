/**
 * Images live inside the database so articles keep working offline, travel in
 * backups and bundles, and are never hot-linked. Bytes are checked against the
 * declared type so a renamed file is refused, and identical images are stored once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError, MAX_ASSET_BYTES, type AssetData, type ImageMimeType } from '../../../shared/ipc/contract';
import type { Db } from './database';

const SIGNATURES: Record<ImageMimeType, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The image type the bytes really are, if any we accept. */
export function sniffImageType(bytes: Buffer): ImageMimeType | undefined {
  return (Object.keys(SIGNATURES) as ImageMimeType[]).find((t) => SIGNATURES[t](bytes));
}

type AssetRow = { id: string; file_name: string; mime_type: ImageMimeType; data: Buffer };

export function createAssetStore(db: Db, clock: () => Date = () => new Date()) {
  const byHash = db.prepare<[string], { id: string }>(`SELECT id FROM assets WHERE sha256 = ?`);
  const idTaken = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM assets WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO assets (id, file_name, mime_type, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const get = db.prepare<[string], AssetRow>(`SELECT id, file_name, mime_type, data FROM assets WHERE id = ?`);

  /** Refuses bytes that are empty, too large or not the image type they claim; returns their hash. */
  function checked(fileName: string, mimeType: ImageMimeType, bytes: Buffer): string {
    if (bytes.length === 0) throw new AppError('INVALID_PAYLOAD', 'The image file is empty.');
    if (bytes.length > MAX_ASSET_BYTES) {
      throw new AppError('INVALID_PAYLOAD', `The image is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB.`);
    }
    const actual = sniffImageType(bytes);
    if (!actual) throw new AppError('INVALID_PAYLOAD', `"${fileName}" is not a PNG, JPEG, GIF or WebP image.`);
    if (actual !== mimeType) throw new AppError('INVALID_PAYLOAD', `"${fileName}" is not what its name says: it is ${actual}.`);
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** Identical bytes are stored once; otherwise they go in under `id`. */
  function store(id: string, fileName: string, mimeType: ImageMimeType, bytes: Buffer, sha256: string): string {
    const existing = byHash.get(sha256);
    if (existing) return existing.id;
    insert.run(id, fileName, mimeType, sha256, bytes, clock().toISOString());
    return id;
  }

  return {
    putAsset(fileName: string, mimeType: ImageMimeType, bytes: Buffer): string {
      return store(randomUUID(), fileName, mimeType, bytes, checked(fileName, mimeType, bytes));
    },

    /**
     * Stores an image that arrives with an id (a bundle's) under that id when it is free, so a
     * bundle round-trips exactly; identical bytes already stored are reused, and an id taken by
     * other bytes gets a new one. Returns the id the image is stored under.
     */
    putAssetKeepingId(id: string, fileName: string, mimeType: ImageMimeType, bytes: Buffer): string {
      const sha256 = checked(fileName, mimeType, bytes);
      return store(idTaken.get(id)!.n > 0 ? randomUUID() : id, fileName, mimeType, bytes, sha256);
    },

    getAsset(id: string): AssetData {
      const row = get.get(id);
      if (!row) throw new AppError('NOT_FOUND', 'That image is missing from the database.');
      return { assetId: row.id, fileName: row.file_name, mimeType: row.mime_type, dataBase64: row.data.toString('base64') };
    },

    getAssetBytes(id: string): { bytes: Buffer; mimeType: ImageMimeType; fileName: string } | undefined {
      const row = get.get(id);
      return row ? { bytes: row.data, mimeType: row.mime_type, fileName: row.file_name } : undefined;
    },
  };
}

export type AssetStore = ReturnType<typeof createAssetStore>;
