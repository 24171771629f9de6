/**
 * Paste and drop: Slate's own fragments as they are, image files stored as assets,
 * HTML converted to the model (fromHtml), plain text as paragraphs.
 */
import { Editor, Range, Transforms, type Descendant } from 'slate';
import type { BlockElement, ImageElement } from '../../../../shared/model/document';
import { htmlToBlocks } from '../../../../shared/convert/fromHtml';
import { textToBlocks } from '../../../../shared/convert/fromText';
import { insertBlocks } from '../../../../shared/editor/insertBlock';
import { isStorableImage, storeImageData, storeImageFile } from './assets';

export type PasteHost = { notify: (message: string) => void };
const hosts = new WeakMap<Editor, PasteHost>();

export function setPasteHost(editor: Editor, host: PasteHost): void {
  hosts.set(editor, host);
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Puts converted blocks at the selection in one batch: a single undo step, one render. */
export function insertPastedBlocks(editor: Editor, blocks: BlockElement[]): void {
  if (blocks.length === 0) return;
  Editor.withoutNormalizing(editor, () => {
    if (editor.selection && Range.isExpanded(editor.selection)) Transforms.delete(editor);
    Transforms.insertFragment(editor, blocks as Descendant[]);
  });
}

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

async function pasteHtml(editor: Editor, html: string): Promise<boolean> {
  const host = hosts.get(editor);
  const { blocks, images, droppedImages, droppedBlocks } = htmlToBlocks(html);
  if (blocks.length === 0) return false;
  const notices: string[] = [];
  if (droppedImages > 0) {
    notices.push(`${droppedImages} ${plural(droppedImages, 'image was', 'images were')} not pasted: copy ${plural(droppedImages, 'it', 'them')} as files.`);
  }
  // An article holds at most BODY_LIMITS.maxBlocks blocks; say what did not fit rather than drop it silently.
  if (droppedBlocks > 0) notices.push(`The paste was too long: the last ${droppedBlocks} ${plural(droppedBlocks, 'block was', 'blocks were')} left out.`);
  if (notices.length) host?.notify(notices.join(' '));
  if (images.length === 0) {
    insertPastedBlocks(editor, blocks);
    return true;
  }
  const at = editor.selection ? Editor.rangeRef(editor, editor.selection) : null;
  const stored = new Map<string, string>();
  await Promise.all(
    images.map(async (image) => {
      try {
        stored.set(image.placeholder, await storeImageData(image.fileName, image.mimeType, image.dataBase64));
      } catch {
        // Counted below; the block is left out.
      }
    }),
  );
  const kept = blocks.filter((b) => b.type !== 'image' || !b.assetId.startsWith('pending:') || stored.has(b.assetId));
  for (const block of kept) if (block.type === 'image' && stored.has(block.assetId)) block.assetId = stored.get(block.assetId)!;
  const failed = images.length - stored.size;
  if (failed > 0) host?.notify(`${failed} ${plural(failed, 'image', 'images')} could not be stored.`);
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
