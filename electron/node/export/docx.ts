/**
 * Word (.docx) export with the `docx` package. Node side: images are embedded from bytes the
 * caller supplies. Structure mirrors the HTML page: headline (Heading 1), dek, byline, body
 * headings as Heading 2/3, real Word numbering for lists (a fresh instance per list so numbering
 * restarts), the promo box as a bordered, shaded run of paragraphs, then bio and disclosure.
 *
 * Word shows PNG, JPEG, GIF and BMP; a WebP image is redrawn as PNG by the caller's rasterizer.
 * An image that cannot be carried is left out and the export says so (`warnings`), by name.
 */
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { BlockElement, FormattedText, InlineNode, ListItemElement, Mark } from '../../../shared/model/document';
import { isLink } from '../../../shared/model/document';
import {
  aiDeclarationSentence,
  authorNames,
  BIO_HEADING,
  declarationHost,
  displayDate,
  groupBlocks,
  joinNames,
  layoutList,
  READ_MORE,
} from '../../../shared/export/common';
import { DEFAULT_GENERATOR, exportLanguage, type ExportInput } from '../../../shared/export/exportInput';
import { cleanLine, cleanText } from '../../../shared/export/cleanText';
import { safeUrl } from '../../../shared/security/urlPolicy';
import { DocxReview, type ExportComment } from './docxReview';
import { fitInto, imageInfo, type ImageInfo } from './imageSize';
import { withoutSuggestions } from '../../../shared/suggestions/list';

export type AssetBytes = (assetId: string) => { bytes: Uint8Array; mime: string; fileName?: string } | undefined;
/** Draws an image as PNG at `width` × `height` pixels; throws (with the reason) when it cannot. */
export type ImageRasterizer = (image: { bytes: Uint8Array; mime: string; width: number; height: number }) => Promise<Uint8Array>;
export type DocxExportInput = ExportInput & {
  assetBytes: AssetBytes;
  rasterize?: ImageRasterizer;
  /**
   * Word's "with changes": suggestions become tracked changes and `comments` Word comments. Without
   * it the file is for publication: the body as if every open suggestion were rejected, no comments.
   */
  withChanges?: boolean;
  comments?: readonly ExportComment[];
};
export type DocxExport = { bytes: Uint8Array; warnings: string[] };

const MAX_IMAGE_WIDTH = 600; // px at 96 dpi: the text width of an A4/Letter page with default margins
/** A converted image is drawn at up to twice the width it is shown at, sharp on high-density screens and in print. */
const RASTER_MAX_WIDTH = 2 * MAX_IMAGE_WIDTH;
const WORD_IMAGE_KINDS = new Set(['png', 'jpg', 'gif', 'bmp'] as const);
type WordImageKind = 'png' | 'jpg' | 'gif' | 'bmp';
/** An image ready for Word: bytes of a kind it shows, and the size to lay it out at. */
type WordImage = { kind: WordImageKind; bytes: Uint8Array; size: { width: number; height: number } };
const BOX_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '8C8C8C', space: 6 } as const;
const BOXED: Pick<IParagraphOptions, 'border' | 'shading'> = {
  border: { top: BOX_BORDER, bottom: BOX_BORDER, left: BOX_BORDER, right: BOX_BORDER },
  shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
};

/** `dir`: spread into every paragraph; a right-to-left article's paragraphs are bidirectional (w:bidi). */
type Ctx = {
  input: DocxExportInput;
  images: ReadonlyMap<string, WordImage>;
  listInstance: number;
  review: DocxReview | undefined;
  dir: Pick<IParagraphOptions, 'bidirectional'>;
};
type Extra = Partial<IParagraphOptions>;
type RunExtra = { style?: string; italics?: boolean };

function markOptions(marks: Partial<Record<Mark, true>>, extra: RunExtra) {
  return {
    bold: marks.bold,
    italics: marks.italic || extra.italics,
    underline: marks.underline ? {} : undefined,
    strike: marks.strikethrough,
    superScript: marks.superscript,
    subScript: marks.subscript,
    style: extra.style,
  };
}

