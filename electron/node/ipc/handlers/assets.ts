import type { assetChannels } from '../../../../shared/ipc/channels/assets';
import type { HandlerContext, HandlerGroup } from './context';

export function assetHandlers({ session }: HandlerContext): HandlerGroup<keyof typeof assetChannels> {
  return {
    'assets:put': ({ fileName, mimeType, dataBase64 }) => ({
      assetId: session.assets().putAsset(fileName, mimeType, Buffer.from(dataBase64, 'base64')),
    }),
    'assets:get': ({ id }) => session.assets().getAsset(id),
  };
}
