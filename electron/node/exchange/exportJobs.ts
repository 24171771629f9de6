/**
 * Batch exports run as jobs: the work goes article by article, yielding to the event loop between
 * them so other requests (progress polls, Cancel, autosaves) are answered meanwhile. IPC here is
 * request/response, so the UI polls a job's status.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/contract';
import type { ExportFailure, ExportJobStatus } from '../../../shared/ipc/channels/exchange';
import { FORMAT_LABEL, type ExportFormat } from '../../../shared/exchange/formats';
import { exportArticleFormats, type ExportOptions } from './exportService';
import { prepareFolder } from './files';
import type { ExchangeSession } from './session';

/** Finished jobs are forgotten after this long. */
const KEEP_FINISHED_MS = 30 * 60 * 1000;
const MAX_RUNNING = 4;
/** The status lists at most this many file paths (the count is exact). */
const MAX_LISTED_FILES = 2_000;

type Job = ExportJobStatus & { cancelRequested: boolean; finishedAt?: number; fileCount: number };

export type ExportJobs = ReturnType<typeof createExportJobs>;

/** What the person chose for one export. */
export type JobChoices = Pick<ExportOptions, 'withChanges' | 'htmlWithChanges'>;

export function createExportJobs(session: ExchangeSession, options: Omit<ExportOptions, 'taken'> = {}) {
  const jobs = new Map<string, Job>();

  const view = (job: Job): ExportJobStatus => ({
    jobId: job.jobId,
    state: job.state,
    folder: job.folder,
    done: job.done,
    total: job.total,
    files: job.files.slice(0, MAX_LISTED_FILES),
    failures: job.failures.slice(0, 500),
    notes: job.notes.slice(0, 500),
  });

  function prune() {
    const now = Date.now();
    for (const [id, job] of jobs) if (job.finishedAt !== undefined && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', 'That export is no longer known.');
    return job;
  }

  async function run(job: Job, articleIds: readonly string[], formats: readonly ExportFormat[], choices: JobChoices) {
    const taken = new Set<string>();
    for (const articleId of articleIds) {
      if (job.cancelRequested) break;
      try {
        const result = await exportArticleFormats(session, articleId, formats, job.folder, { ...options, ...choices, taken });
        for (const f of result.files) if (job.files.length < MAX_LISTED_FILES) job.files.push(f);
        job.fileCount += result.files.length;
        for (const f of result.failures) job.failures.push({ articleId, headline: result.headline, format: f.format, message: f.message });
        for (const w of result.warnings) job.notes.push({ articleId, headline: result.headline, message: `${FORMAT_LABEL[w.format]}: ${w.message}` });
        if (result.statusNote) job.notes.push({ articleId, headline: result.headline, message: result.statusNote });
      } catch (error) {
        const failure: ExportFailure = { articleId, headline: '', format: 'all', message: (error as Error).message };
        job.failures.push(failure);
      }
      job.done++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    job.state = job.cancelRequested && job.done < job.total ? 'cancelled' : 'done';
    job.finishedAt = Date.now();
  }

  return {
    start(articleIds: readonly string[], formats: readonly ExportFormat[], folder: string, choices: JobChoices = {}): string {
      prune();
      const running = [...jobs.values()].filter((j) => j.state === 'running').length;
      if (running >= MAX_RUNNING) throw new AppError('NOT_ALLOWED', 'Several exports are already running; wait for one to finish.');
      const dir = prepareFolder(folder);
      const unique = [...new Set(articleIds)];
      const job: Job = {
        jobId: randomUUID(),
        state: 'running',
        folder: dir,
        done: 0,
        total: unique.length,
        files: [],
        failures: [],
        notes: [],
        cancelRequested: false,
        fileCount: 0,
      };
      jobs.set(job.jobId, job);
      void run(job, unique, formats, choices);
      return job.jobId;
    },
    status: (jobId: string) => view(find(jobId)),
    cancel(jobId: string): ExportJobStatus {
      const job = find(jobId);
      if (job.state === 'running') job.cancelRequested = true;
      return view(job);
    },
    /** Resolves when the job has finished (for the CLI and tests). */
    async wait(jobId: string): Promise<ExportJobStatus> {
      const job = find(jobId);
      while (job.state === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
      return view(job);
    },
  };
}