/** One piece of a leaf's text as runs, tracked as the leaf's suggestions say when the export carries them. */
function textRuns(text: string, leaf: FormattedText, extra: RunExtra, review: DocxReview | undefined): ParagraphChild[] {
  return text.split('\n').map((part, i) => {
    const options: IRunOptions = { text: part, break: i > 0 ? 1 : undefined, ...markOptions(leaf, extra) };
    if (!review) return new TextRun(options);
    const before = leaf.fmt && Object.fromEntries(leaf.fmt.before.map((mark) => [mark, true] as const));
    const tracked: IRunOptions = before ? { ...options, revision: { ...review.change(leaf.fmt!), ...markOptions(before, extra) } } : options;
    if (leaf.del) return new DeletedTextRun({ ...tracked, ...review.change(leaf.del) });
    if (leaf.ins) return new InsertedTextRun({ ...tracked, ...review.change(leaf.ins) });
    return new TextRun(tracked);
  });
}

function runs(leaf: FormattedText, extra: RunExtra = {}, review?: DocxReview): ParagraphChild[] {
  const text = cleanText(leaf.text);
  const points = review?.pointsIn(leaf) ?? [];
  if (text === '' && !points.length) return [];
  const out: ParagraphChild[] = [];
  let at = 0;
  const upTo = (end: number) => {
    if (end > at) out.push(...textRuns(text.slice(at, end), leaf, extra, review));
    at = Math.max(at, end);
  };
  for (const point of points) {
    upTo(Math.min(point.offset, text.length));
    out.push(...DocxReview.commentMarks(point));
  }
  upTo(text.length);
  return out;
}

function inlineChildren(nodes: readonly InlineNode[], italics = false, review?: DocxReview): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    if (!isLink(node)) {
      out.push(...runs(node, { italics }, review));
      continue;
    }
    review?.noteRelink(node);
    const url = safeUrl(node.url);
    const children = node.children.flatMap((leaf) => runs(leaf, { italics, style: url === undefined ? undefined : 'Hyperlink' }, review));
    if (url === undefined) out.push(...children);
    else if (children.length) out.push(new ExternalHyperlink({ link: url, children }));
  }
  return out;
}

function link(url: string, text: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text: cleanLine(text), style: 'Hyperlink' })] });
}

function imageRun(ctx: Ctx, assetId: string, alt: string, maxWidth = MAX_IMAGE_WIDTH): ImageRun | undefined {
  const image = assetId ? ctx.images.get(assetId) : undefined;
  if (!image) return undefined;
  return new ImageRun({
    type: image.kind,
    data: image.bytes,
    transformation: fitInto(image.size, maxWidth),
    altText: { name: cleanLine(assetId), description: cleanLine(alt), title: cleanLine(alt) },
  });
}

/** Every image the document shows, with the name a writer knows it by (alt text, caption, author). */
function imagesShown(blocks: readonly BlockElement[], out = new Map<string, string>()): Map<string, string> {
  for (const block of blocks) {
    if (block.type === 'image' && block.assetId && !out.has(block.assetId)) out.set(block.assetId, block.alt || block.caption);
    if (block.type === 'author-bio' && block.snapshot.photoAssetId) out.set(block.snapshot.photoAssetId, `${block.snapshot.name}'s photo`);
    if (block.type === 'promo-box') imagesShown(block.children, out);
  }
  return out;
}

const isWordKind = (info: ImageInfo): info is ImageInfo & { kind: WordImageKind } => WORD_IMAGE_KINDS.has(info.kind as WordImageKind);

