/** Export and import: batch export jobs polled for progress, file import with conflict choices. */
import { z } from 'zod';
import type { VersionDiff } from '../../diff/wordDiff';
import { EXPORT_FORMATS, MAX_IMPORT_BYTES, type ExportFormat } from '../../exchange/formats';
import type { ImportKind } from '../../exchange/sniff';
import { channel, emptyRequest, idSchema } from '../channel';
import { pathIdSchema } from './paths';

export const MAX_EXPORT_BATCH = 5_000;

export type ExportFailure = { articleId: string; headline: string; format: ExportFormat | 'all'; message: string };

export type OpenedFiles = {
  files: { fileName: string; dataBase64: string }[];
  problems: { fileName: string; message: string }[];
};

export type ExportJobStatus = {
  jobId: string;
  state: 'running' | 'done' | 'cancelled';
  folder: string;
  /** Articles finished (exported or failed). */
  done: number;
  total: number;
  files: string[];
  failures: ExportFailure[];
  /** Things worth knowing that are not failures (e.g. an approved article left Approved). */
  notes: { articleId: string; headline: string; message: string }[];
};

export type ImportVersionSummary = { headline: string; dek: string; version: number; updatedAt: string; status: string; blocks: number };

export type ImportOutcome =
  | { kind: 'imported'; articleId: string; headline: string; format: ImportKind; warnings: string[] }
  | { kind: 'kept-mine'; articleId: string; headline: string; format: 'bundle'; warnings: string[] }
  | {
      kind: 'conflict';
      articleId: string;
      headline: string;
      format: 'bundle';
      mine: ImportVersionSummary;
      theirs: ImportVersionSummary;
      diff: VersionDiff;
    };

const jobId = z.string().min(1).max(64);

export const exchangeChannels = {
  /** Starts exporting into a folder from paths:list (kind export-folder); poll exchange:jobStatus for progress. */
  'exchange:export': channel<{ jobId: string }>()(
    z
      .object({
        articleIds: z.array(idSchema).min(1).max(MAX_EXPORT_BATCH),
        formats: z.array(z.enum(EXPORT_FORMATS)).min(1).max(EXPORT_FORMATS.length),
        folderId: pathIdSchema,
        /** Word files carry the open suggestions as tracked changes and the comments (for review, not publication). */
        withChanges: z.boolean().optional(),
        /** HTML page and fragment keep open suggestions as <ins>/<del> (for review). */
        htmlWithChanges: z.boolean().optional(),
      })
      .strict(),
  ),
  'exchange:jobStatus': channel<ExportJobStatus>()(z.object({ jobId }).strict()),
  'exchange:cancel': channel<ExportJobStatus>()(z.object({ jobId }).strict()),
  /** Shows a finished job's files in the system file manager (Electron); elsewhere answers false. */
  'exchange:reveal': channel<{ revealed: boolean; folder: string }>()(z.object({ jobId }).strict()),
  /** Bundles the operating system asked the app to open; each is handed over once. */
  'exchange:takeOpenedFiles': channel<OpenedFiles>()(emptyRequest),
  'exchange:import': channel<ImportOutcome>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
        onConflict: z.enum(['keep-mine', 'take-theirs', 'keep-both']).optional(),
      })
      .strict(),
  ),
} as const;
