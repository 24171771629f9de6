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
  const insert = db.prepare(
    `INSERT INTO assets (id, file_name, mime_type, byte_size, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const get = db.prepare<[string], AssetRow>(`SELECT id, file_name, mime_type, data FROM assets WHERE id = ?`);

  return {
    putAsset(fileName: string, mimeType: ImageMimeType, bytes: Buffer): string {
      if (bytes.length === 0) throw new AppError('INVALID_PAYLOAD', 'The image file is empty.');
      if (bytes.length > MAX_ASSET_BYTES) {
        throw new AppError('INVALID_PAYLOAD', `The image is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB.`);
      }
      const actual = sniffImageType(bytes);
      if (!actual) throw new AppError('INVALID_PAYLOAD', `"${fileName}" is not a PNG, JPEG, GIF or WebP image.`);
      if (actual !== mimeType) throw new AppError('INVALID_PAYLOAD', `"${fileName}" is not what its name says: it is ${actual}.`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const existing = byHash.get(sha256);
      if (existing) return existing.id;
      const id = randomUUID();
      insert.run(id, fileName, mimeType, bytes.length, sha256, bytes, clock().toISOString());
      return id;
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
