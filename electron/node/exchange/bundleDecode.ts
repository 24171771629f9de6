/** Reading `.newsroom` bundle files: gunzipped (never past the size limit), parsed and validated. Runs in the import worker. */
import zlib from 'node:zlib';
import { parseBundleJson, type ArticleBundle } from '../../../shared/exchange/bundle';
import { MAX_BUNDLE_JSON_BYTES } from '../../../shared/exchange/formats';

export type DecodedBundle = { ok: true; bundle: ArticleBundle } | { ok: false; message: string };

/** Unzips (never past the size limit), parses and validates a bundle file. */
export function decodeBundle(bytes: Uint8Array): DecodedBundle {
  let json: Buffer;
  try {
    json = zlib.gunzipSync(bytes, { maxOutputLength: MAX_BUNDLE_JSON_BYTES });
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /too large|buffer/i.test((error as Error).message);
    return {
      ok: false,
      message: tooLarge
        ? `The bundle unpacks to more than ${MAX_BUNDLE_JSON_BYTES / 1024 / 1024} MB and was not imported.`
        : 'The bundle file is damaged (it could not be unpacked). Nothing was imported.',
    };
  }
  return parseBundleJson(json.toString('utf8'));
}
