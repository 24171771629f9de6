/**
 * Exports an article from the store to files: every format is produced from the document model
 * by the pure serializers (shared/export) or the Word builder; this file only gathers the input,
 * names the files and writes them. Images go next to the export as files, referenced relatively.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/contract';
import { FORMAT_EXTENSION, FORMATS_WITH_IMAGE_FILES, safeFileBase, type ExportFormat } from '../../../shared/exchange/formats';
import { DEFAULT_GENERATOR, type ExportInput } from '../../../shared/export/exportInput';
import { exportHtmlFragment, exportHtmlPage } from '../../../shared/export/html';
import { exportMarkdown } from '../../../shared/export/markdown';
import { exportNinjsJson } from '../../../shared/export/ninjs';
import { exportText } from '../../../shared/export/text';
import type { Article, Author } from '../../../shared/model/article';
import type { CommentThread } from '../../../shared/model/review';
import { articleSlug } from '../../../shared/text/slug';
import { rasterizeWithChromium } from '../export/chromiumRaster';
import { exportDocxWithWarnings, type ImageRasterizer } from '../export/docx';
import { withoutSuggestions } from '../../../shared/suggestions/list';
import { assetIdsOf, buildBundle, encodeBundle } from './bundleFile';
import { printPdfWithChromium, type PdfPrinter } from './chromiumPdf';
import { withPdfCreator } from './pdfInfo';
import { APP_VERSION } from '../store/database';
import { claimBase, describeFolderError, prepareFolder, writeFileAtomic, type NameRegistry } from './files';
import { libraryOf, type ExchangeSession } from './session';

export type ExportOptions = {
  /** Prints an HTML file to PDF; defaults to headless Chromium. The Electron app passes its own. */
  printPdf?: PdfPrinter;
  /** Redraws images Word cannot show (WebP) as PNG; defaults to headless Chromium. The Electron app passes its own. */
  rasterizeImage?: ImageRasterizer;
  /** Names handed out earlier in the same batch. */
  taken?: NameRegistry;
  now?: Date;
  /**
   * Word's "with changes": the .docx carries the open suggestions as tracked changes and the comment
   * threads as Word comments, for review, not publication. Every other file is for publication and
   * carries the text as if every suggestion were rejected.
   */
  withChanges?: boolean;
  /** HTML page and fragment keep open suggestions as <ins>/<del> with author and time: for review, not publication. */
  htmlWithChanges?: boolean;
  /**
   * A newsroom article's comment threads, from its document (the sync service), or undefined for the
   * desk's own articles, whose threads are in the desk's comment store.
   */
  newsroomComments?: (articleId: string) => readonly CommentThread[] | undefined;
};

export type FormatFailure = { format: ExportFormat; message: string };
export type ArticleExport = {
  articleId: string;
  headline: string;
  files: string[];
  failures: FormatFailure[];
  /** What a written file had to leave out (e.g. an image Word cannot show), one sentence each. */
  warnings: FormatFailure[];
  /** Set when an approved article was exported but could not be moved to Exported (and why). */
  statusNote?: string;
};

/** A bundle hands a draft to a colleague, and a Word file with changes goes back to review; every other file publishes. */
const publishes = (withChanges: boolean | undefined, htmlWithChanges?: boolean) => (format: ExportFormat) =>
  format !== 'bundle' && !(withChanges && format === 'docx') && !(htmlWithChanges && (format === 'html' || format === 'fragment'));

/** The AI-use disclosure rule: publication formats are refused while it fails. */
function disclosureRefusal(session: ExchangeSession, articleId: string): string | undefined {
  const errors =
    session
      .library?.()
      .checkArticleDisclosure(articleId)
      .filter((f) => f.level === 'error') ?? [];
  return errors.length ? `Export refused: ${errors.map((f) => f.message).join(' ')}` : undefined;
}

/**
 * Exporting an approved article moves it to Exported (its library blocks are
 * frozen by the transition). Only an editor may do that; otherwise the files are
 * written and the article stays Approved, which the result says.
 */
function markExported(session: ExchangeSession, article: Article): string | undefined {
  const review = session.review?.();
  if (!review) return undefined;
  // The version the files were written from: an article changed or approved meanwhile is not what went out.
  const articleId = article.id;
  if (article.status !== 'approved') return undefined;
  const profile = review.settings.profile();
  if (profile?.role !== 'editor') return 'The files were written; the article stays Approved until an editor exports it.';
  try {
    review.workflow.transition(articleId, article.version, 'export', '', profile);
    return undefined;
  } catch (error) {
    if (((error as { code?: string }).code ?? '').startsWith('SQLITE_READONLY')) {
      return 'The files were written; the article stays Approved because this database is open read-only.';
    }
    return `The files were written, but the article could not be moved to Exported: ${failureMessage(error)}`;
  }
}

const IMAGE_EXTENSION: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp' };

function bylineAuthors(article: Article, all: readonly Author[]): Author[] {
  const byId = new Map(all.map((a) => [a.id, a]));
  return article.bylineAuthorIds.map((id) => byId.get(id)).filter((a): a is Author => a !== undefined);
}

function failureMessage(error: unknown, folder?: string): string {
  if (error instanceof AppError) return error.message;
  return (folder !== undefined ? describeFolderError(error, folder) : undefined) ?? (error as Error)?.message ?? String(error);
}

