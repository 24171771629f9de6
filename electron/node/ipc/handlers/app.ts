import { AppError } from '../../../../shared/ipc/contract';
import type { appChannels } from '../../../../shared/ipc/channels/app';
import type { HandlerContext, HandlerGroup } from './context';

export function appHandlers({ session, info, chooseDatabaseFile }: HandlerContext): HandlerGroup<keyof typeof appChannels> {
  return {
    'app:info': () => info,
    'db:status': () => session.status(),
    'db:open': async ({ path }) => {
      const chosen = path ?? (await chooseDatabaseFile?.());
      if (!chosen) throw new AppError('CANCELLED', 'No file was chosen.');
      return session.open(chosen);
    },
    'db:createNew': () => session.createNew(),
    'db:retry': () => session.open(session.status().path),
  };
}
