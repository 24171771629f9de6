import path from 'node:path';
import type { exchangeChannels } from '../../../../shared/ipc/channels/exchange';
import { createExportJobs } from '../../exchange/exportJobs';
import { importFile } from '../../exchange/importService';
import type { FullHandlerContext, HandlerGroup } from './context';

export function exchangeHandlers({ session, exchange, paths, sync }: FullHandlerContext): HandlerGroup<keyof typeof exchangeChannels> {
  const jobs = createExportJobs(session, {
    printPdf: exchange?.printPdf,
    rasterizeImage: exchange?.rasterizeImage,
    newsroomComments: (articleId) => sync.commentThreads(articleId),
  });
  return {
    'exchange:export': ({ articleIds, formats, folderId, withChanges, htmlWithChanges }) => {
      session.store();
      // An open newsroom article's latest words are in its document: write them to the row first.
      for (const id of articleIds) sync.settle(id);
      const folder = paths.resolve('export-folder', folderId);
      const jobId = jobs.start(articleIds, formats, folder, { withChanges, htmlWithChanges });
      paths.remember('export-folder', folder);
      return { jobId };
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
      importFile(session, path.basename(fileName), Buffer.from(dataBase64, 'base64'), { onConflict, newsroom: sync }),
  };
}