/** Resolves every image to bytes Word shows, converting WebP; what cannot be carried is named in `warnings`. */
async function wordImages(input: DocxExportInput, warnings: string[]): Promise<Map<string, WordImage>> {
  const images = new Map<string, WordImage>();
  for (const [assetId, label] of imagesShown(input.article.body)) {
    const asset = input.assetBytes(assetId);
    const name = `“${cleanLine(asset?.fileName || label || 'an image').slice(0, 80)}”`;
    if (!asset) {
      warnings.push(`The image ${name} is missing from the database and was left out of the Word file.`);
      continue;
    }
    const info = imageInfo(asset.bytes);
    if (!info) {
      warnings.push(`The image ${name} could not be read and was left out of the Word file.`);
      continue;
    }
    if (isWordKind(info)) {
      images.set(assetId, { kind: info.kind, bytes: asset.bytes, size: info });
      continue;
    }
    const size = fitInto(info, RASTER_MAX_WIDTH, RASTER_MAX_WIDTH * 1.5);
    try {
      if (!input.rasterize) throw new Error('no converter is available here');
      const png = await input.rasterize({ bytes: asset.bytes, mime: asset.mime, ...size });
      if (imageInfo(png)?.kind !== 'png') throw new Error('the converter did not return a PNG image');
      images.set(assetId, { kind: 'png', bytes: png, size: info });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(
        `The ${info.kind.toUpperCase()} image ${name}, which Word cannot show, was left out of the Word file: ${reason}. The HTML and PDF exports keep it.`,
      );
    }
  }
  return images;
}

function listParagraphs(items: readonly ListItemElement[], ctx: Ctx, extra: Extra = {}): Paragraph[] {
  const instance = ++ctx.listInstance;
  return layoutList(items).map(
    ({ item, depth }) =>
      new Paragraph({
        ...ctx.dir,
        ...extra,
        ...ctx.review?.paragraphChanges(item),
        children: inlineChildren(item.children, false, ctx.review),
        numbering: { reference: item.list, level: Math.min(depth, 8), instance },
      }),
  );
}

