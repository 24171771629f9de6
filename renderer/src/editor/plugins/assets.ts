/** Images live in the local database: stored with putAsset, shown from blob: URLs. */
import { useEffect, useState } from 'react';
import { base64ToBytes, bytesToBase64 } from '../../api/base64';
import { call } from '../../api/call';
import { IMAGE_MIME_TYPES, MAX_ASSET_BYTES, type ImageMimeType } from '../../../../shared/ipc/contract';

export const IMAGE_ACCEPT = IMAGE_MIME_TYPES.join(',');

export function isStorableImage(file: File): file is File & { type: ImageMimeType } {
  return (IMAGE_MIME_TYPES as readonly string[]).includes(file.type) && file.size <= MAX_ASSET_BYTES;
}

export async function storeImageFile(file: File): Promise<string> {
  if (!isStorableImage(file)) throw new Error(`${file.name || 'The file'} is not a PNG, JPEG, GIF or WebP image under 25 MB.`);
  const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  const { assetId } = await call('putAsset', { fileName: file.name || 'image', mimeType: file.type, dataBase64 });
  return assetId;
}

export async function storeImageData(fileName: string, mimeType: ImageMimeType, dataBase64: string): Promise<string> {
  const { assetId } = await call('putAsset', { fileName, mimeType, dataBase64 });
  return assetId;
}

/** Downloads a web image through the main process (the page has no network) and stores it. */
export async function fetchWebImage(url: string): Promise<string> {
  const { assetId } = await call('fetchWebImage', { url });
  return assetId;
}

const urls = new Map<string, Promise<string>>();

/** Fetches an asset once per session and keeps its blob: URL. */
function assetUrl(assetId: string): Promise<string> {
  let url = urls.get(assetId);
  if (!url) {
    url = call('getAsset', { id: assetId }).then(({ mimeType, dataBase64 }) => {
      return URL.createObjectURL(new Blob([base64ToBytes(dataBase64)], { type: mimeType }));
    });
    url.catch(() => urls.delete(assetId));
    urls.set(assetId, url);
  }
  return url;
}

export type AssetState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error' };

export function useAssetUrl(assetId: string): AssetState {
  const [state, setState] = useState<AssetState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    if (!assetId) {
      setState({ status: 'error' });
      return;
    }
    setState({ status: 'loading' });
    assetUrl(assetId).then(
      (url) => live && setState({ status: 'ready', url }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [assetId]);
  return state;
}
