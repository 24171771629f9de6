/**
 * Reading an import file, start to finish, without touching the store: the bytes are sniffed (a
 * file that is not what its name says is refused), a Word file's zip is checked before any parser
 * sees it, the pure importers convert, and the result is capped and validated. This runs in a
 * contained worker (see importService), so a hostile file can only exhaust that worker; refusals
 * come back as values with their plain sentence.
 */
import mammoth from 'mammoth';
import type { ArticleBundle } from '../../../shared/exchange/bundle';
import { finishImport, type ImportedArticle } from '../../../shared/exchange/importedArticle';
import {
  bodyTextLength,
  docxExpandsMessage,
  MAX_DOCX_ENTRIES,
  MAX_DOCX_RATIO,
  MAX_DOCX_TOTAL_BYTES,
  MAX_DOCX_XML_BYTES,
  MAX_IMPORT_TEXT_CHARS,
  tooMuchTextMessage,
  unreadableImagesWarning,
} from '../../../shared/exchange/importLimits';
import { importHtml, importPlainText } from '../../../shared/exchange/importText';
import { importNinjs } from '../../../shared/exchange/ninjs';
import { sniffImport, type ImportKind } from '../../../shared/exchange/sniff';
import { importMarkdown, MarkdownImportError } from '../../../shared/import/markdown';
import { MAX_ASSET_BYTES } from '../../../shared/ipc/contract';
import { MAX_IMPORT_BYTES } from '../../../shared/exchange/formats';
import { sniffImageType } from '../store/assetStore';
import { decodeBundle } from './bundleDecode';
import { applyWordReview } from '../../../shared/exchange/wordChanges';
import { readTrackedDocx } from './docxTracked';
import { checkZip, inflateEntry, type ZipEntry, type ZipLimits, type ZipProblem } from './zipCheck';
import { docxLanguage } from '../../../shared/import/docxLanguage';

export type ArticleKind = Exclude<ImportKind, 'bundle'>;

export type ConvertedImport =
  { kind: 'article'; format: ArticleKind; article: ImportedArticle } | { kind: 'bundle'; bundle: ArticleBundle } | { kind: 'refused'; message: string };

class Refusal extends Error {}

const DAMAGED_DOCX = 'The Word document is damaged or not a .docx file (it could not be read). Nothing was imported.';

export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_DOCX_ENTRIES,
  // Images do not compress: no part of a file within the import limit unpacks past it but XML.
  maxEntryBytes: MAX_IMPORT_BYTES,
  maxTotalBytes: MAX_DOCX_TOTAL_BYTES,
  maxRatio: MAX_DOCX_RATIO,
  ratioFloorBytes: 1024 * 1024,
  entryLimit: (name) => (/\.(xml|rels)$/i.test(name) ? MAX_DOCX_XML_BYTES : MAX_IMPORT_BYTES),
};

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;

function docxZipMessage(problem: ZipProblem): string {
  switch (problem.kind) {
    case 'damaged':
      return DAMAGED_DOCX;
    case 'too-many-entries':
      return `This Word file has ${problem.count.toLocaleString('en-US')} parts, more than a document has (at most ${problem.limit.toLocaleString('en-US')}). Nothing was imported.`;
    case 'entry-too-large':
      return docxExpandsMessage(
        problem.declared
          ? `${problem.entry} unpacks to ${mb(problem.bytes)}, more than the ${mb(problem.limit)} allowed`
          : `${problem.entry} unpacks to more than the ${mb(problem.limit)} allowed`,
      );
    case 'total-too-large':
      return docxExpandsMessage(`its parts unpack to more than the ${mb(problem.limit)} allowed`);
    case 'ratio':
      return docxExpandsMessage(`${problem.entry} unpacks to ${Math.round(problem.ratio).toLocaleString('en-US')} times its packed size`);
  }
}

/** Quotation paragraphs (ours, Word's and LibreOffice's) stay block quotes; mammoth's own map has none. */
const QUOTE_STYLES = ['Block Quote', 'Quote', 'Intense Quote', 'Quotations'].map((name) => `p[style-name='${name}'] => blockquote > p:fresh`);

type MammothImage = { read(): Promise<Buffer> };
type ImageConverter = (image: MammothImage, messages: unknown[]) => Promise<unknown[]>;

