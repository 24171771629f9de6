/**
 * Paste and drop: Slate's own fragments as they are, image files stored as assets,
 * HTML converted to the model (fromHtml), plain text as paragraphs. A web page's images are
 * fetched by the main process and stored like the rest; what cannot be is named in a notice.
 */
import { Editor, Range, Transforms, type Descendant } from 'slate';
import type { BlockElement, ImageElement } from '../../../../shared/model/document';
import { htmlToBlocks } from '../../../../shared/convert/fromHtml';
import { textToBlocks } from '../../../../shared/convert/fromText';
import { insertBlocks } from '../../../../shared/editor/insertBlock';
import { isTextBlock } from '../../../../shared/editor/schema';
import { suggestableBlocks, suggestingAuthor } from '../../../../shared/suggestions';
import { fetchWebImage, isStorableImage, storeImageData, storeImageFile } from './assets';

export type PasteHost = { notify: (message: string) => void };
const hosts = new WeakMap<Editor, PasteHost>();

export function setPasteHost(editor: Editor, host: PasteHost): void {
  hosts.set(editor, host);
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Puts converted blocks at the selection in one batch: a single undo step, one render. While
 * suggesting, the selection is struck and the paste suggested (shared/suggestions/paste), and blocks
 * with no suggested form are named rather than silently dropped.
 */
export function insertPastedBlocks(editor: Editor, blocks: BlockElement[]): void {
  if (blocks.length === 0) return;
  if (suggestingAuthor(editor)) {
    if (blocks.some((b) => !isTextBlock(b) && b.type !== 'promo-box')) hosts.get(editor)?.notify(SUGGESTING_LEFT_OUT);
    if (suggestableBlocks(blocks).length === 0) return;
    Transforms.insertFragment(editor, blocks as Descendant[]);
    return;
  }
  Editor.withoutNormalizing(editor, () => {
    if (editor.selection && Range.isExpanded(editor.selection)) Transforms.delete(editor);
    Transforms.insertFragment(editor, blocks as Descendant[]);
  });
}

const SUGGESTING_LEFT_OUT = 'Images, embeds and library blocks are not pasted while suggesting: turn Suggest off to paste them.';

/** Stores image files and inserts them as image blocks where the selection was. */
export async function insertImageFiles(editor: Editor, files: File[]): Promise<void> {
  const host = hosts.get(editor);
  const at = editor.selection ? Editor.rangeRef(editor, editor.selection) : null;
  const blocks: ImageElement[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      const assetId = await storeImageFile(file);
      blocks.push({ type: 'image', assetId, alt: '', caption: '', credit: '', children: [{ text: '' }] });
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  const range = at?.unref();
  if (range) Transforms.select(editor, range);
  insertBlocks(editor, blocks);
  if (failures.length) host?.notify(failures.join(' '));
}

/** Web images fetched at once: a page with many images does not open dozens of connections. */
const FETCH_CONCURRENCY = 4;

async function fetchAll(urls: { placeholder: string; url: string }[], stored: Map<string, string>): Promise<string[]> {
  const reasons: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const { placeholder, url } = urls[next++]!;
      try {
        stored.set(placeholder, await fetchWebImage(url));
      } catch (error) {
        reasons.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, urls.length) }, worker));
  return reasons;
}

async function pasteHtml(editor: Editor, html: string): Promise<boolean> {
  const host = hosts.get(editor);
  const { blocks, images, webImages, droppedImages, droppedBlocks } = htmlToBlocks(html, { webImages: true });
  if (blocks.length === 0) return false;
  const notices: string[] = [];
  if (droppedImages > 0) {
    notices.push(`${droppedImages} ${plural(droppedImages, 'image was', 'images were')} not pasted: copy ${plural(droppedImages, 'it', 'them')} as files.`);
  }
  // An article holds at most BODY_LIMITS.maxBlocks blocks; say what did not fit rather than drop it silently.
  if (droppedBlocks > 0) notices.push(`The paste was too long: the last ${droppedBlocks} ${plural(droppedBlocks, 'block was', 'blocks were')} left out.`);
  if (images.length === 0 && webImages.length === 0) {
    if (notices.length) host?.notify(notices.join(' '));
    insertPastedBlocks(editor, blocks);
    return true;
  }
  const at = editor.selection ? Editor.rangeRef(editor, editor.selection) : null;
  const stored = new Map<string, string>();
  let storeFailed = 0;
  await Promise.all(
    images.map(async (image) => {
      try {
        stored.set(image.placeholder, await storeImageData(image.fileName, image.mimeType, image.dataBase64));
      } catch {
        storeFailed++;
      }
    }),
  );
  if (webImages.length > 0) {
    if (!navigator.onLine) {
      notices.push(
        `${webImages.length} web ${plural(webImages.length, 'image was', 'images were')} left out: this computer is offline. Paste again when it is online, or copy the images as files.`,
      );
    } else {
      const reasons = await fetchAll(webImages, stored);
      if (reasons.length > 0) {
        const distinct = [...new Set(reasons)].slice(0, 3).join(' ');
        notices.push(`${reasons.length} web ${plural(reasons.length, 'image was', 'images were')} left out: ${distinct}`);
      }
    }
  }
  if (storeFailed > 0) notices.push(`${storeFailed} ${plural(storeFailed, 'image', 'images')} could not be stored.`);
  if (notices.length) host?.notify(notices.join(' '));
  const waiting = (id: string) => id.startsWith('pending:') || id.startsWith('web:');
  const kept = blocks.filter((b) => b.type !== 'image' || !waiting(b.assetId) || stored.has(b.assetId));
  for (const block of kept) if (block.type === 'image' && stored.has(block.assetId)) block.assetId = stored.get(block.assetId)!;
  const range = at?.unref();
  if (range) Transforms.select(editor, range);
  insertPastedBlocks(editor, kept);
  return true;
}

export function withPaste<E extends Editor>(editor: E): E {
  const { insertData } = editor;

  editor.insertData = (data) => {
    const files = Array.from(data.files ?? []).filter(isStorableImage);
    if (files.length > 0) {
      void insertImageFiles(editor, files);
      return;
    }
    if (data.types.includes('application/x-slate-fragment')) return insertData(data);
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (html) {
      void pasteHtml(editor, html).then((done) => {
        if (!done && text) insertPastedBlocks(editor, textToBlocks(text));
      });
      return;
    }
    if (text) {
      insertPastedBlocks(editor, textToBlocks(text));
      return;
    }
    insertData(data);
  };

  return editor;
}
