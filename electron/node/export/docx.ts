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
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { BlockElement, FormattedText, InlineNode, ListItemElement } from '../../../shared/model/document';
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
import { DEFAULT_GENERATOR, type ExportInput } from '../../../shared/export/exportInput';
import { cleanLine, cleanText } from '../../../shared/export/cleanText';
import { safeUrl } from '../../../shared/security/urlPolicy';
import { fitInto, imageInfo, type ImageInfo } from './imageSize';

export type AssetBytes = (assetId: string) => { bytes: Uint8Array; mime: string; fileName?: string } | undefined;
/** Draws an image as PNG at `width` × `height` pixels; throws (with the reason) when it cannot. */
export type ImageRasterizer = (image: { bytes: Uint8Array; mime: string; width: number; height: number }) => Promise<Uint8Array>;
export type DocxExportInput = ExportInput & { assetBytes: AssetBytes; rasterize?: ImageRasterizer };
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

type Ctx = { input: DocxExportInput; images: ReadonlyMap<string, WordImage>; listInstance: number };
type Extra = Partial<IParagraphOptions>;

function runs(leaf: FormattedText, extra: { style?: string; italics?: boolean } = {}): TextRun[] {
  const text = cleanText(leaf.text);
  if (text === '') return [];
  return text.split('\n').map(
    (part, i) =>
      new TextRun({
        text: part,
        break: i > 0 ? 1 : undefined,
        bold: leaf.bold,
        italics: leaf.italic || extra.italics,
        underline: leaf.underline ? {} : undefined,
        strike: leaf.strikethrough,
        superScript: leaf.superscript,
        subScript: leaf.subscript,
        style: extra.style,
      }),
  );
}

function inlineChildren(nodes: readonly InlineNode[], italics = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    if (!isLink(node)) {
      out.push(...runs(node, { italics }));
      continue;
    }
    const url = safeUrl(node.url);
    const children = node.children.flatMap((leaf) => runs(leaf, { italics, style: url === undefined ? undefined : 'Hyperlink' }));
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
        ...extra,
        children: inlineChildren(item.children),
        numbering: { reference: item.list, level: Math.min(depth, 8), instance },
      }),
  );
}

function blockParagraphs(block: BlockElement, ctx: Ctx, extra: Extra = {}): Paragraph[] {
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ ...extra, children: inlineChildren(block.children) })];
    case 'heading':
      return [
        new Paragraph({
          ...extra,
          heading: block.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: inlineChildren(block.children),
        }),
      ];
    case 'block-quote':
      return [new Paragraph({ ...extra, style: 'BlockQuote', children: inlineChildren(block.children) })];
    case 'pull-quote': {
      const out = [new Paragraph({ style: 'PullQuote', children: [new TextRun('“'), ...inlineChildren(block.children), new TextRun('”')] })];
      if (block.attribution) out.push(new Paragraph({ style: 'PullQuoteAttribution', children: [new TextRun(`— ${cleanLine(block.attribution)}`)] }));
      return out;
    }
    case 'list-item':
      return listParagraphs([block], ctx, extra);
    case 'section-break':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] })];
    case 'image': {
      const out: Paragraph[] = [];
      const image = imageRun(ctx, block.assetId, block.alt);
      if (image) out.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [image] }));
      const caption: ParagraphChild[] = [];
      if (block.caption) caption.push(new TextRun(cleanLine(block.caption)));
      if (block.credit) caption.push(new TextRun({ text: `${block.caption ? ' ' : ''}${cleanLine(block.credit)}`, smallCaps: true, color: '5C5C5C' }));
      if (!image && block.alt && !caption.length) caption.push(new TextRun(`[Image: ${cleanLine(block.alt)}]`));
      if (caption.length) out.push(new Paragraph({ style: 'Caption', children: caption }));
      return out;
    }
    case 'promo-box': {
      const title = new Paragraph({ ...BOXED, keepNext: true, children: [new TextRun({ text: cleanLine(block.title), bold: true, allCaps: true })] });
      return [title, ...bodyParagraphs(block.children, ctx, BOXED)];
    }
    case 'editors-note': {
      const label = block.kind === 'correction' ? 'Correction' : "Editor's note";
      const date = block.date ? ` (${displayDate(block.date)})` : '';
      return [
        new Paragraph({ ...extra, children: [new TextRun({ text: `${label}${date}: `, bold: true, italics: true }), ...inlineChildren(block.children, true)] }),
      ];
    }
    case 'embed': {
      const url = safeUrl(block.url);
      const children: ParagraphChild[] = [];
      if (block.caption) children.push(new TextRun({ text: cleanLine(block.caption) + (url ? ' ' : ''), bold: true }));
      if (url) children.push(link(url, url));
      return children.length ? [new Paragraph({ ...extra, children })] : [];
    }
    case 'author-bio': {
      const s = block.snapshot;
      const out = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(BIO_HEADING)] })];
      const photo = imageRun(ctx, s.photoAssetId, s.name, 96);
      if (photo) out.push(new Paragraph({ children: [photo] }));
      const who: ParagraphChild[] = [new TextRun({ text: cleanLine(s.name), bold: true })];
      if (s.jobTitle) who.push(new TextRun(`, ${cleanLine(s.jobTitle)}`));
      out.push(new Paragraph({ children: who }));
      if (s.bio.length) out.push(new Paragraph({ children: inlineChildren(s.bio) }));
      const more = safeUrl(s.readMoreUrl);
      if (more) out.push(new Paragraph({ children: [link(more, READ_MORE)] }));
      return out;
    }
    case 'ai-disclosure': {
      const s = block.snapshot;
      const children = inlineChildren(s.text, true);
      const policy = safeUrl(s.policyUrl);
      if (policy && !s.text.some(isLink)) children.push(new TextRun({ text: ' ', italics: true }), link(policy, s.title || 'AI policy'));
      const out = [new Paragraph({ style: 'Disclosure', children })];
      const declaration = block === declarationHost(ctx.input.article.body) ? aiDeclarationSentence(ctx.input.article.aiDeclaration) : undefined;
      if (declaration) out.push(declarationParagraph(declaration));
      return out;
    }
  }
}

