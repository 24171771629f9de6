/** Images stored in the database. */
import { z } from 'zod';
import { channel, idSchema as id } from '../channel';
import { checkLinkUrl, MAX_URL_LENGTH } from '../../security/urlPolicy';

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
  /**
   * Downloads a web image named in a pasted page (main process: the page has no network) and stores
   * it like 'assets:put'. Only http(s) addresses the URL policy accepts as links.
   */
  'assets:fetchWeb': channel<AssetRef>()(
    z
      .object({
        url: z
          .string()
          .min(1)
          .max(MAX_URL_LENGTH)
          .refine((url) => /^https?:/i.test(url) && checkLinkUrl(url).ok, 'Only web (http, https) image addresses can be fetched.'),
      })
      .strict(),
  ),
} as const;