async function printPdf(input: ExportInput, session: ExchangeSession, target: string, printer: PdfPrinter): Promise<void> {
  // Images inline as data: URLs, so the temporary page is one file and needs nothing else.
  const html = exportHtmlPage({
    ...input,
    assetUrl: (id) => {
      const asset = session.assets().getAssetBytes(id);
      return asset ? `data:${asset.mimeType};base64,${asset.bytes.toString('base64')}` : undefined;
    },
  });
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pdf-'));
  try {
    const htmlFile = path.join(temp, 'article.html');
    const pdfFile = path.join(temp, 'article.pdf');
    fs.writeFileSync(htmlFile, html);
    await printer(htmlFile, pdfFile);
    // Either printer names Chromium as the creator; the file names the desk.
    writeFileAtomic(target, withPdfCreator(fs.readFileSync(pdfFile), `${DEFAULT_GENERATOR} ${APP_VERSION}`));
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** The threads a Word file with changes carries: a newsroom article's from its document, else the desk's. */
function reviewThreads(session: ExchangeSession, articleId: string, options: ExportOptions): readonly CommentThread[] {
  return options.newsroomComments?.(articleId) ?? session.review?.().comments.listThreads(articleId) ?? [];
}

/**
 * Writes one article in each of `formats` into `outDir`. A format that fails is reported and the
 * others still go out; nothing half-written is left behind.
 */
export async function exportArticleFormats(
  session: ExchangeSession,
  articleId: string,
  formats: readonly ExportFormat[],
  outDir: string,
  options: ExportOptions = {},
): Promise<ArticleExport> {
  const dir = prepareFolder(outDir);
  const store = session.store();
  const article = store.getArticle(articleId);
  const authors = bylineAuthors(article, libraryOf(session).listAuthors({ includeArchived: true }));
  const taken = options.taken ?? new Set<string>();
  const endings = [...new Set(formats)].map((f) => FORMAT_EXTENSION[f]);
  const base = claimBase(dir, safeFileBase(article.slug || articleSlug(article.headline, article.id)), endings, taken);

  const isPublication = publishes(options.withChanges, options.htmlWithChanges);
  const refusal = formats.some(isPublication) ? disclosureRefusal(session, articleId) : undefined;
  // Images are written once, only when a chosen format references them as files.
  const imageFiles = new Map<string, string>();
  const written: string[] = [];
  if (!refusal && formats.some((f) => FORMATS_WITH_IMAGE_FILES.has(f))) {
    assetIdsOf(article.body, authors).forEach((assetId, i) => {
      const asset = session.assets().getAssetBytes(assetId);
      if (!asset) return;
      const ext = IMAGE_EXTENSION[asset.mimeType] ?? '.img';
      const name = `${claimBase(dir, `${base}-image-${i + 1}`, [ext], taken)}${ext}`;
      writeFileAtomic(path.join(dir, name), asset.bytes);
      imageFiles.set(assetId, name);
      written.push(path.join(dir, name));
    });
  }
  const published = { ...article, body: withoutSuggestions(article.body) };
  const input: ExportInput = { article: published, authors, assetUrl: (id) => imageFiles.get(id), now: options.now };
  const htmlInput: ExportInput = options.htmlWithChanges ? { ...input, article, trackedChanges: true } : input;

  const failures: FormatFailure[] = [];
  const warnings: FormatFailure[] = [];
  const files: string[] = [];
  for (const format of new Set(formats)) {
    const target = path.join(dir, base + FORMAT_EXTENSION[format]);
    if (refusal && isPublication(format)) {
      failures.push({ format, message: refusal });
      continue;
    }
    try {
      switch (format) {
        case 'html':
          writeFileAtomic(target, exportHtmlPage(htmlInput));
          break;
        case 'fragment':
          writeFileAtomic(target, exportHtmlFragment(htmlInput));
          break;
        case 'md':
          writeFileAtomic(target, exportMarkdown(input));
          break;
        case 'txt':
          writeFileAtomic(target, exportText(input));
          break;
        case 'ninjs':
          writeFileAtomic(target, exportNinjsJson(input, '3.1'));
          break;
        case 'ninjs2':
          writeFileAtomic(target, exportNinjsJson(input, '2.2'));
          break;
        case 'docx': {
          const assetBytes = (id: string) => {
            const a = session.assets().getAssetBytes(id);
            return a ? { bytes: new Uint8Array(a.bytes), mime: a.mimeType, fileName: a.fileName } : undefined;
          };
          const changes = options.withChanges ? { article, withChanges: true, comments: reviewThreads(session, articleId, options) } : {};
          const docx = await exportDocxWithWarnings({ ...input, ...changes, assetBytes, rasterize: options.rasterizeImage ?? rasterizeWithChromium });
          writeFileAtomic(target, docx.bytes);
          warnings.push(...docx.warnings.map((message) => ({ format, message })));
          break;
        }
        case 'pdf':
          await printPdf(input, session, target, options.printPdf ?? printPdfWithChromium);
          break;
        case 'bundle':
          writeFileAtomic(target, encodeBundle(buildBundle(session, articleId, options.now)));
          break;
      }
      files.push(target);
    } catch (error) {
      failures.push({ format, message: failureMessage(error, dir) });
    }
  }
  const wentOut = formats.some(isPublication) && !failures.some((f) => isPublication(f.format));
  const statusNote = wentOut ? markExported(session, article) : undefined;
  return { articleId, headline: article.headline, files: [...files, ...written], failures, warnings, ...(statusNote ? { statusNote } : {}) };
}

/** One article in one format; throws the reason when it fails. Returns the files written. */
export async function exportArticle(
  session: ExchangeSession,
  articleId: string,
  format: ExportFormat,
  outDir: string,
  options: ExportOptions = {},
): Promise<string[]> {
  const result = await exportArticleFormats(session, articleId, [format], outDir, options);
  const failure = result.failures[0];
  if (failure) throw new AppError('INTERNAL', `${format}: ${failure.message}`);
  return result.files;
}
