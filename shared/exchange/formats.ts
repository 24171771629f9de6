/** The export formats, their labels and file extensions, and the import size limit. */

export const EXPORT_FORMATS = ['html', 'fragment', 'md', 'txt', 'ninjs', 'ninjs2', 'docx', 'pdf', 'bundle'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_LABEL: Record<ExportFormat, string> = {
  html: 'Web page (HTML)',
  fragment: 'HTML fragment (for a CMS)',
  md: 'Markdown',
  txt: 'Plain text',
  ninjs: 'IPTC ninjs 3.1 (JSON)',
  ninjs2: 'IPTC ninjs 2.2 (JSON)',
  docx: 'Word (.docx)',
  pdf: 'PDF',
  bundle: 'Article bundle (.newsroom)',
};

/** File name endings, chosen so two formats of one article never share a name. */
export const FORMAT_EXTENSION: Record<ExportFormat, string> = {
  html: '.html',
  fragment: '.fragment.html',
  md: '.md',
  txt: '.txt',
  ninjs: '.ninjs.json',
  ninjs2: '.ninjs2.json',
  docx: '.docx',
  pdf: '.pdf',
  bundle: '.newsroom',
};

/** Formats that reference images as files written next to the export. */
export const FORMATS_WITH_IMAGE_FILES: ReadonlySet<ExportFormat> = new Set(['html', 'fragment', 'md', 'ninjs', 'ninjs2']);

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The largest file an import accepts. The browser host caps a request at 64 MB and the bytes travel
 * as base64 (4/3 larger), so 40 MB leaves room in both runtimes.
 */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/** A bundle's JSON once unzipped; stops a small "zip bomb" from exhausting memory. */
export const MAX_BUNDLE_JSON_BYTES = 200 * 1024 * 1024;

/** A file name made safe for any file system: ASCII letters, digits and hyphens, never a reserved device name. */
export function safeFileBase(slug: string, fallback = 'article'): string {
  let base = slug
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (base === '') base = fallback;
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/.test(base)) base = `${base}-article`;
  return base;
}
