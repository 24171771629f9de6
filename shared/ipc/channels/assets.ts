/** Images stored in the database. */
import { z } from 'zod';
import { channel, idSchema as id } from '../channel';

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number];
export const MAX_ASSET_BYTES = 25 * 1024 * 1024;
export type AssetRef = { assetId: string };
export type AssetData = { assetId: string; mimeType: ImageMimeType; fileName: string; dataBase64: string };

export const assetChannels = {
  /** Stores an image in the database (deduplicated by content) and returns its id. */
  'assets:put': channel<AssetRef>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        mimeType: z.enum(IMAGE_MIME_TYPES),
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 4),
      })
      .strict(),
  ),
  'assets:get': channel<AssetData>()(z.object({ id }).strict()),
} as const;