function declarationParagraph(sentence: string): Paragraph {
  return new Paragraph({ style: 'Disclosure', spacing: { before: 60 }, children: [new TextRun({ text: cleanText(sentence), italics: false })] });
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

function levels(kind: 'bulleted' | 'numbered') {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bulleted' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: kind === 'bulleted' ? BULLETS[level % BULLETS.length]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** Builds the Word document model from images already resolved by `wordImages`. */
function buildDocx(input: DocxExportInput, images: ReadonlyMap<string, WordImage>): Document {
  const { article } = input;
  const ctx: Ctx = { input, images, listInstance: 0 };
  const names = authorNames(input.authors).map(cleanLine);
  const header: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanLine(article.headline))] })];
  if (article.dek) header.push(new Paragraph({ style: 'Dek', children: [new TextRun(cleanLine(article.dek))] }));
  if (names.length) header.push(new Paragraph({ style: 'Byline', children: [new TextRun(`By ${joinNames(names)}`)] }));
  if (article.dateline) header.push(new Paragraph({ style: 'Byline', children: [new TextRun(cleanLine(article.dateline))] }));

  return new Document({
    creator: joinNames(names) || DEFAULT_GENERATOR,
    lastModifiedBy: cleanLine(input.generator ?? DEFAULT_GENERATOR),
    title: cleanLine(article.headline),
    description: cleanLine(article.dek),
    subject: cleanLine(article.section),
    keywords: article.tags.map(cleanLine).join(', '),
    styles: {
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
        { reference: 'bulleted', levels: levels('bulleted') },
        { reference: 'numbered', levels: levels('numbered') },
      ],
    },
    sections: [{ children: [...header, ...bodyParagraphs(article.body, ctx)] }],
  });
}

/** The article as a .docx file, and what had to be left out of it. */
export async function exportDocxWithWarnings(input: DocxExportInput): Promise<DocxExport> {
  const warnings: string[] = [];
  const images = await wordImages(input, warnings);
  return { bytes: new Uint8Array(await Packer.toBuffer(buildDocx(input, images))), warnings };
}

/** The article as a .docx file. */
export async function exportDocx(input: DocxExportInput): Promise<Uint8Array> {
  return (await exportDocxWithWarnings(input)).bytes;
}
