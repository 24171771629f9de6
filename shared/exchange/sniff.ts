/**
 * What an import file really is. The name says what the user expects; the first bytes say what
 * it is. A mismatch is refused with both in the message, so a renamed or damaged file is never
 * half-read as something else.
 */
import { MAX_IMPORT_BYTES } from './formats';

export type ImportKind = 'bundle' | 'docx' | 'ninjs' | 'markdown' | 'html' | 'text';

export type Sniffed = { ok: true; kind: ImportKind; text?: string } | { ok: false; message: string };

const KIND_BY_EXTENSION: Record<string, ImportKind> = {
  newsroom: 'bundle',
  docx: 'docx',
  json: 'ninjs',
  ninjs: 'ninjs',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
  text: 'text',
};

const KIND_NAME: Record<ImportKind, string> = {
  bundle: 'an article bundle',
  docx: 'a Word document',
  ninjs: 'a ninjs JSON file',
  markdown: 'a Markdown file',
  html: 'an HTML file',
  text: 'a text file',
};

export const IMPORT_EXTENSIONS = Object.keys(KIND_BY_EXTENSION).map((e) => `.${e}`);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
const isGzip = (b: Uint8Array) => startsWith(b, [0x1f, 0x8b]);

/** What the bytes look like, for the message when they are not what the name says. */
function describe(b: Uint8Array): string {
  if (isZip(b)) return 'a zip archive';
  if (isGzip(b)) return 'a gzip archive';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'a PDF';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff])) return 'an image';
  if (startsWith(b, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65])) return 'a database file';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old-style Word or Office file';
  return 'binary data';
}

/** UTF-8 text without NUL bytes (a UTF-8 BOM is allowed), or undefined for anything binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

export function sniffImport(fileName: string, bytes: Uint8Array): Sniffed {
  const name = fileName.trim() || 'The file';
  if (bytes.length === 0) return { ok: false, message: `"${name}" is empty.` };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return { ok: false, message: `"${name}" is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB and was not imported.` };
  }
  const ext = extensionOf(fileName);
  const kind = KIND_BY_EXTENSION[ext];
  if (!kind) {
    return {
      ok: false,
      message: `"${name}" is not a file Newsroom Desk can import. Use Markdown, Word (.docx), HTML, plain text, ninjs JSON or an article bundle (.newsroom).`,
    };
  }
  const mismatch = (what: string) => ({ ok: false as const, message: `"${name}" is not ${KIND_NAME[kind]}: it is ${what}. Nothing was imported.` });
  if (kind === 'bundle') return isGzip(bytes) ? { ok: true, kind } : mismatch(decodeText(bytes) !== undefined ? 'text' : describe(bytes));
  if (kind === 'docx') return isZip(bytes) ? { ok: true, kind } : mismatch(decodeText(bytes) !== undefined ? 'text' : describe(bytes));
  const text = decodeText(bytes);
  if (text === undefined) return mismatch(describe(bytes));
  if (kind === 'ninjs' && !/^\s*\{/.test(text)) return mismatch('not a JSON object');
  return { ok: true, kind, text };
}
