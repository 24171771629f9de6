import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../../shared/ipc/contract';
import type { exchangeChannels } from '../../../../shared/ipc/channels/exchange';
import { createExportJobs } from '../../exchange/exportJobs';
import { expandHome } from '../../exchange/files';
import { importFile } from '../../exchange/importService';
import type { HandlerContext, HandlerGroup } from './context';

export const DEFAULT_EXPORT_FOLDER = '~/Newsroom exports';

export function exchangeHandlers({ session, exchange }: HandlerContext): HandlerGroup<keyof typeof exchangeChannels> {
  const jobs = createExportJobs(session, { printPdf: exchange?.printPdf, rasterizeImage: exchange?.rasterizeImage });
  const home = os.homedir();
  const absolute = (folder: string) => {
    const expanded = expandHome(folder.trim(), home);
    if (!path.isAbsolute(expanded)) throw new AppError('NOT_ALLOWED', 'Give the export folder as a full path (or starting with ~/).');
    return expanded;
  };
  return {
    'exchange:defaults': () => ({
      defaultFolder: expandHome(DEFAULT_EXPORT_FOLDER, home),
      canChooseFolder: exchange?.chooseFolder !== undefined,
      canReveal: exchange?.reveal !== undefined,
    }),
    'exchange:chooseFolder': async ({ current }) => {
      if (!exchange?.chooseFolder) throw new AppError('NOT_ALLOWED', 'Type the folder path: this window cannot show a folder picker.');
      const folder = await exchange.chooseFolder(current);
      if (!folder) throw new AppError('CANCELLED', 'No folder was chosen.');
      return { folder };
    },
    'exchange:export': ({ articleIds, formats, folder }) => {
      session.store();
      return { jobId: jobs.start(articleIds, formats, absolute(folder)) };
    },
    'exchange:jobStatus': ({ jobId }) => jobs.status(jobId),
    'exchange:cancel': ({ jobId }) => jobs.cancel(jobId),
    'exchange:reveal': ({ jobId }) => {
      const status = jobs.status(jobId);
      if (!exchange?.reveal) return { revealed: false, folder: status.folder };
      exchange.reveal(status.files[0] ?? status.folder);
      return { revealed: true, folder: status.folder };
    },
    'exchange:takeOpenedFiles': () => exchange?.takeOpenedFiles?.() ?? { files: [], problems: [] },
    'exchange:import': ({ fileName, dataBase64, onConflict }) =>
      importFile(session, path.basename(fileName), Buffer.from(dataBase64, 'base64'), { onConflict }),
  };
}
