import type { libraryChannels } from '../../../../shared/ipc/channels/library';
import type { HandlerContext, HandlerGroup } from './context';

export function libraryHandlers({ session }: HandlerContext): HandlerGroup<keyof typeof libraryChannels> {
  return {
    'authors:list': ({ includeArchived }) => session.store().listAuthors(includeArchived ?? false),
    'disclosures:list': () => session.store().listDisclosures(),
  };
}