function blockParagraphs(block: BlockElement, ctx: Ctx, extra: Extra = {}): Paragraph[] {
  const review = ctx.review;
  const changes = () => review?.paragraphChanges(block);
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ ...ctx.dir, ...extra, ...changes(), children: inlineChildren(block.children, false, review) })];
    case 'heading':
      return [
        new Paragraph({
          ...ctx.dir,
          ...extra,
          ...changes(),
          heading: block.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: inlineChildren(block.children, false, review),
        }),
      ];
    case 'block-quote':
      return [new Paragraph({ ...ctx.dir, ...extra, ...changes(), style: 'BlockQuote', children: inlineChildren(block.children, false, review) })];
    case 'pull-quote': {
      const out = [
        new Paragraph({
          ...ctx.dir,
          ...changes(),
          style: 'PullQuote',
          children: [new TextRun('“'), ...inlineChildren(block.children, false, review), new TextRun('”')],
        }),
      ];
      if (block.attribution)
        out.push(new Paragraph({ ...ctx.dir, style: 'PullQuoteAttribution', children: [new TextRun(`— ${cleanLine(block.attribution)}`)] }));
      return out;
    }
    case 'list-item':
      return listParagraphs([block], ctx, extra);
    case 'section-break':
      return [new Paragraph({ ...ctx.dir, alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] })];
    case 'image': {
      const out: Paragraph[] = [];
      const image = imageRun(ctx, block.assetId, block.alt);
      if (image) out.push(new Paragraph({ ...ctx.dir, alignment: AlignmentType.CENTER, keepNext: true, children: [image] }));
      const caption: ParagraphChild[] = [];
      if (block.caption) caption.push(new TextRun(cleanLine(block.caption)));
      if (block.credit) caption.push(new TextRun({ text: `${block.caption ? ' ' : ''}${cleanLine(block.credit)}`, smallCaps: true, color: '5C5C5C' }));
      if (!image && block.alt && !caption.length) caption.push(new TextRun(`[Image: ${cleanLine(block.alt)}]`));
      if (caption.length) out.push(new Paragraph({ ...ctx.dir, style: 'Caption', children: caption }));
      return out;
    }
    case 'promo-box': {
      const title = new Paragraph({
        ...ctx.dir,
        ...BOXED,
        keepNext: true,
        children: [new TextRun({ text: cleanLine(block.title), bold: true, allCaps: true })],
      });
      return [title, ...bodyParagraphs(block.children, ctx, BOXED)];
    }
    case 'editors-note': {
      const label = block.kind === 'correction' ? 'Correction' : "Editor's note";
      const date = block.date ? ` (${displayDate(block.date)})` : '';
      return [
        new Paragraph({
          ...ctx.dir,
          ...extra,
          ...changes(),
          children: [new TextRun({ text: `${label}${date}: `, bold: true, italics: true }), ...inlineChildren(block.children, true, review)],
        }),
      ];
    }
    case 'embed': {
      const url = safeUrl(block.url);
      const children: ParagraphChild[] = [];
      if (block.caption) children.push(new TextRun({ text: cleanLine(block.caption) + (url ? ' ' : ''), bold: true }));
      if (url) children.push(link(url, url));
      return children.length ? [new Paragraph({ ...ctx.dir, ...extra, children })] : [];
    }
    case 'author-bio': {
      const s = block.snapshot;
      const out = [new Paragraph({ ...ctx.dir, heading: HeadingLevel.HEADING_2, children: [new TextRun(BIO_HEADING)] })];
      const photo = imageRun(ctx, s.photoAssetId, s.name, 96);
      if (photo) out.push(new Paragraph({ ...ctx.dir, children: [photo] }));
      const who: ParagraphChild[] = [new TextRun({ text: cleanLine(s.name), bold: true })];
      if (s.jobTitle) who.push(new TextRun(`, ${cleanLine(s.jobTitle)}`));
      out.push(new Paragraph({ ...ctx.dir, children: who }));
      if (s.bio.length) out.push(new Paragraph({ ...ctx.dir, children: inlineChildren(s.bio) }));
      const more = safeUrl(s.readMoreUrl);
      if (more) out.push(new Paragraph({ ...ctx.dir, children: [link(more, READ_MORE)] }));
      return out;
    }
    case 'ai-disclosure': {
      const s = block.snapshot;
      const children = inlineChildren(s.text, true);
      const policy = safeUrl(s.policyUrl);
      if (policy && !s.text.some(isLink)) children.push(new TextRun({ text: ' ', italics: true }), link(policy, s.title || 'AI policy'));
      const out = [new Paragraph({ ...ctx.dir, style: 'Disclosure', children })];
      const declaration = block === declarationHost(ctx.input.article.body) ? aiDeclarationSentence(ctx.input.article.aiDeclaration) : undefined;
      if (declaration) out.push(declarationParagraph(declaration, ctx));
      return out;
    }
  }
}

function declarationParagraph(sentence: string, ctx: Ctx): Paragraph {
  return new Paragraph({ ...ctx.dir, style: 'Disclosure', spacing: { before: 60 }, children: [new TextRun({ text: cleanText(sentence), italics: false })] });
}

function bodyParagraphs(blocks: readonly BlockElement[], ctx: Ctx, extra: Extra = {}): Paragraph[] {
  const out: Paragraph[] = [];
  for (const group of groupBlocks(blocks)) {
    if (group.kind === 'list') out.push(...listParagraphs(group.items, ctx, extra));
    else out.push(...blockParagraphs(group.block, ctx, extra));
  }
  return out;
}

const BULLETS = ['•', '◦', '▪'];

function levels(kind: 'bulleted' | 'numbered', rtl: boolean) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bulleted' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: kind === 'bulleted' ? BULLETS[level % BULLETS.length]! : `%${level + 1}.`,
    alignment: rtl ? AlignmentType.START : AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** Builds the Word document model from images already resolved by `wordImages`. */
