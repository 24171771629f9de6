import { randomUUID } from 'node:crypto';
import type { libraryChannels } from '../../../../shared/ipc/channels/library';
import type { FullHandlerContext, HandlerGroup } from './context';
import { refuseNewsroomArticle } from './sync';

/**
 * The newsroom's entries (and a signed-in editor's new ones) are changed through the newsroom server
 * first (`sync.library()`, which answers undefined for this desk's own entries); the rest stay local.
 */
export function libraryHandlers(ctx: FullHandlerContext): HandlerGroup<keyof typeof libraryChannels> {
  const library = () => ctx.session.library();
  const newsroom = () => ctx.sync.library();
  return {
    'authors:list': (req) => library().listAuthors(req),
    'authors:get': ({ id }) => library().getAuthor(id),
    'authors:create': async ({ author }) => {
      const id = randomUUID();
      return (await newsroom().createAuthor(id, author)) ?? library().createAuthor({ ...author, id });
    },
    'authors:update': async ({ id, baseVersion, author }) =>
      (await newsroom().updateAuthor(id, baseVersion, author)) ?? library().updateAuthor(id, baseVersion, author),
    'authors:setArchived': async ({ id, archived }) => (await newsroom().setAuthorArchived(id, archived)) ?? library().setAuthorArchived(id, archived),
    'authors:delete': ({ id }) => (newsroom().refuseDelete('author', id), library().deleteAuthor(id), null),
    'authors:versions': ({ id }) => library().authorVersions(id),

    'disclosures:list': (req) => library().listDisclosures(req),
    'disclosures:create': async ({ disclosure }) => {
      const id = randomUUID();
      return (await newsroom().createDisclosure(id, disclosure)) ?? library().createDisclosure({ ...disclosure, id });
    },
    'disclosures:update': async ({ id, baseVersion, disclosure }) =>
      (await newsroom().updateDisclosure(id, baseVersion, disclosure)) ?? library().updateDisclosure(id, baseVersion, disclosure),
    'disclosures:setArchived': async ({ id, archived }) =>
      (await newsroom().setDisclosureArchived(id, archived)) ?? library().setDisclosureArchived(id, archived),
    'disclosures:delete': ({ id }) => (newsroom().refuseDelete('disclosure', id), library().deleteDisclosure(id), null),
    'disclosures:versions': ({ id }) => library().disclosureVersions(id),

    'articles:freezeLibraryBlocks': ({ id }) => (refuseNewsroomArticle(ctx, id, 'Freezing library blocks'), library().freezeLibraryBlocks(id)),
  };
}
