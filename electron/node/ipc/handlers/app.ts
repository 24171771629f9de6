import { AppError } from '../../../../shared/ipc/contract';
import type { appChannels } from '../../../../shared/ipc/channels/app';
import type { FullHandlerContext, HandlerGroup } from './context';

export function appHandlers({ session, info, paths, pickPath }: FullHandlerContext): HandlerGroup<keyof typeof appChannels> {
  return {
    'app:info': () => info,
    'db:status': () => session.status(),
    'db:open': async ({ pathId }) => {
      let file: string | undefined;
      if (pathId !== undefined) file = paths.resolve('database', pathId);
      else if (pickPath) file = await pickPath('database');
      else throw new AppError('NOT_ALLOWED', 'This window cannot show a file dialog: choose one of the offered databases.');
      if (!file) throw new AppError('CANCELLED', 'No file was chosen.');
      const status = session.open(file);
      if (status.state === 'open') paths.remember('database', status.path);
      return status;
    },
    'db:createNew': () => session.createNew(),
    'db:retry': () => session.open(session.status().path),
  };
}
