import type { libraryChannels } from '../../../../shared/ipc/channels/library';
import type { FullHandlerContext, HandlerGroup } from './context';
import { refuseNewsroomArticle } from './sync';

export function libraryHandlers(ctx: FullHandlerContext): HandlerGroup<keyof typeof libraryChannels> {
  const library = () => ctx.session.library();
  return {
    'authors:list': (req) => library().listAuthors(req),
    'authors:get': ({ id }) => library().getAuthor(id),
    'authors:create': ({ author }) => library().createAuthor(author),
    'authors:update': ({ id, baseVersion, author }) => library().updateAuthor(id, baseVersion, author),
    'authors:setArchived': ({ id, archived }) => library().setAuthorArchived(id, archived),
    'authors:delete': ({ id }) => (library().deleteAuthor(id), null),
    'authors:versions': ({ id }) => library().authorVersions(id),

    'disclosures:list': (req) => library().listDisclosures(req),
    'disclosures:create': ({ disclosure }) => library().createDisclosure(disclosure),
    'disclosures:update': ({ id, baseVersion, disclosure }) => library().updateDisclosure(id, baseVersion, disclosure),
    'disclosures:setArchived': ({ id, archived }) => library().setDisclosureArchived(id, archived),
    'disclosures:delete': ({ id }) => (library().deleteDisclosure(id), null),
    'disclosures:versions': ({ id }) => library().disclosureVersions(id),

    'articles:freezeLibraryBlocks': ({ id }) => (refuseNewsroomArticle(ctx, id, 'Freezing library blocks'), library().freezeLibraryBlocks(id)),
  };
}
