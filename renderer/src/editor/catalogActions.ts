/** What choosing a block in the Insert menu or the "/" menu does. */
import { Editor, Transforms } from 'slate';
import type { BlockElement } from '../../../shared/model/document';
import { createInsertedBlock, type CatalogEntry, type LibraryBlockKind } from '../../../shared/editor/blockCatalog';
import { setBlockStyle } from '../../../shared/editor/blockStyles';
import { insertBlocks } from '../../../shared/editor/insertBlock';

/**
 * Asks the host to pick a library entry (author bio, AI-use disclosure). A host may
 * return the block to insert; the editor then puts it where the cursor was.
 */
export type InsertLibraryBlock = (kind: LibraryBlockKind) => void | Promise<BlockElement | null | undefined>;

export type CatalogContext = { chooseImage: () => void; onInsertLibraryBlock?: InsertLibraryBlock | undefined };

export function runCatalogEntry(editor: Editor, entry: CatalogEntry, context: CatalogContext): void {
  switch (entry.action) {
    case 'style':
      setBlockStyle(editor, entry.id);
      return;
    case 'insert':
      insertBlocks(editor, [createInsertedBlock(entry.id)]);
      return;
    case 'image':
      context.chooseImage();
      return;
    case 'library': {
      const at = editor.selection ? Editor.rangeRef(editor, editor.selection) : null;
      void Promise.resolve(context.onInsertLibraryBlock?.(entry.id)).then((block) => {
        const range = at?.unref();
        if (!block) return;
        if (range) Transforms.select(editor, range);
        insertBlocks(editor, [block]);
      });
      return;
    }
  }
}
