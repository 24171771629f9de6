import type { assetChannels } from '../../../../shared/ipc/channels/assets';
import { fetchWebImage } from '../../exchange/webImage';
import type { HandlerContext, HandlerGroup } from './context';

export function assetHandlers({ session, webImages }: HandlerContext): HandlerGroup<keyof typeof assetChannels> {
  return {
    'assets:put': ({ fileName, mimeType, dataBase64 }) => ({
      assetId: session.assets().putAsset(fileName, mimeType, Buffer.from(dataBase64, 'base64')),
    }),
    'assets:get': ({ id }) => session.assets().getAsset(id),
    'assets:fetchWeb': async ({ url }) => {
      const image = await fetchWebImage(url, webImages);
      return { assetId: session.assets().putAsset(image.fileName, image.mimeType, image.bytes) };
    },
  };
}
