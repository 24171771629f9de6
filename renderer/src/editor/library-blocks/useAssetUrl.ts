/** A data: URL for an image stored in the database (the CSP allows data: images, never remote ones). */
import { useEffect, useState } from 'react';
import { call } from '../../api/call';

const cache = new Map<string, string>();

export function useAssetUrl(assetId: string): string | undefined {
  const [url, setUrl] = useState(() => (assetId ? cache.get(assetId) : undefined));
  useEffect(() => {
    if (!assetId) return setUrl(undefined);
    const known = cache.get(assetId);
    if (known) return setUrl(known);
    let live = true;
    call('getAsset', { id: assetId })
      .then((a) => {
        const data = `data:${a.mimeType};base64,${a.dataBase64}`;
        cache.set(assetId, data);
        if (live) setUrl(data);
      })
      .catch(() => live && setUrl(undefined));
    return () => {
      live = false;
    };
  }, [assetId]);
  return url;
}