function buildDocx(input: DocxExportInput, images: ReadonlyMap<string, WordImage>, review: DocxReview | undefined): Document {
  const { article } = input;
  const { lang, dir } = exportLanguage(input);
  const rtl = dir === 'rtl';
  const ctx: Ctx = { input, images, listInstance: 0, review, dir: rtl ? { bidirectional: true } : {} };
  const names = authorNames(input.authors).map(cleanLine);
  const header: Paragraph[] = [new Paragraph({ ...ctx.dir, heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanLine(article.headline))] })];
  if (article.dek) header.push(new Paragraph({ ...ctx.dir, style: 'Dek', children: [new TextRun(cleanLine(article.dek))] }));
  if (names.length) header.push(new Paragraph({ ...ctx.dir, style: 'Byline', children: [new TextRun(`By ${joinNames(names)}`)] }));
  if (article.dateline) header.push(new Paragraph({ ...ctx.dir, style: 'Byline', children: [new TextRun(cleanLine(article.dateline))] }));

  return new Document({
    creator: joinNames(names) || DEFAULT_GENERATOR,
    lastModifiedBy: cleanLine(input.generator ?? DEFAULT_GENERATOR),
    title: cleanLine(article.headline),
    description: cleanLine(article.dek),
    subject: cleanLine(article.section),
    keywords: article.tags.map(cleanLine).join(', '),
    // A file with changes goes to someone who reviews them: Word keeps tracking what they change.
    ...(review ? { features: { trackRevisions: true }, comments: { children: review.comments } } : {}),
    styles: {
      // The document's language (w:lang on the run defaults); a right-to-left language is also the complex-script one.
      default: { document: { run: { language: rtl ? { value: lang, bidirectional: lang } : { value: lang } } } },
      paragraphStyles: [
        { id: 'Dek', name: 'Dek', basedOn: 'Normal', run: { size: 28, color: '5C5C5C' }, paragraph: { spacing: { after: 160 } } },
        { id: 'Byline', name: 'Byline', basedOn: 'Normal', run: { size: 20, color: '5C5C5C' } },
        { id: 'BlockQuote', name: 'Block Quote', basedOn: 'Normal', paragraph: { indent: { left: 720 } }, run: { italics: true } },
        {
          id: 'PullQuote',
          name: 'Pull Quote',
          basedOn: 'Normal',
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240 } },
          run: { size: 32, italics: true },
        },
        {
          id: 'PullQuoteAttribution',
          name: 'Pull Quote Attribution',
          basedOn: 'Normal',
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
          run: { color: '5C5C5C' },
        },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { size: 18, color: '5C5C5C' } },
        { id: 'Disclosure', name: 'AI Disclosure', basedOn: 'Normal', run: { italics: true, color: '5C5C5C' }, paragraph: { spacing: { before: 240 } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bulleted', levels: levels('bulleted', rtl) },
        { reference: 'numbered', levels: levels('numbered', rtl) },
      ],
    },
    sections: [{ children: [...header, ...bodyParagraphs(article.body, ctx)] }],
  });
}

/** The article as a .docx file, and what had to be left out of it. */
export async function exportDocxWithWarnings(given: DocxExportInput): Promise<DocxExport> {
  const input = given.withChanges ? given : { ...given, article: { ...given.article, body: withoutSuggestions(given.article.body) } };
  const warnings: string[] = [];
  const images = await wordImages(input, warnings);
  const review = input.withChanges ? new DocxReview(input.article.body, input.comments ?? []) : undefined;
  const document = buildDocx(input, images, review);
  warnings.push(...(review?.warnings ?? []));
  return { bytes: new Uint8Array(await Packer.toBuffer(document)), warnings };
}

/** The article as a .docx file. */
export async function exportDocx(input: DocxExportInput): Promise<Uint8Array> {
  return (await exportDocxWithWarnings(input)).bytes;
}