/** The Word document's styles part (where its language is), or '' when it has none or it cannot be read. */
function stylesXmlOf(bytes: Uint8Array, entries: readonly ZipEntry[]): string {
  const entry = entries.find((e) => e.name === 'word/styles.xml');
  if (!entry) return '';
  try {
    return inflateEntry(bytes, entry, MAX_DOCX_XML_BYTES).toString('utf8');
  } catch {
    return '';
  }
}

async function docxToArticle(bytes: Uint8Array): Promise<ImportedArticle> {
  const zip = checkZip(bytes, DOCX_ZIP_LIMITS);
  if (!zip.ok) throw new Refusal(docxZipMessage(zip.problem));
  // Tracked changes and comments, which mammoth drops, are read first and left as markers for it to carry.
  let tracked: ReturnType<typeof readTrackedDocx>;
  try {
    tracked = readTrackedDocx(bytes, zip.entries, (name) => Math.min(DOCX_ZIP_LIMITS.maxEntryBytes, DOCX_ZIP_LIMITS.entryLimit!(name)));
  } catch {
    throw new Refusal(DAMAGED_DOCX);
  }
  const source = tracked?.bytes ?? bytes;
  let unreadable = 0;
  // Images are sniffed from their bytes; one that cannot be read (missing, damaged, linked, of a
  // type the desk does not take) is left out and counted, instead of failing the whole import.
  const convertImage: ImageConverter = async (image, messages) => {
    let data: Buffer;
    try {
      data = await image.read();
    } catch {
      unreadable++;
      return [];
    }
    const type = sniffImageType(data);
    if (!type || data.length > MAX_ASSET_BYTES) {
      unreadable++;
      return [];
    }
    const element = mammoth.images.imgElement(async () => ({ src: `data:${type};base64,${data.toString('base64')}` })) as unknown as ImageConverter;
    return element(image, messages);
  };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(source.buffer, source.byteOffset, source.byteLength) },
      { convertImage: convertImage as never, styleMap: QUOTE_STYLES },
    );
    html = result.value;
  } catch {
    throw new Refusal(DAMAGED_DOCX);
  }
  const converted = importHtml(html);
  const article = tracked ? applyWordReview(converted, tracked, new Date().toISOString()) : converted;
  const language = docxLanguage(stylesXmlOf(bytes, zip.entries));
  if (language) article.fields.language = language;
  if (unreadable > 0) article.warnings.push(unreadableImagesWarning(unreadable));
  return article;
}

async function convert(kind: ArticleKind, bytes: Uint8Array, text: string | undefined): Promise<ImportedArticle> {
  switch (kind) {
    case 'markdown':
      try {
        return { ...importMarkdown(text!), images: [], warnings: [] };
      } catch (error) {
        if (error instanceof MarkdownImportError) throw new Refusal(error.message);
        throw error;
      }
    case 'text':
      return importPlainText(text!);
    case 'html':
      return importHtml(text!);
    case 'docx':
      return docxToArticle(bytes);
    case 'ninjs': {
      const result = importNinjs(text!);
      if (!result.ok) throw new Refusal(result.message);
      return result.article;
    }
  }
}

/** Bytes → a checked article, a decoded bundle, or a refusal with its sentence. */
export async function convertImport({ fileName, bytes }: { fileName: string; bytes: Uint8Array }): Promise<ConvertedImport> {
  const sniffed = sniffImport(fileName, bytes);
  if (!sniffed.ok) return { kind: 'refused', message: sniffed.message };
  if (sniffed.kind === 'bundle') {
    const decoded = decodeBundle(bytes);
    if (!decoded.ok) return { kind: 'refused', message: decoded.message };
    const chars = bodyTextLength(decoded.bundle.article.body);
    return chars > MAX_IMPORT_TEXT_CHARS ? { kind: 'refused', message: tooMuchTextMessage('bundle', chars) } : { kind: 'bundle', bundle: decoded.bundle };
  }
  let article: ImportedArticle;
  try {
    article = await convert(sniffed.kind, bytes, sniffed.text);
  } catch (error) {
    if (error instanceof Refusal) return { kind: 'refused', message: error.message };
    throw error;
  }
  const chars = bodyTextLength(article.body);
  if (chars > MAX_IMPORT_TEXT_CHARS) return { kind: 'refused', message: tooMuchTextMessage(sniffed.kind, chars) };
  const checked = finishImport(article);
  return checked.ok ? { kind: 'article', format: sniffed.kind, article: checked.article } : { kind: 'refused', message: checked.message };
}
